#include "analysis/flow.h"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "analysis/activity_instances.h"
#include "analysis/flow_parts.h"
#include "analysis/grouping.h"
#include "analysis/parallel.h"

namespace orglens::analysis {
namespace {

using detail::DenseIds;
using model::EventLog;

/// Durations of the directly-follows edges, one vector per (from, to) pair of dense
/// activities: found through an array when the pairs are few enough, a hash map otherwise.
class EdgeDurations {
 public:
  explicit EdgeDurations(std::uint64_t activities)
      : m_nA(activities), m_dense(activities * activities <= (1u << 20)) {
    if (m_dense) m_slotOf.assign(activities * activities, kNoSlot);
  }
  std::vector<std::int64_t>& at(std::uint32_t from, std::uint32_t to) {
    const std::uint64_t key = from * m_nA + to;
    std::uint32_t& slot =
        m_dense ? m_slotOf[key] : m_slotMap.try_emplace(key, kNoSlot).first->second;
    if (slot == kNoSlot) {
      slot = static_cast<std::uint32_t>(keys.size());
      keys.push_back(key);
      durations.emplace_back();
    }
    return durations[slot];
  }
  std::vector<std::uint64_t> keys;  // by slot: from * activities + to
  std::vector<std::vector<std::int64_t>> durations;

