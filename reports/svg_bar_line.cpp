// Bar charts (horizontal: category labels are often long team or activity names) and line
// charts (one line per series, broken where a value is missing).
#include <algorithm>
#include <cmath>

#include "reports/html_format.h"
#include "reports/svg_parts.h"

namespace orglens::reports::svg {
namespace {

double valueAt(const Series& s, std::size_t i) {
  return i < s.values.size() ? s.values[i] : std::nan("");
}

/// Value axis over the data, always including zero (bars and lines start from zero so that
/// lengths and heights compare honestly).
Axis valueAxis(const Chart& chart, int ticks) {
  const auto values = finiteValues(chart);
  double lo = 0, hi = 0;
  for (double v : values) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  return niceAxis(lo, hi, chart.unit, ticks);
}

/// A label that may have been shortened: the full text stays available as its tooltip.
std::string label(double x, double y, const std::string& full, double maxPx,
                  std::string_view extra) {
  const std::string shown = truncateText(full, maxPx, kFont);
  if (shown == full) return text(x, y, full, extra);
  return "<text x=\"" + svgNum(x) + "\" y=\"" + svgNum(y) + "\"" + std::string(extra) + ">" +
         escapeHtml(shown) + tooltip(full) + "</text>";
}

std::string seriesLegend(const Chart& chart, bool lines, double x, double& y) {
  std::vector<LegendEntry> entries;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const std::string colour = categoryColour(i);
    LegendEntry e{chart.series[i].name, ""};
    if (lines) {
      e.swatch = "<line x1=\"-9\" y1=\"0\" x2=\"9\" y2=\"0\" stroke=\"" + colour +
                 "\" stroke-width=\"2.5\" stroke-dasharray=\"" + dashPattern(i) + "\"/>";
    } else {
      e.swatch = "<rect x=\"-6\" y=\"-6\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/>";
    }
    entries.push_back(e);
  }
  return legend(entries, x, y, kWidth - 10);
}

/// A point marker whose shape differs by series, so that lines stay apart in greyscale.
std::string marker(std::size_t series, double x, double y, const std::string& colour) {
  const std::string fill = " fill=\"" + colour + "\" stroke=\"#fff\" stroke-width=\"1\"";
  switch (series % 4) {
    case 1:
      return "<rect x=\"" + svgNum(x - 3.5) + "\" y=\"" + svgNum(y - 3.5) +
             "\" width=\"7\" height=\"7\"" + fill + ">";
    case 2:
      return "<path d=\"M" + svgNum(x) + " " + svgNum(y - 4.5) + "l4.5 4.5l-4.5 4.5l-4.5 -4.5z\"" +
             fill + ">";
    case 3:
      return "<path d=\"M" + svgNum(x) + " " + svgNum(y - 4.5) + "l4.5 8l-9 0z\"" + fill + ">";
    default:
      return "<circle cx=\"" + svgNum(x) + "\" cy=\"" + svgNum(y) + "\" r=\"4\"" + fill + ">";
  }
}

std::string markerClose(std::size_t series) {
  return series % 4 == 1 ? "</rect>" : series % 4 == 0 ? "</circle>" : "</path>";
}

/// One series of a line chart at the given points (y is NaN where the value is missing).
std::string lineSeries(const Chart& chart, std::size_t s, const std::vector<double>& x,
                       const std::vector<double>& y) {
  const std::string colour = categoryColour(s);
  std::string path, marks;
  bool pen = false;  // a NaN lifts the pen: the line shows a gap, not a made-up value
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(y[i])) {
      pen = false;
      continue;
    }
    path += (pen ? " L" : " M") + svgNum(x[i]) + " " + svgNum(y[i]);
    pen = true;
    marks += marker(s, x[i], y[i], colour) +
             tooltip(chart.series[s].name + ", " + chart.categories[i] + ": " +
                     formatValue(valueAt(chart.series[s], i), chart.unit)) +
             markerClose(s);
  }
  std::string out = "<g class=\"series\"><path class=\"line\" d=\"" +
                    path.substr(path.empty() ? 0 : 1) + "\" fill=\"none\" stroke=\"" + colour +
                    "\" stroke-width=\"2.5\"";
  if (*dashPattern(s)) out += " stroke-dasharray=\"" + std::string(dashPattern(s)) + "\"";
  return out + "/>" + marks + "</g>";
}

}  // namespace

