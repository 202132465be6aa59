// Betweenness centrality (Brandes 2001) on an undirected Graph (definition "network/1",
// docs/metrics.md): exact, or estimated from sampled sources (Brandes & Pich 2007).
#pragma once

#include <cstddef>
#include <cstdint>
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
  /// Sources to sample (Brandes & Pich 2007): 0 = exact (every node a source), unless the
  /// graph has more than kExactNodeLimit nodes, when kAutoSampleSources are sampled. k ≥ n
  /// is exact. Sampled sources are k distinct nodes drawn uniformly without replacement with
  /// `seed` (own generator: the same on every platform and for every thread count).
  std::size_t sampleSources = 0;
  std::uint64_t seed = 1;
  /// Confidence 1 − δ of BetweennessResult::errorBound.
  double confidence = 0.95;
};

/// Above this node count, sampleSources = 0 samples kAutoSampleSources sources.
inline constexpr std::size_t kExactNodeLimit = 50000;
inline constexpr std::size_t kAutoSampleSources = 256;

struct BetweennessResult {
  /// Per node: Σ over unordered pairs {s, t} (s ≠ v ≠ t) of σ_st(v) / σ_st, as igraph's
  /// igraph_betweenness and NetworkX's betweenness_centrality(normalized=False) report it
  /// for undirected graphs.
  std::vector<double> raw;
  /// raw / ((n − 1)(n − 2) / 2), as NetworkX's normalized=True (0 when n < 3).
  std::vector<double> normalised;
  bool cancelled = false;
  /// True when the values were estimated from `sources` < n sampled sources: each source's
  /// dependencies are scaled by n / k (an unbiased estimator of the exact value).
  bool estimated = false;
  std::size_t sources = 0;  // sources searched (n when exact)
  /// Estimated only: with probability ≥ confidence, every node's `normalised` value is within
  /// ±errorBound of the exact one (Hoeffding's inequality, which also holds for sampling
  /// without replacement, with a union bound over the n nodes; a source's scaled dependency
  /// n·δ_s(v) / ((n − 1)(n − 2)) lies in [0, n / (n − 1)] because δ_s(v) ≤ n − 2):
  ///   errorBound = n / (n − 1) · sqrt(ln(2n / δ) / (2k)),  δ = 1 − confidence.
  /// The bound on `raw` is errorBound · (n − 1)(n − 2) / 2. 0 when exact.
  double errorBound = 0;
};

/// Betweenness of every node: exact, or estimated (see BetweennessOptions::sampleSources;
/// O(k·m) for k sources). Throws std::invalid_argument for a confidence outside (0, 1). O(n·m)
/// unweighted, O(n·m log n) weighted, memory O(n + m) per thread. Exact: pendant trees (degree-one
/// nodes, repeatedly) are pruned first and their betweenness added in closed form; the searches
/// run on the remaining core, each node weighted by the nodes it stands for (Baglioni et al.
/// 2012), renumbered breadth-first from the highest-degree node. Unweighted, the sources are
/// searched 8 at a time (consecutive in that order) by one level-synchronous breadth-first search
/// that scans each node's ties once per distinct distance rather than once per source, when a
/// probe of a few batches shows that this saves enough (small-world graphs; not grids or rings,
/// which are searched one source at a time). Sources are cut into fixed chunks of 32 whatever the
/// thread count; each chunk's contributions are summed in a fixed order and chunks are added in
/// chunk order, so the floating-point sums do not depend on the number of threads. Equal path
/// lengths in the weighted case are compared with a relative tolerance of 1e-10 (as igraph does).
BetweennessResult computeBetweenness(const Graph& graph, const BetweennessOptions& options,
                                     model::Progress& progress);

}  // namespace orglens::analysis
