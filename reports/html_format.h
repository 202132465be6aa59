// Small helpers shared by the HTML renderer and its SVG charts: escaping, number formatting
// by unit, "nice" axis ticks and the colour palette. Everything here is pure and deterministic
// (no locale, no clock), so that the same report always gives the same bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/table.h"

namespace orglens::reports {

/// Text safe inside HTML/SVG elements and double-quoted attributes (& < > " ' escaped).
std::string escapeHtml(std::string_view text);

/// An id attribute from a key: letters, digits, '-' and '_' kept, anything else '-'; never
/// empty (an empty key gives "x").
std::string htmlId(std::string_view key);

/// The number in a table cell ("267840.000", "-0.82"); nullopt for text, "", "nan", "inf".
std::optional<double> parseNumber(std::string_view cell);

/// The text shown for a value: Seconds "3.1 d", Percent "41.0%", Count "1,234", None the
/// shortest of up to 2 decimals ("-0.82", "12"). NaN or infinity gives "–".
std::string formatValue(double value, Unit unit);

/// A difference of two values of `unit`, with its sign: "+1.0 d", "-4.0 pp", "+12".
std::string formatChange(double delta, Unit unit);

/// A number for an SVG coordinate: at most 1 decimal, no trailing zeros, no "-0".
std::string svgNum(double v);

/// The shown text for an empty value.
inline constexpr const char* kNoValue = "–";

/// A value axis: tick positions (in the data's unit, e.g. seconds) and their labels, chosen
/// at round numbers of the unit people read (days for long durations, whole people for
/// counts). [lo, hi] covers the data and starts at a tick.
struct Axis {
  double lo = 0, hi = 1;
  std::vector<double> ticks;
  std::vector<std::string> labels;
};

/// About `target` ticks over [lo, hi] (lo ≤ hi; equal ends are widened).
Axis niceAxis(double lo, double hi, Unit unit, int target);

/// The i-th colour of the Okabe–Ito palette (colour-blind safe, distinct in greyscale print
/// by order of lightness), cycling after 8.
const char* categoryColour(std::size_t i);

/// A colour of the sequential heatmap scale for t in [0, 1] (light = low, dark = high) as
/// "#rrggbb"; `dark` tells whether text on it should be white.
std::string sequentialColour(double t, bool* dark = nullptr);

/// Rough width in px of `text` in the report's sans-serif font at `fontPx`, for layout
/// (labels and margins); counts UTF-8 code points, not bytes.
double textWidth(std::string_view text, double fontPx);

/// `text` cut to at most `maxPx` wide (by textWidth) with a trailing "…".
std::string truncateText(std::string_view text, double maxPx, double fontPx);

}  // namespace orglens::reports
