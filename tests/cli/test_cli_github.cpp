// `orglens import` on a GitHub REST export folder and a GH Archive hour, with --org, then
// `orglens handoffs` on the result; `orglens formats` lists both formats.
#include <catch2/catch.hpp>

#include "tests/importers/github_fixtures.h"

using orglens::test::cliCommand;
using orglens::test::runCommand;

TEST_CASE("orglens imports GitHub exports and GH Archive hours and finds the review handoff",
          "[cli][github]") {
  std::string out;
  REQUIRE(runCommand(cliCommand("formats"), out) == 0);
  CHECK_THAT(out, Catch::Contains("github") && Catch::Contains("gharchive"));

  const auto dir = orglens::test::tempDir("cli-github");
  const auto inputs = dir / "inputs";
  std::filesystem::create_directories(inputs);
  std::filesystem::rename(orglens::githubtest::writeRestExport("cli-github-rest"),
                          inputs / "widgets-export");
  const std::string other =
      R"({"type":"PullRequestEvent","actor":{"login":"zed"},"repo":{"name":"other-org/thing"},)"
      R"("payload":{"action":"opened","number":9,"pull_request":{"number":9}},)"
      R"("created_at":"2024-03-04T09:10:00Z"})"
      "\n";
  orglens::githubtest::writeGzip(inputs / "2024-03-04-9.json.gz", other);
  const auto db = (dir / "gh.orglens").string();
  REQUIRE(runCommand(cliCommand("import '" + inputs.string() + "' --db '" + db +
                                "' --org octo-org --org Widgets-Inc"),
                     out) == 0);
  CHECK_THAT(out, Catch::Contains("widgets-export (github): 13 events") &&
                      Catch::Contains("2024-03-04-9.json.gz (gharchive): 0 events"));
  REQUIRE(runCommand(cliCommand("handoffs --db '" + db +
                                "' --by person --show-people --format csv --min-count 1"),
                     out) == 0);
  CHECK_THAT(out, Catch::Contains("bob") && Catch::Contains("dave"));
}
