// Pseudonymisation at import on hand-made inputs: a roster with manager references, an mbox
// with display names, an event CSV whose extra columns copy identities and a message CSV
// without message ids. With a key, no real identity reaches the store's bytes; the people
// and merges are those of the import without a key.
#include <unistd.h>

#include <filesystem>

#include "importers/pseudonymiser.h"
#include "tests/privacy/privacy_fixture.h"

using namespace orglens;
using namespace orglens::privacytest;
using importers::ImportOptions;
using importers::Pseudonymiser;

namespace {

const char* const kRoster =
    "person_id,email,name,team,department,manager_id,role\n"
    "EMP100,ann.smith@example.org,Ann Smith,Legal,Corporate,,Counsel\n"
    "EMP200,bob.jones@example.org,\"Jones, Bob\",Legal,Corporate,EMP100,Paralegal\n"
    "EMP300,carol.white@example.org,Carol White,Ops,Operations,bob.jones@example.org,Clerk\n"
    "EMP400,dave.brown@example.org,Dave Brown,Ops,Operations,EMP999,Clerk\n"
    "EMP300,,Carol White,Ops,Operations,,Clerk\n"
    "EMP500,eve-at-nowhere,Eve Black,Ops,Operations,EMP100,Clerk\n";

const char* const kMbox =
    "From ann.smith@example.org Mon Mar  2 09:00:00 2020\n"
    "From: \"Ann Smith\" <Ann.Smith@Example.org>\n"
    "To: Bob Jones <bob.jones@example.org>, frank.green@outside.example (Frank Green)\n"
    "Cc: grace.hopper at navy.example (Grace Hopper)\n"
    "Subject: Budget for the merger with Initech\n"
    "Date: Mon, 2 Mar 2020 10:00:00 +0100\n"
    "Message-ID: <20200302.1234.ann.smith@example.org>\n"
    "\n"
    "This confidential body sentence must never be stored.\n"
    "\n"
    "From bob.jones@example.org Mon Mar  2 11:00:00 2020\n"
    "From: Bob Jones <bob.jones@example.org>\n"
    "To: \"Ann Smith\" <ann.smith@example.org>\n"
    "Date: Mon, 2 Mar 2020 11:00:00 +0100\n"
    "Message-ID: <reply1@mail.example>\n"
    "In-Reply-To: <20200302.1234.ann.smith@example.org>\n"
    "References: <20200302.1234.ann.smith@example.org>\n"
    "\n"
    "Fine by me.\n"
    "\n"
    "From henry.ford@cars.example Tue Mar  3 08:00:00 2020\n"
    "To: carol.white@example.org\n"
    "Date: Tue, 3 Mar 2020 08:00:00 +0000\n"
    "Message-ID: <m3@cars.example>\n"
    "\n"
    "A message without a From header: its sender is the envelope.\n";

const char* const kEvents =
    "case,activity,timestamp,resource,approver,contact\n"
    "c1,Submit,2025-01-01 10:00,Ivan Petrov,Liam Neeson,\n"
    "c1,Approve,2025-01-01 11:00,Julia Roberts,Ivan Petrov,julia.roberts@corp.example\n"
    "c2,Submit,2025-01-02 10:00,ann.smith@example.org,Julia Roberts,\n"
    "c2,Close,2025-01-03 10:00,Liam Neeson,,\n";

const char* const kMessages =
    "time,sender,recipient\n"
    "2025-01-02 09:00,kim.lee@corp.example,Ivan Petrov;ann.smith@example.org\n"
    "2025-01-02 10:00,Ivan Petrov,kim.lee@corp.example\n";

/// Every raw identity of the inputs above (ids, names, addresses, the envelope sender).
const std::vector<std::string> kIdentities = {
    "EMP100",         "EMP200",      "EMP300",      "EMP400",        "EMP500",
    "EMP999",         "ann.smith",   "Ann Smith",   "bob.jones",     "Jones, Bob",
    "Bob Jones",      "carol.white", "Carol White", "dave.brown",    "Dave Brown",
    "eve-at-nowhere", "Eve Black",   "frank.green", "Frank Green",   "grace.hopper",
    "Grace Hopper",   "henry.ford",  "Ivan Petrov", "Julia Roberts", "julia.roberts",
    "kim.lee",        "Liam Neeson"};

struct Inputs {
  std::filesystem::path roster, mbox, events, messages;
};

Inputs writeInputs(const std::filesystem::path& dir) {
  return {test::writeFile(dir / "in" / "roster.csv", kRoster),
          test::writeFile(dir / "in" / "mail.mbox", kMbox),
          test::writeFile(dir / "in" / "events.csv", kEvents),
          test::writeFile(dir / "in" / "messages.csv", kMessages)};
}

/// Imports the four inputs (roster first, as `orglens import` orders a folder) into `db`.
void importInputs(const Inputs& in, const std::filesystem::path& db, ImportOptions options) {
  const std::vector<std::pair<std::filesystem::path, const char*>> files = {
      {in.roster, "roster-csv"},
      {in.mbox, "mbox"},
      {in.events, "event-csv"},
      {in.messages, "message-csv"}};
  for (const auto& [file, format] : files) {
    options.format = format;
    importAll(db, {file}, options);
  }
}

ImportOptions keyed(const std::string& key) {
  ImportOptions options;
  options.pseudonymKey = keyOf(key);
  return options;
}

const std::string kKey = "correct horse battery staple 42";
const std::string kOtherKey = "another key, also long enough";

}  // namespace

