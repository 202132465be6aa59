// End-to-end: `orglens adoption` on an imported sample organisation and on a tiny roster.
#include <catch2/catch.hpp>

#include "tests/support/test_support.h"

using orglens::test::cliCommand;
using orglens::test::runCommand;

TEST_CASE("orglens adoption shows the planted facts of the sample", "[cli][adoption]") {
  const auto dir = orglens::test::tempDir("cli-adoption");
  std::string out;
  REQUIRE(runCommand(cliCommand("sample --out '" + (dir / "s").string() +
                                "' --people 120 --days 60 --seed 5"),
                     out) == 0);
  const auto db = (dir / "a.orglens").string();
  REQUIRE(runCommand(cliCommand("import '" + (dir / "s").string() + "' --db '" + db + "' -q"),
                     out) == 0);

  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "'"), out) == 0);
  CHECK_THAT(out, Catch::StartsWith("120 registered") &&
                      Catch::Contains("Adoption by department") &&
                      Catch::Contains("(definition adoption/1"));
  // The non-adopting department lists chat among the tools it does not use.
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --format csv"), out) == 0);
  CHECK_THAT(out, Catch::StartsWith("department,registered,") && Catch::Contains("\nCorporate,"));
  const auto corporate = out.substr(out.find("\nCorporate,") + 1);
  CHECK_THAT(corporate.substr(0, corporate.find('\n')), Catch::EndsWith(",chat"));

  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --by tool --format json"), out) == 0);
  CHECK_THAT(out, Catch::Contains("\"definition\": \"adoption/1\"") &&
                      Catch::Contains("\"summary\"") && Catch::Contains("\"tools\"") &&
                      Catch::Contains("\"chat\""));
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --by week --format csv"), out) == 0);
  CHECK_THAT(out, Catch::StartsWith("week,active people,"));
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --segments"), out) == 0);
  CHECK_THAT(out, Catch::Contains("power") && Catch::Contains("non-user") &&
                      Catch::Contains("Funnel") && Catch::Contains("Tried then abandoned"));
  // Champions ranked per department; chat flagged as under-used in the non-adopting department;
  // the shift table lists e-mail and chat for people who use both.
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --champions --top 2"), out) == 0);
  CHECK_THAT(out, Catch::Contains("Champions per department") &&
                      Catch::Contains("score = betweenness") && Catch::Contains("Commercial "));
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --by under-used --format csv"), out) ==
          0);
  CHECK_THAT(out, Catch::StartsWith("department,tool,registered,") &&
                      Catch::Contains("\nCorporate,chat,30,0.0,") && Catch::Contains(",yes\n"));
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --by shift --format csv"), out) == 0);
  CHECK_THAT(out, Catch::StartsWith("week,tool,people,people in tool,interactions,share %") &&
                      Catch::Contains(",chat,") && Catch::Contains(",email,"));
  CHECK(runCommand(cliCommand("adoption --db '" + db + "' --by colour"), out) == 1);
  CHECK_THAT(out, Catch::Contains("--by"));
  REQUIRE(runCommand(cliCommand("adoption --help"), out) == 0);
  CHECK_THAT(out, Catch::Contains("--segments") && Catch::Contains("Examples") &&
                      Catch::Contains("--champions") && Catch::Contains("under-used") &&
                      Catch::Contains("shift-month"));
}

