// Recovers every fact the simulator plants from the written CSV files alone, with a small
// computation independent of the generator (own CSV reader, own date arithmetic), and checks
// that ground-truth.json reports what the files really contain.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "samples/sample_org.h"
#include "tests/samples/sample_files.h"
#include "tests/support/test_support.h"

namespace test = orglens::test;
using orglens::test::sample::Fields;
using orglens::test::sample::readCsv;

namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
long daysFromCivil(long y, long m, long d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

struct LocalTime {
  long localSeconds = 0, utcSeconds = 0, day = 0, secondOfDay = 0;
  int month = 0;
  std::string offset;
};

// 2025-03-03T09:15:00+01:00
LocalTime parseTime(const std::string& text) {
  REQUIRE(text.size() == 25);
  const auto number = [&](std::size_t at, std::size_t length) {
    return std::strtol(text.substr(at, length).c_str(), nullptr, 10);
  };
  LocalTime time;
  time.month = static_cast<int>(number(5, 2));
  time.day = daysFromCivil(number(0, 4), time.month, number(8, 2));
  time.secondOfDay = number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2);
  time.localSeconds = time.day * 86400 + time.secondOfDay;
  const long offset = (number(20, 2) * 3600 + number(23, 2) * 60) * (text[19] == '-' ? -1 : 1);
  time.utcSeconds = time.localSeconds - offset;
  time.offset = text.substr(19);
  return time;
}

struct Row {
  std::string caseId, person, team, department, tool, platform;
  LocalTime start, end;
};

struct Sample {
  std::map<std::string, Fields> people;  // person_id → roster fields
  std::vector<Row> rows;
  std::string truth;
};

Sample readSample(const std::filesystem::path& dir) {
  Sample sample;
  for (Fields& person : readCsv(dir / "roster.csv")) sample.people[person[0]] = person;
  for (const Fields& f : readCsv(dir / "events.csv")) {
    REQUIRE(f.size() == 8);
    sample.rows.push_back({f[0], f[4], f[5], sample.people.at(f[4])[4], f[6], f[7], parseTime(f[2]),
                           parseTime(f[3])});
  }
  std::stable_sort(sample.rows.begin(), sample.rows.end(), [](const Row& a, const Row& b) {
    return a.caseId != b.caseId ? a.caseId < b.caseId : a.start.utcSeconds < b.start.utcSeconds;
  });
  sample.truth = test::readFile(dir / "ground-truth.json");
  return sample;
}

// The value after "key": in the planted section of ground-truth.json.
std::string truthValue(const std::string& truth, const std::string& key) {
  const auto at = truth.find("\"" + key + "\": ", truth.find("\"planted\""));
  REQUIRE(at != std::string::npos);
  const auto begin = at + key.size() + 4;
  return truth.substr(begin, truth.find_first_of(",\n", begin) - begin);
}

std::string truthString(const std::string& truth, const std::string& key) {
  const std::string quoted = truthValue(truth, key);
  REQUIRE(quoted.size() >= 2);
  return quoted.substr(1, quoted.size() - 2);
}

double truthNumber(const std::string& truth, const std::string& key) {
  return std::strtod(truthValue(truth, key).c_str(), nullptr);
}