TEST_CASE("With a key, no raw identity reaches the store and the people are the same",
          "[privacy][pseudonymise]") {
  const auto dir = test::tempDir("pseudo-hand");
  const Inputs in = writeInputs(dir);
  const auto plainDb = dir / "plain" / "org.orglens";
  const auto keyedDb = dir / "keyed" / "org.orglens";
  importInputs(in, plainDb, {});
  importInputs(in, keyedDb, keyed(kKey));

  // The store without a key does hold them: the check below can fail.
  const std::string plain = storeBytes(plainDb);
  for (const auto& id : {"EMP100", "Ann Smith", "ann.smith@example.org", "Ivan Petrov"})
    CHECK(plain.find(id) != std::string::npos);

  REQUIRE_FALSE(leftoverFiles(keyedDb));
  const std::string bytes = storeBytes(keyedDb);
  const std::string lowerBytes = lower(bytes);
  for (const auto& id : kIdentities) {
    INFO(id);
    CHECK(bytes.find(id) == std::string::npos);
    CHECK(lowerBytes.find(lower(id)) == std::string::npos);
  }
  CHECK(bytes.find(kKey) == std::string::npos);  // the key itself is never stored
  CHECK(bytes.find("confidential body sentence") == std::string::npos);
  CHECK(bytes.find("merger with Initech") == std::string::npos);

  // Same people, aliases, merges and links as without the key.
  auto plainStore = model::Store::open(plainDb, model::Store::Mode::ReadOnly);
  auto keyedStore = model::Store::open(keyedDb, model::Store::Mode::ReadOnly);
  const auto a = plainStore->summary();
  const auto b = keyedStore->summary();
  CHECK(a.people == 12);  // 5 in the roster, 3 more in the mail, 3 resources, kim
  CHECK(b.people == a.people);
  CHECK(b.activePeople == a.activePeople);
  CHECK(b.aliases == a.aliases);
  CHECK(b.relations == a.relations);
  CHECK(b.events == a.events);
  CHECK(b.teams == a.teams);
  for (std::size_t t = 0; t < a.objectsByType.size(); ++t)
    CHECK(b.objectsByType[t].objects == a.objectsByType[t].objects);
  CHECK(a.pseudonymKeyId.empty());
  CHECK(b.pseudonymKeyId == Pseudonymiser(keyOf(kKey)).keyId());
  for (const auto& s : b.sources)
    CHECK(s.record.options.find("pseudonymize=" + b.pseudonymKeyId) != std::string::npos);

  // Keys and display names are the pseudonyms: "p-" and 16 hex digits, name = key.
  const auto people = identitiesOf(keyedDb);
  for (const auto& key : people.keys) {
    CHECK(key.size() == 18);
    CHECK(key.rfind("p-", 0) == 0);
  }
  CHECK(people.names == people.keys);
}

