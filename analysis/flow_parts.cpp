#include "analysis/flow_parts.h"

#include <algorithm>

#include "analysis/parallel.h"
#include "analysis/wait_groups.h"

namespace orglens::analysis::detail {
namespace {

std::vector<std::pair<std::uint32_t, std::uint64_t>> byCount(const DenseIds& acts,
                                                             const std::vector<FlowItems*>& chunks,
                                                             bool ends) {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
  for (std::uint32_t a = 0; a < acts.size(); ++a) {
    std::uint64_t n = 0;
    for (const auto* c : chunks) n += ends ? c->ends[a] : c->starts[a];
    if (n > 0) out.emplace_back(acts.id(a), n);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

/// Variants of all chunks, the top ones by items, then by sequence: those that fit a key
/// (VariantCodes, counted together) and the longer ones of the tables (VariantTable; with several
/// chunks walked together by VariantTable::mergedOf(), not merged into one). The two kinds never
/// share a variant (a variant's length decides its kind).
void mergeVariants(const std::vector<FlowItems*>& chunks, const DenseIds& acts,
                   const FlowOptions& options, FlowResult& r) {
  std::vector<const VariantCodes*> runs;
  for (const auto* c : chunks) runs.push_back(&c->codes);
  const VariantCodes::Counted keyed = VariantCodes::countTop(runs, options.topVariants);
  std::vector<const VariantTable*> tables;
  for (const auto* c : chunks) tables.push_back(&c->variants);
  const bool several = tables.size() > 1;
  std::vector<VariantTable::Merged> merged;
  if (several) merged = VariantTable::mergedOf(tables);
  const auto& only = tables.front()->entries();  // the variants of a single chunk
  const std::size_t count = several ? merged.size() : only.size();
  const auto itemsOf = [&](std::uint32_t i) { return several ? merged[i].items : only[i].items; };
  const auto sequenceOf = [&](std::uint32_t i) {
    if (!several) return tables.front()->sequence(only[i]);
    const VariantTable& t = *tables[merged[i].table];
    return t.sequence(t.entries()[merged[i].entry]);
  };
  r.variantCount = keyed.distinct + count;
  std::vector<std::uint32_t> order(count);
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto top = std::min(order.size(), options.topVariants);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      if (itemsOf(a) != itemsOf(b)) return itemsOf(a) > itemsOf(b);
                      const auto x = sequenceOf(a), y = sequenceOf(b);
                      return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end());
                    });
  // The best of both kinds, by items, then by sequence (StringIds).
  std::vector<Variant> best;
  std::vector<std::uint32_t> dense;
  for (const auto& e : keyed.top) {
    dense.clear();
    chunks.front()->coder.decode(e.key, dense);
    Variant& v = best.emplace_back();
    for (const auto a : dense) v.activities.push_back(acts.id(a));
    v.items = e.items;
  }
  for (std::size_t i = 0; i < top; ++i) {
    const auto seq = sequenceOf(order[i]);
    best.push_back({{seq.begin(), seq.end()}, itemsOf(order[i]), 0.0});
  }
  std::sort(best.begin(), best.end(), [](const Variant& a, const Variant& b) {
    return a.items != b.items ? a.items > b.items : a.activities < b.activities;
  });
  best.resize(std::min(best.size(), options.topVariants));
  const double items = static_cast<double>(std::max<std::uint64_t>(1, r.items));
  for (auto& v : best) v.share = static_cast<double>(v.items) / items;
  r.topVariants = std::move(best);
}

/// One edge's waits: a range of the grouped waits and one of the ungrouped ones (either empty).
struct EdgeWaits {
  std::uint64_t key;
  std::uint32_t first, last;            // in the grouped waits
  std::uint32_t extraFirst, extraLast;  // in the grouped ungrouped waits
  std::uint32_t group;                  // its index in the grouped waits' keys, if there
};

}  // namespace

void FlowItems::reserve(std::size_t itemCount, std::size_t events, std::size_t allItems) {
  codes.reserve(itemCount, allItems);
  variants.reserve(itemCount, events);
  throughput.reserve(itemCount);
  populate(throughput.data(), itemCount * sizeof(std::int64_t));  // one a item: written whole
}

