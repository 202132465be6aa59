#include "analysis/graph_structure.h"

#include <algorithm>

namespace orglens::analysis {

namespace {

/// Depth-first discovery times, low-links and DFS-tree parents of every node (Hopcroft–Tarjan),
/// iterative so that deep graphs cannot overflow the stack. A root is its own parent. Both
/// articulation points and bridges are read off these arrays. O(n + m).
struct LowLinks {
  std::vector<std::uint32_t> discovered, low, parent;
};

LowLinks lowLinks(const Graph& g) {
  const std::size_t n = g.nodeCount();
  constexpr std::uint32_t kUnseen = 0;
  LowLinks l{std::vector<std::uint32_t>(n, kUnseen), std::vector<std::uint32_t>(n, 0),
             std::vector<std::uint32_t>(n, 0)};
  std::vector<std::uint32_t> next(n, 0), stack;
  std::uint32_t clock = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (l.discovered[root] != kUnseen) continue;
    l.discovered[root] = l.low[root] = ++clock;
    l.parent[root] = root;
    next[root] = g.offsets[root];
    stack.assign(1, root);
    while (!stack.empty()) {
      const auto v = stack.back();
      if (next[v] < g.offsets[v + 1]) {
        const auto u = g.targets[next[v]++];
        if (l.discovered[u] == kUnseen) {
          l.discovered[u] = l.low[u] = ++clock;
          l.parent[u] = v;
          next[u] = g.offsets[u];
          stack.push_back(u);
        } else if (u != l.parent[v]) {  // parallel ties are merged: the tree tie is unique
          l.low[v] = std::min(l.low[v], l.discovered[u]);
        }
        continue;
      }
      stack.pop_back();
      if (v != root) l.low[l.parent[v]] = std::min(l.low[l.parent[v]], l.low[v]);
    }
  }
  return l;
}

}  // namespace

std::vector<std::uint32_t> articulationPoints(const Graph& g) {
  const std::size_t n = g.nodeCount();
  const auto l = lowLinks(g);
  // A non-root p is a cut point when a DFS child v cannot reach above p; a root when it has
  // more than one DFS child.
  std::vector<char> cut(n, 0);
  std::vector<std::uint32_t> rootChildren(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    const auto p = l.parent[v];
    if (p == v) continue;
    if (l.parent[p] == p)
      ++rootChildren[p];
    else if (l.low[v] >= l.discovered[p])
      cut[p] = 1;
  }
  std::vector<std::uint32_t> out;
  for (std::uint32_t v = 0; v < n; ++v)
    if (cut[v] || rootChildren[v] > 1) out.push_back(v);
  return out;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges(const Graph& g) {
  const auto l = lowLinks(g);
  // A tree tie p–v is a bridge when nothing below v reaches p or above.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v) {
    const auto p = l.parent[v];
    if (p != v && l.low[v] > l.discovered[p]) out.emplace_back(std::min(p, v), std::max(p, v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::uint32_t> coreNumbers(const Graph& g) {
  const std::size_t n = g.nodeCount();
  std::vector<std::uint32_t> degree(n), position(n), order(n);
  std::uint32_t maxDegree = 0;
  for (std::uint32_t v = 0; v < n; ++v) maxDegree = std::max(maxDegree, degree[v] = g.degree(v));
  // Counting sort of the nodes by degree; bucketStart[d] = first position of degree d.
  std::vector<std::uint32_t> bucketStart(maxDegree + 2, 0);
  for (auto d : degree) ++bucketStart[d + 1];
  for (std::size_t d = 1; d < bucketStart.size(); ++d) bucketStart[d] += bucketStart[d - 1];
  {
    auto fill = bucketStart;
    for (std::uint32_t v = 0; v < n; ++v) {
      position[v] = fill[degree[v]]++;
      order[position[v]] = v;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = order[i];
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (degree[u] <= degree[v]) continue;
      // Move u to the front of its bucket, then shrink its degree by one.
      const auto du = degree[u];
      const auto w = order[bucketStart[du]];
      std::swap(order[position[u]], order[bucketStart[du]]);
      std::swap(position[u], position[w]);
      ++bucketStart[du];
      --degree[u];
    }
  }
  return degree;
}

}  // namespace orglens::analysis
