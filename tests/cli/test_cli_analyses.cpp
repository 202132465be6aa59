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

namespace {

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

TEST_CASE("The table options choose one table, and CSV names the tables it left out", "[cli]") {
  std::string out;
  const std::string db = " --db '" + sampleStore() + "'";
  // CSV holds one table: the first, then a note on stderr (after the CSV) naming the others.
  REQUIRE(runCommand(cliCommand("flow" + db + " --top 2 --format csv"), out) == 0);
  CHECK_THAT(firstLine(out), Catch::StartsWith("from activity,to activity,count"));
  CHECK_THAT(out, Catch::EndsWith("CSV holds one table; this is 'dfg'. For another, add --table "
                                  "with one of: summary, variants\n"));
  // --table dfg computes the DFG alone (FlowOptions::itemFigures off): the same rows.
  const std::string withNote = out;
  REQUIRE(runCommand(cliCommand("flow" + db + " --top 2 --format csv --table dfg"), out) == 0);
  CHECK(withNote.starts_with(out));
  CHECK(std::count(out.begin(), out.end(), '\n') == 3);
  REQUIRE(runCommand(cliCommand("flow" + db + " --top 2 --format csv --table variants"), out) == 0);
  CHECK(firstLine(out) == "items,share,activities");
  CHECK(std::count(out.begin(), out.end(), '\n') == 3);  // header and two rows, no note
  REQUIRE(runCommand(cliCommand("handoffs" + db + " --top 2 --format csv --table rework"), out) ==
          0);
  CHECK(firstLine(out) == "activity,repeats,redos");
  REQUIRE(runCommand(cliCommand("silos" + db + " --format csv --table matrix"), out) == 0);
  CHECK_THAT(firstLine(out), Catch::StartsWith("team,"));
  // --by of workload and responsiveness: one table, in every format.
  REQUIRE(runCommand(cliCommand("workload" + db + " --by team --top 2 --format csv"), out) == 0);
  CHECK_THAT(firstLine(out), Catch::StartsWith("team,"));
  REQUIRE(runCommand(cliCommand("workload" + db + " --by week --format json"), out) == 0);
  CHECK_THAT(out, Catch::Contains("\"weeks\"") && !Catch::Contains("\"people\""));
  REQUIRE(runCommand(cliCommand("workload" + db + " --by person --top 2"), out) == 0);
  CHECK_THAT(out, Catch::Contains("per person") && !Catch::Contains("per team"));
  REQUIRE(runCommand(cliCommand("responsiveness" + db + " --by team-pair --format csv"), out) == 0);
  CHECK_THAT(firstLine(out), Catch::StartsWith("asking team,responding team,replies"));
  // Mistakes: exit 1 before anything is printed, naming what there is.
  CHECK(runCommand(cliCommand("flow" + db + " --table nope"), out) == 1);
  CHECK(out ==
        "orglens flow: --table: there is no table 'nope' here; there are: dfg, summary, variants\n");
  CHECK(runCommand(cliCommand("workload" + db + " --by galaxy"), out) == 1);
  CHECK_THAT(out, Catch::Contains("unknown grouping 'galaxy' (use person, team, week)"));
  CHECK(runCommand(cliCommand("workload" + db + " --by team --table weeks"), out) == 1);
  CHECK_THAT(out, Catch::Contains("give one of them"));
  CHECK(runCommand(cliCommand("responsiveness" + db + " --table by_day"), out) == 1);
  CHECK_THAT(out, Catch::Contains("there are: by_person, by_team, by_team_pair"));
}

TEST_CASE("Every table key a command names can be printed alone, and a wrong one costs no analysis",
          "[cli]") {
  // The keys each command checks before its analysis must be the keys of the tables it builds.
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands{
      {"flow", {"dfg", "summary", "variants"}},
      {"handoffs", {"slow_handoffs", "waits_on_person", "waits_on_team", "ping_pong", "rework"}},
      {"handoffs --pm4py", {"handover_of_work", "working_together", "timed_handovers"}},
      {"workload", {"people", "teams", "weeks"}},
      {"responsiveness", {"by_person", "by_team", "by_team_pair"}},
      {"network", {"people"}},
      {"silos", {"teams", "brokers", "matrix", "communities", "assortativity"}}};
  std::string out;
  for (const auto& [command, keys] : commands) {
    for (const auto& key : keys) {
      INFO(command << " --table " << key);
      REQUIRE(runCommand(cliCommand(command + " --db '" + sampleStore() + "' --top 1 --table " +
                                    key + " --format csv"),
                         out) == 0);
      CHECK(std::count(out.begin(), out.end(), '\n') >= 1);
      CHECK(out.find("CSV holds one table") == std::string::npos);
    }
    // Checked before the store is opened: a usage error (1), not a bad store (2).
    INFO(command);
    CHECK(runCommand(cliCommand(command + " --db /nonexistent/x.orglens --table nope"), out) == 1);
    CHECK_THAT(out, Catch::Contains("there is no table 'nope' here; there are: " + keys.front()));
  }
}
