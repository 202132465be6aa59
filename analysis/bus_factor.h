// Bus factor: per document folder or task area, the fewest people behind half of the work
// (definition "network/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/event_log.h"

namespace orglens::analysis {

struct BusFactorArea {
  bool document = false;  // a document folder, else a task area
  /// Folder of a document (its key up to the last '/', "" for none) or the activity of a
  /// task's first event.
  std::string area;
  std::uint64_t events = 0;  // events with a known actor on the area's items
  std::uint32_t items = 0;   // items of the area
  std::uint32_t people = 0;  // distinct actors
  std::uint32_t busFactor = 0;
  /// The people counted in busFactor: (person ObjectId, events), most events first, ties by
  /// the person's key text, then ObjectId.
  std::vector<std::pair<std::uint32_t, std::uint64_t>> keyPeople;
};

/// For every area with at least one event: the fewest people whose events reach `share` of the
/// area's events (greedy by events per person, which is optimal). Areas by bus factor
/// (ascending), then events (descending), then documents first, then area text.
/// O(n log n) for n events.
std::vector<BusFactorArea> busFactor(const model::EventLog& log, double share = 0.5);

}  // namespace orglens::analysis