TEST_CASE("orglens adoption suppresses departments of fewer than 5 people", "[cli][adoption]") {
  const auto dir = orglens::test::tempDir("cli-adoption-k");
  std::string roster = "person_id,email,name,team,department,is_manager,timezone\n";
  std::string usage = "time,user,tool,action,platform\n";
  for (int i = 0; i < 7; ++i) {
    const std::string id = "p" + std::to_string(i), mail = id + "@example.org";
    roster += id + "," + mail + ",Person " + std::to_string(i) + "," +
              (i < 5 ? "Ops,Big" : "Tiny,Small") + ",false,Europe/Berlin\n";
    usage += "2025-03-03T10:00:00Z," + mail + ",chat,post,mobile\n";
  }
  orglens::test::writeFile(dir / "roster.csv", roster);
  orglens::test::writeFile(dir / "usage.csv", usage);
  const auto db = (dir / "k.orglens").string();
  std::string out;
  REQUIRE(
      runCommand(cliCommand("import '" + (dir / "roster.csv").string() + "' --db '" + db + "' -q"),
                 out) == 0);
  REQUIRE(
      runCommand(cliCommand("import '" + (dir / "usage.csv").string() + "' --db '" + db + "' -q"),
                 out) == 0);
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "'"), out) == 0);
  // Small (2 people) is withheld, and Big with it: the departments add up to the 7 registered
  // printed above, so Big's figures would give Small's away (complementary suppression).
  CHECK_THAT(out, Catch::StartsWith("7 registered, 7 ever active; DAU 7 (100.0%)") &&
                      Catch::Contains("Big") && Catch::Contains("Small") &&
                      Catch::Contains("2 rows suppressed: groups of fewer than 5 people"));
  CHECK(out.find("suppressed") != std::string::npos);
  CHECK(out.find("Small   ") != std::string::npos);
  const auto begin = out.find("Adoption by department"), end = out.find("Weekend, after-hours");
  REQUIRE(begin < end);
  auto departments = out.substr(begin, end - begin);
  departments = departments.substr(0, departments.find("2 rows suppressed"));  // rows only
  for (const auto* figure : {" 5 ", " 2 ", " 7 "}) CHECK(departments.find(figure) == std::string::npos);
  // The team table too: Tiny (2 people) withheld, and Ops with it — the teams' actions add up
  // to the total above.
  auto teams = out.substr(end);
  CHECK_THAT(teams, Catch::Contains("Tiny") && Catch::Contains("Ops") &&
                        Catch::Contains("2 rows suppressed: groups of fewer than 5 people"));
  teams = teams.substr(0, teams.find("2 rows suppressed"));
  for (const auto* figure : {" 5 ", " 2 ", " 7 "}) CHECK(teams.find(figure) == std::string::npos);
}

TEST_CASE("orglens adoption --segments withholds registration cohorts of fewer than 5 people",
          "[cli][adoption]") {
  const auto dir = orglens::test::tempDir("cli-adoption-cohorts");
  // Six people start in February, two in March; everyone posts every Monday of Feb–Apr.
  std::string roster = "person_id,email,name,team,department,is_manager,timezone,start_date\n";
  std::string usage = "time,user,tool,action,platform\n";
  for (int i = 0; i < 8; ++i) {
    const std::string id = "p" + std::to_string(i), mail = id + "@example.org";
    roster += id + "," + mail + ",Person " + std::to_string(i) + ",Ops,Big,false,UTC," +
              (i < 6 ? "2025-02-03" : "2025-03-03") + "\n";
    for (const char* day : {"2025-02-03", "2025-02-10", "2025-03-03", "2025-03-10", "2025-04-07"})
      usage += std::string(day) + "T10:00:00Z," + mail + ",chat,post,desktop\n";
  }
  orglens::test::writeFile(dir / "roster.csv", roster);
  orglens::test::writeFile(dir / "usage.csv", usage);
  const auto db = (dir / "c.orglens").string();
  std::string out;
  for (const char* file : {"roster.csv", "usage.csv"})
    REQUIRE(runCommand(cliCommand("import '" + (dir / file).string() + "' --db '" + db + "' -q"),
                       out) == 0);
  REQUIRE(runCommand(cliCommand("adoption --db '" + db + "' --segments"), out) == 0);
  const auto begin = out.find("Retention by registration month");
  REQUIRE(begin != std::string::npos);
  const auto lineOf = [&](const std::string& month) {
    const auto at = out.find("\n" + month, begin);
    return at == std::string::npos ? std::string() : out.substr(at + 1, out.find('\n', at + 1) - at - 1);
  };
  CHECK_THAT(lineOf("2025-02"), Catch::Contains(" 6 ") && !Catch::Contains("suppressed"));
  CHECK_THAT(lineOf("2025-03"), Catch::Contains("suppressed") && !Catch::Contains(" 2 "));
  CHECK(out.find("1 row suppressed: groups of fewer than 5 people", begin) != std::string::npos);
}
