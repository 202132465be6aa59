#include "analysis/betweenness.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <map>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>

#include "analysis/parallel.h"

namespace orglens::analysis {
namespace {

constexpr std::size_t kChunk = 32;  // sources per chunk: fixed, never from the thread count
constexpr double kEpsilon = 1e-10;  // relative tolerance of equal weighted path lengths

/// Work space of one source's search, reused across sources.
struct Search {
  std::vector<double> sigma, delta, dist;
  std::vector<std::uint32_t> order;  // nodes in non-decreasing distance
  std::vector<std::vector<std::uint32_t>> preds;
  explicit Search(std::size_t n) : sigma(n), delta(n), dist(n), preds(n) { order.reserve(n); }
  void reset() {
    for (auto v : order) {
      sigma[v] = 0;
      delta[v] = 0;
      dist[v] = -1;
      preds[v].clear();
    }
    order.clear();
  }
};

/// Breadth-first search from s: distances, path counts σ and the visiting order. The
/// predecessors are not stored: accumulatePull finds them again from the distances.
void bfs(const Graph& g, std::uint32_t s, Search& w) {
  w.sigma[s] = 1;
  w.dist[s] = 0;
  w.order.push_back(s);
  for (std::size_t head = 0; head < w.order.size(); ++head) {
    const auto v = w.order[head];
    const double next = w.dist[v] + 1;
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (w.dist[u] < 0) {
        w.dist[u] = next;
        w.order.push_back(u);
      }
      if (w.dist[u] == next) w.sigma[u] += w.sigma[v];
    }
  }
}

int compareLength(double a, double b) {
  if (std::fabs(a - b) <= kEpsilon * std::max(std::fabs(a), std::fabs(b))) return 0;
  return a < b ? -1 : 1;
}

void dijkstra(const Graph& g, std::uint32_t s, Search& w, std::vector<char>& done) {
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  std::vector<std::uint32_t> seen{s};
  w.dist[s] = 0;
  w.sigma[s] = 1;
  heap.push({0.0, s});
  while (!heap.empty()) {
    const auto [d, v] = heap.top();
    heap.pop();
    if (done[v] || d != w.dist[v]) continue;
    done[v] = 1;
    w.order.push_back(v);
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (done[u]) continue;
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
  // Reset marks of nodes reached (settled ones are in order and reset by Search::reset).
  for (auto v : seen) done[v] = 0;
}

/// Adds source s's dependencies to acc (Brandes' back-propagation).
void accumulate(std::uint32_t s, Search& w, std::vector<double>& acc) {
  for (auto i = w.order.size(); i-- > 0;) {
    const auto v = w.order[i];
    for (auto p : w.preds[v]) w.delta[p] += w.sigma[p] / w.sigma[v] * (1.0 + w.delta[v]);
    if (v != s) acc[v] += w.delta[v];
  }
}

/// Unweighted: the same dependencies, each node pulling from its successors (neighbours one
/// step further from s) in neighbour order, so that no predecessor lists are needed.
void accumulatePull(const Graph& g, std::uint32_t s, Search& w, std::vector<double>& acc) {
  for (auto i = w.order.size(); i-- > 0;) {
    const auto v = w.order[i];
    const double next = w.dist[v] + 1, sigma = w.sigma[v];
    double delta = 0;
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (w.dist[u] == next) delta += sigma / w.sigma[u] * (1.0 + w.delta[u]);
    }
    w.delta[v] = delta;
    if (v != s) acc[v] += delta;
  }
}

/// SplitMix64 (Steele et al. 2014): the same sequence on every platform.
struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, bound), bound > 0 (rejection, no modulo bias).
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    for (;;)
      if (const auto x = next(); x < limit) return x % bound;
  }
};

/// k distinct nodes of [0, n), uniformly (partial Fisher–Yates), in ascending order; all
/// nodes when k >= n.
std::vector<std::uint32_t> chooseSources(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<std::uint32_t> nodes(n);
  for (std::size_t v = 0; v < n; ++v) nodes[v] = static_cast<std::uint32_t>(v);
  if (k >= n) return nodes;
  SplitMix rng{seed};
  for (std::size_t i = 0; i < k; ++i) std::swap(nodes[i], nodes[i + rng.below(n - i)]);
  nodes.resize(k);
  std::sort(nodes.begin(), nodes.end());
  return nodes;
}

/// Σ over `sources` of their dependencies, per node (each pair counted from both ends when
/// every node is a source). False when cancelled.
bool sumDependencies(const Graph& g, const std::vector<std::uint32_t>& sources,
                     const BetweennessOptions& options, model::Progress& progress,
                     std::vector<double>& raw) {
  const std::size_t n = g.nodeCount();
  const std::size_t chunks = (sources.size() + kChunk - 1) / kChunk;
  std::atomic<std::size_t> nextChunk{0};
  std::atomic<bool> stop{false};
  std::mutex merge;
  std::map<std::size_t, std::vector<double>> finished;  // chunks waiting for their turn
  std::size_t nextMerge = 0;
  const auto worker = [&] {
    Search w(n);
    std::fill(w.dist.begin(), w.dist.end(), -1.0);
    std::vector<char> done(n, 0);
    for (std::size_t c; !stop && (c = nextChunk++) < chunks;) {
      std::vector<double> acc(n, 0.0);
      for (std::size_t i = c * kChunk; i < std::min(sources.size(), (c + 1) * kChunk); ++i) {
        const auto source = sources[i];
        if (options.weighted) {
          dijkstra(g, source, w, done);
          accumulate(source, w, acc);
        } else {
          bfs(g, source, w);
          accumulatePull(g, source, w, acc);
        }
        w.reset();
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
  const auto sources = chooseSources(n, k == 0 ? n : k, options.seed);
  r.sources = sources.size();
  r.estimated = sources.size() < n;
  if (!sumDependencies(g, sources, options, progress, r.raw)) {
    r.cancelled = true;
    return r;
  }
  // Every unordered pair was counted from both ends; a sample stands for n / k of the sources.
  const double scale =
      r.estimated ? static_cast<double>(n) / static_cast<double>(sources.size()) / 2 : 0.5;
  for (auto& b : r.raw) b *= scale;
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
