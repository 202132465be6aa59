// The Jira JSON importer on hand-written search results (shapes from Atlassian's REST
// documentation of GET /rest/api/3/search with expand=changelog): tasks, events, actors, time
// zones, time in status, identities, and bad input with line numbers.
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "importers/jira_parser.h"
#include "importers/registry.h"
#include "tests/support/test_support.h"

using namespace orglens;
using orglens::test::writeFile;

namespace {

// ENG-1: created by Ann, assigned by Lou to Bob, Bob starts, hands the review to Cat, Cat (in
// New York) closes it. Bob's address is only in his second appearance. ENG-2: a history of a
// deleted user (no author), one of an anonymous user (no accountId), a bad date, unknown
// fields, a resolution change.
constexpr std::string_view kPage = R"({
  "expand": "schema,names", "startAt": 0, "maxResults": 50, "total": 3,
  "issues": [
    {"expand": "operations,changelog", "id": "10001", "key": "ENG-1",
      "self": "https://example.atlassian.net/rest/api/3/issue/10001",
      "fields": {
        "summary": "Checkout fails for empty carts",
        "issuetype": {"id": "10004", "name": "Bug"},
        "project": {"id": "10000", "key": "ENG", "name": "Engineering"},
        "status": {"name": "Done", "statusCategory": {"key": "done"}},
        "created": "2024-03-01T10:00:00.000+0100",
        "resolutiondate": "2024-03-05T09:00:00.000-0500",
        "creator": {"accountId": "acc-ann", "displayName": "Ann Lee",
                    "emailAddress": "ann@example.org", "active": true},
        "reporter": {"accountId": "acc-ann", "displayName": "Ann Lee", "active": true},
        "assignee": {"accountId": "acc-cat", "displayName": "Cat Cho", "active": true}
      },
      "changelog": {"startAt": 0, "maxResults": 4, "total": 4, "histories": [
        {"id": "h1", "author": {"accountId": "acc-lou", "displayName": "Lou Ma"},
         "created": "2024-03-01T11:00:00.000+0100",
         "items": [{"field": "assignee", "fieldtype": "jira", "fieldId": "assignee",
                    "from": null, "fromString": null, "to": "acc-bob", "toString": "Bob Bauer"}]},
        {"id": "h2", "author": {"accountId": "acc-bob", "displayName": "Bob Bauer",
                                "emailAddress": "Bob@Example.org"},
         "created": "2024-03-01T15:30:00.000+0100",
         "items": [{"field": "status", "fieldtype": "jira", "fieldId": "status", "from": "10000",
                    "fromString": "To Do", "to": "3", "toString": "In Progress"}]},
        {"id": "h3", "author": {"accountId": "acc-bob", "displayName": "Bob Bauer"},
         "created": "2024-03-04T09:00:00.000+0100",
         "items": [{"field": "status", "fieldId": "status", "fromString": "In Progress",
                    "toString": "In Review", "from": "3", "to": "10002"},
                   {"field": "assignee", "fieldId": "assignee", "from": "acc-bob",
                    "fromString": "Bob Bauer", "to": "acc-cat", "toString": "Cat Cho"}]},
        {"id": "h4", "author": {"accountId": "acc-cat", "displayName": "Cat Cho"},
         "created": "2024-03-05T09:00:00.000-0500",
         "items": [{"field": "resolution", "fieldId": "resolution", "from": null, "to": "1",
                    "toString": "Done"},
                   {"field": "status", "fieldId": "status", "fromString": "In Review",
                    "toString": "Done"}]}
      ]}},
    {"id": "10002", "key": "ENG-2", "somethingNew": {"nested": [1, 2, {"x": null}]},
      "fields": {"created": "2024-03-02T08:00:00.000Z", "creator": null,
                 "reporter": {"accountId": "acc-ann", "displayName": "Ann Lee"}},
      "changelog": {"total": 5, "histories": [
{"id": "deleted-user", "created": "2024-03-02T09:00:00.000Z",
         "items": [{"field": "status", "fromString": "To Do", "toString": "In Progress"}]},
{"id": "anonymous", "author": {"displayName": "Former user", "active": false},
         "created": "2024-03-02T10:00:00.000Z",
         "items": [{"field": "priority", "fromString": "Low", "toString": "High"}]},
{"id": "bad-date", "author": {"accountId": "acc-ann"}, "created": "yesterday at noon",
         "items": [{"field": "status", "fromString": "In Progress", "toString": "Done"}]}
      ]}},
{"id": "10003", "fields": {"created": "2024-03-02T08:00:00.000Z"}}
  ]
})";

