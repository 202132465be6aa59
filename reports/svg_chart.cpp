#include "reports/svg_chart.h"

#include <cmath>

#include "reports/html_format.h"
#include "reports/html_table.h"
#include "reports/report_json.h"
#include "reports/svg_parts.h"

namespace orglens::reports {
namespace svg {

std::string text(double x, double y, std::string_view content, std::string_view extra) {
  return "<text x=\"" + svgNum(x) + "\" y=\"" + svgNum(y) + "\"" + std::string(extra) + ">" +
         escapeHtml(content) + "</text>";
}

std::string tooltip(std::string_view content) {
  return "<title>" + escapeHtml(content) + "</title>";
}

std::string legend(const std::vector<LegendEntry>& entries, double x, double& y, double maxX) {
  std::string out = "<g class=\"legend\">";
  double cx = x;
  for (const auto& e : entries) {
    const double w = 22 + textWidth(e.name, kSmallFont) + 16;
    if (cx > x && cx + w > maxX) {  // wrap to a new row
      cx = x;
      y += 18;
    }
    out +=
        "<g transform=\"translate(" + svgNum(cx + 8) + " " + svgNum(y) + ")\">" + e.swatch + "</g>";
    out += text(cx + 22, y + 4, e.name, " class=\"legend-label\"");
    cx += w;
  }
  return out + "</g>";
}

std::vector<double> finiteValues(const Chart& chart) {
  std::vector<double> out;
  for (const auto& s : chart.series)
    for (double v : s.values)
      if (std::isfinite(v)) out.push_back(v);
  return out;
}

const char* dashPattern(std::size_t i) {
  static constexpr const char* kDashes[] = {"", "7 4", "2 3", "10 3 2 3"};
  return kDashes[i % 4];
}

}  // namespace svg

namespace {

/// A number as a table cell: full precision, so that the formatted cell shows what the chart
/// drew; empty for NaN.
std::string rawCell(double v) {
  return std::isfinite(v) ? formatFixed(v, 6) : std::string();
}

/// Bar, line and heatmap: one row per category (or heatmap row), one column per series.
Table seriesTable(const Chart& chart) {
  Table t;
  t.title = "Data: " + chart.title;
  const bool heatmap = chart.kind == ChartKind::Heatmap;
  const auto& rowNames = heatmap ? chart.rows : chart.categories;
  t.columns.push_back({heatmap ? (chart.yLabel.empty() ? "row" : chart.yLabel)
                               : (chart.xLabel.empty() ? "category" : chart.xLabel)});
  if (heatmap) {
    for (const auto& c : chart.categories) t.columns.push_back({c, Align::Right, true, chart.unit});
  } else {
    for (const auto& s : chart.series)
      t.columns.push_back({s.name, Align::Right, true, chart.unit});
  }
  for (std::size_t r = 0; r < rowNames.size(); ++r) {
    std::vector<std::string> row{rowNames[r]};
    for (std::size_t c = 1; c < t.columns.size(); ++c) {
      const Series* s =
          heatmap ? (r < chart.series.size() ? &chart.series[r] : nullptr) : &chart.series[c - 1];
      const std::size_t i = heatmap ? c - 1 : r;
      row.push_back(s && i < s->values.size() ? rawCell(s->values[i]) : std::string());
    }
    t.addRow(std::move(row));
  }
  return t;
}

std::string networkTables(const Chart& chart, const HtmlTableOptions& options) {
  Table nodes;
  nodes.title = "Nodes: " + chart.title;
  nodes.columns = {{"node"}, {"group"}, {"size", Align::Right, true}};
  for (const auto& n : chart.nodes) nodes.addRow({n.label, n.group, rawCell(n.size)});
  Table edges;
  edges.title = "Links: " + chart.title;
  edges.columns = {{"from"}, {"to"}, {"weight", Align::Right, true}};
  for (const auto& e : chart.edges) {
    if (e.a >= chart.nodes.size() || e.b >= chart.nodes.size()) continue;
    edges.addRow({chart.nodes[e.a].label, chart.nodes[e.b].label, rawCell(e.weight)});
  }
  return renderHtmlTable(nodes, options) + renderHtmlTable(edges, options);
}


}  // namespace

std::string renderChartSvg(const Chart& chart, const std::string& id) {
  svg::Drawing d;
  switch (chart.kind) {
    case ChartKind::Bar:
      d = svg::drawBar(chart, id);
      break;
    case ChartKind::Line:
      d = svg::drawLine(chart, id);
      break;
    case ChartKind::Heatmap:
      d = svg::drawHeatmap(chart, id);
      break;
    case ChartKind::Network:
      d = svg::drawNetwork(chart, id);
      break;
  }
  const std::string h = svgNum(d.height), w = svgNum(d.width);
  const std::string desc = chart.description.empty() ? chart.title : chart.description;
  // No xmlns: inline SVG in HTML5 does not need it, and the page names no URL at all.
  return "<svg class=\"chart-svg\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
         "-desc\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w + "\" height=\"" + h +
         "\">\n<title id=\"" + id + "-title\">" + escapeHtml(chart.title) +
         "</title>\n<desc id=\"" + id + "-desc\">" + escapeHtml(desc) + "</desc>\n" + d.body +
         "</svg>\n";
}

std::string renderChartFigure(const Chart& chart, const std::string& id, unsigned minGroup) {
  std::string out = "<figure class=\"chart chart-" + std::string(chartKindName(chart.kind)) +
                    "\" id=\"" + escapeHtml(id) + "\">\n";
  out += renderChartSvg(chart, escapeHtml(id));
  out += "<figcaption><span class=\"fig-title\">" + escapeHtml(chart.title) + "</span>";
  if (!chart.description.empty())
    out += " <span class=\"fig-desc\">" + escapeHtml(chart.description) + "</span>";
  out += "</figcaption>\n<details class=\"chart-data\"><summary>Data</summary>\n";
  HtmlTableOptions options;
  options.minGroup = minGroup;
  options.sortable = false;
  options.rowHeaders = chart.kind != ChartKind::Network;
  out += chart.kind == ChartKind::Network ? networkTables(chart, options)
                                          : renderHtmlTable(seriesTable(chart), options);
  return out + "</details>\n</figure>\n";
}

}  // namespace orglens::reports
