// Betweenness of graphs with many pendant trees (the exact computation prunes degree-one trees
// and accounts for them analytically) against igraph, unweighted and weighted; identical for
// any thread count and any input order of the edges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "analysis/betweenness.h"
#include "tests/network/oracle.h"

using namespace orglens;

namespace {

std::vector<double> ours(std::size_t n, const std::vector<analysis::WeightedEdge>& edges,
                         bool weighted, unsigned threads) {
  model::NoProgress progress;
  const auto g = analysis::buildGraph(n, edges);
  return analysis::computeBetweenness(g, {weighted, threads}, progress).raw;
}

/// A sparse random core of `core` nodes, then nodes core .. n − 1 − 8 each tied to one earlier
/// node (trees hanging from the core, some deep), then a separate tree of 5 nodes, a lone tie
/// and an isolated node.
std::vector<analysis::WeightedEdge> treesGraph(std::size_t n, std::size_t core, std::size_t ties,
                                               std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<analysis::WeightedEdge> edges;
  const auto below = [&](std::size_t k) { return static_cast<std::uint32_t>(rng() % k); };
  for (std::size_t i = 0; i < ties; ++i) edges.push_back({below(core), below(core), 1.0, 1});
  const std::size_t last = n - 8;
  for (std::size_t v = core; v < last; ++v) {
    // Mostly hang from the core, sometimes from a tree node (deeper trees).
    const auto to = rng() % 3 == 0 ? below(v) : below(core);
    edges.push_back({static_cast<std::uint32_t>(v), to, 1.0, 1});
  }
  const auto t = static_cast<std::uint32_t>(last);
  for (auto [a, b] : {std::pair{0u, 1u}, {1u, 2u}, {1u, 3u}, {3u, 4u}})  // a tree component
    edges.push_back({t + a, t + b, 1.0, 1});
  edges.push_back({t + 5, t + 6, 1.0, 1});  // a lone tie; t + 7 stays isolated
  edges.erase(std::remove_if(edges.begin(), edges.end(), [](auto& e) { return e.a == e.b; }),
              edges.end());
  return edges;
}

void checkAgainstIgraph(std::size_t n, std::vector<analysis::WeightedEdge> edges,
                        std::uint64_t seed) {
  // igraph merges nothing: give it the graph buildGraph makes (parallel ties merged).
  const auto built = analysis::buildGraph(n, edges);
  edges.clear();
  for (std::uint32_t v = 0; v < built.nodeCount(); ++v)
    for (auto k = built.offsets[v]; k < built.offsets[v + 1]; ++k)
      if (v < built.targets[k]) edges.push_back({v, built.targets[k], 1.0, 1});
  igraph_vector_int_t list;
  igraph_vector_int_init(&list, 0);
  for (const auto& e : edges) {
    igraph_vector_int_push_back(&list, e.a);
    igraph_vector_int_push_back(&list, e.b);
  }
  test::IGraph g;
  igraph_create(&g.g, &list, static_cast<igraph_integer_t>(n), false);
  igraph_vector_int_destroy(&list);
  for (bool weighted : {false, true}) {
    if (weighted) test::randomWeights(edges, seed);
    const auto expected = test::igraphBetweenness(g.g, weighted ? &edges : nullptr);
    const auto got = ours(n, edges, weighted, 2);
    REQUIRE(got.size() == expected.size());
    for (std::size_t v = 0; v < n; ++v) {
      INFO("node " << v << (weighted ? " weighted" : " unweighted"));
      CHECK(got[v] == Approx(expected[v]).margin(1e-9).epsilon(1e-12));
    }
    for (unsigned threads : {1u, 7u}) CHECK(ours(n, edges, weighted, threads) == got);
    auto shuffled = edges;
    std::mt19937_64 rng(seed + 1);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (std::size_t i = 0; i < shuffled.size(); i += 2) std::swap(shuffled[i].a, shuffled[i].b);
    CHECK(ours(n, shuffled, weighted, 3) == got);
  }
}

}  // namespace

TEST_CASE("Betweenness with pendant trees matches igraph", "[network][betweenness]") {
  SECTION("many people with one tie around a dense core") {
    checkAgainstIgraph(400, treesGraph(400, 60, 300, 3), 3);
  }
  SECTION("a sparse core with several components and deep trees") {
    checkAgainstIgraph(300, treesGraph(300, 80, 90, 4), 4);
  }
  SECTION("a forest only") {
    checkAgainstIgraph(120, treesGraph(120, 1, 0, 5), 5);
  }
}
