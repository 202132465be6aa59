#include "reports/html_format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "reports/analysis_tables.h"

namespace orglens::reports {
namespace {

bool isInteger(double v) {
  return std::abs(v) < 1e15 && std::abs(v - std::round(v)) < 1e-9;
}

/// Up to `decimals` digits after the point, trailing zeros (and a bare point) removed.
std::string trimmedFixed(double v, int decimals) {
  std::string s = formatFixed(v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string countText(double v) {
  if (!isInteger(v)) return formatFixed(v, 1);
  const double r = std::round(v);
  const std::string digits = groupDigits(static_cast<std::uint64_t>(std::abs(r)));
  return r < 0 ? "-" + digits : digits;
}

/// 1, 2 or 5 times a power of ten, the smallest at least `raw`.
double niceStep(double raw) {
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * p >= raw * (1 - 1e-9)) return m * p;
  return 10 * p;
}

struct Scale {
  double factor;
  const char* suffix;
};

/// Durations are ticked in the unit people read for the axis' largest value.
Scale durationScale(double maxAbs) {
  if (maxAbs < 60) return {1, " s"};
  if (maxAbs < 3600) return {60, " min"};
  if (maxAbs < 86400) return {3600, " h"};
  return {86400, " d"};
}

}  // namespace

std::string escapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string htmlId(std::string_view key) {
  std::string out;
  for (char c : key) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    out += keep ? c : '-';
  }
  return out.empty() ? "x" : out;
}

std::optional<double> parseNumber(std::string_view cell) {
  if (cell.empty()) return std::nullopt;
  double v = 0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, v);
  if (ec != std::errc() || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string formatValue(double value, Unit unit) {
  if (!std::isfinite(value)) return kNoValue;
  switch (unit) {
    case Unit::Seconds:
      return formatDuration(value);
    case Unit::Percent: {
      const std::string s = formatFixed(value, 1);
      return (s == "-0.0" ? "0.0" : s) + "%";
    }
    case Unit::Count:
      return countText(value);
    case Unit::None:
      break;
  }
  if (isInteger(value)) return trimmedFixed(value, 0);
  return trimmedFixed(value, std::abs(value) >= 100 ? 1 : 2);
}

std::string formatChange(double delta, Unit unit) {
  if (!std::isfinite(delta)) return kNoValue;
  const std::string sign = delta > 0 ? "+" : delta < 0 ? "-" : "";
  const double a = std::abs(delta);
  if (unit == Unit::Percent) return sign + formatFixed(a, 1) + " pp";  // percent points
  return sign + formatValue(a, unit);
}

std::string svgNum(double v) {
  return trimmedFixed(std::round(v * 10) / 10, 1);
}

Axis niceAxis(double lo, double hi, Unit unit, int target) {
  if (!(hi > lo)) {  // one value (or none): widen so the axis has a length
    const double pad = lo == 0 ? 1 : std::abs(lo) * 0.5;
    lo = lo > 0 ? 0 : lo - pad;
    hi = hi < 0 ? 0 : hi + pad;
  }
  const Scale scale =
      unit == Unit::Seconds ? durationScale(std::max(std::abs(lo), std::abs(hi))) : Scale{1, ""};
  const double a = lo / scale.factor, b = hi / scale.factor;
  double step = niceStep((b - a) / std::max(1, target));
  if (unit == Unit::Count) step = std::max(step, 1.0);  // no half people
  const auto first = static_cast<long long>(std::floor(a / step + 1e-9));
  const auto last = static_cast<long long>(std::ceil(b / step - 1e-9));
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  Axis axis;
  axis.lo = static_cast<double>(first) * step * scale.factor;
  axis.hi = static_cast<double>(last) * step * scale.factor;
  for (long long k = first; k <= last; ++k) {
    const double v = static_cast<double>(k) * step;
    axis.ticks.push_back(v * scale.factor);
    std::string label = unit == Unit::Count ? countText(v) : formatFixed(v, decimals);
    if (label == "-0" || label.find_first_not_of("-0.") == std::string::npos) label = "0";
    if (unit == Unit::Percent) label += "%";
    if (unit == Unit::Seconds) label += scale.suffix;
    axis.labels.push_back(label);
  }
  return axis;
}

const char* categoryColour(std::size_t i) {
  // Okabe & Ito (2008), without the yellow that vanishes on white paper, then four of Paul
  // Tol's muted colours: twelve teams get twelve colours.
  static constexpr std::array<const char*, 12> kColours = {
      "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
      "#7A5C00", "#555555", "#882255", "#44AA99", "#999933", "#AA4499"};
  return kColours[i % kColours.size()];
}

std::string sequentialColour(double t, bool* dark) {
  // A single-hue blue ramp: lightness falls monotonically, so it reads in greyscale and to
  // every kind of colour vision.
  static constexpr std::array<std::array<double, 3>, 5> kStops = {
      {{241, 246, 251}, {190, 215, 236}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}}};
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
  const double pos = t * (kStops.size() - 1);
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(pos), kStops.size() - 2);
  const double f = pos - static_cast<double>(i);
  std::array<int, 3> rgb{};
  for (std::size_t c = 0; c < 3; ++c)
    rgb[c] = static_cast<int>(std::lround(kStops[i][c] + (kStops[i + 1][c] - kStops[i][c]) * f));
  if (dark) *dark = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 128;
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return buf;
}

double textWidth(std::string_view text, double fontPx) {
  std::size_t points = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++points;
  return static_cast<double>(points) * fontPx * 0.6;  // DejaVu Sans is wide
}

std::string truncateText(std::string_view text, double maxPx, double fontPx) {
  if (textWidth(text, fontPx) <= maxPx) return std::string(text);
  std::string out(text);
  while (!out.empty() && textWidth(out, fontPx) + fontPx * 0.6 > maxPx) {
    // One code point: its continuation bytes, then its lead (or ASCII) byte.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty()) out.pop_back();
  }
  return out + "…";
}

}  // namespace orglens::reports
