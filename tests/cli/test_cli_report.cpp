// End-to-end: `orglens report` on an imported sample organisation — formats, same bytes twice,
// --stamp, --fail-on exit codes, --compare, bad options and outputs.
#include <catch2/catch.hpp>

#include "tests/support/test_support.h"

using orglens::test::cliCommand;
using orglens::test::readFile;
using orglens::test::runCommand;

namespace {

struct Sample {
  std::filesystem::path dir;
  std::string db;
};

const Sample& sample() {
  static const Sample s = [] {
    Sample r;
    r.dir = orglens::test::tempDir("cli-report");
    std::string out;
    REQUIRE(runCommand(cliCommand("sample --out '" + (r.dir / "s").string() +
                                  "' --people 120 --days 60"),
                       out) == 0);
    r.db = (r.dir / "r.orglens").string();
    REQUIRE(runCommand(cliCommand("import '" + (r.dir / "s").string() + "' --db '" + r.db + "' -q"),
                       out) == 0);
    return r;
  }();
  return s;
}

std::string report(const std::string& args, int expected = 0) {
  std::string out;
  CHECK(runCommand(cliCommand("report --db '" + sample().db + "' " + args), out) == expected);
  return out;
}

std::string path(const std::string& name) { return (sample().dir / name).string(); }

}  // namespace

TEST_CASE("orglens report writes HTML and prints the path and the headline findings",
          "[cli][report]") {
  const auto out = report("-o '" + path("r.html") + "'");
  CHECK_THAT(out, Catch::StartsWith("Report written to " + path("r.html")) &&
                      Catch::Contains("Headline findings:") &&
                      Catch::Contains("Legal hands over to Operations"));
  const auto html = readFile(path("r.html"));
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>") && Catch::Contains("id=\"handoffs\"") &&
                       Catch::Contains("id=\"adoption\"") && Catch::Contains("<svg"));
}

TEST_CASE("The same store gives the same bytes twice, in every format, unless --stamp",
          "[cli][report]") {
  for (const std::string ext : {"html", "md", "json"}) {
    report("-q -o '" + path("a." + ext) + "'");
    report("-q -o '" + path("b." + ext) + "' --threads 1");
    CHECK(readFile(path("a." + ext)) == readFile(path("b." + ext)));
  }
  report("-q -o '" + path("c.json") + "' --stamp");
  const auto stamped = readFile(path("c.json"));
  CHECK(stamped != readFile(path("a.json")));
  CHECK_THAT(stamped, Catch::Contains("\"generated\": \"20"));
  CHECK_THAT(readFile(path("a.json")), Catch::Contains("\"generated\": null"));
}

TEST_CASE("A folder output gets one CSV per table", "[cli][report]") {
  report("-q -o '" + path("csv") + "/'");
  CHECK(std::filesystem::exists(path("csv/index.csv")));
  CHECK(std::filesystem::exists(path("csv/measures.csv")));
  CHECK_THAT(readFile(path("csv/handoff_team_pairs.csv")),
             Catch::StartsWith("from,to,count,median_s") || Catch::StartsWith("from,to,count,median"));
}

TEST_CASE("A crossed --fail-on threshold exits with code 3 and names the crossed threshold", "[cli][report]") {
  auto out = report("-q -o '" + path("f.json") + "' --fail-on 'handoff.team.median>1h'", 3);
  CHECK_THAT(out, Catch::Contains("crossed handoff.team.median>1h") &&
                      Catch::Contains("Longest median wait"));
  report("-q -o '" + path("f.json") + "' --fail-on 'handoff.team.median>1000d' --fail-on "
         "'adoption.mau_pct<1'");
  out = report("-q -o '" + path("f.json") + "' --fail-on 'handoff.nonsense>1'", 1);
  CHECK_THAT(out, Catch::Contains("the report has: handoff.count"));
  out = report("-q -o '" + path("f.json") + "' --fail-on 'handoff.team.median'", 1);
  CHECK_THAT(out, Catch::Contains("expected KEY>VALUE"));
}

TEST_CASE("A --compare window goes beside every headline measure", "[cli][report]") {
  report("-q -o '" + path("cmp.json") + "' --from 2025-02-01 --compare ..2025-02-01");
  const auto json = readFile(path("cmp.json"));
  CHECK_THAT(json, Catch::Contains("\"compare_window\": \"start .. 2025-02-01"));
  CHECK_THAT(json, Catch::Contains("\"key\": \"handoff.count\""));
  report("-q -o '" + path("cmp.json") + "' --compare 2025-02-01", 1);
  report("-q -o '" + path("cmp.json") + "' --compare 2025-03-01..2025-02-01", 1);
}

TEST_CASE("Bad outputs and stores are clear errors", "[cli][report]") {
  auto out = report("-o '" + path("r.docx") + "'", 1);
  CHECK_THAT(out, Catch::Contains("cannot tell the format"));
  out = report("-o '" + path("r.html") + "' --format yaml", 1);
  CHECK_THAT(out, Catch::Contains("expected html, md, json, csv or pdf"));
  std::string text;
  CHECK(runCommand(cliCommand("report --db /nonexistent/x.orglens -o '" + path("x.html") + "'"),
                   text) == 2);
  orglens::test::writeFile(sample().dir / "file", "not a folder");
  out = report("-o '" + path("file/r.html") + "'", 2);
  CHECK_THAT(out, Catch::Contains("cannot write"));
  CHECK(runCommand(cliCommand("report --help"), text) == 0);
  CHECK_THAT(text, Catch::Contains("--fail-on") && Catch::Contains("Examples:"));
}

TEST_CASE("The --team option reports on one team, and unknown or too small teams are usage errors",
          "[cli][report]") {
  report("-q -o '" + path("legal.json") + "' --team Legal");
  CHECK_THAT(readFile(path("legal.json")), Catch::Contains("\"team\": \"Legal\""));
  auto out = report("-q -o '" + path("none.json") + "' --team 'No Such Team'", 1);
  CHECK_THAT(out, Catch::Contains("no team \"No Such Team\"") && Catch::Contains("Legal"));
  out = report("-q -o '" + path("small.json") + "' --team Legal --min-group 1000", 1);
  CHECK_THAT(out, Catch::Contains("minimum group size of 1000"));
  CHECK_FALSE(std::filesystem::exists(path("small.json")));
}
