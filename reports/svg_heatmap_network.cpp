// Heatmaps (rows × categories, a sequential colour scale, missing cells hatched) and network
// drawings (nodes at the builder's layout positions, colour by group, size by importance).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "reports/html_format.h"
#include "reports/svg_parts.h"

namespace orglens::reports::svg {
namespace {

std::string rect(double x, double y, double w, double h, const std::string& fill,
                 std::string_view extra = {}) {
  return "<rect x=\"" + svgNum(x) + "\" y=\"" + svgNum(y) + "\" width=\"" + svgNum(w) +
         "\" height=\"" + svgNum(h) + "\" fill=\"" + fill + "\"" + std::string(extra) + ">";
}

/// Maps a value to [0, 1] of the colour scale: logarithmic when the values span more than
/// two orders of magnitude (waiting times do), so that the short ones do not all look alike.
struct ColourScale {
  double lo = 0, hi = 0;
  bool log = false;
  bool empty = true;
  double operator()(double v) const {
    if (hi <= lo) return 0.6;
    if (log) return (std::log(v) - std::log(lo)) / (std::log(hi) - std::log(lo));
    return (v - lo) / (hi - lo);
  }
  double mid() const { return log ? std::sqrt(lo * hi) : (lo + hi) / 2; }
};

ColourScale colourScale(const Chart& chart) {
  ColourScale s;
  const auto values = finiteValues(chart);
  if (values.empty()) return s;
  s.empty = false;
  s.lo = *std::min_element(values.begin(), values.end());
  s.hi = *std::max_element(values.begin(), values.end());
  s.log = s.lo > 0 && s.hi / s.lo > 100;
  return s;
}

std::string heatmapDefs(const std::string& id) {
  std::string out = "<defs><pattern id=\"" + id +
                    "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                    "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
                    "fill=\"#f2f2f2\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
                    "stroke=\"#b0b0b0\" stroke-width=\"2\"/></pattern>";
  out += "<linearGradient id=\"" + id + "-scale\">";
  for (int i = 0; i <= 4; ++i)
    out += "<stop offset=\"" + svgNum(i * 25) + "%\" stop-color=\"" + sequentialColour(i / 4.0) +
           "\"/>";
  return out + "</linearGradient></defs>";
}

std::string heatmapLegend(const ColourScale& scale, Unit unit, const std::string& id, double x,
                          double y) {
  std::string out =
      "<g class=\"legend\">" + rect(x, y, 180, 10, "url(#" + id + "-scale)") + "</rect>";
  auto label = [&](double v) { return scale.empty ? std::string(kNoValue) : formatValue(v, unit); };
  out += text(x, y + 24, label(scale.lo), " class=\"tick\"");
  out += text(x + 90, y + 24, label(scale.mid()), " class=\"tick\" text-anchor=\"middle\"");
  out += text(x + 180, y + 24, label(scale.hi), " class=\"tick\" text-anchor=\"end\"");
  out += rect(x + 210, y - 1, 16, 12, "url(#" + id + "-hatch)", " stroke=\"#999\"") + "</rect>";
  out += text(x + 232, y + 9, "no value", " class=\"legend-label\"");
  out += text(x + 210, y + 24, scale.log ? "darker = higher (log scale)" : "darker = higher",
              " class=\"tick\"");
  return out + "</g>";
}

/// Where the network's layout square lands in the drawing, and the size scales.
struct NetworkFrame {
  double top, left = 40, right = kWidth - 110, plotH = 360, maxSize = 0, maxWeight = 0;
  NetworkFrame(const Chart& chart, double top_) : top(top_) {
    for (const auto& n : chart.nodes) maxSize = std::max(maxSize, n.size);
    for (const auto& e : chart.edges) maxWeight = std::max(maxWeight, e.weight);
  }
  double px(double x) const { return left + std::clamp(x, 0.0, 1.0) * (right - left); }
  double py(double y) const { return top + std::clamp(y, 0.0, 1.0) * plotH; }
  double radius(double size) const {  // area, not radius, proportional to size
    return 5 + 17 * std::sqrt(maxSize > 0 ? std::max(0.0, size) / maxSize : 0.0);
  }
  double edgeWidth(double weight) const {
    return 1 + 5 * (maxWeight > 0 ? std::max(0.0, weight) / maxWeight : 0.0);
  }
};

std::string networkEdges(const Chart& chart, const NetworkFrame& f) {
  std::string out = "<g class=\"edges\">";
  for (const auto& e : chart.edges) {
    if (e.a >= chart.nodes.size() || e.b >= chart.nodes.size()) continue;
    const auto &a = chart.nodes[e.a], &b = chart.nodes[e.b];
    out += "<line class=\"edge\" x1=\"" + svgNum(f.px(a.x)) + "\" y1=\"" + svgNum(f.py(a.y)) +
           "\" x2=\"" + svgNum(f.px(b.x)) + "\" y2=\"" + svgNum(f.py(b.y)) + "\" stroke-width=\"" +
           svgNum(f.edgeWidth(e.weight)) + "\">" +
           tooltip(a.label + " — " + b.label + ": " + formatValue(e.weight, Unit::None)) +
           "</line>";
  }
  return out + "</g>";
}

std::string networkNodes(const Chart& chart, const NetworkFrame& f,
                         const std::vector<std::string>& groups,
                         const std::vector<std::size_t>& groupOf) {
  // Largest first, so that small nodes drawn later stay visible on top of big ones.
  std::vector<std::size_t> order(chart.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return chart.nodes[a].size > chart.nodes[b].size;
  });
  std::string out = "<g class=\"nodes\">";
  for (std::size_t i : order) {
    const auto& n = chart.nodes[i];
    out += "<circle class=\"node\" cx=\"" + svgNum(f.px(n.x)) + "\" cy=\"" + svgNum(f.py(n.y)) +
           "\" r=\"" + svgNum(f.radius(n.size)) + "\" fill=\"" + categoryColour(groupOf[i]) +
           "\">" +
           tooltip(n.label + " (" + groups[groupOf[i]] + "), size " +
                   formatValue(n.size, Unit::None)) +
           "</circle>";
  }
  out += "</g><g class=\"node-labels\">";
  // Many labels would overlap into noise: beyond 25 nodes only the 15 largest are named.
  const std::size_t labelled = chart.nodes.size() <= 25 ? chart.nodes.size() : 15;
  for (std::size_t k = 0; k < labelled; ++k) {
    const auto& n = chart.nodes[order[k]];
    const double r = f.radius(n.size), x = f.px(n.x), y = f.py(n.y) + 4;
    const bool flip = n.x > 0.85;  // near the right edge: label on the left of the node
    out += text(flip ? x - r - 4 : x + r + 4, y, truncateText(n.label, 100, kSmallFont),
                flip ? " class=\"node-label\" text-anchor=\"end\"" : " class=\"node-label\"");
  }
  return out + "</g>";
}

}  // namespace

