// Helpers of the network oracle tests: igraph graphs as orglens Graphs, igraph's measures as
// std::vectors. igraph is the oracle only: tests and benchmarks link it, shipped code never.
#pragma once

#include <igraph/igraph.h>

#include <cstdint>
#include <random>
#include <vector>

#include "analysis/graph.h"

namespace orglens::test {

/// Owns an igraph_t.
struct IGraph {
  igraph_t g{};
  IGraph() = default;
  IGraph(const IGraph&) = delete;
  IGraph& operator=(const IGraph&) = delete;
  ~IGraph() { igraph_destroy(&g); }
};

inline std::vector<analysis::WeightedEdge> edgesOf(const igraph_t& g) {
  igraph_vector_int_t list;
  igraph_vector_int_init(&list, 0);
  igraph_get_edgelist(&g, &list, false);
  std::vector<analysis::WeightedEdge> edges;
  for (igraph_integer_t i = 0; i + 1 < igraph_vector_int_size(&list); i += 2)
    edges.push_back({static_cast<std::uint32_t>(VECTOR(list)[i]),
                     static_cast<std::uint32_t>(VECTOR(list)[i + 1]), 1.0, 1});
  igraph_vector_int_destroy(&list);
  return edges;
}

/// Seeded weights in [0.5, 4): the same sequence for the same seed.
inline void randomWeights(std::vector<analysis::WeightedEdge>& edges, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> weight(0.5, 4.0);
  for (auto& e : edges) e.weight = weight(rng);
}

/// igraph's betweenness of g; with `edges` given, weighted by lengths 1 / weight (the edges in
/// igraph's edge order).
inline std::vector<double> igraphBetweenness(const igraph_t& g,
                                             const std::vector<analysis::WeightedEdge>* edges) {
  igraph_vector_t res, lengths;
  igraph_vector_init(&res, 0);
  igraph_vector_init(&lengths, edges ? static_cast<igraph_integer_t>(edges->size()) : 0);
  if (edges)
    for (std::size_t i = 0; i < edges->size(); ++i)
      VECTOR(lengths)[static_cast<igraph_integer_t>(i)] = 1.0 / (*edges)[i].weight;
  igraph_betweenness(&g, &res, igraph_vss_all(), false, edges ? &lengths : nullptr);
  std::vector<double> out(VECTOR(res), VECTOR(res) + igraph_vector_size(&res));
  igraph_vector_destroy(&lengths);
  igraph_vector_destroy(&res);
  return out;
}

}  // namespace orglens::test