void mergeFlowItems(const std::vector<FlowItems*>& chunks, const DenseIds& acts,
                    const FlowOptions& options, FlowResult& r,
                    const std::function<void()>& alongside) {
  for (const auto* c : chunks) {
    r.items += c->items;
    r.hasLifecycle = r.hasLifecycle || c->hasLifecycle;
  }
  r.startActivities = byCount(acts, chunks, false);
  r.endActivities = byCount(acts, chunks, true);
  // Two independent tasks over the threads: the variants (a serial merge), and the item
  // durations with whatever the caller runs alongside.
  parallelChunks<int>(0, 2, options.threads, [&](std::size_t begin, std::size_t end, int&) {
    for (std::size_t task = begin; task < end; ++task) {
      if (task == 0) {
        mergeVariants(chunks, acts, options, r);
        continue;
      }
      // Service and waiting times are kept separately if any chunk kept them.
      const bool separate =
          std::any_of(chunks.begin(), chunks.end(), [](const FlowItems* c) { return c->separate; });
      for (auto* c : chunks)
        if (separate && !c->separate) c->keepSeparate();
      // One chunk: its own vectors (no copy into fresh pages).
      std::vector<std::int64_t> throughput, service, waiting;
      for (auto* c : chunks) {
        for (auto [into, from] : {std::pair(&throughput, &c->throughput),
                                  std::pair(&service, &c->service),
                                  std::pair(&waiting, &c->waiting)}) {
          if (into->empty())
            into->swap(*from);
          else
            into->insert(into->end(), from->begin(), from->end());
        }
      }
      r.throughput = summarize(throughput);
      if (separate) {
        r.serviceTime = summarize(service);
        r.waitingTime = summarize(waiting);
      } else {  // each item's service time 0, its waiting time its throughput
        r.serviceTime = {};
        r.serviceTime.count = r.throughput.count;
        r.waitingTime = r.throughput;
      }
      if (alongside) alongside();
    }
  });
}

void sortEdges(std::vector<DfgEdge>& edges) {
  std::sort(edges.begin(), edges.end(), [](const DfgEdge& a, const DfgEdge& b) {
    if (a.duration.sum != b.duration.sum) return a.duration.sum > b.duration.sum;
    return std::pair(a.from, a.to) < std::pair(b.from, b.to);
  });
}

std::vector<DfgEdge> edgesOf(const DenseIds& acts, std::span<const std::uint64_t> key,
                             std::span<const std::uint32_t> first,
                             std::span<const std::uint32_t> last, std::int64_t* wait,
                             std::span<const DurationStats> stats, const UngroupedWaits& ungrouped,
                             unsigned threads) {
  const std::uint64_t nA = acts.size();
  WaitGroups extra;
  groupWaits(
      ungrouped.key.size(), std::max<std::uint64_t>(1, nA * nA),
      [&](std::size_t i) { return ungrouped.key[i]; }, ungrouped.wait, nullptr, extra, threads);
  // Both key lists are ascending: one walk pairs each edge's two ranges.
  std::vector<EdgeWaits> all;
  std::size_t i = 0, j = 0;
  while (i < key.size() || j < extra.size()) {
    const bool fromGroups = j == extra.size() || (i < key.size() && key[i] <= extra.key[j]);
    const bool fromExtra = i == key.size() || (j < extra.size() && extra.key[j] <= key[i]);
    EdgeWaits e{fromGroups ? key[i] : extra.key[j], 0, 0, 0, 0, 0};
    if (fromGroups) e.first = first[i], e.last = last[i], e.group = static_cast<std::uint32_t>(i++);
    if (fromExtra) e.extraFirst = extra.begin[j], e.extraLast = extra.begin[j + 1], ++j;
    all.push_back(e);
  }
  std::vector<std::uint64_t> workBefore{0};  // the waits of the edges before each
  for (const auto& e : all)
    workBefore.push_back(workBefore.back() + (e.last - e.first) + (e.extraLast - e.extraFirst));
  auto parts = parallelChunksByWork<std::vector<DfgEdge>>(
      0, all.size(), threads, [&](std::size_t k) { return workBefore[k]; },
      [&](std::size_t begin, std::size_t end, auto& out) {
        std::vector<std::int64_t> both;
        for (std::size_t k = begin; k < end; ++k) {
          const auto& e = all[k];
          DfgEdge edge{acts.id(static_cast<std::uint32_t>(e.key / nA)),
                       acts.id(static_cast<std::uint32_t>(e.key % nA)),
                       {}};
          if (e.extraFirst == e.extraLast) {
            edge.duration = stats[e.group];  // the same waits: their figures as they are
          } else if (e.first == e.last) {
            edge.duration =
                summarize(extra.wait.data() + e.extraFirst, extra.wait.data() + e.extraLast);
          } else {
            both.assign(wait + e.first, wait + e.last);
            both.insert(both.end(), extra.wait.data() + e.extraFirst,
                        extra.wait.data() + e.extraLast);
            edge.duration = summarize(both);
          }
          out.push_back(edge);
        }
      });
  std::vector<DfgEdge> edges;
  edges.reserve(all.size());
  for (auto& part : parts) edges.insert(edges.end(), part.begin(), part.end());
  sortEdges(edges);
  return edges;
}

}  // namespace orglens::analysis::detail
