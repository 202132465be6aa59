// Graph: an undirected weighted graph in compressed sparse row (CSR) form, the input of the
// network measures (betweenness, silos). Built from an edge list in a way that does not depend
// on the order of the edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace orglens::analysis {

struct WeightedEdge {
  std::uint32_t a = 0, b = 0;  // node ids
  double weight = 1.0;         // > 0 and finite
  std::uint32_t interactions = 1;
};

/// Node v's neighbours are targets[offsets[v] .. offsets[v + 1]) in ascending order; every
/// tie is stored twice (once from each end) with the same weight and interaction count.
struct Graph {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> targets;
  std::vector<double> weights;
  std::vector<std::uint32_t> interactions;

  std::size_t nodeCount() const { return offsets.size() - 1; }
  std::size_t edgeCount() const { return targets.size() / 2; }
  std::uint32_t degree(std::uint32_t v) const { return offsets[v + 1] - offsets[v]; }
  /// Σ weights of v's ties.
  double strength(std::uint32_t v) const;
};

/// Builds the CSR graph of `nodes` nodes. Self-loops are dropped; parallel edges are merged
/// (weights and interactions summed, in sorted order so that the sums do not depend on the
/// input order); merged ties with fewer than `minInteractions` interactions are dropped.
/// Throws std::invalid_argument for a node id >= nodes or a weight that is not finite and > 0.
/// O(m log m) for m edges.
Graph buildGraph(std::size_t nodes, std::vector<WeightedEdge> edges,
                 std::uint32_t minInteractions = 1);

}  // namespace orglens::analysis
