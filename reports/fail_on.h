// `orglens report --fail-on EXPR`: thresholds on the report's headline measures for batch
// runs ("handoff.team.median>2d", "adoption.dau_pct<20").
#pragma once

#include <string>
#include <vector>

#include "reports/report.h"

namespace orglens::reports {

struct Threshold {
  std::string text;  // as given
  std::string key;   // a Measure key
  std::string op;    // ">", ">=", "<", "<="
  double value = 0;  // in the measure's unit: seconds for durations, percent points for shares
};

/// Parses KEY OP VALUE: OP one of > >= < <=; VALUE a number with an optional unit — s, min,
/// h, d, w (durations, converted to seconds) or % (percent points). Throws
/// std::invalid_argument naming what is wrong.
Threshold parseThreshold(const std::string& text);

/// Checks the thresholds against the measures: one message per crossed threshold ("crossed
/// handoff.team.median>2d: 3.1 d (Legal → Operations)"). Throws std::invalid_argument when a
/// key names no measure of the report (the message lists the keys) or a duration unit is
/// given for a measure that is not a duration. A measure without a value crosses nothing.
std::vector<std::string> crossedThresholds(const std::vector<Threshold>& thresholds,
                                           const std::vector<Measure>& measures);

/// A measure's value for people: "3.1 d", "41.0%", "1,234", "0.82"; "n/a" when absent.
std::string formatMeasure(const Measure& m, const std::optional<double>& value);

}  // namespace orglens::reports
