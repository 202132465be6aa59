// Internal to the SVG charts (reports/svg_*.cpp): one drawing function per chart kind and the
// pieces they share. Not part of the reports library's interface.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/report.h"

namespace orglens::reports::svg {

/// Width of every chart's viewBox in px; the page scales it down on narrow screens.
inline constexpr double kWidth = 720;
inline constexpr double kFont = 12;       // labels
inline constexpr double kSmallFont = 11;  // ticks, values, legends

/// The body (everything inside <svg>) and the height it needs.
struct Drawing {
  std::string body;
  double height = 0;
  double width = kWidth;  // wider for heatmaps with many columns
};

Drawing drawBar(const Chart& chart, const std::string& id);
Drawing drawLine(const Chart& chart, const std::string& id);
Drawing drawHeatmap(const Chart& chart, const std::string& id);
Drawing drawNetwork(const Chart& chart, const std::string& id);

/// <text> at (x, y) with escaped `content`; `extra` holds more attributes (" class=...").
std::string text(double x, double y, std::string_view content, std::string_view extra = {});

/// A <title> child (the tooltip of a shape).
std::string tooltip(std::string_view content);

/// A row of legend entries (swatch + name) starting at (x, y); returns the markup and moves
/// y down when the entries wrap. `swatch` draws one swatch centred at (cx, cy) for entry i.
struct LegendEntry {
  std::string name;
  std::string swatch;  // SVG markup drawn with its centre at (0, 0); translated in place
};
std::string legend(const std::vector<LegendEntry>& entries, double x, double& y, double maxX);

/// Finite values of every series, for the value axis.
std::vector<double> finiteValues(const Chart& chart);

/// The dash pattern of series i ("" for solid), so that lines differ without colour.
const char* dashPattern(std::size_t i);

}  // namespace orglens::reports::svg
