// The parts of the flow pass (definition "flow/1") that analyseHandoffsAndFlow() shares with
// analyseFlow(): the per-item figures and the directly-follows edges built from waits already
// grouped by activity pair. Internal to analysis/; not part of its public API.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "analysis/flow.h"
#include "analysis/grouping.h"
#include "analysis/variant_codes.h"
#include "analysis/variant_table.h"

namespace orglens::analysis::detail {

/// One item's times, gathered instance by instance in order.
struct ItemTimes {
  model::MicrosUtc firstStart = 0, lastComplete = 0;
  std::int64_t service = 0;  // Σ (complete − start)
  bool lifecycle = false;    // an instance with start < complete
  void add(bool first, model::MicrosUtc start, model::MicrosUtc complete) {
    if (first) firstStart = start, lastComplete = complete;
    service += complete - start;
    lastComplete = std::max(lastComplete, complete);
    lifecycle = lifecycle || complete > start;
  }
};

/// The flow figures of a run of items other than the edges, gathered item by item.
struct FlowItems {
  explicit FlowItems(std::uint32_t activities = 0)
      : starts(activities, 0), ends(activities, 0), coder(activities) {}
  std::vector<std::uint64_t> starts, ends;  // by dense activity
  /// The variants: as keys where they fit one (coder), the longer ones in the table.
  VariantCoder coder;
  VariantCodes codes;
  VariantTable variants;
  /// Per item. service and waiting are kept only once an item's differ from 0 and its throughput
  /// (`separate`); until then, and for a log of completions only throughout, they are those.
  std::vector<std::int64_t> throughput, service, waiting;
  bool separate = false;
  std::uint64_t items = 0;
  bool hasLifecycle = false;
  /// Room for `items` items of `events` events in all, in a pass of `allItems` items in all its
  /// runs (the same for each run).
  void reserve(std::size_t items, std::size_t events, std::size_t allItems);
  /// One item of n >= 1 instances: its first and last dense activity, its times, its dense
  /// activities added to `built` (coder.add()), and its activities (StringIds).
  void add(std::uint32_t firstActivity, std::uint32_t lastActivity, const ItemTimes& t,
           const VariantCoder::Built& built, const std::uint32_t* seq, std::size_t n) {
    ++items;
    ++starts[firstActivity];
    ++ends[lastActivity];
    hasLifecycle = hasLifecycle || t.lifecycle;
    const std::int64_t through = t.lastComplete - t.firstStart;
    const std::int64_t wait = through > t.service ? through - t.service : 0;
    throughput.push_back(through);
    if (!separate && (t.service != 0 || wait != through)) separate = true, keepSeparate(1);
    if (separate) service.push_back(t.service), waiting.push_back(wait);
    if (n <= coder.maxLength())
      codes.push(coder.key(built, n));
    else
      variants.push(seq, n);
  }
  /// Fills in service (0) and waiting (the throughput) of the items before the last `but`.
  void keepSeparate(std::size_t but = 0) {
    const std::size_t before = throughput.size() - but;
    service.reserve(throughput.capacity());  // virtual memory only, as the throughputs'
    waiting.reserve(throughput.capacity());
    service.assign(before, 0);
    waiting.assign(throughput.begin(), throughput.begin() + static_cast<std::ptrdiff_t>(before));
  }
};

/// Everything of `r` but its edges from the chunks' figures (each counted: variants.count()),
/// merged in chunk order (the chunks are used up); `acts` numbers the activities of starts and
/// ends. The variants are merged on one thread while `alongside` runs on another (when threads
/// allow).
void mergeFlowItems(const std::vector<FlowItems*>& chunks, const DenseIds& acts,
                    const FlowOptions& options, FlowResult& r,
                    const std::function<void()>& alongside);

/// The durations of consecutive instances that are not in the grouped waits (in
/// analyseHandoffsAndFlow: those of no handoff), by dense pair key from * nA + to.
struct UngroupedWaits {
  std::vector<std::uint64_t> key;
  Buffer<std::int64_t> wait;
};

/// The DFG edges, ordered as FlowResult::edges, from waits grouped by dense activity pair (pair k,
/// key[k] = from * nA + to ascending, has the waits [first[k], last[k]) of `wait`) and the
/// ungrouped ones; stats[k] are the figures of pair k's waits, already computed: an edge with no
/// ungrouped waits takes them as they are rather than summarising the same waits again. Reorders
/// the waits inside each pair's range. Edges in parallel; the result does not depend on the
/// thread count.
std::vector<DfgEdge> edgesOf(const DenseIds& acts, std::span<const std::uint64_t> key,
                             std::span<const std::uint32_t> first,
                             std::span<const std::uint32_t> last, std::int64_t* wait,
                             std::span<const DurationStats> stats, const UngroupedWaits& ungrouped,
                             unsigned threads);

/// Orders edges as FlowResult::edges: by total duration descending, then by (from, to).
void sortEdges(std::vector<DfgEdge>& edges);

}  // namespace orglens::analysis::detail
