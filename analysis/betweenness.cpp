#include "analysis/betweenness.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <map>
#include <mutex>
#include <queue>
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

void bfs(const Graph& g, std::uint32_t s, Search& w) {
  w.sigma[s] = 1;
  w.dist[s] = 0;
  w.order.push_back(s);
  for (std::size_t head = 0; head < w.order.size(); ++head) {
    const auto v = w.order[head];
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (w.dist[u] < 0) {
        w.dist[u] = w.dist[v] + 1;
        w.order.push_back(u);
      }
      if (w.dist[u] == w.dist[v] + 1) {
        w.sigma[u] += w.sigma[v];
        w.preds[u].push_back(v);
      }
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

}  // namespace

BetweennessResult computeBetweenness(const Graph& g, const BetweennessOptions& options,
                                     model::Progress& progress) {
  const std::size_t n = g.nodeCount();
  BetweennessResult r;
  r.raw.assign(n, 0.0);
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
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
      for (std::size_t s = c * kChunk; s < std::min(n, (c + 1) * kChunk); ++s) {
        const auto source = static_cast<std::uint32_t>(s);
        options.weighted ? dijkstra(g, source, w, done) : bfs(g, source, w);
        accumulate(source, w, acc);
        w.reset();
      }
      std::lock_guard lock(merge);
      finished.emplace(c, std::move(acc));
      // Add every chunk whose predecessors are in, in chunk order.
      for (auto it = finished.begin(); it != finished.end() && it->first == nextMerge;) {
        for (std::size_t v = 0; v < n; ++v) r.raw[v] += it->second[v];
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
  if (stop) {
    r.cancelled = true;
    return r;
  }
  // Every unordered pair was counted from both ends.
  for (auto& b : r.raw) b /= 2;
  const double pairs = n < 3 ? 0.0 : static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2;
  r.normalised.resize(n);
  for (std::size_t v = 0; v < n; ++v) r.normalised[v] = pairs > 0 ? r.raw[v] / pairs : 0.0;
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
