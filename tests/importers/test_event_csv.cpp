#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "model/event_log.h"
#include "model/time_format.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportError;
using importers::ImportOptions;

namespace {

std::unique_ptr<model::Store> newStore(const std::filesystem::path& dir) {
  return model::Store::open(dir / "x.orglens", model::Store::Mode::Create);
}

importers::ImportOutcome importInto(model::Store& store, const std::filesystem::path& file,
                                    const ImportOptions& options = {}) {
  model::NoProgress progress;
  return importers::importFile(store, file, options, progress);
}

}  // namespace

TEST_CASE("An event CSV with PM4Py column names imports with guessed columns",
          "[importers][eventcsv]") {
  const auto dir = orglens::test::tempDir("evcsv");
  const auto file = orglens::test::writeFile(
      dir / "log.csv",
      "case:concept:name,concept:name,time:timestamp,org:resource,org:group,cost\n"
      "c1,Register,2025-03-03T09:00:00+01:00,Ann,Sales,10\n"
      "c1,Review,2025-03-03T11:30:00+01:00,Bob,Legal,2.5\n"
      "c2,Register,2025-03-04 08:00:00,Ann,Sales,\n");
  auto store = newStore(dir);
  const auto outcome = importInto(*store, file);
  CHECK(outcome.format == "event-csv");
  CHECK(outcome.counts.events == 3);
  CHECK(outcome.counts.people == 2);
  CHECK(outcome.counts.skippedRows == 0);
  const auto model = store->loadModel();
  CHECK(model.events()[0].time == 1'740'988'800'000'000);  // 2025-03-03T08:00:00Z
  CHECK(model::formatIsoUtc(model.events()[2].time) == "2025-03-04T08:00:00Z");  // naive = UTC
  CHECK(model.eventAttributes().size() == 2);  // cost, typed; the empty cell adds nothing
  CHECK(model.eventAttributes()[0].value == model::Value(std::int64_t{10}));
  CHECK(model.eventAttributes()[1].value == model::Value(2.5));
  const auto summary = store->summary();
  CHECK(summary.teams == 2);
  CHECK(summary.peopleWithoutTeam == 0);
}

TEST_CASE("Importing the same file twice adds nothing the second time", "[importers][eventcsv]") {
  const auto dir = orglens::test::tempDir("twice");
  const auto file =
      orglens::test::writeFile(dir / "log.csv", "case,activity,timestamp\nc1,A,2025-01-01 10:00\n");
  auto store = newStore(dir);
  CHECK(importInto(*store, file).counts.events == 1);
  const auto second = importInto(*store, file);
  CHECK(second.alreadyImported);
  CHECK(second.counts.events == 0);
  CHECK(store->summary().events == 1);
  CHECK(store->sources().size() == 1);
  // Other options give another import (the result differs).
  ImportOptions berlin;
  berlin.timezone = "Europe/Berlin";
  CHECK_FALSE(importInto(*store, file, berlin).alreadyImported);
}

TEST_CASE("A column mapping names the columns and a start column splits instances",
          "[importers][eventcsv]") {
  const auto dir = orglens::test::tempDir("map");
  const auto file = orglens::test::writeFile(
      dir / "tickets.csv",
      "Ticket;Step;Began;Finished;Owner;Channel\r\n"
      "T-1;Triage;01-03-2025 09:00;01-03-2025 09:30;ann@example.org;iPhone\r\n"
      "T-1;Fix;\"01-03-2025 10:00\";01-03-2025 12:00;bob@example.org;Windows\r\n");
  ImportOptions options;
  options.mapping = {{"item", "Ticket"},   {"activity", "Step"}, {"start", "Began"},
                     {"time", "Finished"}, {"actor", "Owner"},   {"platform", "Channel"}};
  options.timezone = "Europe/Berlin";
  auto store = newStore(dir);
  const auto outcome = importInto(*store, file, options);
  REQUIRE(outcome.counts.events == 4);
  const auto log = model::EventLog::load(*store);
  REQUIRE(log.itemCount() == 1);
  CHECK(log.lifecycle[0] == model::Lifecycle::Start);
  CHECK(log.lifecycle[1] == model::Lifecycle::Complete);
  CHECK(model::formatIsoUtc(log.time[0]) == "2025-03-01T08:00:00Z");  // 09:00 CET
  CHECK(log.platform[0] == model::Platform::Mobile);
  CHECK(log.platform[2] == model::Platform::Desktop);
  CHECK(log.strings[log.tool[0]] == "process");
}

TEST_CASE("A mapping to a missing column or an unknown field is refused", "[importers][eventcsv]") {
  const auto dir = orglens::test::tempDir("badmap");
  const auto file = orglens::test::writeFile(dir / "log.csv", "a,b,c\n1,2,3\n");
  auto store = newStore(dir);
  CHECK_THROWS_WITH(importInto(*store, file), Catch::Contains("no column for the work item") &&
                                                  Catch::Contains("--map item=COLUMN") &&
                                                  Catch::Contains("'a', 'b', 'c'"));
  ImportOptions options;
  options.format = "event-csv";
  options.mapping = {{"item", "a"}, {"activity", "b"}, {"time", "Zeit"}};
  CHECK_THROWS_WITH(importInto(*store, file, options), Catch::Contains("no column 'Zeit'"));
  options.mapping = {{"case", "a"}};
  CHECK_THROWS_WITH(importInto(*store, file, options), Catch::Contains("has no field 'case'"));
  CHECK(store->sources().empty());
}

TEST_CASE("Bad rows are skipped with diagnostics naming file and line",
          "[importers][eventcsv][badinput]") {
  const auto dir = orglens::test::tempDir("badrows");
  const auto file = orglens::test::writeFile(
      dir / "log.csv",
      "case,activity,timestamp,resource\n"
      "c1,A,2025-01-01 10:00,ann\n"
      "c1,B,2025-02-30 10:00,ann\n"                    // line 3: no such date
      "c1,C,yesterday,ann\n"                           // line 4: not a time
      "c1,D,2025-01-02 10:00\n"                        // line 5: too few fields
      "\"c2\",\"multi\nline\",2025-01-03 10:00,bob\n"  // lines 6-7: one record
      ",E,2025-01-03 11:00,bob\n"                      // line 8: no case
      "c3,F,2025-01-04 10:00,bob,extra\n");            // line 9: too many fields
  auto store = newStore(dir);
  const auto outcome = importInto(*store, file);
  CHECK(outcome.counts.events == 2);
  CHECK(outcome.counts.skippedRows == 5);
  CHECK(outcome.counts.warnings == 5);
  REQUIRE(outcome.diagnostics.size() == 5);
  std::vector<std::uint64_t> lines;
  for (const auto& d : outcome.diagnostics) {
    lines.push_back(d.line);
    CHECK(d.file == file.string());
  }
  CHECK(lines == std::vector<std::uint64_t>{3, 4, 5, 8, 9});
  CHECK_THAT(outcome.diagnostics[0].message, Catch::Contains("2025-02-30"));
  CHECK_THAT(outcome.diagnostics[2].message, Catch::Contains("expected 4 fields, found 3"));
  CHECK(store->diagnostics(outcome.source).size() == 5);
}

TEST_CASE("Strict mode fails on the first bad row and writes nothing",
          "[importers][eventcsv][badinput]") {
  const auto dir = orglens::test::tempDir("strict");
  const auto file = orglens::test::writeFile(
      dir / "log.csv", "case,activity,timestamp\nc1,A,2025-01-01 10:00\nc1,B,not a date\n");
  auto store = newStore(dir);
  ImportOptions strict;
  strict.strict = true;
  CHECK_THROWS_WITH(importInto(*store, file, strict),
                    Catch::Contains(file.string() + ":3") && Catch::Contains("--strict"));
  CHECK(store->summary().events == 0);
  CHECK(store->sources().empty());
}

TEST_CASE("Truncated, empty and wrongly encoded files get clear diagnostics",
          "[importers][eventcsv][badinput]") {
  const auto dir = orglens::test::tempDir("broken");
  auto store = newStore(dir);
  SECTION("a truncated file ends inside a quoted field") {
    const auto file = orglens::test::writeFile(
        dir / "cut.csv", "case,activity,timestamp\nc1,A,2025-01-01 10:00\nc1,\"B is cut off");
    const auto outcome = importInto(*store, file);
    CHECK(outcome.counts.events == 1);
    REQUIRE(outcome.counts.errors == 1);
    CHECK_THAT(outcome.diagnostics.back().message,
               Catch::Contains("unterminated") && Catch::Contains("3"));
  }
  SECTION("an empty file") {
    const auto file = orglens::test::writeFile(dir / "empty.csv", "");
    importers::ImportOptions options;
    options.format = "event-csv";
    CHECK_THROWS_WITH(importInto(*store, file, options), Catch::Contains("empty"));
  }
  SECTION("a UTF-16 file") {
    const auto file = orglens::test::writeFile(dir / "utf16.csv", std::string("\xff\xfe"
                                                                              "c\0a\0",
                                                                              6));
    importers::ImportOptions options;
    options.format = "event-csv";
    CHECK_THROWS_WITH(importInto(*store, file, options), Catch::Contains("UTF-16"));
  }
  SECTION("Latin-1 text is read as Latin-1 with one warning") {
    const auto file = orglens::test::writeFile(dir / "latin1.csv",
                                               "case,activity,timestamp,resource\nc1,Pr\xfc"
                                               "fen,2025-01-01 10:00,Jos\xe9\n");
    const auto outcome = importInto(*store, file);
    CHECK(outcome.counts.events == 1);
    CHECK(outcome.counts.warnings == 1);
    const auto model = store->loadModel();
    CHECK(model.text(model.events()[0].activity) == "Prüfen");
  }
  SECTION("a missing file") {
    CHECK_THROWS_WITH(importInto(*store, dir / "nope.csv"),
                      Catch::Contains("nope.csv") && Catch::Contains("no such file"));
  }
  CHECK(store->summary().events <= 1);
}
