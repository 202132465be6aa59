// Communities of the collaboration graph: Louvain and Leiden with the modularity objective,
// modularity Q and normalised mutual information (definition "network/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace orglens::analysis {

struct CommunityOptions {
  /// Resolution γ of the modularity objective (> 0): larger γ, smaller communities.
  double resolution = 1.0;
  /// Seed of the visiting order (and of Leiden's randomised refinement). The same graph and
  /// seed give the same partition on every platform (own generator, not <random>'s
  /// distributions); the Graph's canonical node order makes it independent of the input
  /// order of nodes and edges.
  std::uint64_t seed = 1;
  /// Leiden: randomness β of the refinement (a merge of gain ΔH is drawn with probability
  /// ∝ exp(ΔH / β), ΔH in tie-weight units, as igraph's `beta`).
  double beta = 0.01;
  /// Leiden: iterations of the whole algorithm, each starting from the previous partition
  /// (2, as leidenalg's and python-igraph's default); −1 = until an iteration in which no node
  /// moves at any level, or the partition stays the same (at most 50; on large graphs this can
  /// take all 50, each improving Q a little).
  int iterations = 2;
};

struct CommunityResult {
  /// Per node: its community, numbered 0, 1, … in the order of each community's first node.
  /// A node without ties is a community of its own.
  std::vector<std::uint32_t> membership;
  std::uint32_t count = 0;   // number of communities
  double modularity = 0;     // Q of membership at the options' resolution
  std::uint32_t levels = 0;  // aggregation levels (summed over Leiden's iterations)
};

/// Louvain (Blondel et al. 2008), weighted: local moving — nodes visited in a seeded random
/// permutation of the canonical node order, each moved to the neighbouring community of the
/// largest modularity gain (ties: staying, then the smallest community id), passes repeated
/// until no node moves — then aggregation of communities into nodes; levels repeat until a
/// level moves no node. O(m) per pass for m ties and O(m log m) per aggregation; in practice
/// O(m log n) overall. Throws std::invalid_argument for a resolution that is not > 0.
CommunityResult louvain(const Graph& graph, const CommunityOptions& options = {});

/// Leiden (Traag et al. 2019): fast local moving (a queue of nodes: only the neighbours of a
/// node that moved are visited again, not every node in repeated passes), then the refinement
/// of each community (singleton nodes well connected to their community merge, at random with
/// probability ∝ exp(ΔH / β), into well-connected refined sub-communities with ΔH ≥ 0),
/// aggregation by the refined partition with the unrefined one as the starting partition of the
/// next level; when the refinement merges nothing, aggregation by the unrefined partition.
/// Communities are connected. Same complexity as louvain per iteration.
CommunityResult leiden(const Graph& graph, const CommunityOptions& options = {});

/// Newman–Girvan modularity, weighted, with resolution γ:
/// Q = 1/(2m) Σ_ij (A_ij − γ k_i k_j / (2m)) δ(c_i, c_j), m = Σ tie weights, k_i = strength,
/// as igraph_modularity (undirected). 0 for a graph without ties (igraph: NaN). O(n + m).
/// Throws std::invalid_argument when membership.size() != node count.
double modularity(const Graph& graph, const std::vector<std::uint32_t>& membership,
                  double resolution = 1.0);

/// Normalised mutual information of two partitions of the same items, arithmetic-mean
/// normalisation: 2 I(A; B) / (H(A) + H(B)) (natural logarithms), 1 when both entropies are 0;
/// as igraph_compare_communities(…, IGRAPH_COMMCMP_NMI) and sklearn's
/// normalized_mutual_info_score. O(n log n). Throws std::invalid_argument for sizes that
/// differ.
double normalisedMutualInformation(const std::vector<std::uint32_t>& a,
                                   const std::vector<std::uint32_t>& b);

}  // namespace orglens::analysis
