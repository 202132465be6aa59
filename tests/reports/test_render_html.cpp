// The HTML report: escaping, structure, accessibility attributes, formatting by unit, no
// network references, determinism. The real-browser checks are in html_checks.cmake.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "reports/html_format.h"
#include "reports/html_table.h"
#include "reports/render_html.h"
#include "tests/reports/report_fixture.h"

using namespace orglens::reports;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

/// Every element that must be closed is closed, in order (a cheap stand-in for a validator:
/// the browser check parses the page for real). Void elements and the script are skipped.
std::string unbalancedTag(const std::string& html) {
  static const std::regex tag(R"(<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>)");
  static const std::vector<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link"};
  std::vector<std::string> open;
  const auto body = html.substr(0, html.find("<script>"));
  for (auto it = std::sregex_iterator(body.begin(), body.end(), tag); it != std::sregex_iterator();
       ++it) {
    const std::string name = (*it)[2], closing = (*it)[1], selfClosing = (*it)[3];
    if (std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end() || !selfClosing.empty())
      continue;
    if (closing.empty()) {
      open.push_back(name);
    } else if (open.empty() || open.back() != name) {
      return "</" + name + "> closes " + (open.empty() ? "nothing" : "<" + open.back() + ">");
    } else {
      open.pop_back();
    }
  }
  return open.size() == 2 ? "" : "unclosed elements: " + std::to_string(open.size());  // html, body
}

}  // namespace

TEST_CASE("Text from the data is escaped everywhere in the HTML report", "[reports][html]") {
  const std::string html = renderHtml(orglens::test::fixtureReport());
  CHECK_FALSE(contains(html, "<R&D>"));
  CHECK_FALSE(contains(html, "<EMEA>"));
  CHECK_FALSE(contains(html, "Support & Care"));
  CHECK(contains(html, "Research &lt;R&amp;D&gt;"));
  CHECK(contains(html, "Sales &lt;EMEA&gt;"));
  CHECK(contains(html, "teams &amp; people, by &quot;excess&quot; delay."));
  CHECK(contains(html, "Legal → Operations"));  // unicode kept as is (UTF-8 page)
  CHECK(unbalancedTag(html).empty());
}

