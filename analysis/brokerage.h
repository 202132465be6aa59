// Brokerage: Burt's constraint and effective size per node of an undirected Graph, and
// categorical (nominal) assortativity (definition "network/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace orglens::analysis {

/// Burt's constraint of every node, weighted: c_i = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i) ∩ N(j)}
/// p_iq p_qj)², p_ij = w_ij / strength(i). As igraph's `igraph_constraint` with weights (pass
/// weighted = false for every tie weight 1). NaN for a node without ties, as igraph.
/// O(Σ_i Σ_{j ∈ N(i)} deg(j)).
std::vector<double> constraint(const Graph& graph, bool weighted = true);

/// Burt's effective size of every node, weighted as NetworkX's `effective_size(G, weight=…)`:
/// e_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq), p_iq = w_iq / strength(i), m_jq = w_jq /
/// max_k w_jk. Unweighted it is Borgatti's n − 2t/n (n = degree, t = ties among the
/// neighbours). NaN for a node without ties, as NetworkX. Same cost as constraint().
std::vector<double> effectiveSize(const Graph& graph, bool weighted = true);

/// Newman's assortativity coefficient for a categorical node attribute over the unweighted
/// ties whose two ends both have a category (`none` = no category):
/// r = (Σ_c e_cc − Σ_c a_c²) / (1 − Σ_c a_c²), e_cd = share of tie ends from category c to d
/// (each tie counted in both directions), a_c = Σ_d e_cd. As igraph's
/// `igraph_assortativity_nominal` (undirected, normalised). NaN when no tie qualifies or
/// Σ a_c² = 1 (one category only), as igraph. O(n + m).
double nominalAssortativity(const Graph& graph, const std::vector<std::uint32_t>& category,
                            std::uint32_t none);

}  // namespace orglens::analysis
