#include "reports/fail_on.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "reports/analysis_tables.h"
#include "reports/table.h"

namespace orglens::reports {
namespace {

/// Seconds per duration unit; 0 for "%" and no unit.
double unitFactor(const std::string& unit, const std::string& text) {
  if (unit.empty() || unit == "%") return 0;
  if (unit == "s") return 1;
  if (unit == "min" || unit == "m") return 60;
  if (unit == "h") return 3600;
  if (unit == "d") return 86400;
  if (unit == "w") return 7 * 86400;
  throw std::invalid_argument("--fail-on '" + text + "': unknown unit '" + unit +
                              "' (use s, min, h, d, w for durations or % for shares)");
}

}  // namespace

Threshold parseThreshold(const std::string& text) {
  const auto at = text.find_first_of("<>");
  if (at == std::string::npos || at == 0)
    throw std::invalid_argument("--fail-on '" + text +
                                "': expected KEY>VALUE or KEY<VALUE, e.g. handoff.team.median>2d");
  Threshold t;
  t.text = text;
  t.key = text.substr(0, at);
  while (!t.key.empty() && t.key.back() == ' ') t.key.pop_back();
  std::size_t rest = at + 1;
  t.op = text.substr(at, 1);
  if (rest < text.size() && text[rest] == '=') {
    t.op += "=";
    ++rest;
  }
  const std::string value = text.substr(rest);
  const char* begin = value.c_str();
  char* end = nullptr;
  const double number = std::strtod(begin, &end);
  if (end == begin || !std::isfinite(number))
    throw std::invalid_argument("--fail-on '" + text + "': '" + value + "' is not a number");
  std::string unit(end);
  while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
  const double factor = unitFactor(unit, text);
  t.value = factor > 0 ? number * factor : number;
  if (factor > 0) t.op += "s";  // remembers that a duration unit was given
  return t;
}

std::string formatMeasure(const Measure& m, const std::optional<double>& value) {
  if (!value) return "n/a";
  switch (m.unit) {
    case Unit::Seconds:
      return formatDuration(*value);
    case Unit::Percent:
      return formatFixed(*value, 1) + "%";
    case Unit::Count:
      return groupDigits(static_cast<std::uint64_t>(std::llround(std::max(0.0, *value))));
    case Unit::None:
      break;
  }
  return formatFixed(*value, 3);
}

std::vector<std::string> crossedThresholds(const std::vector<Threshold>& thresholds,
                                           const std::vector<Measure>& measures) {
  std::vector<std::string> crossed;
  for (const auto& t : thresholds) {
    const Measure* m = nullptr;
    for (const auto& candidate : measures)
      if (candidate.key == t.key) m = &candidate;
    if (!m) {
      std::string keys;
      for (const auto& candidate : measures) keys += (keys.empty() ? "" : ", ") + candidate.key;
      throw std::invalid_argument("--fail-on '" + t.text + "': no measure '" + t.key +
                                  "' (the report has: " + keys + ")");
    }
    const bool duration = !t.op.empty() && t.op.back() == 's';
    if (duration && m->unit != Unit::Seconds)
      throw std::invalid_argument("--fail-on '" + t.text + "': " + t.key +
                                  " is not a duration; give a plain number");
    if (!m->value) continue;
    const std::string op = duration ? t.op.substr(0, t.op.size() - 1) : t.op;
    const double v = *m->value;
    const bool hit = op == ">" ? v > t.value : op == ">=" ? v >= t.value
                   : op == "<" ? v < t.value : v <= t.value;
    if (hit)
      crossed.push_back("crossed " + t.text + ": " + m->label + " is " + formatMeasure(*m, v) +
                        (m->note.empty() ? "" : " (" + m->note + ")"));
  }
  return crossed;
}

}  // namespace orglens::reports
