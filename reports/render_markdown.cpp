#include "reports/render_markdown.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <string_view>

#include "reports/analysis_tables.h"
#include "reports/markdown_text.h"

namespace orglens::reports {
namespace {

using markdown::codeSpan;
using markdown::escapeInline;
using markdown::escapeLineStart;
using markdown::escapeParagraph;
using markdown::HeadingAnchors;

constexpr std::string_view kMissing = "–";  // en dash: no value (a gap or not available)
constexpr std::size_t kTopNodes = 10;       // nodes listed for a network chart

bool parseNumber(const std::string& s, double& v) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
}

// Up to three decimals without trailing zeros ("0.82", "3"); tiny values keep two digits.
std::string formatPlain(double v) {
  std::string s = formatFixed(v, 3);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0" || (s == "0" && v != 0)) {
    if (v == 0) return "0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2g", v);
    return buf;
  }
  return s;
}

std::string formatCount(double v) {
  const double a = std::fabs(v);
  if (a != std::floor(a) || a >= 1e15) return formatPlain(v);
  return (v < 0 ? "-" : "") + groupDigits(static_cast<std::uint64_t>(a));
}

std::string formatValue(double v, Unit unit) {
  if (!std::isfinite(v)) return std::string(kMissing);
  switch (unit) {
    case Unit::Seconds:
      return formatDuration(v);
    case Unit::Percent:
      return formatFixed(v, 1) + "%";
    case Unit::Count:
      return formatCount(v);
    case Unit::None:
      break;
  }
  return formatPlain(v);
}

// A change between windows: signed, percentages in percent points.
std::string formatChange(double d, Unit unit) {
  if (!std::isfinite(d)) return std::string(kMissing);
  const std::string sign = d > 0 ? "+" : d < 0 ? "-" : "";
  const double a = std::fabs(d);
  switch (unit) {
    case Unit::Seconds:
      return sign + formatDuration(a);
    case Unit::Percent:
      return sign + formatFixed(a, 1) + " pp";
    case Unit::Count:
      return sign + formatCount(a);
    case Unit::None:
      break;
  }
  return sign + formatPlain(a);
}

std::string optionalValue(const std::optional<double>& v, Unit unit) {
  return v ? formatValue(*v, unit) : std::string(kMissing);
}

using Rows = std::vector<std::vector<std::string>>;

// A GFM table from cells that are already escaped and formatted.
std::string gfmTable(const std::vector<std::string>& header, const std::vector<bool>& right,
                     const Rows& rows) {
  auto line = [](const std::vector<std::string>& cells, std::size_t n) {
    std::string out = "|";
    for (std::size_t c = 0; c < n; ++c) out += " " + (c < cells.size() ? cells[c] : "") + " |";
    return out + "\n";
  };
  std::string out = line(header, header.size()) + "|";
  for (std::size_t c = 0; c < header.size(); ++c) out += right[c] ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : rows) out += line(row, header.size());
  out.pop_back();
  return out;
}

std::string tableCell(const std::string& cell, const Column& column) {
  if (cell == kSuppressedCell) return "*suppressed*";
  if (column.numeric || column.unit != Unit::None) {
    double v = 0;
    if (cell.empty()) return std::string(kMissing);
    // Unit::None keeps the builder's text: it chose the precision.
    if (column.unit != Unit::None && parseNumber(cell, v)) return formatValue(v, column.unit);
  }
  return escapeInline(cell, "<br>");
}

std::string renderTable(const Table& table) {
  if (table.columns.empty()) return "*Empty table.*";
  std::vector<std::string> header;
  std::vector<bool> right;
  for (const auto& c : table.columns) {
    header.push_back(escapeInline(c.name, "<br>"));
    right.push_back(c.align == Align::Right || c.numeric);
  }
  Rows rows;
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
      cells.push_back(tableCell(c < row.size() ? row[c] : "", table.columns[c]));
    rows.push_back(std::move(cells));
  }
  std::string out = gfmTable(header, right, rows);
  if (table.rows.empty()) out += "\n\n*No rows.*";
  if (!table.note.empty()) out += "\n\n*Note:* " + escapeParagraph(table.note);
  return out;
}

