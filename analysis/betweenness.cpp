#include "analysis/betweenness.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>

#include "analysis/betweenness_core.h"
#include "analysis/parallel.h"

namespace orglens::analysis {
namespace {

using detail::Core;
using detail::chooseSources;
using detail::coreOf;
using detail::pruneTrees;

constexpr std::size_t kChunk = 32;  // sources per chunk: fixed, never from the thread count
constexpr double kEpsilon = 1e-10;  // relative tolerance of equal weighted path lengths

constexpr unsigned kLanes = 8;  // unweighted: sources searched together, one per lane
using Lanes = std::uint8_t;     // a set of lanes: bit l stands for lane l

/// Per set of lanes, per lane: all ones if the lane is in the set, else zero. ANDing a value
/// with it keeps or zeroes the value, so a sum over the lanes of a set needs no branch per lane
/// (the sets are irregular: such branches mispredict) and compiles to a few vector operations.
constexpr auto kLaneMasks = [] {
  std::array<std::array<std::uint64_t, kLanes>, 1u << kLanes> masks{};
  for (unsigned set = 0; set < masks.size(); ++set)
    for (unsigned l = 0; l < kLanes; ++l) masks[set][l] = (set >> l & 1) ? ~std::uint64_t{0} : 0;
  return masks;
}();

/// to[l] += from[l] for the lanes l in `set`; the other lanes of `to` keep their values (x + 0
/// is x for every x >= 0, and the values here are never negative).
inline void addLanes(double* __restrict to, const double* __restrict from, Lanes set) {
  const auto& mask = kLaneMasks[set];
  for (unsigned l = 0; l < kLanes; ++l)
    to[l] += std::bit_cast<double>(std::bit_cast<std::uint64_t>(from[l]) & mask[l]);
}

/// Per node of a single-source search: σ while searching forward, then (mass + δ) / σ once
/// its dependency δ is known; dist < 0 for nodes not reached.
struct Slot {
  double value;
  std::int32_t dist;
};

/// Work space of one thread, reused across sources.
struct Search {
  // Unweighted, per batch of up to kLanes sources (see countPaths and propagate):
  std::vector<double> value;              // n × kLanes: σ, then (mass + δ) / σ
  std::vector<Lanes> seen, fresh, below;  // per node
  // Entries (node, lanes), level after level. A node has at most kLanes entries, but in
  // a small-world graph about two per batch: left uninitialised, untouched pages are never
  // committed.
  std::unique_ptr<std::uint32_t[]> node;
  std::unique_ptr<Lanes[]> lanes;
  std::vector<std::size_t> levels;  // start of each level's entries, then their end
  std::size_t reached = 0;          // distinct nodes the batch reached
  // Unweighted, one source at a time (see searchOne), allocated on first use:
  std::vector<Slot> slot;
  std::vector<std::uint32_t> queue, succ, first;
  // Weighted (Dijkstra) only:
  std::vector<double> sigma, delta, dist;
  std::vector<std::vector<std::uint32_t>> preds;
  std::vector<std::uint32_t> order;  // settled nodes in non-decreasing distance
  std::vector<char> done;
  Search(std::size_t n, bool weighted) {
    if (!weighted) {
      value.assign(n * kLanes, 0.0);
      seen.assign(n, 0);
      fresh.assign(n, 0);
      below.assign(n, 0);
      node = std::make_unique_for_overwrite<std::uint32_t[]>(n * kLanes);
      lanes = std::make_unique_for_overwrite<Lanes[]>(n * kLanes);
      return;
    }
    sigma.assign(n, 0.0);
    delta.assign(n, 0.0);
    dist.assign(n, -1.0);
    preds.resize(n);
    done.assign(n, 0);
  }
};

/// Unweighted, forward: sources[0 .. count), count <= kLanes, source l in lane l, searched
/// together by one level-synchronous breadth-first search (the "multi-source BFS" idea). Each
/// level is a list of entries (v, lanes): the lanes whose search reaches v at that distance,
/// in w.node / w.lanes from w.levels[d] to w.levels[d + 1]. The sources of a batch are
/// neighbours in locality order, and in a small-world graph they reach most nodes at only one
/// or two distances, so one pass over v's ties serves several sources. Per lane this counts
/// σ(u) = Σ σ(v) over the neighbours v one step nearer, as a single search would.
void countPaths(const Core& g, const std::uint32_t* sources, unsigned count, Search& w) {
  double* value = w.value.data();
  Lanes* seen = w.seen.data();    // lanes that reached the node before the current level
  Lanes* fresh = w.fresh.data();  // lanes that reach the node at the level being found
  std::uint32_t* node = w.node.get();
  Lanes* lanes = w.lanes.get();
  const std::uint32_t* off = g.offsets.data();
  const std::uint32_t* to = g.targets.data();
  std::size_t size = 0;
  for (unsigned l = 0; l < count; ++l) {
    const auto s = sources[l];
    if (!fresh[s]) node[size++] = s;
    fresh[s] |= static_cast<Lanes>(1u << l);
    value[std::size_t{s} * kLanes + l] = 1.0;
  }
  w.levels.assign(1, 0);
  w.reached = 0;
  for (;;) {
    // Close the level just found: its entries take their lanes, which count as seen from now.
    const std::size_t begin = w.levels.back();
    if (begin == size) break;
    for (std::size_t i = begin; i < size; ++i) {
      const auto u = node[i];
      lanes[i] = fresh[u];
      w.reached += seen[u] == 0;
      seen[u] |= fresh[u];
      fresh[u] = 0;
    }
    w.levels.push_back(size);
    // Expand it: a neighbour not yet seen by a lane of v is one step further in that lane.
    for (std::size_t i = begin, end = size; i < end; ++i) {
      const auto v = node[i];
      const Lanes from = lanes[i];
      const double* sigma = value + std::size_t{v} * kLanes;
      for (auto k = off[v], stop = off[v + 1]; k < stop; ++k) {
        const auto x = to[k];
        const Lanes add = from & ~seen[x];
        if (!add) continue;
        if (!fresh[x]) node[size++] = x;
        fresh[x] |= add;
        addLanes(value + std::size_t{x} * kLanes, sigma, add);
      }
    }
  }
}

/// Sets w.below to the lanes of each entry of level d (on), or clears it (off) and with it the
/// entries' values and `seen`, so that nothing is left for the next batch. Nothing beyond the
/// last level.
void markLevel(Search& w, std::size_t d, bool on) {
  if (d + 1 >= w.levels.size()) return;
  for (std::size_t i = w.levels[d]; i < w.levels[d + 1]; ++i) {
    const auto u = w.node[i];
    w.below[u] = on ? w.lanes[i] : 0;
    if (on) continue;
    w.seen[u] = 0;
    for (unsigned set = w.lanes[i]; set; set &= set - 1)
      w.value[std::size_t{u} * kLanes + static_cast<unsigned>(std::countr_zero(set))] = 0.0;
  }
}

/// Unweighted, backward, after countPaths: Brandes' back-propagation level by level, deepest
/// first, each node pulling from its successors (neighbours one step further in the same lane)
/// in adjacency order: δ(v) = σ(v) Σ_succ (mass(u) + δ(u)) / σ(u), the same arithmetic as a
/// single search. Adds Σ_l mass(source l)·δ_l(v) to acc[v] and leaves w clean.
void propagate(const Core& g, const std::uint32_t* sources, unsigned count, Search& w,
               std::vector<double>& acc) {
  double* value = w.value.data();
  const Lanes* below = w.below.data();  // lanes in which the node is one level further
  const std::uint32_t* off = g.offsets.data();
  const std::uint32_t* to = g.targets.data();
  double sourceMass[kLanes];
  for (unsigned l = 0; l < count; ++l) sourceMass[l] = g.mass[sources[l]];
  const std::size_t depth = w.levels.size() - 1;  // levels 0 .. depth − 1
  // Level 0 holds the sources: their dependencies are not needed.
  for (std::size_t d = depth; d-- > 1;) {
    markLevel(w, d + 2, false);  // read by level d + 1 only, which is done
    markLevel(w, d + 1, true);
    for (std::size_t i = w.levels[d]; i < w.levels[d + 1]; ++i) {
      const auto v = w.node[i];
      const Lanes at = w.lanes[i];
      double sum[kLanes] = {};
      for (auto k = off[v], stop = off[v + 1]; k < stop; ++k)
        if (const Lanes succ = at & below[to[k]])
          addLanes(sum, value + std::size_t{to[k]} * kLanes, succ);
      // σ(v) becomes (mass(v) + δ(v)) / σ(v) in each lane of the entry.
      double* slot = value + std::size_t{v} * kLanes;
      double total = 0;
      for (unsigned set = at; set; set &= set - 1) {
        const auto l = static_cast<unsigned>(std::countr_zero(set));
        const double sigma = slot[l], delta = sigma * sum[l];
        slot[l] = (g.mass[v] + delta) / sigma;
        total += sourceMass[l] * delta;
      }
      acc[v] += total;
    }
  }
  for (std::size_t d = 0; d < 3; ++d) markLevel(w, d, false);  // the levels not yet cleared
}

/// Unweighted, one source s: a breadth-first search with a flat queue counting σ that also
/// writes each node's successors to a flat list, then the back-propagation over those lists.
/// Cheaper than a batch where the sources of a batch reach a node at many different distances
/// (graphs of long diameter, such as grids); same arithmetic per source.
void searchOne(const Core& g, std::uint32_t s, Search& w, std::vector<double>& acc) {
  if (w.slot.empty()) {
    w.slot.assign(g.size(), Slot{0.0, -1});
    w.queue.resize(g.size());
    w.succ.resize(g.targets.size());
    w.first.resize(g.size() + 1);
  }
  Slot* slot = w.slot.data();
  std::uint32_t* queue = w.queue.data();
  std::uint32_t* succ = w.succ.data();
  std::uint32_t* first = w.first.data();  // per queue position: start of its successors
  std::size_t tail = 0;
  std::uint32_t written = 0;
  slot[s] = {1.0, 0};
  queue[tail++] = s;
  for (std::size_t head = 0; head < tail; ++head) {
    const auto v = queue[head];
    const std::int32_t next = slot[v].dist + 1;
    const double sigma = slot[v].value;
    first[head] = written;
    for (auto k = g.offsets[v], end = g.offsets[v + 1]; k < end; ++k) {
      const auto x = g.targets[k];
      Slot& u = slot[x];
      if (u.dist < 0) {
        u = {sigma, next};
        queue[tail++] = x;
        succ[written++] = x;
      } else if (u.dist == next) {
        u.value += sigma;
        succ[written++] = x;
      }
    }
  }
  first[tail] = written;
  // Each node's distance is reset to "unreached" as it is passed: nothing is left for the
  // next source.
  for (std::size_t i = tail; i-- > 1;) {  // queue[0] is s: its dependency is not needed
    const auto v = queue[i];
    double sum = 0;
    for (auto k = first[i]; k < first[i + 1]; ++k) sum += slot[succ[k]].value;
    const double sigma = slot[v].value, delta = sigma * sum;
    slot[v] = {(g.mass[v] + delta) / sigma, -1};
    acc[v] += g.mass[s] * delta;
  }
  slot[s].dist = -1;
}

/// Whether unweighted sources should be searched in batches: true when probe batches (the
/// first, and three more spread over `sources`) have at most kMaxEntries entries per node they
/// reach, i.e. save at least kLanes / kMaxEntries passes over a node's ties. Small-world graphs
/// share far more, graphs of long diameter (grids, rings) less. One choice for the whole graph:
/// it never depends on the thread count, and both ways give the same values to rounding.
bool batchesPay(const Core& g, const std::vector<std::uint32_t>& sources) {
  // Measured on 12,000 nodes (entries per node in the probes: CPU of batches / single sources):
  // Barabási–Albert m = 2, 3, 5 and the e-mail shape 1.9-2.1: 0.6x; Erdős–Rényi mean degree 6
  // 2.7: 0.84x; ring lattice k = 5 with 20 % shortcuts 2.6: 0.85x; Erdős–Rényi mean degree 3
  // 3.5: 1.09x; ring lattices k = 3 with 1-5 % shortcuts 3.7-3.8: 1.07-1.10x; grids 5.0: 2.1x.
  constexpr double kMaxEntries = 3.0;
  const auto count = static_cast<unsigned>(std::min<std::size_t>(kLanes, sources.size()));
  Search probe(g.size(), false);
  double entries = 0, reached = 0;
  for (std::size_t q = 0; q < 4; ++q) {
    countPaths(g, sources.data() + q * (sources.size() - count) / 4, count, probe);
    entries += static_cast<double>(probe.levels.back());
    reached += static_cast<double>(probe.reached);
    for (std::size_t d = 0; d + 1 < probe.levels.size(); ++d) markLevel(probe, d, false);
  }
  return entries <= kMaxEntries * reached;
}

int compareLength(double a, double b) {
  if (std::fabs(a - b) <= kEpsilon * std::max(std::fabs(a), std::fabs(b))) return 0;
  return a < b ? -1 : 1;
}

/// Weighted source s: Dijkstra with predecessor lists, then the back-propagation.
void searchWeighted(const Core& g, std::uint32_t s, Search& w, std::vector<double>& acc) {
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  std::vector<std::uint32_t> seen{s};
  w.dist[s] = 0;
  w.sigma[s] = 1;
  heap.push({0.0, s});
  while (!heap.empty()) {
    const auto [d, v] = heap.top();
    heap.pop();
    if (w.done[v] || d != w.dist[v]) continue;
    w.done[v] = 1;
    w.order.push_back(v);
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (w.done[u]) continue;
      const double length = d + 1.0 / g.weights[k];
      const int c = w.dist[u] < 0 ? -1 : compareLength(length, w.dist[u]);
      if (w.dist[u] < 0) seen.push_back(u);
      if (c < 0) {
        w.dist[u] = length;
        w.sigma[u] = w.sigma[v];
        w.preds[u].assign(1, v);
        heap.push({length, u});
      } else if (c == 0) {
        w.sigma[u] += w.sigma[v];
        w.preds[u].push_back(v);
      }
    }
  }
  const double sourceMass = g.mass[s];
  for (auto i = w.order.size(); i-- > 0;) {
    const auto v = w.order[i];
    for (auto p : w.preds[v]) w.delta[p] += w.sigma[p] / w.sigma[v] * (g.mass[v] + w.delta[v]);
    if (v != s) acc[v] += sourceMass * w.delta[v];
  }
  for (auto v : seen) {
    w.sigma[v] = 0;
    w.delta[v] = 0;
    w.dist[v] = -1;
    w.preds[v].clear();
    w.done[v] = 0;
  }
  w.order.clear();
}

/// Σ over `sources` (core ids) of mass(s)·δ_s(v), per core node (each pair counted from both
/// ends when every node is a source). False when cancelled.
bool sumDependencies(const Core& g, const std::vector<std::uint32_t>& sources,
                     const BetweennessOptions& options, model::Progress& progress,
                     std::vector<double>& raw) {
  const std::size_t n = g.size();
  const std::size_t chunks = (sources.size() + kChunk - 1) / kChunk;
  std::atomic<std::size_t> nextChunk{0};
  std::atomic<bool> stop{false};
  std::mutex merge;
  std::map<std::size_t, std::vector<double>> finished;  // chunks waiting for their turn
  std::size_t nextMerge = 0;
  const bool batched = !options.weighted && batchesPay(g, sources);
  const auto worker = [&] {
    Search w(n, options.weighted);
    for (std::size_t c; !stop && (c = nextChunk++) < chunks;) {
      std::vector<double> acc(n, 0.0);
      const std::size_t last = std::min(sources.size(), (c + 1) * kChunk);
      for (std::size_t i = c * kChunk; i < last;) {
        if (options.weighted) {
          searchWeighted(g, sources[i++], w, acc);
        } else if (!batched) {
          searchOne(g, sources[i++], w, acc);
        } else {  // batches of kLanes (the chunk's last one may be smaller)
          const auto count = static_cast<unsigned>(std::min<std::size_t>(kLanes, last - i));
          countPaths(g, &sources[i], count, w);
          propagate(g, &sources[i], count, w, acc);
          i += count;
        }
      }
      std::lock_guard lock(merge);
      finished.emplace(c, std::move(acc));
      // Add every chunk whose predecessors are in, in chunk order.
      for (auto it = finished.begin(); it != finished.end() && it->first == nextMerge;) {
        for (std::size_t v = 0; v < n; ++v) raw[v] += it->second[v];
        it = finished.erase(it);
        ++nextMerge;
      }
      if (progress.cancelled()) stop = true;
    }
  };
  const unsigned threads = threadCount(options.threads, chunks);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return !stop;
}

}  // namespace

