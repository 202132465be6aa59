// The report JSON: hand-checked members of the fixture, numbers, escapes, suppressed cells.
// Its structure against docs/report-schema.json is checked by json_checks.cmake.
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "reports/report_json.h"
#include "tests/reports/report_fixture.h"

using namespace orglens::reports;
using orglens::test::fixtureReport;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A strict RFC 8259 syntax check, enough to prove the output parses (not a validator).
class JsonSyntax {
 public:
  explicit JsonSyntax(const std::string& text) : m_s(text) {}
  bool ok() { return value() && (space(), m_i == m_s.size()); }

 private:
  void space() {
    while (m_i < m_s.size() && std::string_view(" \t\n\r").find(m_s[m_i]) != std::string::npos)
      ++m_i;
  }
  bool eat(char c) {
    space();
    if (m_i < m_s.size() && m_s[m_i] == c) return ++m_i, true;
    return false;
  }
  bool literal(std::string_view word) {
    if (m_s.compare(m_i, word.size(), word) != 0) return false;
    m_i += word.size();
    return true;
  }
  bool string() {
    if (!eat('"')) return false;
    while (m_i < m_s.size() && m_s[m_i] != '"') {
      if (static_cast<unsigned char>(m_s[m_i]) < 0x20) return false;
      m_i += m_s[m_i] == '\\' ? 2 : 1;
    }
    return eat('"');
  }
  bool number() {
    const std::size_t start = m_i;
    if (m_i < m_s.size() && m_s[m_i] == '-') ++m_i;
    while (m_i < m_s.size() &&
           std::string_view("0123456789.eE+-").find(m_s[m_i]) != std::string::npos)
      ++m_i;
    double v = 0;
    return m_i > start &&
           std::from_chars(m_s.data() + start, m_s.data() + m_i, v).ptr == m_s.data() + m_i;
  }
  template <typename Item>
  bool list(char close, Item item) {
    if (eat(close)) return true;
    do {
      if (!item()) return false;
    } while (eat(','));
    return eat(close);
  }
  bool value() {
    space();
    if (m_i >= m_s.size()) return false;
    const char c = m_s[m_i];
    if (c == '{') return ++m_i, list('}', [&] { return string() && eat(':') && value(); });
    if (c == '[') return ++m_i, list(']', [&] { return value(); });
    if (c == '"') return string();
    return literal("null") || literal("true") || literal("false") || number();
  }
  const std::string& m_s;
  std::size_t m_i = 0;
};

Report reportWithTable(Table table) {
  Report r;
  r.sections.push_back({"s", "S", {std::move(table)}});
  return r;
}

}  // namespace

TEST_CASE("The report JSON opens with its schema version and meta", "[reports][json]") {
  const std::string json = renderReportJson(fixtureReport());
  CHECK(JsonSyntax(json).ok());
  CHECK(json.rfind("{\n  \"schema_version\": 1,\n  \"meta\": {\n"
                   "    \"title\": \"orglens report\",\n    \"store\": \"fixture.orglens\",\n"
                   "    \"window\": \"2026-01-01 .. 2026-06-30\",\n    \"compare_window\": null,\n    \"team\": null,\n"
                   "    \"generated\": null,\n    \"version\": \"0.1.0\",\n"
                   "    \"min_group\": 5,\n    \"show_people\": false\n  },\n",
                   0) == 0);
  CHECK(json.ends_with("}\n"));
}

TEST_CASE("Measures carry machine values, null when missing, and the change", "[reports][json]") {
  const std::string json = renderReportJson(fixtureReport());
  CHECK(contains(json,
                 "\"key\": \"handoff.team.median\",\n"
                 "      \"label\": \"Median wait of the slowest team handoff\",\n"
                 "      \"unit\": \"seconds\",\n      \"value\": 267840,\n"
                 "      \"previous\": 172800,\n      \"change\": 95040,\n"
                 "      \"note\": \"Legal → Operations\"\n"));
  CHECK(contains(json,
                 "\"unit\": \"percent\",\n      \"value\": 37.5,\n"
                 "      \"previous\": null,\n      \"change\": null,\n"));
  CHECK(contains(json, "\"unit\": \"none\",\n      \"value\": -0.82,\n"));
  CHECK(contains(json, "\"unit\": \"count\",\n      \"value\": null,\n"));
}

TEST_CASE("Table cells are numbers in numeric columns and suppressed cells are listed",
          "[reports][json]") {
  const std::string json = renderReportJson(fixtureReport());
  CHECK(contains(json, "{\"name\": \"median\", \"unit\": \"seconds\", \"numeric\": true}"));
  CHECK(contains(json,
                 "\"rows\": [\n"
                 "            [\"Legal\", \"Operations\", 120, 267840, 41],\n"
                 "            [\"Sales <EMEA>\", \"Support & Care\", 80, 3600.5, 12.5],\n"
                 "            [\"Tiny team\", \"Operations\", null, null, null]\n"
                 "          ],\n"
                 "          \"suppressed\": [[2, 2], [2, 3], [2, 4]]\n"));

  Table t;
  t.key = "t";
  t.columns = {{"name"}, {"n", Align::Right, true, Unit::Count}};
  t.rows = {{"", ""}, {"1e3", "n/a"}, {"x", "nan"}, {kSuppressedCell, "7"}, {"short"}};
  const std::string cells = renderReportJson(reportWithTable(t));
  CHECK(JsonSyntax(cells).ok());
  // Empty numeric: null; text never turns into a number; a non-number stays its text.
  CHECK(contains(cells,
                 "[\"\", null],\n            [\"1e3\", \"n/a\"],\n"
                 "            [\"x\", null],\n            [null, 7],\n"
                 "            [\"short\", null]\n"));
  CHECK(contains(cells, "\"suppressed\": [[3, 0]]"));
}

