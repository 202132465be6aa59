// The real pipermail archives of the Project Clearwater mailing list (30 months, 17 MB).
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <set>

#include "importers/import_file.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportOptions;

namespace {

/// The monthly archives in chronological order ("2015-July.txt" sorts after "2015-August").
std::vector<std::filesystem::path> monthsInOrder(const std::filesystem::path& folder) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  std::vector<std::pair<int, std::filesystem::path>> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string stem = entry.path().stem().string();
    const auto dash = stem.find('-');
    if (entry.path().extension() != ".txt" || dash == std::string::npos) continue;
    const auto month = std::find(kMonths.begin(), kMonths.end(), stem.substr(dash + 1));
    files.emplace_back(std::stoi(stem.substr(0, dash)) * 12 + int(month - kMonths.begin()),
                       entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::filesystem::path> out;
  for (auto& [key, path] : files) out.push_back(path);
  return out;
}

std::filesystem::path importArchive(std::string_view name, const ImportOptions& options) {
  const auto folder = test::sharedData("email/clearwater-2015-2017");
  const auto db = test::tempDir(name) / "mail.orglens";
  auto store = model::Store::open(db, model::Store::Mode::Create);
  model::NoProgress progress;
  for (const auto& file : monthsInOrder(folder)) {
    const auto outcome = importers::importFile(*store, file, options, progress);
    CHECK(outcome.format == "mbox");
  }
  return db;
}

/// Every byte the import left on disk: the store and any journal or WAL file beside it.
std::string storeBytes(const std::filesystem::path& db) {
  std::string out;
  for (const auto& entry : std::filesystem::directory_iterator(db.parent_path()))
    out += test::readFile(entry.path());
  return out;
}

std::size_t countQualifier(const model::Model& m, std::string_view qualifier) {
  return static_cast<std::size_t>(
      std::count_if(m.relations().begin(), m.relations().end(),
                    [&](const model::Relation& r) { return m.text(r.qualifier) == qualifier; }));
}

}  // namespace

// Expected figures from scripts/email_reference_figures.py, an independent reader written
// with Python's email.parser/email.utils (its own From_ line regex, date and address
// parsing) that applies the mapping rules of importers/email_importer.cpp: 1386 messages
// (dates readable, Message-IDs kept once), 187 distinct sender addresses, 846 replies whose
// parent was imported, 476 threads.
TEST_CASE("The Clearwater pipermail archives import with the reference figures",
          "[importers][email]") {
  const auto db = importArchive("mail-clearwater", ImportOptions{});
  const auto model = model::Store::open(db, model::Store::Mode::ReadOnly)->loadModel();
  CHECK(model.events().size() == 1386);
  std::set<std::uint32_t> senders, threads;
  std::size_t mobile = 0;
  for (const auto& e : model.events()) {
    CHECK(model.text(e.activity) == "sent");
    CHECK(model.text(e.tool) == "email");
    REQUIRE(e.actor.valid());
    senders.insert(e.actor.value());
    threads.insert(e.item.value());
    mobile += e.platform == model::Platform::Mobile;
  }
  CHECK(senders.size() == 187);
  CHECK(threads.size() == 476);
  CHECK(countQualifier(model, "reply-to") == 846);
  CHECK(countQualifier(model, "in") == 1386);
  // `grep -c '^Sent from my iPhone'` finds 11 lines, some of them in quoted earlier messages.
  CHECK(mobile >= 5);
  CHECK(mobile <= 11);
  std::size_t messages = 0, threadObjects = 0;
  for (const auto& o : model.objects()) {
    messages += model.typeNames()[o.type.value()] == "message";
    threadObjects += model.typeNames()[o.type.value()] == "thread";
  }
  CHECK(messages == 1386);
  CHECK(threadObjects == 476);
}

TEST_CASE("No body text and no subject of the Clearwater archives reaches the store",
          "[importers][email]") {
  // Lines of message bodies (2016-March, 2015-August) and frequent subjects.
  const std::array<std::string_view, 3> body = {"Read source code, the logic is very simple in",
                                                "I wrote an C language file",
                                                "memory kilobytes total"};
  const std::array<std::string_view, 2> subjects = {
      "502 Bad Gateway and other errors while running live tests", "Stress Testing"};
  const std::string plain = storeBytes(importArchive("mail-private", ImportOptions{}));
  for (auto text : body) CHECK(plain.find(text) == std::string::npos);
  for (auto text : subjects) CHECK(plain.find(text) == std::string::npos);

  ImportOptions keep;
  keep.keepSubjects = true;
  const std::string kept = storeBytes(importArchive("mail-subjects", keep));
  for (auto text : body) CHECK(kept.find(text) == std::string::npos);
  for (auto text : subjects) CHECK(kept.find(text) != std::string::npos);
}
