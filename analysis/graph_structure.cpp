#include "analysis/graph_structure.h"

#include <algorithm>

namespace orglens::analysis {

std::vector<std::uint32_t> articulationPoints(const Graph& g) {
  const std::size_t n = g.nodeCount();
  constexpr std::uint32_t kUnseen = 0;
  std::vector<std::uint32_t> discovered(n, kUnseen), low(n, 0), parent(n, 0), next(n, 0);
  std::vector<char> cut(n, 0);
  std::vector<std::uint32_t> stack;
  std::uint32_t clock = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (discovered[root] != kUnseen) continue;
    discovered[root] = low[root] = ++clock;
    parent[root] = root;
    next[root] = g.offsets[root];
    std::uint32_t rootChildren = 0;
    stack.assign(1, root);
    while (!stack.empty()) {
      const auto v = stack.back();
      if (next[v] < g.offsets[v + 1]) {
        const auto u = g.targets[next[v]++];
        if (discovered[u] == kUnseen) {
          discovered[u] = low[u] = ++clock;
          parent[u] = v;
          next[u] = g.offsets[u];
          stack.push_back(u);
          if (v == root) ++rootChildren;
        } else if (u != parent[v]) {
          low[v] = std::min(low[v], discovered[u]);
        }
        continue;
      }
      stack.pop_back();
      if (v == root) continue;
      const auto p = parent[v];
      low[p] = std::min(low[p], low[v]);
      if (p != root && low[v] >= discovered[p]) cut[p] = 1;
    }
    if (rootChildren > 1) cut[root] = 1;
  }
  std::vector<std::uint32_t> out;
  for (std::uint32_t v = 0; v < n; ++v)
    if (cut[v]) out.push_back(v);
  return out;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges(const Graph& g) {
  const std::size_t n = g.nodeCount();
  constexpr std::uint32_t kUnseen = 0;
  std::vector<std::uint32_t> discovered(n, kUnseen), low(n, 0), parent(n, 0), next(n, 0);
  std::vector<std::uint32_t> stack;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  std::uint32_t clock = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (discovered[root] != kUnseen) continue;
    discovered[root] = low[root] = ++clock;
    parent[root] = root;
    next[root] = g.offsets[root];
    stack.assign(1, root);
    while (!stack.empty()) {
      const auto v = stack.back();
      if (next[v] < g.offsets[v + 1]) {
        const auto u = g.targets[next[v]++];
        if (discovered[u] == kUnseen) {
          discovered[u] = low[u] = ++clock;
          parent[u] = v;
          next[u] = g.offsets[u];
          stack.push_back(u);
        } else if (u != parent[v]) {  // parallel ties are merged: the tree tie is unique
          low[v] = std::min(low[v], discovered[u]);
        }
        continue;
      }
      stack.pop_back();
      if (v == root) continue;
      const auto p = parent[v];
      low[p] = std::min(low[p], low[v]);
      if (low[v] > discovered[p]) out.emplace_back(std::min(p, v), std::max(p, v));
    }
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
