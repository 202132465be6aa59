// Report sections "handoffs" (where work waits between teams) and "flow" (the process map's
// slowest paths). Definitions handoffs/1 and flow/1 (docs/metrics.md).
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "reports/analysis_tables.h"
#include "reports/report_sections.h"

namespace orglens::reports::detail {
namespace {

using model::EventLog;
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kMicros = 1e6;

/// Distinct people on either side of the handoffs of each team pair (labels "from\tto").
std::map<std::string, std::uint64_t> peoplePerTeamPair(const analysis::HandoffResult& r,
                                                       const EventLog& log) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::set<std::uint32_t>> people;
  for (const auto& h : r.handoffs) {
    if (h.fromTeam == EventLog::kNone || h.toTeam == EventLog::kNone) continue;
    auto& s = people[{h.fromTeam, h.toTeam}];
    s.insert(h.from);
    s.insert(h.to);
  }
  std::map<std::string, std::uint64_t> out;
  for (const auto& [pair, set] : people)
    out[log.label(pair.first) + "\t" + log.label(pair.second)] = set.size();
  return out;
}

/// Team × team median wait; cells of pairs with fewer than k people are NaN (suppressed).
Chart teamHeatmap(const analysis::HandoffResult& r, const EventLog& log,
                  const std::map<std::string, std::uint64_t>& people, unsigned k) {
  std::set<std::string> teams;
  for (const auto& g : r.byTeam) {
    teams.insert(log.label(g.from));
    teams.insert(log.label(g.to));
  }
  Chart c;
  c.key = "handoff_team_heatmap";
  c.kind = ChartKind::Heatmap;
  c.title = "Median wait when one team hands over to another";
  c.unit = Unit::Seconds;
  c.xLabel = "to team";
  c.yLabel = "from team";
  c.rows.assign(teams.begin(), teams.end());
  c.categories = c.rows;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < c.rows.size(); ++i) index[c.rows[i]] = i;
  for (const auto& t : c.rows) c.series.push_back({t, std::vector<double>(teams.size(), kNan)});
  std::size_t hidden = 0;
  for (const auto& g : r.byTeam) {
    const auto a = log.label(g.from), b = log.label(g.to);
    const auto it = people.find(a + "\t" + b);
    if (it == people.end() || it->second < k) {
      ++hidden;
      continue;
    }
    c.series[index[a]].values[index[b]] = g.wait.median;
  }
  c.description = "Rows hand over to columns; a darker cell is a longer median wait. Empty "
                  "cells: no handoffs between the two teams" +
                  std::string(hidden ? ", or fewer than " + std::to_string(k) +
                                           " people behind them (suppressed)"
                                     : "") +
                  ".";
  return c;
}

/// How long handoffs wait, in bands from under an hour to over a week.
Chart waitDistribution(const analysis::HandoffResult& r) {
  static constexpr double kEdges[] = {3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400};
  Chart c;
  c.key = "handoff_wait_distribution";
  c.kind = ChartKind::Bar;
  c.title = "How long handoffs wait";
  c.unit = Unit::Count;
  c.xLabel = "wait";
  c.yLabel = "handoffs";
  c.categories = {"< 1 h", "1–4 h", "4–24 h", "1–3 d", "3–7 d", "> 7 d"};
  std::vector<double> counts(c.categories.size(), 0);
  for (const auto& h : r.handoffs) {
    const double s = static_cast<double>(h.waitMicros) / kMicros;
    std::size_t band = 0;
    while (band < std::size(kEdges) && s >= kEdges[band]) ++band;
    counts[band] += 1;
  }
  const auto most = std::max_element(counts.begin(), counts.end()) - counts.begin();
  c.series = {{"handoffs", counts}};
  c.description = "Number of handoffs by waiting time; the most common band is " +
                  c.categories[static_cast<std::size_t>(most)] + ".";
  return c;
}

}  // namespace

