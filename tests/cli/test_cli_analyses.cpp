// End-to-end: the analysis commands on an imported sample organisation.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/test_support.h"

using orglens::test::cliCommand;
using orglens::test::runCommand;

namespace {

/// A small sample organisation imported once for all the tests of this file.
const std::string& sampleStore() {
  static const std::string db = [] {
    const auto dir = orglens::test::tempDir("cli-analyses");
    std::string out;
    REQUIRE(runCommand(cliCommand("sample --out '" + (dir / "s").string() +
                                  "' --people 120 --days 60 --seed 5"),
                       out) == 0);
    const auto path = (dir / "a.orglens").string();
    REQUIRE(runCommand(cliCommand("import '" + (dir / "s").string() + "' --db '" + path + "' -q"),
                       out) == 0);
    return path;
  }();
  return db;
}

}  // namespace

TEST_CASE("orglens handoffs ranks the planted Legal to Operations handoff first",
          "[cli][handoffs]") {
  std::string out;
  REQUIRE(runCommand(cliCommand("handoffs --db '" + sampleStore() + "' --top 3 --format csv"),
                     out) == 0);
  // CSV: header, then the slowest team pair.
  const auto firstRow = out.substr(out.find('\n') + 1);
  CHECK_THAT(firstRow, Catch::StartsWith("Legal,Operations,"));
  REQUIRE(runCommand(
              cliCommand("handoffs --db '" + sampleStore() + "' --by person --format json --all"),
              out) == 0);
  CHECK_THAT(out, Catch::Contains("\"definition\": \"handoffs/1\"") &&
                      Catch::Contains("\"ping_pong\"") && Catch::Contains("\"excess_delay_s\""));
  REQUIRE(runCommand(cliCommand("handoffs --db '" + sampleStore() + "' --pm4py --top 2"), out) ==
          0);
  CHECK_THAT(out, Catch::Contains("Handover of work") && Catch::Contains("Working together"));
}

TEST_CASE("orglens flow, workload and responsiveness print their tables", "[cli][flow][workload]") {
  std::string out;
  REQUIRE(runCommand(cliCommand("flow --db '" + sampleStore() + "' --top 3"), out) == 0);
  CHECK_THAT(out, Catch::Contains("Process map") && Catch::Contains("throughput time per item") &&
                      Catch::Contains("Variants"));
  REQUIRE(runCommand(cliCommand("workload --db '" + sampleStore() + "' --top 3"), out) == 0);
  CHECK_THAT(out,
             Catch::Contains("Work in progress held per person") && Catch::Contains("open at end"));
  REQUIRE(runCommand(cliCommand("responsiveness --db '" + sampleStore() + "' --working-hours"),
                     out) == 0);
  CHECK_THAT(out, Catch::Contains("never answered") && Catch::Contains("(working hours only)") &&
                      Catch::Contains("Reply latency between teams"));
  // Messages are threads, not tasks: the handoffs of e-mail threads are there too.
  REQUIRE(runCommand(cliCommand("handoffs --db '" + sampleStore() +
                                "' --items thread --min-count 1 --top 1"),
                     out) == 0);
  CHECK_THAT(out, Catch::Contains("handoffs"));
}

TEST_CASE("Analysis commands reject bad options with 1 and bad stores with 2", "[cli]") {
  std::string out;
  CHECK(runCommand(cliCommand("handoffs --db '" + sampleStore() + "' --by galaxy"), out) == 1);
  CHECK_THAT(out, Catch::Contains("unknown grouping 'galaxy'"));
  CHECK(runCommand(cliCommand("flow --db '" + sampleStore() + "' --from yesterday"), out) == 1);
  CHECK_THAT(out, Catch::Contains("--from"));
  CHECK(runCommand(
            cliCommand("workload --db '" + sampleStore() + "' --from 2025-03-01 --to 2025-02-01"),
            out) == 1);
  CHECK(runCommand(cliCommand("responsiveness --db /nonexistent/x.orglens"), out) == 2);
  CHECK(runCommand(cliCommand("handoffs --db '" + sampleStore() + "' --format yaml"), out) == 1);
}

TEST_CASE("The four analysis commands write tables, JSON and CSV", "[cli]") {
  const std::vector<std::pair<std::string, std::string>> commands{
      {"handoffs", "handoffs/1"},
      {"flow", "flow/1"},
      {"workload", "workload/1"},
      {"responsiveness", "responsiveness/1"}};
  for (const auto& [command, definition] : commands) {
    for (const std::string format : {"table", "json", "csv"}) {
      INFO(command << " --format " << format);
      std::string out;
      REQUIRE(runCommand(
                  cliCommand(command + " --db '" + sampleStore() + "' --top 2 --format " + format),
                  out) == 0);
      if (format == "json") {
        CHECK_THAT(out, Catch::Contains("\"definition\": \"" + definition + "\""));
      } else if (format == "csv") {
        const auto header = out.substr(0, out.find('\n'));
        const auto start = header.size() + 1;
        const auto row = out.substr(start, out.find('\n', start) - start);
        CHECK(std::count(header.begin(), header.end(), ',') >= 2);
        CHECK(std::count(row.begin(), row.end(), ',') ==
              std::count(header.begin(), header.end(), ','));  // a data row, not only a header
      } else {
        CHECK(std::count(out.begin(), out.end(), '\n') >= 5);
      }
    }
  }
}