double valueAt(const std::vector<Series>& series, std::size_t s, std::size_t c) {
  if (s >= series.size() || c >= series[s].values.size())
    return std::numeric_limits<double>::quiet_NaN();
  return series[s].values[c];
}

// Bar and line charts: one row per category, one column per series.
std::string seriesTable(const Chart& chart) {
  std::vector<std::string> header{escapeInline(chart.xLabel.empty() ? "category" : chart.xLabel)};
  std::vector<bool> right{false};
  for (const auto& s : chart.series) {
    header.push_back(escapeInline(s.name, "<br>"));
    right.push_back(true);
  }
  Rows rows;
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    std::vector<std::string> row{escapeInline(chart.categories[c], "<br>")};
    for (std::size_t s = 0; s < chart.series.size(); ++s)
      row.push_back(formatValue(valueAt(chart.series, s, c), chart.unit));
    rows.push_back(std::move(row));
  }
  return gfmTable(header, right, rows);
}

// Heatmaps: one row per chart row, one column per category; series[r] holds row r.
std::string heatmapTable(const Chart& chart) {
  std::vector<std::string> header{escapeInline(chart.yLabel, "<br>")};
  std::vector<bool> right{false};
  for (const auto& c : chart.categories) {
    header.push_back(escapeInline(c, "<br>"));
    right.push_back(true);
  }
  Rows rows;
  const std::size_t n = std::max(chart.rows.size(), chart.series.size());
  for (std::size_t r = 0; r < n; ++r) {
    const std::string& name = r < chart.rows.size() ? chart.rows[r] : chart.series[r].name;
    std::vector<std::string> row{escapeInline(name, "<br>")};
    for (std::size_t c = 0; c < chart.categories.size(); ++c)
      row.push_back(formatValue(valueAt(chart.series, r, c), chart.unit));
    rows.push_back(std::move(row));
  }
  return gfmTable(header, right, rows);
}

// Networks: counts, then the largest nodes (ties in input order, so the list is stable).
std::string networkSummary(const Chart& chart) {
  std::string out =
      groupDigits(chart.nodes.size()) + (chart.nodes.size() == 1 ? " node, " : " nodes, ") +
      groupDigits(chart.edges.size()) + (chart.edges.size() == 1 ? " edge." : " edges.");
  if (chart.nodes.empty()) return out;
  std::vector<std::size_t> order(chart.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return chart.nodes[a].size > chart.nodes[b].size;
  });
  order.resize(std::min(order.size(), kTopNodes));
  out += order.size() < chart.nodes.size()
             ? " The " + std::to_string(order.size()) + " largest nodes by size:"
             : " Nodes by size:";
  Rows rows;
  for (std::size_t i : order) {
    const auto& node = chart.nodes[i];
    rows.push_back({escapeInline(node.label, "<br>"), escapeInline(node.group, "<br>"),
                    formatPlain(node.size)});
  }
  return out + "\n\n" + gfmTable({"node", "group", "size"}, {false, false, true}, rows);
}

std::string_view chartKindLabel(ChartKind kind) {
  switch (kind) {
    case ChartKind::Bar:
      return "Bar chart";
    case ChartKind::Line:
      return "Line chart";
    case ChartKind::Heatmap:
      return "Heatmap";
    case ChartKind::Network:
      return "Network";
  }
  return "Chart";
}

std::string renderChart(const Chart& chart) {
  std::string out = "*" + std::string(chartKindLabel(chart.kind)) + ":*";
  if (!chart.description.empty()) out += " " + escapeInline(chart.description);
  out += "\n\n";
  switch (chart.kind) {
    case ChartKind::Bar:
    case ChartKind::Line:
      return out + (chart.categories.empty() ? "*No data.*" : seriesTable(chart));
    case ChartKind::Heatmap:
      return out + (chart.categories.empty() ? "*No data.*" : heatmapTable(chart));
    case ChartKind::Network:
      return out + networkSummary(chart);
  }
  return out;
}

std::string heading(int level, const std::string& text) {
  return std::string(static_cast<std::size_t>(level), '#') + " " + escapeInline(text);
}