BetweennessResult computeBetweenness(const Graph& g, const BetweennessOptions& options,
                                     model::Progress& progress) {
  const std::size_t n = g.nodeCount();
  if (!(options.confidence > 0 && options.confidence < 1))
    throw std::invalid_argument("betweenness: confidence must be in (0, 1)");
  BetweennessResult r;
  r.raw.assign(n, 0.0);
  std::size_t k = options.sampleSources;
  if (k == 0 && n > kExactNodeLimit) k = kAutoSampleSources;
  r.estimated = k != 0 && k < n;
  std::vector<double> trees(n, 0.0);  // exact: what the pendant trees give
  Core core;
  std::vector<std::uint32_t> sources;
  if (r.estimated) {
    core = coreOf(g, std::vector<char>(n, 1), std::vector<double>(n, 1.0));
    sources = chooseSources(n, k, options.seed);
  } else {
    core = pruneTrees(g, trees);
    sources = chooseSources(core.size(), core.size(), options.seed);
  }
  r.sources = r.estimated ? sources.size() : n;
  std::vector<double> sums(core.size(), 0.0);
  if (!sumDependencies(core, sources, options, progress, sums)) {
    r.cancelled = true;
    return r;
  }
  // Every unordered pair was counted from both ends; a sample stands for n / k of the sources.
  const double scale =
      r.estimated ? static_cast<double>(n) / static_cast<double>(sources.size()) / 2 : 0.5;
  for (std::size_t v = 0; v < n; ++v) r.raw[v] = trees[v];
  for (std::size_t v = 0; v < core.size(); ++v) r.raw[core.input[v]] += sums[v] * scale;
  const double pairs = n < 3 ? 0.0 : static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2;
  r.normalised.resize(n);
  for (std::size_t v = 0; v < n; ++v) r.normalised[v] = pairs > 0 ? r.raw[v] / pairs : 0.0;
  if (r.estimated && n >= 3) {
    const double nd = static_cast<double>(n), delta = 1.0 - options.confidence;
    r.errorBound =
        nd / (nd - 1) * std::sqrt(std::log(2 * nd / delta) / (2 * static_cast<double>(r.sources)));
  }
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
