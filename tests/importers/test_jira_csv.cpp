// The Jira CSV importer on a hand-written export in the shape Jira's "Export → CSV (all
// fields)" writes: one row per issue, repeated columns, Jira's date format.
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "tests/support/test_support.h"

using namespace orglens;
using orglens::test::writeFile;

namespace {

constexpr std::string_view kExport =
    "Summary,Issue key,Issue id,Issue Type,Status,Project key,Assignee,Assignee Id,Reporter,"
    "Reporter Id,Created,Resolved,Watchers,Watchers,Sprint,Sprint,Custom field (Team)\n"
    "Fix login,OPS-7,10007,Bug,Done,OPS,Bob Bauer,acc-bob,Ann Lee,acc-ann,01/Mar/24 10:00 AM,"
    "04/Mar/24 2:30 PM,Ann Lee,Bob Bauer,OPS Sprint 1,OPS Sprint 2,Web\n"
    "\"Report, quarterly\",OPS-8,10008,Task,In Progress,OPS,,,Ann Lee,acc-ann,2024-03-02 09:15,,"
    ",,,,\n"
    "Broken,OPS-9,10009,Task,Open,OPS,,,Ann Lee,acc-ann,32/Foo/24 10:00 AM,,,,,,\n"
    "Backwards,OPS-10,10010,Task,Done,OPS,,,Ann Lee,acc-ann,05/Mar/2024 12:00 PM,"
    "04/Mar/2024 12:00 AM,,,,,\n"
    "Short row,OPS-11\n";

importers::ImportOutcome importInto(model::Model& model, const std::filesystem::path& path,
                                    importers::ImportOptions options = {}) {
  model::NoProgress progress;
  return importers::importFile(model, path, options, progress);
}

bool hasDiagnostic(const importers::ImportOutcome& o, std::uint64_t line, std::string_view text) {
  for (const auto& d : o.diagnostics)
    if (d.line == line && d.message.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("A Jira CSV export gives created and resolved events and the current assignee",
          "[importers][jira]") {
  const auto dir = test::tempDir("jira-csv");
  const auto file = writeFile(dir / "Jira.csv", kExport);
  CHECK(importers::Registry::builtin().detect(file)->name() == "jira-csv");
  importers::ImportOptions options;
  options.timezone = "Europe/Berlin";
  model::Model m;
  const auto o = importInto(m, file, options);
  CHECK(o.format == "jira-csv");
  std::map<std::string, std::vector<const model::EventRecord*>> byItem;
  for (const auto& e : m.events())
    byItem[std::string(m.text(m.objects()[e.item.value()].key))].push_back(&e);
  REQUIRE(byItem["OPS-7"].size() == 2);
  const auto& created = *byItem["OPS-7"][0];
  const auto& resolved = *byItem["OPS-7"][1];
  CHECK(m.text(created.activity) == "created");
  // 01/Mar/24 10:00 AM in Berlin (CET) = 09:00Z.
  CHECK(created.time == 1'709'283'600LL * 1'000'000);
  CHECK(m.text(m.objects()[created.actor.value()].key) == "jira:acc-ann");
  CHECK(m.text(resolved.activity) == "resolved");
  CHECK(resolved.time == (1'709'283'600LL + 3 * 86400 + 4 * 3600 + 1800) * 1'000'000);
  CHECK_FALSE(resolved.actor.valid());  // the export does not say who resolved it
  // ISO dates too; an open issue has only its creation.
  REQUIRE(byItem["OPS-8"].size() == 1);
  CHECK(byItem["OPS-8"][0]->time == (1'709'283'600LL + 86400 - 2700) * 1'000'000);
  // The assignee is a relation of the task; repeated columns become attributes.
  std::size_t assignees = 0;
  for (const auto& r : m.relations())
    if (m.text(r.qualifier) == "assignee") {
      ++assignees;
      CHECK(m.text(m.objects()[r.to.value()].key) == "jira:acc-bob");
    }
  CHECK(assignees == 1);
  std::map<std::string, model::Value> attributes;
  for (const auto& a : m.objectAttributes())
    if (m.text(m.objects()[a.object.value()].key) == "OPS-7")
      attributes[std::string(m.text(a.key))] = a.value;
  CHECK(attributes["sprints"] == model::Value(std::string("OPS Sprint 1; OPS Sprint 2")));
  CHECK(attributes["watchers"] == model::Value(std::int64_t{2}));
  CHECK(attributes["status"] == model::Value(std::string("Done")));
  // Bad rows: diagnostics on their lines, never a crash.
  CHECK(hasDiagnostic(o, 4, "cannot read the time '32/Foo/24 10:00 AM'"));
  CHECK(hasDiagnostic(o, 5, "resolved before it was created"));
  CHECK(hasDiagnostic(o, 6, "expected 17 fields"));
  CHECK(byItem.count("OPS-9") == 0);
  CHECK(byItem["OPS-10"].size() == 1);
}

TEST_CASE("Jira CSV times without --timezone are UTC, with 12-hour clock edge cases",
          "[importers][jira]") {
  const auto dir = test::tempDir("jira-csv-utc");
  const auto file = writeFile(dir / "export.csv",
                              "Issue key,Summary,Created\n"
                              "A-1,x,01/Jan/25 12:05 AM\n"
                              "A-2,y,01/Jan/25 12:05 PM\n"
                              "A-3,z,1/Jan/2025 13:05\n"
                              "A-4,w,01/Jan/25 13:05 PM\n");
  model::Model m;
  const auto o = importInto(m, file);
  std::map<std::string, model::MicrosUtc> times;
  for (const auto& e : m.events())
    times[std::string(m.text(m.objects()[e.item.value()].key))] = e.time;
  const model::MicrosUtc day = 1'735'689'600LL * 1'000'000;  // 2025-01-01T00:00Z
  CHECK(times["A-1"] == day + 300'000'000LL);
  CHECK(times["A-2"] == day + (12 * 3600 + 300) * 1'000'000LL);
  CHECK(times["A-3"] == day + (13 * 3600 + 300) * 1'000'000LL);
  CHECK(times.count("A-4") == 0);
  CHECK(hasDiagnostic(o, 5, "13:05 PM"));
}
