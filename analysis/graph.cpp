#include "analysis/graph.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <tuple>

namespace orglens::analysis {

double Graph::strength(std::uint32_t v) const {
  double s = 0;
  for (auto k = offsets[v]; k < offsets[v + 1]; ++k) s += weights[k];
  return s;
}

namespace {

void validateEdges(std::size_t nodes, const std::vector<WeightedEdge>& edges) {
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto& e = edges[i];
    if (e.a >= nodes || e.b >= nodes)
      throw std::invalid_argument("edge " + std::to_string(i) + ": node id out of range (" +
                                  std::to_string(nodes) + " nodes)");
    if (!std::isfinite(e.weight) || e.weight <= 0)
      throw std::invalid_argument("edge " + std::to_string(i) + ": weight must be finite and > 0");
  }
}

}  // namespace

Graph buildGraph(std::size_t nodes, std::vector<WeightedEdge> edges,
                 std::uint32_t minInteractions) {
  validateEdges(nodes, edges);
  for (auto& e : edges)
    if (e.a > e.b) std::swap(e.a, e.b);
  std::erase_if(edges, [](const WeightedEdge& e) { return e.a == e.b; });
  std::sort(edges.begin(), edges.end(), [](const WeightedEdge& x, const WeightedEdge& y) {
    return std::tie(x.a, x.b, x.weight, x.interactions) <
           std::tie(y.a, y.b, y.weight, y.interactions);
  });
  std::vector<WeightedEdge> merged;
  for (const auto& e : edges) {
    if (!merged.empty() && merged.back().a == e.a && merged.back().b == e.b) {
      merged.back().weight += e.weight;
      merged.back().interactions += e.interactions;
    } else {
      merged.push_back(e);
    }
  }
  std::erase_if(merged, [&](const WeightedEdge& e) { return e.interactions < minInteractions; });
  Graph g;
  g.offsets.assign(nodes + 1, 0);
  for (const auto& e : merged) {
    ++g.offsets[e.a + 1];
    ++g.offsets[e.b + 1];
  }
  for (std::size_t v = 0; v < nodes; ++v) g.offsets[v + 1] += g.offsets[v];
  g.targets.resize(2 * merged.size());
  g.weights.resize(2 * merged.size());
  g.interactions.resize(2 * merged.size());
  std::vector<std::uint32_t> next(g.offsets.begin(), g.offsets.end() - 1);
  // Merged edges are sorted by (a, b): filling in that order leaves every row ascending.
  const auto put = [&](std::uint32_t from, std::uint32_t to, const WeightedEdge& e) {
    const auto k = next[from]++;
    g.targets[k] = to;
    g.weights[k] = e.weight;
    g.interactions[k] = e.interactions;
  };
  for (const auto& e : merged) put(e.b, e.a, e);  // rows of b get their smaller neighbours a
  for (const auto& e : merged) put(e.a, e.b, e);  // ... then a's larger neighbours b
  return g;
}

}  // namespace orglens::analysis