std::uint64_t lineOf(std::string_view text, std::string_view marker) {
  const auto at = text.find(marker);
  REQUIRE(at != std::string_view::npos);
  return 1 + static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

importers::ImportOutcome importInto(model::Model& model, const std::filesystem::path& path,
                                    importers::ImportOptions options = {}) {
  model::NoProgress progress;
  return importers::importFile(model, path, options, progress);
}

const model::EventRecord* findEvent(const model::Model& m, std::string_view item,
                                    std::string_view activity) {
  for (const auto& e : m.events())
    if (m.text(e.activity) == activity && m.text(m.objects()[e.item.value()].key) == item)
      return &e;
  return nullptr;
}

std::string actorKey(const model::Model& m, const model::EventRecord& e) {
  return e.actor ? std::string(m.text(m.objects()[e.actor.value()].key)) : std::string("-");
}

bool hasDiagnostic(const importers::ImportOutcome& o, std::uint64_t line, std::string_view text) {
  for (const auto& d : o.diagnostics)
    if (d.line == line && d.message.find(text) != std::string::npos) return true;
  return false;
}

constexpr model::MicrosUtc at(std::int64_t secondsSince1970) {
  return secondsSince1970 * 1'000'000;
}

}  // namespace

TEST_CASE("Jira search results become tasks with status and assignee events by their authors",
          "[importers][jira]") {
  const auto dir = test::tempDir("jira-json");
  const auto file = writeFile(dir / "search.json", kPage);
  CHECK(importers::Registry::builtin().detect(file)->name() == "jira-json");
  model::Model m;
  const auto outcome = importInto(m, file);
  CHECK(outcome.format == "jira-json");

  // 2024-03-01T10:00+01:00 = 09:00Z = 1709283600.
  const model::MicrosUtc created = at(1'709'283'600);
  const auto* e = findEvent(m, "ENG-1", "created");
  REQUIRE(e);
  CHECK(e->time == created);
  CHECK(actorKey(m, *e) == "ann@example.org");  // merged by e-mail
  e = findEvent(m, "ENG-1", "assigned");
  REQUIRE(e);
  CHECK(actorKey(m, *e) == "jira:acc-lou");  // no address anywhere: the account id
  CHECK(e->time == created + at(3600));
  e = findEvent(m, "ENG-1", "In Progress");
  REQUIRE(e);
  CHECK(actorKey(m, *e) == "bob@example.org");  // his address is only in a later history
  // -0500: 2024-03-05T14:00Z.
  e = findEvent(m, "ENG-1", "Done");
  REQUIRE(e);
  CHECK(e->time == at(1'709'647'200));
  CHECK(actorKey(m, *e) == "jira:acc-cat");
  CHECK(e->tool.valid());
  CHECK(m.text(e->tool) == "tracker");

  std::size_t assigned = 0, links = 0;
  for (const auto& ev : m.events()) assigned += m.text(ev.activity) == "assigned";
  for (const auto& [id, link] : m.eventLinks()) links += m.text(link.qualifier) == "assignee";
  CHECK(assigned == 2);
  CHECK(links == 2);

  // Time in status, in seconds, for the statuses left.
  std::map<std::string, model::Value> attributes;
  for (const auto& a : m.objectAttributes())
    if (m.text(m.objects()[a.object.value()].key) == "ENG-1")
      attributes[std::string(m.text(a.key))] = a.value;
  CHECK(attributes["time_in_status:To Do"] == model::Value(std::int64_t{5 * 3600 + 1800}));
  CHECK(attributes["time_in_status:In Progress"] == model::Value(std::int64_t{65 * 3600 + 1800}));
  CHECK(attributes["time_in_status:In Review"] == model::Value(std::int64_t{30 * 3600}));
  CHECK(attributes.count("time_in_status:Done") == 0);
  CHECK(attributes["issue_type"] == model::Value(std::string("Bug")));
  CHECK(attributes.count("summary") == 0);  // subjects only on request

  // Ann, Lou, Bob, Cat: four people (Ann's account id and address are one person).
  std::size_t people = 0;
  for (const auto& o : m.objects()) people += o.type == model::typeId(model::BuiltinType::Person);
  CHECK(people == 4);
}

TEST_CASE("Deleted users, bad dates, missing keys and truncated changelogs are diagnostics",
          "[importers][jira]") {
  const auto dir = test::tempDir("jira-json-bad");
  const auto file = writeFile(dir / "search.json", kPage);
  model::Model m;
  const auto o = importInto(m, file);
  // A history of a deleted user: imported without actor, with a warning on its line.
  const auto* e = findEvent(m, "ENG-2", "In Progress");
  REQUIRE(e);
  CHECK_FALSE(e->actor.valid());
  CHECK(hasDiagnostic(o, lineOf(kPage, "{\"id\": \"deleted-user\""), "without an author"));
  CHECK(hasDiagnostic(o, lineOf(kPage, "{\"id\": \"anonymous\""), "has no accountId"));
  CHECK(hasDiagnostic(o, lineOf(kPage, "{\"id\": \"bad-date\""), "'yesterday at noon'"));
  CHECK(findEvent(m, "ENG-2", "Done") == nullptr);  // the history with the bad date
  CHECK(hasDiagnostic(o, lineOf(kPage, "{\"id\": \"10003\""), "without a key"));
  CHECK(hasDiagnostic(o, lineOf(kPage, "{\"id\": \"10002\""), "lacks 2 histories"));
  // ENG-2 has no creator: the reporter created it.
  e = findEvent(m, "ENG-2", "created");
  REQUIRE(e);
  CHECK(actorKey(m, *e) == "ann@example.org");
  // The keep-subjects option keeps the summary.
  model::Model kept;
  importers::ImportOptions options;
  options.keepSubjects = true;
  importInto(kept, file, options);
  bool summary = false;
  for (const auto& a : kept.objectAttributes())
    summary |= kept.text(a.key) == "summary" &&
               a.value == model::Value(std::string("Checkout fails for empty carts"));
  CHECK(summary);
}

TEST_CASE("A broken Jira file is refused with its line, a folder skips it and reads the rest",
          "[importers][jira]") {
  const auto dir = test::tempDir("jira-json-broken");
  const std::string broken =
      "{\"issues\": [\n {\"key\": \"X-1\", \"fields\": {}},\n {\"key\": ,}\n]}";
  const auto bad = writeFile(dir / "one" / "bad.json", broken);
  model::Model m;
  importers::ImportOptions options;
  options.format = "jira-json";
  CHECK_THROWS_WITH(importInto(m, bad, options),
                    Catch::Contains("bad.json:3") && Catch::Contains("not valid JSON"));
  CHECK(m.events().empty());
  // A folder of pages: an array of issues, a search page, and the broken file.
  writeFile(dir / "pages" / "page-1.json",
            R"([{"key": "A-1", "fields": {"created": "2024-01-02T03:04:05.000+0000"}}])");
  writeFile(dir / "pages" / "page-2.json", kPage);
  writeFile(dir / "pages" / "page-3.json", broken);
  CHECK(importers::Registry::builtin().detect(dir / "pages")->name() == "jira-json");
  model::Model folder;
  const auto o = importInto(folder, dir / "pages");
  CHECK(findEvent(folder, "A-1", "created"));
  CHECK(findEvent(folder, "ENG-1", "Done"));
  CHECK(findEvent(folder, "X-1", "created") == nullptr);
  CHECK(hasDiagnostic(o, 3, "page-3.json:3: not valid JSON"));
  // A folder with other data besides Jira pages is not a Jira export as a whole.
  writeFile(dir / "pages" / "notes.csv", "a,b\n1,2\n");
  CHECK(importers::Registry::builtin().find("jira-json")->sniff(dir / "pages", {}) == 0);
}

TEST_CASE("The Jira parser survives every prefix of a page", "[importers][jira]") {
  importers::JiraParser parser;
  for (std::size_t n = 0; n < kPage.size(); n += 7) {
    const auto page = parser.parse(kPage.substr(0, n));
    CHECK((page.error.empty() || page.issues.empty()));
  }
  for (std::string_view text : {"", "null", "42", "[1, \"x\", null]", "{\"issues\": 3}",
                                "{\"issues\": [{\"key\": 5, \"fields\": [], \"changelog\": "
                                "{\"histories\": {}}}]}"}) {
    INFO(text);
    const auto page = parser.parse(text);
    CHECK((!page.error.empty() || !page.problems.empty() || !page.issues.empty()));
  }
}

TEST_CASE("With a pseudonym key no Jira account, name or address reaches the store",
          "[importers][jira][privacy]") {
  const auto dir = test::tempDir("jira-json-pseudo");
  const auto file = writeFile(dir / "search.json", kPage);
  importers::ImportOptions options;
  options.pseudonymKey = {"correct horse battery staple 42"};
  {
    auto store = model::Store::open(dir / "k.orglens", model::Store::Mode::Create);
    model::NoProgress progress;
    importers::importFile(*store, file, options, progress);
  }
  const std::string bytes = test::readFile(dir / "k.orglens");
  for (const char* id : {"acc-ann", "acc-lou", "acc-bob", "acc-cat", "ann@example.org",
                         "bob@example.org", "Ann Lee", "Lou Ma", "Bob Bauer", "Cat Cho"}) {
    INFO(id);
    CHECK(bytes.find(id) == std::string::npos);
  }
  CHECK(bytes.find("ENG-1") != std::string::npos);  // keys of issues are no identities
}
