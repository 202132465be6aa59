#include "analysis/betweenness_core.h"

#include <algorithm>
#include <utility>

#include "model/splitmix.h"

namespace orglens::analysis::detail {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

/// SplitMix64 (Steele et al. 2014): the same sequence on every platform.
struct SplitMix {
  std::uint64_t state;
  std::uint64_t next() { return model::splitMix64(state); }
  /// Uniform in [0, bound), bound > 0 (rejection, no modulo bias).
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    for (;;)
      if (const auto x = next(); x < limit) return x % bound;
  }
};

/// The nodes with keep[v] in a cache-friendly order (Cuthill–McKee style): a breadth-first
/// search from the node of highest degree, each node's unvisited neighbours appended in
/// decreasing degree (ties: lower id first); further components from their highest-degree node.
/// Nodes searched one after the other then touch nearby memory.
std::vector<std::uint32_t> localityOrder(const Graph& g, const std::vector<char>& keep) {
  const std::size_t n = g.nodeCount();
  std::vector<std::uint32_t> degree(n, 0), byDegree, order, next;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (!keep[v]) continue;
    byDegree.push_back(v);
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) degree[v] += keep[g.targets[k]];
  }
  const auto higher = [&](std::uint32_t a, std::uint32_t b) {
    return degree[a] != degree[b] ? degree[a] > degree[b] : a < b;
  };
  std::sort(byDegree.begin(), byDegree.end(), higher);
  std::vector<char> seen(n, 0);
  order.reserve(byDegree.size());
  for (auto root : byDegree) {
    if (seen[root]) continue;
    seen[root] = 1;
    const std::size_t start = order.size();
    order.push_back(root);
    for (std::size_t h = start; h < order.size(); ++h) {
      next.clear();
      const auto v = order[h];
      for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
        if (const auto u = g.targets[k]; keep[u] && !seen[u]) {
          seen[u] = 1;
          next.push_back(u);
        }
      std::sort(next.begin(), next.end(), higher);
      order.insert(order.end(), next.begin(), next.end());
    }
  }
  return order;
}

}  // namespace

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

/// The core of g keeping the nodes with keep[v] (ties between them only), renumbered in
/// localityOrder, with mass per node.
Core coreOf(const Graph& g, const std::vector<char>& keep, const std::vector<double>& mass) {
  Core c;
  c.input = localityOrder(g, keep);
  std::vector<std::uint32_t> id(g.nodeCount(), kNone);
  for (std::uint32_t i = 0; i < c.input.size(); ++i) {
    id[c.input[i]] = i;
    c.mass.push_back(mass[c.input[i]]);
  }
  std::vector<std::pair<std::uint32_t, double>> row;
  for (auto v : c.input) {
    row.clear();
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
      if (id[g.targets[k]] != kNone) row.emplace_back(id[g.targets[k]], g.weights[k]);
    std::sort(row.begin(), row.end());
    for (auto [t, w] : row) {
      c.targets.push_back(t);
      c.weights.push_back(w);
    }
    c.offsets.push_back(static_cast<std::uint32_t>(c.targets.size()));
  }
  return c;
}

/// Removes pendant trees: every node of degree one (counting remaining ties) goes, its subtree
/// size added to the neighbour it hangs from, until none is left (a tree component shrinks to
/// one node). Adds to raw the betweenness that the trees give exactly (every path into a tree
/// passes through the node it hangs from): a tree node x (and a core node, for its trees) lies
/// between every two of its child subtrees, and between its own subtree (bar x) and the rest
/// of its connected component. Returns the core with its masses.
Core pruneTrees(const Graph& g, std::vector<double>& raw) {
  const std::size_t n = g.nodeCount();
  std::vector<std::uint32_t> degree(n), parent(n, kNone), component(n, kNone), queue;
  std::vector<double> sub(n, 1.0), childSquares(n, 0.0), componentSize;
  for (std::uint32_t v = 0; v < n; ++v) {
    degree[v] = g.degree(v);
    if (degree[v] == 1) queue.push_back(v);
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto v = queue[head];
    if (degree[v] != 1) continue;  // its last neighbour went first: v is its tree's root
    degree[v] = 0;
    auto k = g.offsets[v];
    while (parent[g.targets[k]] != kNone) ++k;  // the one neighbour not removed
    const auto p = g.targets[k];
    parent[v] = p;
    childSquares[p] += sub[v] * sub[v];
    sub[p] += sub[v];
    if (--degree[p] == 1) queue.push_back(p);
  }
  // Components (of the input graph) and their sizes.
  std::vector<std::uint32_t> stack;
  for (std::uint32_t r = 0; r < n; ++r) {
    if (component[r] != kNone) continue;
    const auto id = static_cast<std::uint32_t>(componentSize.size());
    double size = 0;
    component[r] = id;
    stack.assign(1, r);
    while (!stack.empty()) {
      const auto v = stack.back();
      stack.pop_back();
      ++size;
      for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
        if (component[g.targets[k]] == kNone) {
          component[g.targets[k]] = id;
          stack.push_back(g.targets[k]);
        }
    }
    componentSize.push_back(size);
  }
  std::vector<char> keep(n);
  for (std::uint32_t v = 0; v < n; ++v) {
    keep[v] = parent[v] == kNone;
    const double below = sub[v] - 1;  // nodes of v's trees, v left out
    const double between = (below * below - childSquares[v]) / 2;
    raw[v] += between + below * (componentSize[component[v]] - sub[v]);
  }
  return coreOf(g, keep, sub);
}

}  // namespace orglens::analysis::detail
