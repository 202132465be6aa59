// Activity instances: the start and complete events of one activity execution paired into
// one interval (definition "instances/1" in docs/metrics.md).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/event_log.h"

namespace orglens::analysis {

struct ActivityInstance {
  std::uint32_t activity = model::EventLog::kNone;  // StringId value
  std::uint32_t actor = model::EventLog::kNone;     // person ObjectId value or kNone
  model::MicrosUtc start = 0;
  model::MicrosUtc complete = 0;
  /// Time of the schedule/assign event that preceded the start, when the log has one.
  std::optional<model::MicrosUtc> assigned;
  std::uint32_t firstRow = 0;  // row (in EventLog order) of the instance's first event
};

/// Pairs the events of one work item, rows [begin, end) of `log` (time-ordered), into
/// activity instances, ordered by start time (ties: by first row):
/// - a `start` event opens an instance; the next `complete` event with the same key closes
///   the oldest open one (first in, first out). The key is (activity, concept:instance) when
///   the event has an instance id, else (activity, actor);
/// - a `complete` (or other) event without an open start is an instance of its own, its time
///   standing for both start and completion;
/// - a start never completed ends at its start;
/// - `schedule`/`assign` events create no instance; the next instance of the same activity
///   that starts after them records the time as `assigned`.
/// O(k · open) for k events, O(k) for an item with completions only; `out` is cleared first.
void buildInstances(const model::EventLog& log, std::uint32_t begin, std::uint32_t end,
                    std::vector<ActivityInstance>& out);

/// True when rows [begin, end) have no start, schedule or assign event: then every event is an
/// instance of its own (start = completion = its time), in row order. O(k).
bool completionsOnly(const model::EventLog& log, std::uint32_t begin, std::uint32_t end);

/// Which lifecycles other than complete a whole log has: one pass without a branch a row (it
/// vectorises). A log with neither needs no completionsOnly() check of each item.
struct Lifecycles {
  bool starts = false, assigns = false;  // start; schedule or assign
  bool completionsOnly() const { return !starts && !assigns; }
};
Lifecycles lifecyclesOf(const model::EventLog& log);

}  // namespace orglens::analysis