Drawing drawHeatmap(const Chart& chart, const std::string& id) {
  const std::size_t nR = chart.rows.size(), nC = chart.categories.size();
  double rowW = 30, colW = 0;
  for (const auto& r : chart.rows) rowW = std::max(rowW, textWidth(r, kFont));
  for (const auto& c : chart.categories) colW = std::max(colW, textWidth(c, kSmallFont));
  rowW = std::min(rowW, 200.0);
  const double left = rowW + 16;
  const double cellW = std::clamp((kWidth - 20 - left) / std::max<double>(1, nC), 44.0, 120.0);
  const bool rotate = colW > cellW - 6;  // long column names are set at an angle
  Drawing d;
  // As wide as the cells and the legend need: the page shows a heatmap at its natural size.
  const double overhang = rotate ? std::min(colW, 150.0) * 0.77 : 0;  // of the last label
  d.width = std::max(left + 340, left + cellW * static_cast<double>(nC) + 20 + overhang);
  d.body = heatmapDefs(id);
  double y = 12;
  if (!chart.xLabel.empty()) {
    d.body += text(left + cellW * static_cast<double>(nC) / 2, y + 4, chart.xLabel,
                   " class=\"axis-title\" text-anchor=\"middle\"");
    y += 16;
  }
  const double top = y + (rotate ? std::min(120.0, std::min(colW, 150.0) * 0.7 + 12) : 20);
  const double cellH = 34;
  if (!chart.yLabel.empty())
    d.body += text(left - 8, top - 7, chart.yLabel, " class=\"axis-title\" text-anchor=\"end\"");
  for (std::size_t c = 0; c < nC; ++c) {
    const double xc = left + cellW * (static_cast<double>(c) + 0.5);
    const std::string name = truncateText(chart.categories[c], 150, kSmallFont);
    d.body += rotate ? text(xc - 4, top - 7, name,
                            " class=\"label\" transform=\"rotate(-40 " + svgNum(xc - 4) + " " +
                                svgNum(top - 7) + ")\"")
                     : text(xc, top - 7, name, " class=\"label\" text-anchor=\"middle\"");
  }
  const ColourScale scale = colourScale(chart);
  for (std::size_t r = 0; r < nR; ++r) {
    const double yr = top + cellH * static_cast<double>(r);
    d.body += text(left - 8, yr + cellH / 2 + 4, truncateText(chart.rows[r], rowW, kFont),
                   " class=\"label\" text-anchor=\"end\"");
    for (std::size_t c = 0; c < nC; ++c) {
      const double v = r < chart.series.size() && c < chart.series[r].values.size()
                           ? chart.series[r].values[c]
                           : std::nan("");
      const double x = left + cellW * static_cast<double>(c);
      const bool known = std::isfinite(v);
      bool dark = false;
      const std::string fill = known ? sequentialColour(scale(v), &dark) : "url(#" + id + "-hatch)";
      const std::string shown = known ? formatValue(v, chart.unit) : kNoValue;
      d.body += rect(x + 1, yr + 1, cellW - 2, cellH - 2, fill, " class=\"cell\"") +
                tooltip(chart.rows[r] + " → " + chart.categories[c] + ": " +
                        (known ? shown : "no value")) +
                "</rect>";
      d.body += text(x + cellW / 2, yr + cellH / 2 + 4, truncateText(shown, cellW - 6, kSmallFont),
                     std::string(" class=\"cell-value") + (dark ? " on-dark" : "") +
                         (known ? "" : " na") + "\" text-anchor=\"middle\"");
    }
  }
  const double legendY = top + cellH * static_cast<double>(nR) + 18;
  d.body += heatmapLegend(scale, chart.unit, id, left, legendY);
  d.height = legendY + 34;
  return d;
}

Drawing drawNetwork(const Chart& chart, const std::string& /*id*/) {
  std::vector<std::string> groups;  // in order of first appearance: stable colours
  std::vector<std::size_t> groupOf;
  for (const auto& n : chart.nodes) {
    const std::string g = n.group.empty() ? "(no group)" : n.group;
    auto it = std::find(groups.begin(), groups.end(), g);
    groupOf.push_back(static_cast<std::size_t>(it - groups.begin()));
    if (it == groups.end()) groups.push_back(g);
  }
  Drawing d;
  double y = 14;
  std::vector<LegendEntry> entries;
  for (std::size_t g = 0; g < groups.size(); ++g)
    entries.push_back(
        {groups[g], "<circle r=\"6\" fill=\"" + std::string(categoryColour(g)) + "\"/>"});
  d.body += legend(entries, 16, y, kWidth - 10);
  d.body += text(16, y + 22, "Circle area: node size. Line width: link weight.", " class=\"tick\"");
  const NetworkFrame frame(chart, y + 52);
  d.body += networkEdges(chart, frame);
  d.body += networkNodes(chart, frame, groups, groupOf);
  d.height = frame.top + frame.plotH + 28;
  return d;
}

}  // namespace orglens::reports::svg
