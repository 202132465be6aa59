#include "analysis/flow.h"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "analysis/activity_instances.h"
#include "analysis/grouping.h"
#include "analysis/parallel.h"
#include "analysis/variant_table.h"

namespace orglens::analysis {
namespace {

using detail::DenseIds;
using detail::VariantTable;
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
  explicit ChunkFlow(std::uint32_t activities = 0)
      : edges(activities), starts(activities, 0), ends(activities, 0) {}
  EdgeDurations edges;
  std::vector<std::uint64_t> starts, ends;  // by dense activity
  VariantTable variants;
  std::vector<std::int64_t> throughput, service, waiting;
  std::uint64_t items = 0;
  bool hasLifecycle = false;
};

struct Step {
  std::uint32_t activity;
  model::MicrosUtc start, complete;
};

/// Flow figures of one item's instance sequence step(0..n-1) whose activities are `seq`.
template <class StepAt>
void scanSteps(const DenseIds& acts, std::size_t n, StepAt stepAt, const std::uint32_t* seq,
               ChunkFlow& out) {
  ++out.items;
  const Step first = stepAt(0);
  std::int64_t service = 0;
  model::MicrosUtc lastComplete = first.complete;
  std::uint32_t prevActivity = acts[first.activity];
  model::MicrosUtc prevComplete = first.complete;
  for (std::size_t k = 0; k < n; ++k) {
    const Step cur = stepAt(k);
    const std::uint32_t a = acts[cur.activity];
    service += cur.complete - cur.start;
    lastComplete = std::max(lastComplete, cur.complete);
    if (cur.complete > cur.start) out.hasLifecycle = true;
    if (k > 0)
      out.edges.at(prevActivity, a).push_back(std::max<std::int64_t>(0, cur.start - prevComplete));
    prevActivity = a;
    prevComplete = cur.complete;
  }
  ++out.starts[acts[first.activity]];
  ++out.ends[prevActivity];
  const std::int64_t throughput = lastComplete - first.start;
  out.throughput.push_back(throughput);
  out.service.push_back(service);
  out.waiting.push_back(std::max<std::int64_t>(0, throughput - service));
  out.variants.push(seq, n);
}

void scanItem(const EventLog& log, const DenseIds& acts, std::size_t i,
              std::vector<ActivityInstance>& instances, std::vector<std::uint32_t>& seq,
              ChunkFlow& out) {
  const std::uint32_t begin = log.itemBegin[i], end = log.itemBegin[i + 1];
  if (begin == end) return;
  if (completionsOnly(log, begin, end)) {  // each event is an instance: no pairing
    scanSteps(
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
  for (const auto& x : instances) seq.push_back(x.activity);
  scanSteps(
      acts, instances.size(),
      [&](std::size_t k) {
        return Step{instances[k].activity, instances[k].start, instances[k].complete};
      },
      seq.data(), out);
}

std::vector<std::pair<std::uint32_t, std::uint64_t>> byCount(const DenseIds& acts,
                                                             const std::vector<ChunkFlow>& chunks,
                                                             bool ends) {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
  for (std::uint32_t a = 0; a < acts.size(); ++a) {
    std::uint64_t n = 0;
    for (const auto& c : chunks) n += ends ? c.ends[a] : c.starts[a];
    if (n > 0) out.emplace_back(acts.id(a), n);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

/// The DFG edges of all chunks: durations merged per edge, then each edge's statistics. On the
/// calling thread: merge() runs it beside the variants' merge.
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
  std::sort(edges.begin(), edges.end(), [](const DfgEdge& a, const DfgEdge& b) {
    if (a.duration.sum != b.duration.sum) return a.duration.sum > b.duration.sum;
    return std::pair(a.from, a.to) < std::pair(b.from, b.to);
  });
  return edges;
}

/// Variants of all chunks (merged in chunk order), the top ones by items, then by sequence.
void mergeVariants(std::vector<ChunkFlow>& chunks, const FlowOptions& options, FlowResult& r) {
  VariantTable all = std::move(chunks.front().variants);
  for (std::size_t c = 1; c < chunks.size(); ++c) all.merge(chunks[c].variants);
  const auto& entries = all.entries();
  r.variantCount = entries.size();
  std::vector<std::uint32_t> order(entries.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto top = std::min(order.size(), options.topVariants);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      if (entries[a].items != entries[b].items)
                        return entries[a].items > entries[b].items;
                      const auto x = all.sequence(entries[a]), y = all.sequence(entries[b]);
                      return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end());
                    });
  const double items = static_cast<double>(std::max<std::uint64_t>(1, r.items));
  for (std::size_t i = 0; i < top; ++i) {
    const auto& e = entries[order[i]];
    const auto seq = all.sequence(e);
    r.topVariants.push_back(
        {{seq.begin(), seq.end()}, e.items, static_cast<double>(e.items) / items});
  }
}

void merge(std::vector<ChunkFlow>& chunks, const DenseIds& acts, const FlowOptions& options,
           FlowResult& r) {
  for (const auto& c : chunks) {
    r.items += c.items;
    r.hasLifecycle = r.hasLifecycle || c.hasLifecycle;
  }
  r.startActivities = byCount(acts, chunks, false);
  r.endActivities = byCount(acts, chunks, true);
  // Two independent tasks over the threads: the variants (a serial merge of hash tables), and
  // the edges with the item durations.
  parallelChunks<int>(0, 2, options.threads, [&](std::size_t begin, std::size_t end, int&) {
    for (std::size_t task = begin; task < end; ++task) {
      if (task == 0) {
        mergeVariants(chunks, options, r);
        continue;
      }
      std::vector<std::int64_t> throughput, service, waiting;
      for (auto& c : chunks) {
        throughput.insert(throughput.end(), c.throughput.begin(), c.throughput.end());
        service.insert(service.end(), c.service.begin(), c.service.end());
        waiting.insert(waiting.end(), c.waiting.begin(), c.waiting.end());
      }
      r.throughput = summarize(throughput);
      r.serviceTime = summarize(service);
      r.waitingTime = summarize(waiting);
      r.edges = mergeEdges(chunks, acts);
    }
  });
}

}  // namespace

FlowResult analyseFlow(const EventLog& log, const FlowOptions& options, model::Progress& progress) {
  FlowResult r;
  progress.report(0.0, "scanning items");
  const std::size_t firstItem = !log.item.empty() && log.item[0] == EventLog::kNone ? 1 : 0;
  DenseIds acts(log.strings.size());
  for (std::size_t i = firstItem; i < log.itemCount(); ++i)
    for (auto e = log.itemBegin[i]; e < log.itemBegin[i + 1]; ++e) acts.mark(log.activity[e]);
  acts.finish();
  auto chunks = parallelChunks<ChunkFlow>(
      firstItem, log.itemCount(), options.threads,
      [&](std::size_t begin, std::size_t end, ChunkFlow& out) {
        out = ChunkFlow(acts.size());
        out.variants.reserve(end - begin, log.itemBegin[end] - log.itemBegin[begin]);
        out.throughput.reserve(end - begin);
        out.service.reserve(end - begin);
        out.waiting.reserve(end - begin);
        std::vector<ActivityInstance> instances;
        std::vector<std::uint32_t> seq;
        for (std::size_t i = begin; i < end; ++i) scanItem(log, acts, i, instances, seq, out);
        out.variants.count();
      });
  if (progress.cancelled()) {
    r.cancelled = true;
    return r;
  }
  progress.report(0.7, "edges and variants");
  merge(chunks, acts, options, r);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
