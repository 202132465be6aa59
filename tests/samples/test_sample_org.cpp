// The sample simulator's contract: determinism, size, file layout and option validation.
// The planted facts are checked in test_sample_planted.cpp.
#include <algorithm>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "samples/sample_org.h"
#include "tests/support/test_support.h"

using orglens::samples::SampleOptions;
using orglens::samples::writeSampleOrganisation;
namespace test = orglens::test;

namespace {

SampleOptions smallOptions(std::uint64_t seed = 1) {
  SampleOptions options;
  options.people = 120;
  options.days = 60;
  options.seed = seed;
  return options;
}

std::size_t countLines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string firstLine(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::string errorFor(const SampleOptions& options) {
  try {
    writeSampleOrganisation(test::tempDir("sample-invalid") / "out", options);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("The same seed writes byte-identical files and another seed different events",
          "[samples]") {
  const auto first = writeSampleOrganisation(test::tempDir("sample-a"), smallOptions(7));
  const auto second = writeSampleOrganisation(test::tempDir("sample-b"), smallOptions(7));
  const auto other = writeSampleOrganisation(test::tempDir("sample-c"), smallOptions(8));
  REQUIRE(first.files.size() == 7);
  REQUIRE(second.files.size() == 7);
  for (std::size_t i = 0; i < first.files.size(); ++i) {
    INFO(first.files[i].filename().string());
    CHECK(first.files[i].filename() == second.files[i].filename());
    CHECK(test::readFile(first.files[i]) == test::readFile(second.files[i]));
  }
  CHECK(test::readFile(first.files[1]) != test::readFile(other.files[1]));
  CHECK(first.events == second.events);
}

TEST_CASE("Default options write a 300-person roster and at least 100,000 events", "[samples]") {
  const auto dir = test::tempDir("sample-defaults");
  const auto summary = writeSampleOrganisation(dir, SampleOptions{});
  const std::string roster = test::readFile(dir / "roster.csv");
  const std::string events = test::readFile(dir / "events.csv");
  const std::string truth = test::readFile(dir / "ground-truth.json");

  CHECK(firstLine(roster) ==
        "person_id,email,name,team,department,manager_id,role,is_manager,timezone,start_date");
  CHECK(firstLine(events) == "case_id,activity,start_time,end_time,resource,team,tool,platform");
  CHECK(countLines(roster) == 301);
  const std::size_t rows = countLines(events) - 1;
  CHECK(rows >= 50000);
  CHECK(summary.people == 300);
  CHECK(summary.teams == 12);
  CHECK(summary.events == 2 * rows);
  CHECK(summary.cases > 0);
  CHECK(events.find('\r') == std::string::npos);  // LF line ends
  CHECK(truth.find("\"rows\": " + std::to_string(rows) + ",") != std::string::npos);
  CHECK(truth.find("\"events\": " + std::to_string(2 * rows)) != std::string::npos);
  // UTF-8 names and the one name that needs CSV quotes.
  CHECK(roster.find("José Muñoz") != std::string::npos);
  CHECK(roster.find("Zoë Bäcker") != std::string::npos);
  CHECK(roster.find(", Jr.\"") != std::string::npos);
}

TEST_CASE("The smallest valid organisation is written with every team", "[samples]") {
  SampleOptions options;
  options.people = 20;
  options.teams = 6;
  options.days = 14;
  const auto dir = test::tempDir("sample-smallest");
  const auto summary = writeSampleOrganisation(dir / "nested" / "out", options);
  CHECK(summary.people == 20);
  CHECK(summary.teams == 6);
  CHECK(summary.events > 0);
  CHECK(countLines(test::readFile(dir / "nested" / "out" / "roster.csv")) == 21);
}

TEST_CASE("Invalid options are rejected with a message naming the field", "[samples]") {
  SampleOptions options;
  options.people = 19;
  CHECK_THAT(errorFor(options), Catch::Contains("people"));
  options = {};
  options.teams = 5;
  CHECK_THAT(errorFor(options), Catch::Contains("teams"));
  options.teams = 41;
  CHECK_THAT(errorFor(options), Catch::Contains("teams"));
  options = {};
  options.teams = 40;
  options.people = 60;  // fewer than a lead and a member per team
  CHECK_THAT(errorFor(options), Catch::Contains("people"));
  options = {};
  options.days = 13;
  CHECK_THAT(errorFor(options), Catch::Contains("days"));
  options = {};
  options.startDate = "2025-02-30";
  CHECK_THAT(errorFor(options), Catch::Contains("startDate"));
  options.startDate = "6.1.2025";
  CHECK_THAT(errorFor(options), Catch::Contains("startDate"));
}

TEST_CASE("Validation happens before anything is written", "[samples]") {
  const auto dir = test::tempDir("sample-untouched") / "out";
  SampleOptions options;
  options.days = 1;
  CHECK_THROWS_AS(writeSampleOrganisation(dir, options), std::invalid_argument);
  CHECK_FALSE(std::filesystem::exists(dir));
}

TEST_CASE("Progress is reported in order from 0 to 1", "[samples]") {
  std::vector<double> reports;
  writeSampleOrganisation(test::tempDir("sample-progress"), smallOptions(),
                          [&](double fraction) { reports.push_back(fraction); });
  REQUIRE(reports.size() >= 3);
  CHECK(reports.front() == 0.0);
  CHECK(reports.back() == 1.0);
  CHECK(std::is_sorted(reports.begin(), reports.end()));
}