TEST_CASE("Manager references, merges and copied identities map to the same pseudonym",
          "[privacy][pseudonymise]") {
  const auto dir = test::tempDir("pseudo-links");
  const Inputs in = writeInputs(dir);
  const auto db = dir / "org.orglens";
  importInputs(in, db, keyed(kKey));
  const Pseudonymiser p(keyOf(kKey));
  auto store = model::Store::open(db, model::Store::Mode::ReadOnly);
  auto managerOf = [&](const std::string& person) {
    model::Statement s(store->db(),
                       "SELECT tk.value FROM relations r JOIN strings q ON q.id = r.qualifier "
                       "JOIN objects f ON f.id = r.from_object JOIN strings fk ON fk.id = f.key "
                       "JOIN objects t ON t.id = r.to_object JOIN strings tk ON tk.id = t.key "
                       "WHERE q.value = 'reports-to' AND fk.value = ?");
    s.bind(1, p.pseudonym(person));
    return s.step() ? std::string(s.columnText(0)) : std::string();
  };
  CHECK(managerOf("EMP200") == p.pseudonym("EMP100"));  // by id
  CHECK(managerOf("EMP300") == p.pseudonym("EMP200"));  // by e-mail
  CHECK(managerOf("EMP400").empty());                   // EMP999 is not in the roster

  // Ann's mail address resolves to her roster person: the e-mail alias's pseudonym.
  const auto model = store->loadModel();
  const auto ann = model.findAlias(model::AliasKind::Email, p.pseudonym("ann.smith@example.org"));
  REQUIRE(ann);
  CHECK(model.findAlias(model::AliasKind::PersonKey, p.pseudonym("EMP100")) == ann);
  CHECK(model.text(model.objects()[ann->value()].key) == p.pseudonym("EMP100"));
  // pipermail's "user at domain" is the same address as user@domain.
  CHECK(model.findAlias(model::AliasKind::Email, p.pseudonym("grace.hopper@navy.example")));
  CHECK(model.findAlias(model::AliasKind::Email, p.pseudonym("henry.ford@cars.example")));

  // The event CSV's extra columns: copied resource names (Liam's before he acts) and an
  // address.
  std::set<std::string> values;
  model::Statement attrs(store->db(), "SELECT value FROM event_attributes WHERE type = 4");
  while (attrs.step()) values.emplace(attrs.columnText(0));
  CHECK(values.count(p.pseudonym("Ivan Petrov")));
  CHECK(values.count(p.pseudonym("Julia Roberts")));
  CHECK(values.count(p.pseudonym("julia.roberts@corp.example")));
  CHECK(values.count(p.pseudonym("Liam Neeson")));

  // Diagnostics quote pseudonyms: the unknown manager, the bad address, the repeated person.
  std::string messages;
  for (const auto& line : store->summary().sources)
    for (const auto& d : store->diagnostics(line.id)) messages += d.message + "\n";
  CHECK_THAT(messages, Catch::Contains("manager '" + p.pseudonym("EMP999") + "'"));
  CHECK_THAT(messages, Catch::Contains("person '" + p.pseudonym("EMP300") + "' appears again"));
  CHECK_THAT(messages, Catch::Contains("'" + p.pseudonym("eve-at-nowhere") + "' is not an e-mail"));
}

TEST_CASE("The same key gives the same pseudonyms in two stores and another key other ones",
          "[privacy][pseudonymise]") {
  const auto dir = test::tempDir("pseudo-keys");
  const Inputs in = writeInputs(dir);
  importInputs(in, dir / "a" / "org.orglens", keyed(kKey));
  importInputs(in, dir / "b" / "org.orglens", keyed(kKey));
  importInputs(in, dir / "c" / "org.orglens", keyed(kOtherKey));
  const auto a = identitiesOf(dir / "a" / "org.orglens");
  const auto b = identitiesOf(dir / "b" / "org.orglens");
  const auto c = identitiesOf(dir / "c" / "org.orglens");
  CHECK(a.people == 12);
  CHECK(a.keys == b.keys);
  CHECK(a.aliases == b.aliases);
  CHECK(c.people == a.people);
  std::size_t shared = 0;
  for (const auto& k : c.all()) shared += a.all().count(k);
  CHECK(shared == 0);

  // The same file again with the same key is the same import: nothing is added.
  auto store = model::Store::open(dir / "a" / "org.orglens", model::Store::Mode::ReadWrite);
  model::NoProgress progress;
  auto options = keyed(kKey);
  options.format = "roster-csv";
  CHECK(importers::importFile(*store, in.roster, options, progress).alreadyImported);

  // A key file with a line end is the same key.
  const auto file = test::writeFile(dir / "key.txt", kKey + "\r\n");
  CHECK(Pseudonymiser(importers::loadPseudonymKey(file)).keyId() ==
        Pseudonymiser(keyOf(kKey)).keyId());
}

