// Flow: the performance directly-follows graph, throughput, variants, service versus waiting
// time (definition "flow/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/stats.h"
#include "model/event_log.h"
#include "model/progress.h"

namespace orglens::analysis {

inline constexpr const char* kFlowDefinition = "flow/1";

struct FlowOptions {
  std::size_t topVariants = 10;
  unsigned threads = 0;
  /// The figures per item: throughput, service and waiting time, start and end activities and
  /// variants. Off: only the directly-follows graph and the count of items, which is what
  /// PM4Py's performance DFG computes (`orglens flow --table dfg`); the rest of the result stays
  /// empty and FlowResult::itemFigures is false.
  bool itemFigures = true;
};

/// Directly-follows edge between consecutive activity instances of an item: duration =
/// start(next) − complete(previous), at least 0. For logs with completions only this is the
/// time between the two events, as in PM4Py's performance DFG.
struct DfgEdge {
  std::uint32_t from, to;  // activity StringId values
  DurationStats duration;  // seconds
};

struct Variant {
  std::vector<std::uint32_t> activities;  // StringId values
  std::uint64_t items;
  double share;  // of all items
};

struct FlowResult {
  std::string definition = kFlowDefinition;
  std::uint64_t items = 0;
  std::vector<DfgEdge> edges;  // by total duration (sum) descending, then by ids
  /// (activity, items) that start / end with the activity, by count descending.
  std::vector<std::pair<std::uint32_t, std::uint64_t>> startActivities, endActivities;
  DurationStats throughput;   // per item: last completion − first start (seconds)
  DurationStats serviceTime;  // per item: Σ (complete − start) of its instances
  DurationStats waitingTime;  // per item: throughput − service time, at least 0
  bool hasLifecycle = false;  // any instance with start < complete
  std::uint64_t variantCount = 0;
  std::vector<Variant> topVariants;
  /// Whether the figures per item (throughput to topVariants) were computed
  /// (FlowOptions::itemFigures); when not, only `items` and `edges` hold figures.
  bool itemFigures = true;
  bool cancelled = false;
};

/// O(n + v log v) for n events and v variants (medians by selection, edges and variants found
/// through arrays and hash tables); parallel over items with identical results for any thread
/// count.
FlowResult analyseFlow(const model::EventLog& log, const FlowOptions& options,
                       model::Progress& progress);

}  // namespace orglens::analysis
