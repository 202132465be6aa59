// Internal to the betweenness computation (analysis/betweenness.cpp): the graph the searches
// run on — pendant trees pruned exactly, nodes renumbered in a cache-friendly order — and the
// choice of sources. Split from the searches to keep each file readable.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace orglens::analysis::detail {

/// The graph the searches run on. Exact: the input without its pendant trees (Baglioni et al.
/// 2012): degree-one nodes are removed over and over, and every remaining node v stands for
/// mass[v] nodes (itself and the trees hanging from it). Sampled: the whole input, mass 1.
/// Core ids follow localityOrder (core id → input id in `input`).
struct Core {
  std::vector<std::uint32_t> offsets{0}, targets, input;
  std::vector<double> weights, mass;
  std::size_t size() const { return offsets.size() - 1; }
};

/// k distinct nodes of [0, n), uniformly (partial Fisher–Yates with SplitMix64 from `seed`), in
/// ascending order; all nodes when k >= n.
std::vector<std::uint32_t> chooseSources(std::size_t n, std::size_t k, std::uint64_t seed);

/// The core of g keeping the nodes with keep[v] (ties between them only), renumbered in a
/// locality order (Cuthill–McKee style), with mass per node.
Core coreOf(const Graph& g, const std::vector<char>& keep, const std::vector<double>& mass);

/// Removes pendant trees (degree-one nodes, over and over) and adds to raw the betweenness they
/// give exactly; returns the core with its masses. See betweenness_core.cpp.
Core pruneTrees(const Graph& g, std::vector<double>& raw);

}  // namespace orglens::analysis::detail