std::string renderSection(const Section& section, HeadingAnchors& slugger) {
  const std::string title = section.title.empty() ? section.key : section.title;
  std::string out = heading(2, title);
  slugger.slug(title);
  for (const auto& block : section.blocks) {
    out += "\n\n";
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      out += escapeParagraph(p->text);
    } else if (const auto* t = std::get_if<Table>(&block)) {
      if (!t->title.empty()) out += heading(3, t->title) + "\n\n";
      if (!t->title.empty()) slugger.slug(t->title);
      out += renderTable(*t);
    } else if (const auto* c = std::get_if<Chart>(&block)) {
      const std::string chartTitle = c->title.empty() ? c->key : c->title;
      out += heading(3, chartTitle) + "\n\n" + renderChart(*c);
      slugger.slug(chartTitle);
    }
  }
  return out;
}

std::string renderMeta(const ReportMeta& meta) {
  std::string out;
  auto item = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) out += "- **" + std::string(name) + ":** " + escapeInline(value) + "\n";
  };
  item("Store", meta.store);
  item("Window", meta.window);
  item("Compared with", meta.compareWindow);
  item("Team", meta.team);
  out += std::string("- **Privacy:** ") +
         (meta.showPeople ? "people are shown by name" : "people are shown as pseudonyms") +
         "; groups of fewer than " + std::to_string(meta.minGroup) + " people are suppressed.\n";
  item("Generated", meta.generated);
  item("orglens version", meta.version);
  out.pop_back();
  return out;
}

std::string renderMeasures(const std::vector<Measure>& measures) {
  const bool compare = std::any_of(measures.begin(), measures.end(),
                                   [](const Measure& m) { return m.previous.has_value(); });
  std::vector<std::string> header{"Measure", "Key", "Value"};
  if (compare) header.insert(header.end(), {"Previous", "Change"});
  header.push_back("Note");
  std::vector<bool> right(header.size(), false);
  std::fill(right.begin() + 2, right.end() - 1, true);
  Rows rows;
  for (const auto& m : measures) {
    std::vector<std::string> row{escapeInline(m.label, "<br>"), codeSpan(m.key),
                                 optionalValue(m.value, m.unit)};
    if (compare) {
      row.push_back(optionalValue(m.previous, m.unit));
      row.push_back(m.value && m.previous ? formatChange(*m.value - *m.previous, m.unit)
                                          : std::string(kMissing));
    }
    row.push_back(escapeInline(m.note, "<br>"));
    rows.push_back(std::move(row));
  }
  return gfmTable(header, right, rows);
}

}  // namespace

std::string renderMarkdown(const Report& report) {
  const std::string title = report.meta.title.empty() ? "orglens report" : report.meta.title;
  // Anchors depend on every heading before them, so the slugger sees headings in page order.
  HeadingAnchors slugger;
  slugger.slug(title);
  if (!report.findings.empty()) slugger.slug("Findings");
  if (!report.measures.empty()) slugger.slug("Measures");
  if (!report.sections.empty()) slugger.slug("Contents");
  std::string body;
  std::map<std::string, std::size_t> sectionOfKey;            // first section with the key
  std::vector<std::pair<std::string, std::string>> contents;  // title, anchor
  for (const auto& section : report.sections) {
    const std::string sectionTitle = section.title.empty() ? section.key : section.title;
    HeadingAnchors probe = slugger;  // the anchor the section heading will get
    sectionOfKey.emplace(section.key, contents.size());
    contents.emplace_back(sectionTitle, probe.slug(sectionTitle));
    body += "\n\n" + renderSection(section, slugger);
  }

  std::string out = heading(1, title) + "\n\n" + renderMeta(report.meta);
  if (!report.findings.empty()) {
    out += "\n\n## Findings\n";
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
      const auto& f = report.findings[i];
      out += "\n" + std::to_string(i + 1) + ". " + escapeLineStart(escapeInline(f.text));
      const auto it = sectionOfKey.find(f.section);
      if (it == sectionOfKey.end()) continue;
      const auto& [name, anchor] = contents[it->second];
      out += " ([" + escapeInline(name) + "](#" + anchor + "))";
    }
  }
  if (!report.measures.empty()) out += "\n\n## Measures\n\n" + renderMeasures(report.measures);
  if (!report.sections.empty()) {
    out += "\n\n## Contents\n";
    for (const auto& [name, anchor] : contents)
      out += "\n- [" + escapeInline(name) + "](#" + anchor + ")";
  }
  return out + body + "\n";
}

}  // namespace orglens::reports
