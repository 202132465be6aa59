// Usage log CSV: one itemless event per row, platforms from device strings, bad rows.
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

importers::ImportOutcome importInto(model::Model& model, const std::filesystem::path& file,
                                    const importers::ImportOptions& options = {}) {
  model::NoProgress progress;
  return importers::importFile(model, file, options, progress);
}

}  // namespace

TEST_CASE("A usage log imports one itemless event per row with platforms from devices",
          "[importers][usagecsv]") {
  const auto dir = orglens::test::tempDir("usage");
  const auto file = orglens::test::writeFile(
      dir / "usage.csv",
      "time,user,tool,action,device\n"
      "2025-03-03T09:00:00Z,Ann@Example.org,Teams,login,iPhone 14\n"
      "2025-03-03T09:05:00Z,ann@example.org,Teams,message,Windows 11 Chrome\n"
      "2025-03-03T10:00:00Z,jsmith,Confluence,edit,Windows 11 desktop app\n"
      "2025-03-03T11:00:00Z,jsmith,Confluence,view,\n");
  CHECK(importers::Registry::builtin().detect(file)->name() == "usage-csv");
  model::Model model;
  const auto outcome = importInto(model, file);
  CHECK(outcome.format == "usage-csv");
  REQUIRE(model.events().size() == 4);
  const auto& e = model.events();
  CHECK(e[0].actor == e[1].actor);  // the e-mail is normalised: one person
  CHECK(e[2].actor == e[3].actor);
  CHECK(e[0].actor != e[2].actor);
  CHECK(model.findAlias(model::AliasKind::Email, "ann@example.org") == e[0].actor);
  CHECK(model.findAlias(model::AliasKind::Resource, "jsmith") == e[2].actor);
  CHECK(e[0].platform == model::Platform::Mobile);
  CHECK(e[1].platform == model::Platform::Web);  // a browser on Windows is web use
  CHECK(e[2].platform == model::Platform::Desktop);
  CHECK(e[3].platform == model::Platform::Unknown);
  for (const auto& event : e) CHECK_FALSE(event.item.valid());
  CHECK(model.text(e[0].tool) == "Teams");
  CHECK(model.text(e[2].activity) == "edit");
}

TEST_CASE("A usage log's platform column wins over its device column", "[importers][usagecsv]") {
  const auto dir = orglens::test::tempDir("usageplat");
  const auto file = orglens::test::writeFile(
      dir / "u.csv",
      "Timestamp;Email;App;Event;Platform;User_Agent\n"
      "03.03.2025 09:00;a@x.org;Slack;post;mobile;Mozilla/5.0 (Windows NT 10.0) Chrome\n"
      "03.03.2025 09:30;a@x.org;Slack;post;;Mozilla/5.0 (Windows NT 10.0) Chrome\n");
  model::Model model;
  importInto(model, file);
  REQUIRE(model.events().size() == 2);
  CHECK(model.events()[0].platform == model::Platform::Mobile);
  CHECK(model.events()[1].platform == model::Platform::Web);
  CHECK(model.events()[0].time == 1'740'992'400'000'000);  // 2025-03-03T09:00Z, day first
}

TEST_CASE("Bad usage rows are skipped with diagnostics naming their lines",
          "[importers][usagecsv][badinput]") {
  const auto dir = orglens::test::tempDir("usagebad");
  const auto file = orglens::test::writeFile(dir / "usage.csv",
                                             "time,user,tool,action\n"
                                             "2025-03-03 09:00,ann,Teams,login\n"
                                             "not a time,ann,Teams,login\n"     // line 3
                                             "2025-03-03 09:10,,Teams,login\n"  // line 4
                                             "2025-03-03 09:20,ann,Teams\n"     // line 5
                                             "2025-03-03 09:30,bob,Teams,call\n");
  model::Model model;
  const auto outcome = importInto(model, file);
  CHECK(model.events().size() == 2);
  CHECK(outcome.counts.skippedRows == 3);
  REQUIRE(outcome.diagnostics.size() == 3);
  CHECK(outcome.diagnostics[0].line == 3);
  CHECK_THAT(outcome.diagnostics[0].message, Catch::Contains("cannot read the time 'not a time'"));
  CHECK(outcome.diagnostics[1].line == 4);
  CHECK_THAT(outcome.diagnostics[1].message, Catch::Contains("empty user"));
  CHECK(outcome.diagnostics[2].line == 5);
  CHECK_THAT(outcome.diagnostics[2].message, Catch::Contains("expected 4 fields, found 3"));
}

TEST_CASE("A usage log with unusual column names imports with --map", "[importers][usagecsv]") {
  const auto dir = orglens::test::tempDir("usagemap");
  const auto file = orglens::test::writeFile(dir / "log.csv",
                                             "when,who,what,verb\n"
                                             "2025-03-03 09:00,ann,Teams,login\n");
  importers::ImportOptions options;
  options.format = "usage-csv";
  model::Model model;
  CHECK_THROWS_WITH(importInto(model, file, options),
                    Catch::Contains("no column for the time") && Catch::Contains("--map time="));
  options.mapping = {{"time", "when"}, {"user", "who"}, {"tool", "what"}, {"action", "verb"}};
  CHECK(importInto(model, file, options).counts.events == 1);
}
