// Data and the pandas peers of orglens-bench-handoffs: an EventLog generated directly in memory
// (no store), its CSV form, and two pandas computations on it: PM4Py's scope (timed handover and
// the performance DFG) and the same tables as orglens (handoffs/1 + flow/1).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "model/event_log.h"

namespace orglens::bench {

struct HandoffLogShape {
  static constexpr std::uint32_t kActors = 2000;
  static constexpr std::uint32_t kTeams = 40;
  static constexpr std::uint32_t kActivities = 30;
  std::uint64_t events = 10'000'000;
  /// false: completions only, ~10 events per item; true: start/complete pairs, ~5 instances.
  bool lifecycle = false;
  std::uint64_t seed = 20251;
  /// false: waits between instances uniform up to 2 h (inside a team) or 8 h; true: lognormal
  /// with a median of 30 min or 2 h and a log-sigma of 3 (most short, a few of weeks; at most
  /// 90 days), as real waits are (the receipt and helpdesk logs' waits: log-sigma 3.4 and 4.4).
  bool longTailedWaits = false;
};

/// A log of about shape.events events (items are whole, so a few more or fewer), ~events/10
/// items, actors in teams via teamOf, events time-ordered within items. Deterministic (the
/// long-tailed waits through the C library's log and exp, on one machine).
model::EventLog generateHandoffLog(const HandoffLogShape& shape);

/// Writes the first `maxEvents` events (whole items) as "case,activity,resource,team,timestamp"
/// with integer ids (team: the resource's team, log.teamOf; empty when unknown) and integer
/// microseconds; returns the number of events written.
std::uint64_t writeLogCsv(const model::EventLog& log, const std::filesystem::path& path,
                          std::uint64_t maxEvents);

/// Figures of the PM4Py-scope pandas peer (timed inside Python, CSV load excluded).
struct PandasResult {
  double seconds = -1;  // < 0: not run (error says why)
  std::uint64_t events = 0;
  std::uint64_t handoffs = 0;
  std::uint64_t resourcePairs = 0;
  std::uint64_t dfgEdges = 0;
  double topPairSumSeconds = 0;  // the resource pair with the largest total wait
  double topEdgeSumSeconds = 0;  // the activity pair with the largest total duration
  std::string error;
};

/// Runs what PM4Py computes (timed handover per resource pair and the performance DFG: sort,
/// groupby(case).shift(-1), filter, aggregate) with /usr/bin/python3 and pandas on `csv`; the
/// script is written to `dir`.
PandasResult runPandasPeer(const std::filesystem::path& csv, const std::filesystem::path& dir);

/// Figures of the pandas peer that computes the same tables as orglens (timed inside Python, CSV
/// load excluded): name → value as the script prints them ("events", "handoffs",
/// "person_excess_total", "dfg_top_median", "variants", ...; see kFullScript in
/// handoff_data.cpp), for an agreement check against HandoffResult and FlowResult.
struct PandasFullResult {
  double seconds = -1;  // < 0: not run (error says why)
  std::uint64_t events = 0;
  std::map<std::string, double> figures;
  std::string error;
};

/// Runs the computation of handoffs/1 and flow/1 (docs/metrics.md) on a log of completions only,
/// written the way a pandas user would (sort_values, groupby().shift(), groupby().agg(), merge):
/// handoffs with the 4-level baseline and excess delay, the person-pair, team-pair, activity-pair
/// and team-pair x activity-pair tables (count, sum, mean, median, p90, min, max, excess),
/// ping-pong, rework, everyone-waits-on per person and team; the performance DFG over all
/// directly-follows pairs, start and end activities, throughput (service and waiting) time per
/// case, variants. /usr/bin/python3 and pandas on `csv`; the script is written to `dir`.
PandasFullResult runPandasFullPeer(const std::filesystem::path& csv,
                                   const std::filesystem::path& dir);

}  // namespace orglens::bench
