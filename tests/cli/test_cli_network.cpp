// End-to-end: `orglens network` and `orglens silos` on an imported sample organisation find
// the planted broker and silo team.
#include <catch2/catch.hpp>

#include "tests/support/test_support.h"

using orglens::test::cliCommand;
using orglens::test::runCommand;

namespace {

struct Sample {
  std::string db, brokerId;
};

const Sample& sample() {
  static const Sample s = [] {
    const auto dir = orglens::test::tempDir("cli-network");
    std::string out;
    REQUIRE(
        runCommand(cliCommand("sample --out '" + (dir / "s").string() + "' --people 120 --days 60"),
                   out) == 0);
    Sample r;
    r.db = (dir / "n.orglens").string();
    REQUIRE(runCommand(cliCommand("import '" + (dir / "s").string() + "' --db '" + r.db + "' -q"),
                       out) == 0);
    const auto truth = orglens::test::readFile(dir / "s" / "ground-truth.json");
    const std::string key = "\"person_id\": \"";
    const auto at = truth.find(key, truth.find("\"broker\"")) + key.size();
    r.brokerId = truth.substr(at, truth.find('"', at) - at);
    return r;
  }();
  return s;
}

std::string firstRow(const std::string& csv) {
  const auto begin = csv.find('\n') + 1;
  return csv.substr(begin, csv.find('\n', begin) - begin);
}

}  // namespace

TEST_CASE("orglens network ranks the planted broker first by betweenness", "[cli][network]") {
  std::string out;
  REQUIRE(runCommand(cliCommand("network --db '" + sample().db +
                                "' --top 3 --format csv --show-people"),
                     out) == 0);
  CHECK_THAT(
      out, Catch::StartsWith("person,team,degree,core,cut point,strength,betweenness,normalised"));
  CHECK_THAT(firstRow(out), Catch::StartsWith(sample().brokerId + ",Sales,"));
  // Privacy by default: the same person as a pseudonym.
  REQUIRE(runCommand(cliCommand("network --db '" + sample().db + "' --top 3 --format csv"), out) ==
          0);
  CHECK_THAT(firstRow(out), Catch::StartsWith("P-") && Catch::Contains(",Sales,"));
  CHECK_THAT(out, !Catch::Contains(sample().brokerId + ","));
  REQUIRE(runCommand(cliCommand("network --db '" + sample().db + "' --weighted --format json"),
                     out) == 0);
  CHECK_THAT(out, Catch::Contains("\"definition\": \"network/1\""));
  CHECK(runCommand(cliCommand("network --db '" + sample().db + "' --handoff-weight -1"), out) == 1);
}

TEST_CASE("orglens silos ranks the planted silo team first by E-I index", "[cli][silos]") {
  std::string out;
  REQUIRE(runCommand(cliCommand("silos --db '" + sample().db + "' --format csv"), out) == 0);
  CHECK_THAT(firstRow(out), Catch::StartsWith("Research,"));
  REQUIRE(runCommand(cliCommand("silos --db '" + sample().db + "' --format json"), out) == 0);
  CHECK_THAT(out, Catch::Contains("\"brokers\"") && Catch::Contains("\"matrix\""));
}

TEST_CASE("orglens network, silos and busfactor print brokerage, assortativity and bus factor",
          "[cli][network][busfactor]") {
  std::string out;
  REQUIRE(runCommand(cliCommand("network --db '" + sample().db + "' --top 1 --format csv"), out) ==
          0);
  CHECK_THAT(out, Catch::Contains(",constraint,effective size,community"));
  REQUIRE(runCommand(cliCommand("silos --db '" + sample().db + "' --format json"), out) == 0);
  CHECK_THAT(out, Catch::Contains("\"team assortativity r\""));
  REQUIRE(runCommand(cliCommand("busfactor --db '" + sample().db + "' --top 2 --format csv"),
                     out) == 0);
  CHECK_THAT(out, Catch::StartsWith("kind,area,bus factor,people,items,events,key people"));
  CHECK_THAT(firstRow(out), Catch::StartsWith("task area,"));
  CHECK(runCommand(cliCommand("busfactor --db '" + sample().db + "' --share 2"), out) == 1);
}