 private:
  static constexpr std::uint32_t kNoSlot = ~0u;
  std::uint64_t m_nA;
  bool m_dense;
  std::vector<std::uint32_t> m_slotOf;
  std::unordered_map<std::uint64_t, std::uint32_t> m_slotMap;
};

struct ChunkFlow {
  explicit ChunkFlow(std::uint32_t activities = 0) : edges(activities), items(activities) {}
  EdgeDurations edges;
  detail::FlowItems items;      // only with FlowOptions::itemFigures
  std::uint64_t itemCount = 0;  // items with an instance
};

struct Step {
  std::uint32_t activity;
  model::MicrosUtc start, complete;
};

/// Flow figures of one item's instance sequence step(0..n-1) whose activities are `seq`: its
/// edges' durations, and with kItems its figures as an item.
template <bool kItems, class StepAt>
void scanSteps(const DenseIds& acts, std::size_t n, StepAt stepAt, const std::uint32_t* seq,
               ChunkFlow& out) {
  ++out.itemCount;
  const Step first = stepAt(0);
  detail::ItemTimes times;
  std::uint32_t prevActivity = acts[first.activity];
  model::MicrosUtc prevComplete = first.complete;
  detail::VariantCoder::Built variant;  // the sequence so far
  const detail::VariantCoder coder = out.items.coder;
  for (std::size_t k = 0; k < n; ++k) {
    const Step cur = stepAt(k);
    const std::uint32_t a = acts[cur.activity];
    if constexpr (kItems) {
      times.add(k == 0, cur.start, cur.complete);
      coder.add(variant, k, a);
    }
    if (k > 0)
      out.edges.at(prevActivity, a).push_back(std::max<std::int64_t>(0, cur.start - prevComplete));
    prevActivity = a;
    prevComplete = cur.complete;
  }
  if constexpr (kItems) out.items.add(acts[first.activity], prevActivity, times, variant, seq, n);
}

/// `allCompletions`: the whole log has completions only (lifecyclesOf()), no item to check.
template <bool kItems>
void scanItem(const EventLog& log, const DenseIds& acts, bool allCompletions, std::size_t i,
              std::vector<ActivityInstance>& instances, std::vector<std::uint32_t>& seq,
              ChunkFlow& out) {
  const std::uint32_t begin = log.itemBegin[i], end = log.itemBegin[i + 1];
  if (begin == end) return;
  if (allCompletions || completionsOnly(log, begin, end)) {  // each event an instance
    scanSteps<kItems>(
        acts, end - begin,
        [&](std::size_t k) {
          const auto t = log.time[begin + k];
          return Step{log.activity[begin + k], t, t};
        },
        log.activity.data() + begin, out);
    return;
  }
  buildInstances(log, begin, end, instances);
  if (instances.empty()) return;
  seq.clear();
  if (kItems)
    for (const auto& x : instances) seq.push_back(x.activity);
  scanSteps<kItems>(
      acts, instances.size(),
      [&](std::size_t k) {
        return Step{instances[k].activity, instances[k].start, instances[k].complete};
      },
      seq.data(), out);
}

/// The DFG edges of all chunks: durations merged per edge, then each edge's statistics. Runs
/// beside the variants' merge (mergeFlowItems).
std::vector<DfgEdge> mergeEdges(std::vector<ChunkFlow>& chunks, const DenseIds& acts) {
  const std::uint32_t nA = acts.size();
  EdgeDurations all = std::move(chunks.front().edges);
  for (std::size_t c = 1; c < chunks.size(); ++c) {
    auto& e = chunks[c].edges;
    for (std::size_t s = 0; s < e.keys.size(); ++s) {
      auto& into = all.at(static_cast<std::uint32_t>(e.keys[s] / nA),
                          static_cast<std::uint32_t>(e.keys[s] % nA));
      into.insert(into.end(), e.durations[s].begin(), e.durations[s].end());
      std::vector<std::int64_t>().swap(e.durations[s]);
    }
  }
  std::vector<DfgEdge> edges;
  edges.reserve(all.keys.size());
  for (std::size_t s = 0; s < all.keys.size(); ++s)
    edges.push_back({acts.id(static_cast<std::uint32_t>(all.keys[s] / nA)),
                     acts.id(static_cast<std::uint32_t>(all.keys[s] % nA)),
                     summarize(all.durations[s])});
  detail::sortEdges(edges);
  return edges;
}

}  // namespace

FlowResult analyseFlow(const EventLog& log, const FlowOptions& options, model::Progress& progress) {
  FlowResult r;
  progress.report(0.0, "scanning items");
  const detail::HugePageScope hugePages(log.time.size() * detail::kFlowPassBytesPerEvent);
  const std::size_t firstItem = !log.item.empty() && log.item[0] == EventLog::kNone ? 1 : 0;
  DenseIds acts(log.strings.size());
  if (log.itemCount() > firstItem)  // the items' events are one range of the columns
    acts.markAll(std::span(log.activity)
                     .subspan(log.itemBegin[firstItem],
                              log.itemBegin[log.itemCount()] - log.itemBegin[firstItem]));
  acts.finish();
  const bool allCompletions = lifecyclesOf(log).completionsOnly();
  auto chunks = parallelChunks<ChunkFlow>(
      firstItem, log.itemCount(), options.threads,
      [&](std::size_t begin, std::size_t end, ChunkFlow& out) {
        out = ChunkFlow(acts.size());
        std::vector<ActivityInstance> instances;
        std::vector<std::uint32_t> seq;
        if (!options.itemFigures) {
          for (std::size_t i = begin; i < end; ++i)
            scanItem<false>(log, acts, allCompletions, i, instances, seq, out);
          return;
        }
        out.items.reserve(end - begin, log.itemBegin[end] - log.itemBegin[begin],
                          log.itemCount() - firstItem);
        out.items.variants.share(log.activity);  // completions-only items: not copied
        for (std::size_t i = begin; i < end; ++i)
          scanItem<true>(log, acts, allCompletions, i, instances, seq, out);
        out.items.variants.count();
      });
  if (progress.cancelled()) {
    r.cancelled = true;
    return r;
  }
  progress.report(0.7, "edges and variants");
  if (!options.itemFigures) {
    for (const auto& c : chunks) r.items += c.itemCount;
    r.itemFigures = false;
    r.edges = mergeEdges(chunks, acts);
    progress.report(1.0, "done");
    return r;
  }
  std::vector<detail::FlowItems*> items;
  for (auto& c : chunks) items.push_back(&c.items);
  detail::mergeFlowItems(items, acts, options, r, [&] { r.edges = mergeEdges(chunks, acts); });
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
