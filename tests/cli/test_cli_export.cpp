// End-to-end `orglens export`: OCEL JSON in, OCEL SQLite and JSON out, each re-imported into a
// fresh store with the same counts.
#include <catch2/catch.hpp>

#include <regex>

#include "tests/support/test_support.h"

using orglens::test::cliCommand;
using orglens::test::runCommand;

namespace {

/// The event, object, people and relation counts and the objects per type from `orglens info
/// --format json`.
std::string countsOf(const std::string& json) {
  std::string out;
  static const std::regex number(R"re("(events|objects|people|relations)": (\d+))re");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), number);
       it != std::sregex_iterator(); ++it)
    out += (*it)[1].str() + "=" + (*it)[2].str() + " ";
  static const std::regex byType(R"re("objects_by_type": \{[^}]*\})re");
  std::smatch m;
  if (std::regex_search(json, m, byType)) out += m.str();
  return out;
}

}  // namespace

TEST_CASE("orglens export writes OCEL SQLite and JSON that import back with the same counts",
          "[cli][ocel]") {
  const auto input = orglens::test::sharedData("ocel/ocel20_example.jsonocel");
  const auto dir = orglens::test::tempDir("cli-export");
  const auto db = (dir / "org.orglens").string();
  std::string out, info;
  REQUIRE(runCommand(cliCommand("import '" + input.string() + "' --db '" + db + "'"), out) == 0);
  REQUIRE(runCommand(cliCommand("info --db '" + db + "' --format json"), info) == 0);
  const auto expected = countsOf(info);
  CHECK_THAT(expected, Catch::Contains("events=13") && Catch::Contains("\"Purchase Order\": 2"));
  for (const char* name : {"out.sqlite", "out.json"}) {
    INFO(name);
    const auto file = (dir / name).string();
    REQUIRE(runCommand(cliCommand("export --db '" + db + "' --ocel '" + file + "'"), out) == 0);
    CHECK_THAT(out, Catch::Contains("13 events") && Catch::Contains("9 objects"));
    CHECK(runCommand(cliCommand("export --db '" + db + "' --ocel '" + file + "'"), out) ==
          1);  // exists
    CHECK_THAT(out, Catch::Contains("--force"));
    CHECK(runCommand(cliCommand("export --db '" + db + "' --ocel '" + file + "' --force"), out) ==
          0);
    const auto again = (dir / (std::string(name) + ".orglens")).string();
    REQUIRE(runCommand(cliCommand("import '" + file + "' --db '" + again + "'"), out) == 0);
    std::string infoAgain;
    REQUIRE(runCommand(cliCommand("info --db '" + again + "' --format json"), infoAgain) == 0);
    CHECK(countsOf(infoAgain) == expected);
  }
}

TEST_CASE("orglens export reports usage and input errors with exit codes 1 and 2", "[cli][ocel]") {
  const auto dir = orglens::test::tempDir("cli-export-bad");
  std::string out;
  CHECK(runCommand(cliCommand("export --db x.orglens"), out) == 1);
  CHECK(runCommand(cliCommand("export --db x.orglens --ocel out.csv"), out) == 1);
  CHECK(runCommand(cliCommand("export --db '" + (dir / "missing.orglens").string() + "' --ocel '" +
                              (dir / "o.sqlite").string() + "'"),
                   out) == 2);
  CHECK_THAT(out, Catch::Contains("missing.orglens"));
}
