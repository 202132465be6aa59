// A larger made-up report for the browser check: grouped bars with a negative value, long
// labels, a wide heatmap, a long line chart and a network of 60 nodes (labels only for the
// largest). Deterministic: no random numbers.
#pragma once

#include <cmath>
#include <limits>
#include <string>

#include "reports/report.h"

namespace orglens::test {

inline reports::Report largeReport() {
  using namespace orglens::reports;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Report r;
  r.meta.title = "Operations review — first half";
  r.meta.store = "large.orglens";
  r.meta.window = "2026-01-01 .. 2026-06-30";
  r.meta.compareWindow = "2025-07-01 .. 2025-12-31";
  r.meta.version = "0.1.0";
  r.findings = {{"workload", "Customer Success carries 31% of all open work."}};
  r.measures = {{"flow.p90", "90th percentile lead time", Unit::Seconds, 1.2e6, 1.5e6, ""},
                {"adoption.dau_pct", "Daily active people", Unit::Percent, 41, 37.5, ""},
                {"people", "People", Unit::Count, 1234, 1180, ""}};
  Section workload{"workload", "Workload", {}};
  Chart bars;
  bars.key = "workload_by_team";
  bars.title = "Open items by team and kind";
  bars.description = "Customer Success has the most open items of every kind.";
  bars.xLabel = "team";
  bars.yLabel = "open items (change since last quarter)";
  bars.unit = Unit::Count;
  bars.categories = {"Customer Success and Onboarding (EMEA, APAC and Americas)", "Engineering",
                     "Finance", "Legal", "People & Culture"};
  bars.series = {{"tickets", {420, 310, 45, 12, -8}},
                 {"reviews", {120, 260, nan, 30, 5}},
                 {"approvals", {35, 18, 90, 66, 14}}};
  workload.blocks.push_back(bars);
  Chart heat;
  heat.key = "weekday_hour";
  heat.kind = ChartKind::Heatmap;
  heat.title = "Share of activity by team and month";
  heat.description = "Activity peaks in March for every team.";
  heat.unit = Unit::Percent;
  heat.xLabel = "month";
  heat.yLabel = "team";
  for (int m = 1; m <= 12; ++m) heat.categories.push_back("2026 month " + std::to_string(m));
  for (int t = 0; t < 6; ++t) {
    heat.rows.push_back("Team number " + std::to_string(t + 1));
    Series s{heat.rows.back(), {}};
    for (int m = 0; m < 12; ++m)
      s.values.push_back((t + m) % 7 == 3 ? nan : 2 + std::fmod(t * 3.7 + m * 1.3, 14.0));
    heat.series.push_back(s);
  }
  workload.blocks.push_back(heat);
  Chart line;
  line.key = "lead_time_trend";
  line.kind = ChartKind::Line;
  line.title = "Median lead time per week";
  line.description = "Lead time fell from about 9 days to 5 days.";
  line.xLabel = "week";
  line.yLabel = "median lead time";
  line.unit = Unit::Seconds;
  for (int w = 1; w <= 26; ++w) line.categories.push_back("2026-W" + std::to_string(w));
  for (int k = 0; k < 4; ++k) {
    Series s{"team " + std::to_string(k + 1), {}};
    for (int w = 0; w < 26; ++w)
      s.values.push_back(w == 10 + k ? nan : 86400 * (9 - w * 0.15 + k * 0.8 + std::sin(w + k)));
    line.series.push_back(s);
  }
  workload.blocks.push_back(line);
  r.sections.push_back(workload);
  Section silos{"silos", "Silos and brokers", {}};
  Chart net;
  net.key = "network_large";
  net.kind = ChartKind::Network;
  net.title = "Who works with whom (60 people)";
  net.description = "Five teams; a few brokers connect them.";
  for (int i = 0; i < 60; ++i) {
    const double a = i * 2.39996, rad = 0.05 + 0.45 * std::sqrt(i / 60.0);
    net.nodes.push_back({"P-" + std::to_string(1000 + i * 37), "Team " + std::to_string(i % 5 + 1),
                         1.0 + (i * 7919 % 13), 0.5 + rad * std::cos(a), 0.5 + rad * std::sin(a)});
    if (i > 0)
      net.edges.push_back(
          {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i * 3 % i), 1.0 + i % 4});
  }
  silos.blocks.push_back(net);
  r.sections.push_back(silos);
  return r;
}

}  // namespace orglens::test