TEST_CASE("The HTML report holds every section, table and chart of the report", "[reports][html]") {
  const std::string html = renderHtml(orglens::test::fixtureReport());
  REQUIRE(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  for (const char* key : {"handoffs", "adoption", "silos", "method"}) {
    CHECK(contains(html, "<section id=\"" + std::string(key) + "\""));
    CHECK(contains(html, "<a href=\"#" + std::string(key) + "\">"));  // contents
  }
  CHECK(contains(html, "<h2 id=\"silos-heading\">Silos and brokers</h2>"));
  CHECK(contains(html, "id=\"table-handoff_team_pairs\""));
  CHECK(contains(html, "<caption>Slowest team handoffs</caption>"));
  CHECK(contains(html, "<p class=\"note\">1 row suppressed: fewer than 5 people.</p>"));
  CHECK(count(html, "<th scope=\"col\"") >= 5);
  CHECK(count(html, "<figure class=\"chart") == 4);
  for (const char* kind : {"bar", "line", "heatmap", "network"})
    CHECK(contains(html, "<figure class=\"chart chart-" + std::string(kind) + "\""));
  CHECK(count(html, "<details class=\"chart-data\"><summary>Data</summary>") == 4);
  // Findings in order, each linked to its section.
  const auto first = html.find("Work waits 3.1 days"), second = html.find("has the fewest ties");
  CHECK(first < second);
  CHECK(contains(html, "<ol class=\"findings\">"));
  CHECK(contains(html, "<a class=\"more\" href=\"#silos\">"));
  CHECK(contains(html, "<p>Definitions: handoffs/1, network/1, adoption/1.</p>"));
}

TEST_CASE("Every chart has a title and a description as its text alternative", "[reports][html]") {
  const auto report = orglens::test::fixtureReport();
  const std::string html = renderHtml(report);
  for (const auto& section : report.sections)
    for (const auto& block : section.blocks) {
      const auto* chart = std::get_if<Chart>(&block);
      if (!chart) continue;
      const std::string id = "chart-" + chart->key;
      INFO(id);
      CHECK(contains(html, "<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"" + id +
                               "-title " + id + "-desc\""));
      CHECK(contains(html,
                     "<title id=\"" + id + "-title\">" + escapeHtml(chart->title) + "</title>"));
      CHECK(contains(html,
                     "<desc id=\"" + id + "-desc\">" + escapeHtml(chart->description) + "</desc>"));
      CHECK(contains(html, "<span class=\"fig-title\">" + escapeHtml(chart->title) + "</span>"));
    }
}

TEST_CASE("Cells and measures are formatted by unit and withheld cells are marked",
          "[reports][html]") {
  const std::string html = renderHtml(orglens::test::fixtureReport());
  CHECK(count(html, "<span class=\"suppressed\">suppressed</span>") == 3);
  CHECK(contains(html, "title=\"Withheld: a group of fewer than 5 people\""));
  CHECK(contains(html, "data-sort=\"267840.000000\">3.1 d</td>"));
  CHECK(contains(html, "data-sort=\"3600.500000\">1.0 h</td>"));
  CHECK(contains(html, ">41.0%</td>"));
  CHECK(contains(html, "data-sort=\"120.000000\">120</td>"));
  // Measures: a duration, a share, a plain number, a missing value, a change.
  CHECK(contains(html, "<td class=\"num\">37.5%</td>"));
  CHECK(contains(html, "<td class=\"num\">-0.82</td>"));
  CHECK(contains(html, "<td class=\"num missing\" title=\"not available\">–</td>"));
  CHECK(contains(html, "<span class=\"sr-only\">up </span>+1.1 d (+55%)"));
  // The bar chart's NaN: no bar, and a dash in its data table.
  CHECK(contains(html, ">no value</text>"));
  CHECK(contains(html, "<td class=\"num missing\" title=\"no value\">–</td>"));
}

TEST_CASE("The meta block states the store, the window and the privacy rules", "[reports][html]") {
  auto report = orglens::test::fixtureReport();
  std::string html = renderHtml(report);
  CHECK(contains(html, "<dd>fixture.orglens</dd>"));
  CHECK(contains(html, "<dd>2026-01-01 .. 2026-06-30</dd>"));
  CHECK(contains(html, "people shown as pseudonyms; groups of fewer than 5 people suppressed"));
  CHECK(contains(html, "<dd>0.1.0</dd>"));
  CHECK_FALSE(contains(html, "Generated"));
  CHECK_FALSE(contains(html, "Compared with"));
  report.meta.generated = "2026-07-01T08:00:00Z";
  report.meta.compareWindow = "2025-07-01 .. 2025-12-31";
  report.meta.showPeople = true;
  report.meta.minGroup = 3;
  html = renderHtml(report);
  CHECK(contains(html, "<dt>Generated</dt><dd>2026-07-01T08:00:00Z</dd>"));
  CHECK(contains(html, "<dt>Compared with</dt><dd>2025-07-01 .. 2025-12-31</dd>"));
  CHECK(contains(html, "people shown by name; groups of fewer than 3 people suppressed"));
}

TEST_CASE("The HTML report refers to no resource outside the file", "[reports][html]") {
  const std::string html = renderHtml(orglens::test::fixtureReport());
  CHECK_FALSE(contains(html, "http://"));
  CHECK_FALSE(contains(html, "https://"));
  CHECK_FALSE(contains(html, "src="));
  CHECK_FALSE(contains(html, "<link"));
  CHECK_FALSE(contains(html, "@import"));
  CHECK_FALSE(std::regex_search(html, std::regex(R"(url\([^#])")));
  CHECK_FALSE(std::regex_search(html, std::regex(R"(href="[^#])")));
}

TEST_CASE("The same report always gives the same HTML", "[reports][html]") {
  const auto a = renderHtml(orglens::test::fixtureReport());
  const auto b = renderHtml(orglens::test::fixtureReport());
  CHECK(a == b);
}

TEST_CASE("An empty report is still a whole HTML page", "[reports][html]") {
  Report empty;
  const std::string html = renderHtml(empty);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.size() > 100);
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  CHECK(contains(html, "<title>orglens report</title>"));
  CHECK(contains(html, "This report holds no findings, measures or sections."));
  CHECK_FALSE(contains(html, "<nav"));
  CHECK(unbalancedTag(html).empty());
}

TEST_CASE("Keys that repeat or hold odd characters still give unique, clean ids",
          "[reports][html]") {
  Report r;
  Chart c;
  c.key = "a b";
  c.title = "t";
  c.categories = {"x"};
  c.series = {{"s", {1}}};
  r.sections.push_back({"sec", "One", {c, c}});
  r.sections.push_back({"sec", "Two", {}});
  const std::string html = renderHtml(r);
  CHECK(contains(html, "<section id=\"sec\""));
  CHECK(contains(html, "<section id=\"sec-2\""));
  CHECK(contains(html, "id=\"chart-a-b\""));
  CHECK(contains(html, "id=\"chart-a-b-2\""));
  CHECK(unbalancedTag(html).empty());
}

TEST_CASE("Values are formatted by unit for people", "[reports][html]") {
  CHECK(formatValue(41, Unit::Percent) == "41.0%");
  CHECK(formatValue(1234567, Unit::Count) == "1,234,567");
  CHECK(formatValue(-0.82, Unit::None) == "-0.82");
  CHECK(formatValue(267840, Unit::Seconds) == "3.1 d");
  CHECK(formatValue(std::nan(""), Unit::Seconds) == "–");
  CHECK(formatChange(-4, Unit::Percent) == "-4.0 pp");
  CHECK(formatChange(3600, Unit::Seconds) == "+1.0 h");
  CHECK(sortValue("3.2 d").value() == Approx(276480));
  CHECK(sortValue("1,234").value() == 1234);
  CHECK(sortValue("41.0%").value() == 41);
  CHECK_FALSE(sortValue("Legal").has_value());
  CHECK(htmlId("a b<c>") == "a-b-c-");
  CHECK(escapeHtml("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
}

TEST_CASE("Axis ticks fall on round numbers of the unit people read", "[reports][html]") {
  const Axis days = niceAxis(0, 267840, Unit::Seconds, 5);
  CHECK(days.labels == std::vector<std::string>{"0 d", "1 d", "2 d", "3 d", "4 d"});
  CHECK(days.hi == 4 * 86400);
  const Axis share = niceAxis(0, 80, Unit::Percent, 5);
  CHECK(share.labels == std::vector<std::string>{"0%", "20%", "40%", "60%", "80%"});
  const Axis people = niceAxis(0, 3, Unit::Count, 8);
  CHECK(people.labels == std::vector<std::string>{"0", "1", "2", "3"});
  const Axis flat = niceAxis(0, 0, Unit::None, 5);
  CHECK(flat.hi > flat.lo);
  const Axis negative = niceAxis(-0.82, 0, Unit::None, 4);
  CHECK(negative.lo <= -0.82);
  CHECK(negative.labels.back() == "0");
}