SectionOutput handoffSection(const SectionInput& in) {
  const auto& log = in.log;
  const unsigned k = in.options.privacy.minGroup;
  const auto& r = in.handoffsAndFlow().handoffs;
  SectionOutput out;
  out.section = {"handoffs", "Handoffs: where work waits", {}};
  double totalWait = 0;
  std::vector<std::int64_t> waits;
  for (const auto& h : r.handoffs) {
    totalWait += static_cast<double>(h.waitMicros) / kMicros;
    waits.push_back(h.waitMicros);
  }
  const auto all = analysis::summarize(waits);
  out.measures.push_back(measure("handoff.count", "Handoffs between people", Unit::Count, true,
                                 static_cast<double>(r.handoffs.size())));
  out.measures.push_back(measure("handoff.median", "Median wait at a handoff", Unit::Seconds,
                                 all.count > 0, all.median));
  out.section.blocks.push_back(Paragraph{
      "A handoff is a work item passing from one person to another; its wait runs from the end "
      "of one person's step to the start of the next. " +
      groupDigits(r.handoffs.size()) + " handoffs in " + groupDigits(r.items) +
      " items; median wait " + formatDuration(all.median) + ". Team pairs rank by excess delay: "
      "the waiting beyond what the same step normally takes inside one team."});

  TableStyle style;
  style.humanDurations = false;
  style.top = 0;
  style.names = &in.names;
  auto pairs = handoffTable(r, log, HandoffGrouping::Team, in.options.minCount, style);
  pairs.key = "handoff_team_pairs";
  pairs.title = "Slowest team handoffs (at least " + std::to_string(in.options.minCount) +
                " handoffs, by excess delay)";
  const auto people = peoplePerTeamPair(r, log);
  std::vector<std::uint64_t> sizes;
  for (const auto& row : pairs.rows) {
    const auto it = people.find(row[0] + "\t" + row[1]);
    sizes.push_back(it == people.end() ? 0 : it->second);
  }
  suppressSmallGroups(pairs, sizes, k, 2, true);
  // The headline: the slowest team pair that is shown.
  std::optional<std::size_t> top;
  double slowestMedian = 0;
  std::string slowestPair;
  for (std::size_t i = 0; i < pairs.rows.size(); ++i) {
    if (pairs.rows[i][2] == kSuppressedCell) continue;
    if (!top) top = i;
    const double median = std::stod(pairs.rows[i][3]);
    if (median > slowestMedian) {
      slowestMedian = median;
      slowestPair = pairs.rows[i][0] + " → " + pairs.rows[i][1];
    }
  }
  if (in.options.top && pairs.rows.size() > in.options.top) pairs.rows.resize(in.options.top);
  out.measures.push_back(measure("handoff.team.median",
                                 "Longest median wait of a ranked team handoff", Unit::Seconds,
                                 top.has_value(), slowestMedian));
  if (top) {
    const auto& row = pairs.rows[*top];
    const double mean = std::stod(row[5]), total = std::stod(row[6]);  // mean, total
    const double share = totalWait > 0 ? total / totalWait : 0;
    out.findings.push_back(
        {"handoffs", "Work waits " + formatDuration(mean) + " on average when " + row[0] +
                         " hands over to " + row[1] + " — " + percentText(share) +
                         " of all waiting time at handoffs."});
    out.measures.push_back(measure("handoff.team.top_share",
                                   "Share of all waiting time in the slowest team handoff",
                                   Unit::Percent, true, 100 * share, row[0] + " → " + row[1]));
  }
  out.section.blocks.push_back(std::move(pairs));
  out.section.blocks.push_back(teamHeatmap(r, log, people, k));
  out.section.blocks.push_back(waitDistribution(r));
  style.top = in.options.top;
  auto waitsOn = waitsOnTable(r, log, true, style);
  waitsOn.key = "handoff_waits_on_team";
  waitsOn.title = "Incoming wait per team (everyone waits on)";
  const auto sizesByTeam = teamSizes(log);
  std::vector<std::uint64_t> teamPeople;
  for (const auto& w : r.waitsOnTeam) {
    if (teamPeople.size() == waitsOn.rows.size()) break;
    teamPeople.push_back(w.who < sizesByTeam.size() ? sizesByTeam[w.who] : 0);
  }
  suppressSmallGroups(waitsOn, teamPeople, k, 1, true);
  out.section.blocks.push_back(std::move(waitsOn));
  auto rework = reworkTable(r, log, style);
  rework.key = "handoff_rework";
  rework.title = "Rework: the same step again in an item (repeat: same person; redo: another)";
  out.section.blocks.push_back(std::move(rework));
  return out;
}

SectionOutput flowSection(const SectionInput& in) {
  const auto& r = in.handoffsAndFlow().flow;
  SectionOutput out;
  out.section = {"flow", "Flow: the process map's slowest paths", {}};
  out.section.blocks.push_back(Paragraph{
      groupDigits(r.items) + " items; median throughput time " +
      formatDuration(r.throughput.median) + " (p90 " + formatDuration(r.throughput.p90) + "), " +
      groupDigits(r.variantCount) + " variants. Paths rank by the total time spent on them."});
  out.measures.push_back(measure("flow.throughput.median", "Median throughput time of an item",
                                 Unit::Seconds, r.throughput.count > 0, r.throughput.median));
  TableStyle style;
  style.humanDurations = false;
  style.top = in.options.top;
  auto dfg = dfgTable(r, in.log, style);
  dfg.key = "flow_slowest_paths";
  dfg.title = "Slowest paths of the process map (directly-follows, by total time)";
  Chart bars;
  bars.key = "flow_slowest_paths_chart";
  bars.kind = ChartKind::Bar;
  bars.title = "Median time on the slowest paths";
  bars.unit = Unit::Seconds;
  bars.xLabel = "path";
  bars.yLabel = "median time";
  Series median{"median", {}};
  for (const auto& row : dfg.rows) {
    bars.categories.push_back(row[0] + " → " + row[1]);
    median.values.push_back(std::stod(row[4]));  // from, to, count, mean, median
  }
  bars.series = {median};
  if (!r.edges.empty()) {
    const auto& e = r.edges.front();
    const auto step = in.log.text(e.from) + " → " + in.log.text(e.to);
    bars.description = "The path " + step + " takes the most time in all: " +
                       groupDigits(e.duration.count) + " times, median " +
                       formatDuration(e.duration.median) + ".";
    out.findings.push_back({"flow", "The process spends the most time between " + step + ": " +
                                        groupDigits(e.duration.count) + " times, median " +
                                        formatDuration(e.duration.median) + " each."});
  } else {
    bars.description = "No directly-follows paths in the window.";
  }
  out.section.blocks.push_back(std::move(dfg));
  out.section.blocks.push_back(std::move(bars));
  auto variants = variantsTable(r, in.log, style);
  variants.key = "flow_variants";
  variants.title = "Most frequent variants";
  out.section.blocks.push_back(std::move(variants));
  return out;
}

}  // namespace orglens::reports::detail