TEST_CASE("Bad key files are refused with a message that says what to do",
          "[privacy][pseudonymise]") {
  const auto dir = test::tempDir("pseudo-badkey");
  auto refused = [](const std::filesystem::path& path, const std::string& why) {
    try {
      importers::loadPseudonymKey(path);
      FAIL("accepted " + path.string());
    } catch (const importers::ImportError& e) {
      CHECK_THAT(e.what(), Catch::Contains(path.string()) && Catch::Contains(why) &&
                               Catch::Contains("head -c 32 /dev/urandom"));
    }
  };
  refused(dir / "missing.key", "no such file");
  std::filesystem::create_directories(dir / "folder.key");
  refused(dir / "folder.key", "is a folder");
  refused(test::writeFile(dir / "short.key", "fifteen bytes!!\n"), "the key has 15 bytes");
  refused(test::writeFile(dir / "empty.key", "\n\n"), "the key has 0 bytes");
  CHECK(importers::loadPseudonymKey(test::writeFile(dir / "ok.key", "sixteen bytes!!!\n"))
            .bytes.size() == 16);
  if (::geteuid() != 0) {  // root reads any file
    const auto locked = test::writeFile(dir / "locked.key", std::string(32, 'k'));
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    refused(locked, "cannot read");
  }
}

TEST_CASE("Real identities and pseudonyms are never mixed in one store",
          "[privacy][pseudonymise]") {
  const auto dir = test::tempDir("pseudo-mix");
  const Inputs in = writeInputs(dir);
  model::NoProgress progress;
  auto refusedUnchanged = [&](const std::filesystem::path& db, ImportOptions options,
                              const std::string& why) {
    const std::string before = storeBytes(db);
    options.format = "event-csv";
    auto store = model::Store::open(db, model::Store::Mode::ReadWrite);
    try {
      importers::importFile(*store, in.events, options, progress);
      FAIL("mixed import accepted");
    } catch (const importers::ImportError& e) {
      CHECK_THAT(e.what(), Catch::Contains(db.string()) && Catch::Contains(why));
    }
    store.reset();
    CHECK(storeBytes(db) == before);
  };
  const auto plainDb = dir / "plain" / "org.orglens";
  importAll(plainDb, {in.roster}, {});
  refusedUnchanged(plainDb, keyed(kKey), "holds people imported without --pseudonymize-key");

  const auto keyedDb = dir / "keyed" / "org.orglens";
  importAll(keyedDb, {in.roster}, keyed(kKey));
  refusedUnchanged(keyedDb, {}, "was pseudonymised at import");
  refusedUnchanged(keyedDb, keyed(kOtherKey), "was pseudonymised with another key");
  auto same = keyed(kKey);
  same.format = "event-csv";
  CHECK(importAll(keyedDb, {in.events}, same).front().counts.events == 4);
}

TEST_CASE("A --strict failure quotes a pseudonym, not the identity", "[privacy][pseudonymise]") {
  const auto dir = test::tempDir("pseudo-strict");
  const Inputs in = writeInputs(dir);
  auto options = keyed(kKey);
  options.strict = true;
  options.format = "roster-csv";
  try {
    importAll(dir / "org.orglens", {in.roster}, options);
    FAIL("strict import accepted");
  } catch (const importers::ImportError& e) {
    const std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("--strict"));
    for (const auto& id : kIdentities) CHECK(what.find(id) == std::string::npos);
  }
}

TEST_CASE("An in-memory import pseudonymises the same way", "[privacy][pseudonymise]") {
  const auto dir = test::tempDir("pseudo-model");
  const Inputs in = writeInputs(dir);
  model::Model model;
  model::NoProgress progress;
  auto options = keyed(kKey);
  options.format = "roster-csv";
  importers::importFile(model, in.roster, options, progress);
  const Pseudonymiser p(keyOf(kKey));
  const auto ann = model.findAlias(model::AliasKind::Email, p.pseudonym("ann.smith@example.org"));
  REQUIRE(ann);
  CHECK(model.text(model.objects()[ann->value()].name) == p.pseudonym("EMP100"));
}
