// Small readers for the sample's files, shared by the sample tests: independent of the
// generator (own CSV splitting, own date arithmetic, plain text search in ground-truth.json).
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "samples/sample_org.h"
#include "tests/support/test_support.h"

namespace orglens::test::sample {

using Fields = std::vector<std::string>;

/// RFC 4180 line without embedded newlines (true for the sample files).
inline Fields splitCsv(const std::string& line) {
  Fields fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

/// Rows without the header.
inline std::vector<Fields> readCsv(const std::filesystem::path& path) {
  std::istringstream in(readFile(path));
  std::vector<Fields> rows;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) rows.push_back(splitCsv(line));
  return rows;
}

/// Days since 1970-01-01 of "YYYY-MM-DD..." (H. Hinnant's days_from_civil).
inline long dayOf(const std::string& text) {
  long y = std::strtol(text.substr(0, 4).c_str(), nullptr, 10);
  const long m = std::strtol(text.substr(5, 2).c_str(), nullptr, 10);
  const long d = std::strtol(text.substr(8, 2).c_str(), nullptr, 10);
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

inline bool weekendDay(long day) {
  const long weekday = ((day % 7) + 11) % 7;  // 0 = Sunday; 1970-01-01 was a Thursday
  return weekday == 0 || weekday == 6;
}

/// The text after the first `"key": ` in ground-truth.json, up to a comma or line end.
inline std::string truthValue(const std::string& truth, const std::string& key) {
  const auto at = truth.find("\"" + key + "\": ");
  REQUIRE(at != std::string::npos);
  const auto begin = at + key.size() + 4;
  return truth.substr(begin, truth.find_first_of(",\n", begin) - begin);
}

inline std::size_t truthCount(const std::string& truth, const std::string& key) {
  return std::strtoull(truthValue(truth, key).c_str(), nullptr, 10);
}

inline double truthNumber(const std::string& truth, const std::string& key) {
  return std::strtod(truthValue(truth, key).c_str(), nullptr);
}

/// The quoted strings of a one-level array `"key": [ ... ]`.
inline std::vector<std::string> truthList(const std::string& truth, const std::string& key) {
  const auto at = truth.find("\"" + key + "\": [");
  REQUIRE(at != std::string::npos);
  const auto end = truth.find(']', at);
  std::vector<std::string> items;
  for (auto open = truth.find('"', at + key.size() + 4); open < end;
       open = truth.find('"', truth.find('"', open + 1) + 1)) {
    items.push_back(truth.substr(open + 1, truth.find('"', open + 1) - open - 1));
  }
  return items;
}

struct RosterPerson {
  std::string id, email, team, department, zone;
  bool manager = false;
  long startDay = 0;
};

/// roster.csv by e-mail address.
inline std::map<std::string, RosterPerson> readRoster(const std::filesystem::path& dir) {
  std::map<std::string, RosterPerson> people;
  for (const Fields& f : readCsv(dir / "roster.csv")) {
    REQUIRE(f.size() == 10);
    people[f[1]] = {f[0], f[1], f[3], f[4], f[8], f[7] == "true", dayOf(f[9])};
  }
  return people;
}

/// The default sample, written once per test executable.
inline const std::filesystem::path& defaultSample() {
  static const std::filesystem::path dir = [] {
    const auto path = tempDir("sample-collaboration-defaults");
    samples::writeSampleOrganisation(path, samples::SampleOptions{});
    return path;
  }();
  return dir;
}

}  // namespace orglens::test::sample
