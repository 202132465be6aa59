// The folder of CSV files: which files, their exact contents, file names, errors.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

#include "reports/report_csv.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/test_support.h"

using namespace orglens::reports;
using orglens::test::fixtureReport;
using orglens::test::readFile;
using orglens::test::tempDir;
namespace fs = std::filesystem;

namespace {

std::set<std::string> filesIn(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename());
  return names;
}

}  // namespace

TEST_CASE("The CSV folder has an index, measures, findings, tables and charts", "[reports][csv]") {
  const fs::path folder = tempDir("csv") / "new" / "report";  // parents are created too
  writeCsvFolder(fixtureReport(), folder);
  CHECK(filesIn(folder) ==
        std::set<std::string>{"index.csv", "measures.csv", "findings.csv", "handoff_team_pairs.csv",
                              "chart_handoff_team_median.csv", "chart_handoff_team_heatmap.csv",
                              "chart_adoption_active_trend.csv",
                              "chart_collaboration_network_nodes.csv",
                              "chart_collaboration_network_edges.csv"});
  CHECK(readFile(folder / "index.csv") ==
        "file,section,kind,key,title\n"
        "measures.csv,,measures,,Measures\n"
        "findings.csv,,findings,,Findings\n"
        "handoff_team_pairs.csv,handoffs,table,handoff_team_pairs,Slowest team handoffs\n"
        "chart_handoff_team_median.csv,handoffs,bar,handoff_team_median,Median wait by team pair\n"
        "chart_handoff_team_heatmap.csv,handoffs,heatmap,handoff_team_heatmap,"
        "\"Median wait, team × team\"\n"
        "chart_adoption_active_trend.csv,adoption,line,adoption_active_trend,"
        "\"Active people per week, % of registered\"\n"
        "chart_collaboration_network_nodes.csv,silos,network_nodes,collaboration_network,"
        "Who works with whom\n"
        "chart_collaboration_network_edges.csv,silos,network_edges,collaboration_network,"
        "Who works with whom\n");
}

TEST_CASE("Measures and findings are written with machine values", "[reports][csv]") {
  const fs::path folder = tempDir("csv");
  writeCsvFolder(fixtureReport(), folder);
  CHECK(readFile(folder / "measures.csv") ==
        "key,label,unit,value,previous,change,note\n"
        "handoff.team.median,Median wait of the slowest team handoff,seconds,267840,172800,95040,"
        "Legal → Operations\n"
        "adoption.dau_pct,\"Daily active people, % of registered\",percent,37.5,,,\n"
        "silos.min_ei,Lowest E-I index of a team,none,-0.82,,,Research\n"
        "handoff.count,Handoffs,count,,,,no data\n");
  CHECK(readFile(folder / "findings.csv") ==
        "section,text\n"
        "handoffs,Work waits 3.1 days on average when Legal hands over to Operations — 41% of "
        "all waiting time.\n"
        "silos,Research <R&D> has the fewest ties outside its team (E-I −0.82).\n");
}

TEST_CASE("Tables keep their machine cells and suppressed cells read 'suppressed'",
          "[reports][csv]") {
  const fs::path folder = tempDir("csv");
  writeCsvFolder(fixtureReport(), folder);
  CHECK(readFile(folder / "handoff_team_pairs.csv") ==
        "from,to,count,median,share\n"
        "Legal,Operations,120,267840.000,41.0\n"
        "Sales <EMEA>,Support & Care,80,3600.500,12.5\n"
        "Tiny team,Operations,suppressed,suppressed,suppressed\n");
}

TEST_CASE("Chart data is written in long form, gaps as empty values", "[reports][csv]") {
  const fs::path folder = tempDir("csv");
  writeCsvFolder(fixtureReport(), folder);
  CHECK(readFile(folder / "chart_handoff_team_median.csv") ==
        "series,category,value\n"
        "median wait,Legal → Operations,267840\n"
        "median wait,Sales → Support,3600.5\n"
        "median wait,Tiny → Operations,\n");
  CHECK(readFile(folder / "chart_handoff_team_heatmap.csv") ==
        "row,column,value\nLegal,Legal,\nLegal,Operations,267840\nLegal,Sales,7200\n"
        "Operations,Legal,3600\nOperations,Operations,\nOperations,Sales,1800\n"
        "Sales,Legal,86400\nSales,Operations,\nSales,Sales,600\n");
  const std::string line = readFile(folder / "chart_adoption_active_trend.csv");
  CHECK(line.rfind("series,category,value\nchat,2026-W01,20\n", 0) == 0);
  CHECK(line.find("chat,2026-W04,\n") != std::string::npos);
  CHECK(line.ends_with("e-mail,2026-W06,60\n"));
  CHECK(readFile(folder / "chart_collaboration_network_nodes.csv") ==
        "index,label,group,size,x,y\n0,P-7KQ2M,Research,3,0.5,0.5\n1,P-A1B2C,Research,1,0.2,0.3\n"
        "2,P-ZZ9Y8,Sales,1,0.8,0.7\n3,P-QQ4RT,Sales,1,0.9,0.2\n");
  CHECK(readFile(folder / "chart_collaboration_network_edges.csv") ==
        "a,b,a_label,b_label,weight\n0,1,P-7KQ2M,P-A1B2C,2\n0,2,P-7KQ2M,P-ZZ9Y8,5\n"
        "2,3,P-ZZ9Y8,P-QQ4RT,1\n");
}