TEST_CASE("Chart values keep NaN as null and networks keep every field", "[reports][json]") {
  const std::string json = renderReportJson(fixtureReport());
  CHECK(contains(json, "\"values\": [267840, 3600.5, null]"));
  CHECK(contains(json, "\"values\": [null, 267840, 7200]"));
  CHECK(contains(json, "\"values\": [20, 25, 31, null, 40, 45]"));
  CHECK(
      contains(json, "\"kind\": \"heatmap\",\n          \"title\": \"Median wait, team × team\","));
  CHECK(contains(json, "\"rows\": [\"Legal\", \"Operations\", \"Sales\"],"));
  CHECK(contains(json,
                 "{\"label\": \"P-7KQ2M\", \"group\": \"Research\", \"size\": 3, "
                 "\"x\": 0.5, \"y\": 0.5}"));
  CHECK(contains(json, "{\"a\": 0, \"b\": 2, \"weight\": 5}"));
  CHECK(contains(json,
                 "{\n          \"type\": \"paragraph\",\n          \"text\": \"Where work "
                 "waits between teams & people, by \\\"excess\\\" delay.\"\n        }"));
}

TEST_CASE("Numbers are the shortest text that reads back exactly", "[reports][json]") {
  CHECK(shortestNumber(267840.0) == "267840");
  CHECK(shortestNumber(0.1) == "0.1");
  CHECK(shortestNumber(-0.82) == "-0.82");
  CHECK(shortestNumber(1e22) == "1e+22");
  CHECK(shortestNumber(5e-324) == "5e-324");
  CHECK(shortestNumber(std::numeric_limits<double>::quiet_NaN()).empty());
  CHECK(shortestNumber(-std::numeric_limits<double>::infinity()).empty());
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> mantissa(-1, 1);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int i = 0; i < 2000; ++i) {
    const double v = std::ldexp(mantissa(random), exponent(random));
    const std::string s = shortestNumber(v);
    double back = 0;
    std::from_chars(s.data(), s.data() + s.size(), back);
    REQUIRE(back == v);
  }
}

TEST_CASE("Strings escape control characters and keep valid UTF-8 only", "[reports][json]") {
  CHECK(validUtf8("Ärger → 东京 😀") == "Ärger → 东京 😀");
  CHECK(validUtf8("a\xFF"
                  "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(validUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  CHECK(validUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(validUtf8("\xE2\x86") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // cut short

  Report r;
  r.findings = {{"s", "tab\there \"q\" back\\slash\nline\x01 bell\x7F \xFF"}};
  const std::string json = renderReportJson(r);
  CHECK(JsonSyntax(json).ok());
  CHECK(contains(json,
                 "\"text\": \"tab\\there \\\"q\\\" back\\\\slash\\nline\\u0001 bell\x7F "
                 "\xEF\xBF\xBD\""));
}

TEST_CASE("The JSON of an empty report is complete and valid", "[reports][json]") {
  CHECK_FALSE(JsonSyntax("{\"a\": 1,}").ok());  // the checker can fail
  CHECK_FALSE(JsonSyntax("[1 2]").ok());
  CHECK(JsonSyntax(renderReportJson(Report{})).ok());
  CHECK(renderReportJson(Report{}) ==
        "{\n  \"schema_version\": 1,\n  \"meta\": {\n    \"title\": \"orglens report\",\n"
        "    \"store\": \"\",\n    \"window\": \"\",\n    \"compare_window\": null,\n    \"team\": null,\n"
        "    \"generated\": null,\n    \"version\": \"\",\n    \"min_group\": 5,\n"
        "    \"show_people\": false\n  },\n  \"findings\": [],\n  \"measures\": [],\n"
        "  \"sections\": []\n}\n");
}

TEST_CASE("The report JSON is deterministic", "[reports][json]") {
  CHECK(renderReportJson(fixtureReport()) == renderReportJson(fixtureReport()));
  Report stamped = fixtureReport();
  stamped.meta.generated = "2026-07-01T08:00:00Z";
  stamped.meta.compareWindow = "2025-07-01 .. 2025-12-31";
  const std::string json = renderReportJson(stamped);
  CHECK(contains(json,
                 "\"compare_window\": \"2025-07-01 .. 2025-12-31\",\n"
                 "    \"team\": null,\n"
                 "    \"generated\": \"2026-07-01T08:00:00Z\","));
}