double median(std::vector<double> values) {
  REQUIRE_FALSE(values.empty());
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

void checkHandoffs(const Sample& sample, bool defaults) {
  std::map<std::pair<std::string, std::string>, std::vector<double>> waits;  // hours per team pair
  std::vector<double> others;
  std::size_t silo = 0, siloInternal = 0, between = 0, betweenWithoutBroker = 0;
  const std::string broker = truthString(sample.truth, "person_id");
  for (std::size_t i = 1; i < sample.rows.size(); ++i) {
    const Row& a = sample.rows[i - 1];
    const Row& b = sample.rows[i];
    if (a.caseId != b.caseId || a.person == b.person) continue;
    const double hours = (b.start.utcSeconds - a.end.utcSeconds) / 3600.0;
    waits[{a.team, b.team}].push_back(hours);
    if (!(a.team == "Legal" && b.team == "Operations")) others.push_back(hours);
    if (a.team == "Research" || b.team == "Research") {
      ++silo;
      siloInternal += a.team == b.team;
    }
    const std::set<std::string> departments = {a.department, b.department};
    if (departments == std::set<std::string>{"Product", "Commercial"}) {
      ++between;
      betweenWithoutBroker += a.person != broker && b.person != broker;
    }
  }
  // 1. Slow handoff: days against hours, and by far the largest total excess delay.
  const double slow = median(waits[{"Legal", "Operations"}]);
  const double other = median(others);
  CHECK(slow >= 48);
  CHECK(other <= 6);
  CHECK(slow == Approx(truthNumber(sample.truth, "median_wait_hours")).margin(1e-4));
  CHECK(other == Approx(truthNumber(sample.truth, "other_handoffs_median_hours")).margin(1e-4));
  std::vector<std::pair<double, std::string>> excess;
  for (const auto& [pair, hours] : waits) {
    double total = 0;
    for (double h : hours) total += std::max(0.0, h - other);
    excess.emplace_back(total, pair.first + " -> " + pair.second);
    if (hours.size() >= 30 &&
        pair != std::make_pair(std::string("Legal"), std::string("Operations"))) {
      INFO(pair.first << " -> " << pair.second);
      CHECK(median(hours) < 24);
    }
  }
  std::sort(excess.rbegin(), excess.rend());
  CHECK(excess[0].second == "Legal -> Operations");
  CHECK(excess[0].first > 2 * excess[1].first);
  // 2. Silo team.
  const double internal = static_cast<double>(siloInternal) / static_cast<double>(silo);
  CHECK(internal >= 0.95);
  CHECK(internal == Approx(truthNumber(sample.truth, "internal_share")).margin(1e-4));
  if (defaults) CHECK(siloInternal < silo);  // a few outside contacts: not disconnected
  // 3. Broker: on every handoff between the two departments, and not a manager.
  CHECK(truthValue(sample.truth, "between") == "[");
  CHECK(between > 0);
  CHECK(betweenWithoutBroker == 0);
  CHECK(sample.people.at(broker)[7] == "false");
}

void checkBrokerCases(const Sample& sample) {
  const std::string broker = truthString(sample.truth, "person_id");
  std::map<std::string, std::set<std::string>> casePeople, caseDepartments;
  for (const Row& row : sample.rows) {
    casePeople[row.caseId].insert(row.person);
    caseDepartments[row.caseId].insert(row.department);
  }
  for (const auto& [id, departments] : caseDepartments) {
    if (departments.count("Product") && departments.count("Commercial")) {
      INFO(id);
      CHECK(casePeople[id].count(broker) == 1);
    }
  }
}

void checkUsageAndHours(const Sample& sample) {
  std::map<std::string, std::size_t> teamRows, mobile, weekend, departmentRows, chat;
  std::size_t outsideHours = 0, wrongOffsets = 0;
  for (const Row& row : sample.rows) {
    ++teamRows[row.team];
    ++departmentRows[row.department];
    mobile[row.team] += row.platform == "mobile";
    chat[row.department] += row.tool == "chat";
    const long weekday = ((row.start.day % 7) + 11) % 7;  // 0 = Sunday; 1970-01-01 a Thursday
    weekend[row.team] += weekday == 0 || weekday == 6;
    // 7. Working hours 08:00–18:00 local, start and end on the same local day, and offsets
    // that follow each zone's DST (counted, so that a failure does not print every row).
    outsideHours += row.start.secondOfDay < 8 * 3600 || row.end.day != row.start.day ||
                    row.end.secondOfDay > 18 * 3600 || row.end.utcSeconds <= row.start.utcSeconds;
    const std::string& zone = sample.people.at(row.person)[8];
    const int month = row.start.month;
    const std::string& offset = row.start.offset;
    wrongOffsets += (zone == "Europe/Berlin" && month == 1 && offset != "+01:00") ||
                    (zone == "Europe/Berlin" && month == 7 && offset != "+02:00") ||
                    (zone == "America/New_York" && month == 1 && offset != "-05:00") ||
                    (zone == "America/New_York" && month == 7 && offset != "-04:00") ||
                    (zone == "Europe/London" && month == 7 && offset != "+01:00");
  }
  CHECK(outsideHours == 0);
  CHECK(wrongOffsets == 0);
  const auto share = [](std::size_t part, std::size_t whole) {
    return static_cast<double>(part) / static_cast<double>(whole);
  };
  // 4. Non-adopting department.
  CHECK(chat["Corporate"] == 0);
  for (const auto& [department, rows] : departmentRows) {
    if (department != "Corporate") CHECK(share(chat[department], rows) >= 0.1);
  }
  // 5. Mobile-first team; 6. weekend team.
  const double fieldMobile = share(mobile["Field Service"], teamRows["Field Service"]);
  const double supportWeekend = share(weekend["Support"], teamRows["Support"]);
  CHECK(fieldMobile >= 0.7);
  CHECK(supportWeekend >= 0.15);
  CHECK(fieldMobile == Approx(truthNumber(sample.truth, "mobile_share")).margin(1e-4));
  CHECK(supportWeekend == Approx(truthNumber(sample.truth, "weekend_share")).margin(1e-4));
  for (const auto& [team, rows] : teamRows) {
    INFO(team);
    if (team != "Field Service" && rows >= 100) CHECK(share(mobile[team], rows) < 0.15);
    if (team != "Support") CHECK(weekend[team] == 0);
  }
}

void checkPlantedFacts(const orglens::samples::SampleOptions& options, const char* name,
                       bool defaults) {
  const auto dir = test::tempDir(name);
  orglens::samples::writeSampleOrganisation(dir, options);
  const Sample sample = readSample(dir);
  REQUIRE(sample.rows.size() > 1000);
  checkHandoffs(sample, defaults);
  checkBrokerCases(sample);
  checkUsageAndHours(sample);
}

}  // namespace

TEST_CASE("A small sample shows every planted fact in its CSV files", "[samples]") {
  orglens::samples::SampleOptions options;
  options.people = 120;
  options.days = 60;
  options.seed = 42;
  checkPlantedFacts(options, "sample-planted-small", false);
}

TEST_CASE("The default sample shows every planted fact in its CSV files", "[samples]") {
  checkPlantedFacts(orglens::samples::SampleOptions{}, "sample-planted-defaults", true);
}
