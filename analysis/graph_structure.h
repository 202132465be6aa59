// Structural measures of an undirected Graph: articulation points and bridges (single points
// of failure) and k-core numbers (definition "network/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/graph.h"

namespace orglens::analysis {

/// Nodes whose removal increases the number of connected components, ascending. Iterative
/// Tarjan depth-first search (no recursion, any graph size). O(n + m).
std::vector<std::uint32_t> articulationPoints(const Graph& graph);

/// Ties whose removal increases the number of connected components, as (a, b) with a < b,
/// ascending. Iterative depth-first search (low-link values). O(n + m).
std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges(const Graph& graph);

/// Core number of every node: the largest k such that the node belongs to a subgraph in
/// which every node has degree ≥ k (ties unweighted). Batagelj–Zaversnik bucket peeling.
/// O(n + m).
std::vector<std::uint32_t> coreNumbers(const Graph& graph);

}  // namespace orglens::analysis