TEST_CASE("Keys become safe, unique file names and fields are quoted", "[reports][csv]") {
  Report r;
  Table quoted{"../Odd Key", "Quotes", "", {{"text"}, {"n", Align::Right, true}}, {}};
  quoted.rows = {{"a,b", "1"}, {"say \"hi\"\nbye"}};
  Section s{"s", "S", {}};
  s.blocks = {quoted, Table{"measures", "Clash", "", {{"x"}}, {}},
              Table{"", "No key", "", {{"x"}}, {}}, Table{"index", "Index", "", {{"x"}}, {}}};
  r.sections = {s};
  const fs::path folder = tempDir("csv");
  writeCsvFolder(r, folder);
  CHECK(filesIn(folder) == std::set<std::string>{"index.csv", "measures.csv", "findings.csv",
                                                 "___odd_key.csv", "measures_2.csv", "table.csv",
                                                 "index_2.csv"});
  // Short rows are padded so that every line has the header's fields.
  CHECK(readFile(folder / "___odd_key.csv") == "text,n\n\"a,b\",1\n\"say \"\"hi\"\"\nbye\",\n");
  CHECK(readFile(folder / "index.csv").find("measures_2.csv,s,table,measures,Clash\n") !=
        std::string::npos);
  CHECK(readFile(folder / "measures.csv") == "key,label,unit,value,previous,change,note\n");
}

TEST_CASE("The CSV folder is deterministic and can be written again", "[reports][csv]") {
  const fs::path a = tempDir("csv"), b = tempDir("csv");
  writeCsvFolder(fixtureReport(), a);
  writeCsvFolder(fixtureReport(), b);
  writeCsvFolder(fixtureReport(), b);  // over an earlier run
  REQUIRE(filesIn(a) == filesIn(b));
  for (const auto& name : filesIn(a)) CHECK(readFile(a / name) == readFile(b / name));
}

TEST_CASE("An unusable folder is an error naming the path", "[reports][csv]") {
  const fs::path base = tempDir("csv");
  const fs::path file = orglens::test::writeFile(base / "plain.txt", "not a folder");
  // Under a file no folder can be made, even as root (permissions would not stop root).
  CHECK_THROWS_WITH(writeCsvFolder(fixtureReport(), file / "report"),
                    Catch::Contains("cannot create the report folder") &&
                        Catch::Contains((file / "report").string()));
  CHECK_THROWS_WITH(
      writeCsvFolder(fixtureReport(), file),
      Catch::Contains("cannot create the report folder") && Catch::Contains(file.string()));
  // A folder where a file should go: the error names that file.
  const fs::path blocked = base / "blocked";
  fs::create_directories(blocked / "findings.csv");
  CHECK_THROWS_AS(writeCsvFolder(fixtureReport(), blocked), std::runtime_error);
  CHECK_THROWS_WITH(writeCsvFolder(fixtureReport(), blocked),
                    Catch::Contains("cannot write the report file") &&
                        Catch::Contains((blocked / "findings.csv").string()));
}

TEST_CASE("An empty report gives an index, measures and findings with headers only",
          "[reports][csv]") {
  const fs::path folder = tempDir("csv");
  writeCsvFolder(Report{}, folder);
  CHECK(filesIn(folder) == std::set<std::string>{"index.csv", "measures.csv", "findings.csv"});
  CHECK(readFile(folder / "findings.csv") == "section,text\n");
  CHECK(readFile(folder / "index.csv") ==
        "file,section,kind,key,title\nmeasures.csv,,measures,,Measures\n"
        "findings.csv,,findings,,Findings\n");
}
