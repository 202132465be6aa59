// PM4Py-compatible social-network matrices, for interoperability (definition "pm4py/1",
// docs/metrics.md). They work on raw events, not activity instances, exactly as PM4Py does.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/stats.h"
#include "model/event_log.h"

namespace orglens::analysis {

struct ResourcePairValue {
  std::uint32_t from, to;  // person ObjectId values
  std::uint64_t count;
  double value;  // PM4Py's matrix value
};

struct TimedHandover {
  std::uint32_t from, to;
  DurationStats duration;  // seconds between the two events
};

struct Pm4pyMatrices {
  /// Handover of work (PM4Py beta = 0): consecutive events of an item by resources (a, b),
  /// self-handovers included; value = count / number of consecutive pairs in the log.
  std::vector<ResourcePairValue> handoverOfWork;
  std::uint64_t consecutivePairs = 0;
  /// Working together: unordered pairs (from < to by ObjectId) of resources sharing items;
  /// value = shared items / number of items.
  std::vector<ResourcePairValue> workingTogether;
  /// Consecutive events a ≠ b: time from a's event to b's event.
  std::vector<TimedHandover> timedHandovers;
};

/// Events without a resource break the chain (a pair needs two known resources), which
/// differs from PM4Py only for logs with missing resources. Tables are sorted by count (or
/// total time) descending, then by ids. O(n + Σ r²) for r resources per item.
Pm4pyMatrices pm4pyMatrices(const model::EventLog& log);

}  // namespace orglens::analysis
