// End-to-end tests of the `orglens` executable: help, exit codes, sample → import → info.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "tests/support/test_support.h"

using orglens::test::cliCommand;
using orglens::test::runCommand;

TEST_CASE("orglens prints its version and helpful help", "[cli]") {
  std::string out;
  CHECK(runCommand(cliCommand("--version"), out) == 0);
  CHECK_THAT(out, Catch::StartsWith("orglens "));
  CHECK(runCommand(cliCommand("--help"), out) == 0);
  CHECK_THAT(out, Catch::Contains("sample") && Catch::Contains("import") &&
                      Catch::Contains("info") && Catch::Contains("Exit codes"));
  CHECK(runCommand(cliCommand("import --help"), out) == 0);
  CHECK_THAT(out, Catch::Contains("Examples:") && Catch::Contains("--map"));
}

TEST_CASE("Usage errors exit with 1 and bad input with 2", "[cli]") {
  std::string out;
  CHECK(runCommand(cliCommand(""), out) == 1);
  CHECK(runCommand(cliCommand("frobnicate"), out) == 1);
  CHECK(runCommand(cliCommand("import"), out) == 1);  // no input, no --db
  CHECK(runCommand(cliCommand("info --db x.orglens --format yaml"), out) == 1);
  const auto dir = orglens::test::tempDir("cli-bad");
  CHECK(runCommand(cliCommand("info --db '" + (dir / "missing.orglens").string() + "'"), out) == 2);
  CHECK_THAT(out, Catch::Contains("does not exist"));
  const auto bad = orglens::test::writeFile(
      dir / "bad.csv", "case,activity,timestamp\nc1,A,2025-01-01\nc1,B,never\n");
  CHECK(runCommand(cliCommand("import '" + bad.string() + "' --strict --db '" +
                              (dir / "s.orglens").string() + "'"),
                   out) == 2);
  CHECK_THAT(out,
             Catch::Contains("bad.csv:3") && Catch::Contains("Nothing from this file was written"));
}

TEST_CASE("The sample organisation imports, and importing it again adds nothing", "[cli]") {
  const auto dir = orglens::test::tempDir("cli-sample");
  const auto sample = (dir / "sample").string();
  const auto db = (dir / "demo.orglens").string();
  std::string out;
  REQUIRE(runCommand(
              cliCommand("sample --out '" + sample + "' --people 60 --teams 8 --days 30 --seed 3"),
              out) == 0);
  REQUIRE(runCommand(cliCommand("import '" + sample + "' --db '" + db + "'"), out) == 0);
  CHECK_THAT(
      out, Catch::Contains("roster.csv (roster-csv)") && Catch::Contains("events.csv (event-csv)"));
  CHECK_THAT(out, Catch::Contains("mail.mbox (mbox)") && Catch::Contains("usage.csv (usage-csv)") &&
                      Catch::Contains("slack (slack)"));
  REQUIRE(runCommand(cliCommand("info --db '" + db + "'"), out) == 0);
  CHECK_THAT(out,
             Catch::Contains("people") && Catch::Contains("teams") && Catch::Contains("time span"));
  std::string json;
  REQUIRE(runCommand(cliCommand("info --db '" + db + "' --format json"), json) == 0);
  // The roster's 60 people, plus a deleted Slack user the roster no longer lists.
  CHECK_THAT(json, Catch::Contains("\"people\": 61,"));
  CHECK_THAT(json, Catch::Contains("\"people_without_team\": 1,"));
  CHECK_THAT(json, Catch::Contains("\"people_not_in_roster\": 1,"));

  REQUIRE(runCommand(cliCommand("import '" + sample + "' --db '" + db + "'"), out) == 0);
  CHECK_THAT(out, Catch::Contains("already imported"));
  std::string again;
  REQUIRE(runCommand(cliCommand("info --db '" + db + "' --format json"), again) == 0);
  // Nothing changed but nothing: the same counts and sources.
  CHECK(again == json);
}

TEST_CASE("A store written by a newer orglens is refused with a clear message", "[cli]") {
  const auto dir = orglens::test::tempDir("cli-newer");
  const auto csv =
      orglens::test::writeFile(dir / "e.csv", "case,activity,timestamp\nc1,A,2025-01-01\n");
  const auto db = dir / "s.orglens";
  std::string out;
  REQUIRE(runCommand(cliCommand("import '" + csv.string() + "' --db '" + db.string() + "'"), out) ==
          0);
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
  sqlite3_exec(handle, "UPDATE meta SET value='7' WHERE key='schema_version'", nullptr, nullptr,
               nullptr);
  sqlite3_close(handle);
  CHECK(runCommand(cliCommand("info --db '" + db.string() + "'"), out) == 2);
  CHECK_THAT(out, Catch::Contains("newer orglens") && Catch::Contains("upgrade orglens"));
}
