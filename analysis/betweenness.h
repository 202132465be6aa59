// Betweenness centrality (Brandes 2001), exact, on an undirected Graph (definition
// "network/1", docs/metrics.md).
#pragma once

#include <string>
#include <vector>

#include "analysis/graph.h"
#include "model/progress.h"

namespace orglens::analysis {

struct BetweennessOptions {
  /// Weighted: a tie's length is 1 / weight (strong ties are short); shortest paths by
  /// Dijkstra. Unweighted: every tie has length 1 (breadth-first search).
  bool weighted = false;
  /// Worker threads (0 = hardware concurrency). The result is bit-identical for any value.
  unsigned threads = 0;
};

struct BetweennessResult {
  /// Per node: Σ over unordered pairs {s, t} (s ≠ v ≠ t) of σ_st(v) / σ_st, as igraph's
  /// igraph_betweenness and NetworkX's betweenness_centrality(normalized=False) report it
  /// for undirected graphs.
  std::vector<double> raw;
  /// raw / ((n − 1)(n − 2) / 2), as NetworkX's normalized=True (0 when n < 3).
  std::vector<double> normalised;
  bool cancelled = false;
};

/// Exact betweenness of every node. O(n·m) unweighted, O(n·m log n) weighted, memory O(n + m)
/// per thread. Sources are cut into fixed chunks of 32 whatever the thread count; each
/// chunk's contributions are summed in source order and chunks are added in chunk order, so
/// the floating-point sums do not depend on the number of threads. Equal path lengths in
/// the weighted case are compared with a relative tolerance of 1e-10 (as igraph does).
BetweennessResult computeBetweenness(const Graph& graph, const BetweennessOptions& options,
                                     model::Progress& progress);

}  // namespace orglens::analysis