Drawing drawBar(const Chart& chart, const std::string& /*id*/) {
  const std::size_t nSeries = std::max<std::size_t>(1, chart.series.size());
  double labelW = 40;
  for (const auto& c : chart.categories) labelW = std::max(labelW, textWidth(c, kFont));
  labelW = std::min(labelW, 240.0);
  const double left = labelW + 16, right = kWidth - 76;
  Drawing d;
  double y = 14;
  if (chart.series.size() > 1) {
    d.body += seriesLegend(chart, false, left, y);
    y += 20;
  }
  if (!chart.xLabel.empty()) {
    d.body += text(left - 8, y + 4, chart.xLabel, " class=\"axis-title\" text-anchor=\"end\"");
    y += 10;
  }
  const double top = y + 4, barH = nSeries == 1 ? 20 : 13, band = nSeries * barH + 12;
  const double plotH =
      static_cast<double>(std::max<std::size_t>(1, chart.categories.size())) * band;
  const Axis axis = valueAxis(chart, 5);
  auto xs = [&](double v) { return left + (v - axis.lo) / (axis.hi - axis.lo) * (right - left); };
  for (std::size_t t = 0; t < axis.ticks.size(); ++t) {
    const double x = xs(axis.ticks[t]);
    d.body += "<line class=\"" + std::string(axis.ticks[t] == 0 ? "zero" : "grid") + "\" x1=\"" +
              svgNum(x) + "\" y1=\"" + svgNum(top) + "\" x2=\"" + svgNum(x) + "\" y2=\"" +
              svgNum(top + plotH) + "\"/>";
    d.body += text(x, top + plotH + 16, axis.labels[t], " class=\"tick\" text-anchor=\"middle\"");
  }
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    const double y0 = top + static_cast<double>(i) * band;
    d.body += label(left - 8, y0 + band / 2 + 4, chart.categories[i], labelW,
                    " class=\"label\" text-anchor=\"end\"");
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double v = valueAt(chart.series[s], i), yb = y0 + 6 + static_cast<double>(s) * barH;
      std::string tip = chart.categories[i];
      if (chart.series.size() > 1) tip += ", " + chart.series[s].name;
      if (!std::isfinite(v)) {
        d.body += text(xs(0) + 5, yb + barH / 2 + 4, "no value", " class=\"na\"");
        continue;
      }
      const double x0 = xs(std::min(0.0, v)), w = std::max(0.5, std::abs(xs(v) - xs(0)));
      d.body += "<rect class=\"bar\" x=\"" + svgNum(x0) + "\" y=\"" + svgNum(yb) + "\" width=\"" +
                svgNum(w) + "\" height=\"" + svgNum(barH - 2) + "\" fill=\"" + categoryColour(s) +
                "\">" + tooltip(tip + ": " + formatValue(v, chart.unit)) + "</rect>";
      const bool neg = v < 0;
      d.body += text(neg ? x0 - 4 : x0 + w + 4, yb + barH / 2 + 3, formatValue(v, chart.unit),
                     neg ? " class=\"value\" text-anchor=\"end\"" : " class=\"value\"");
    }
  }
  d.height = top + plotH + 26;
  if (!chart.yLabel.empty()) {
    d.body += text((left + right) / 2, d.height + 8, chart.yLabel,
                   " class=\"axis-title\" text-anchor=\"middle\"");
    d.height += 18;
  }
  return d;
}

Drawing drawLine(const Chart& chart, const std::string& /*id*/) {
  const Axis axis = valueAxis(chart, 5);
  double tickW = 0;
  for (const auto& l : axis.labels) tickW = std::max(tickW, textWidth(l, kSmallFont));
  const double left = (chart.yLabel.empty() ? 8 : 30) + tickW + 8, right = kWidth - 16;
  Drawing d;
  double y = 14;
  if (chart.series.size() > 1) {
    d.body += seriesLegend(chart, true, left, y);
    y += 16;
  }
  const double top = y + 6, plotH = 240, bottom = top + plotH;
  auto ys = [&](double v) { return bottom - (v - axis.lo) / (axis.hi - axis.lo) * plotH; };
  for (std::size_t t = 0; t < axis.ticks.size(); ++t) {
    const double yy = ys(axis.ticks[t]);
    d.body += "<line class=\"" + std::string(axis.ticks[t] == 0 ? "zero" : "grid") + "\" x1=\"" +
              svgNum(left) + "\" y1=\"" + svgNum(yy) + "\" x2=\"" + svgNum(right) + "\" y2=\"" +
              svgNum(yy) + "\"/>";
    d.body += text(left - 6, yy + 4, axis.labels[t], " class=\"tick\" text-anchor=\"end\"");
  }
  if (!chart.yLabel.empty()) {
    const std::string mid = svgNum(top + plotH / 2);
    d.body += text(
        14, top + plotH / 2, chart.yLabel,
        " class=\"axis-title\" text-anchor=\"middle\" transform=\"rotate(-90 14 " + mid + ")\"");
  }
  const std::size_t n = chart.categories.size();
  const double inset = 14, plotW = right - left - 2 * inset;
  auto xs = [&](std::size_t i) {
    return n <= 1 ? (left + right) / 2 : left + inset + plotW * static_cast<double>(i) / (n - 1);
  };
  double catW = 0;
  for (const auto& c : chart.categories) catW = std::max(catW, textWidth(c, kSmallFont));
  const auto every = static_cast<std::size_t>(
      std::max(1.0, std::ceil(static_cast<double>(n) * (catW + 12) / std::max(1.0, plotW))));
  for (std::size_t i = 0; i < n; i += every)
    d.body +=
        text(xs(i), bottom + 17, chart.categories[i], " class=\"tick\" text-anchor=\"middle\"");
  std::vector<double> px(n), py(n);
  for (std::size_t i = 0; i < n; ++i) px[i] = xs(i);
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    for (std::size_t i = 0; i < n; ++i) py[i] = ys(valueAt(chart.series[s], i));
    d.body += lineSeries(chart, s, px, py);
  }
  d.height = bottom + 28;
  if (!chart.xLabel.empty()) {
    d.body += text((left + right) / 2, d.height + 6, chart.xLabel,
                   " class=\"axis-title\" text-anchor=\"middle\"");
    d.height += 16;
  }
  return d;
}

}  // namespace orglens::reports::svg
