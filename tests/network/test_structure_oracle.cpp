// Articulation points, bridges and core numbers against igraph on the karate club and random
// graphs.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/graph_structure.h"
#include "tests/network/oracle.h"

using namespace orglens;

namespace {

std::vector<std::uint32_t> toVector(const igraph_vector_int_t& v) {
  std::vector<std::uint32_t> out;
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(&v); ++i)
    out.push_back(static_cast<std::uint32_t>(VECTOR(v)[i]));
  return out;
}

void checkStructure(const igraph_t& g) {
  const auto graph =
      analysis::buildGraph(static_cast<std::size_t>(igraph_vcount(&g)), test::edgesOf(g));
  igraph_vector_int_t res;
  igraph_vector_int_init(&res, 0);
  igraph_articulation_points(&g, &res);
  auto expected = toVector(res);
  std::sort(expected.begin(), expected.end());
  CHECK(analysis::articulationPoints(graph) == expected);
  igraph_coreness(&g, &res, IGRAPH_ALL);
  CHECK(analysis::coreNumbers(graph) == toVector(res));
  igraph_bridges(&g, &res);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> expectedBridges;
  for (auto e : toVector(res)) {
    igraph_integer_t from = 0, to = 0;
    igraph_edge(&g, static_cast<igraph_integer_t>(e), &from, &to);
    const auto a = static_cast<std::uint32_t>(from), b = static_cast<std::uint32_t>(to);
    expectedBridges.emplace_back(std::min(a, b), std::max(a, b));
  }
  std::sort(expectedBridges.begin(), expectedBridges.end());
  CHECK(analysis::bridges(graph) == expectedBridges);
  igraph_vector_int_destroy(&res);
}

}  // namespace

TEST_CASE("Articulation points, bridges and core numbers match igraph", "[network][structure]") {
  igraph_rng_seed(igraph_rng_default(), 42);
  SECTION("karate club") {
    test::IGraph g;
    igraph_famous(&g.g, "Zachary");
    checkStructure(g.g);
  }
  SECTION("sparse Erdos-Renyi with many cut points and components") {
    for (int round = 0; round < 5; ++round) {
      test::IGraph g;
      igraph_erdos_renyi_game_gnm(&g.g, 200, 220, false, false);
      checkStructure(g.g);
    }
  }
  SECTION("Barabasi-Albert with tree-like periphery") {
    test::IGraph g;
    igraph_barabasi_game(&g.g, 500, 1.0, 1, nullptr, false, 1.0, false, IGRAPH_BARABASI_PSUMTREE,
                         nullptr);
    checkStructure(g.g);
  }
  SECTION("hand-checked: a path and a triangle") {
    // 0 - 1 - 2 and the triangle 3, 4, 5 with a pendant 6 on 5.
    const auto g = analysis::buildGraph(
        7, {{0, 1, 1, 1}, {1, 2, 1, 1}, {3, 4, 1, 1}, {4, 5, 1, 1}, {3, 5, 1, 1}, {5, 6, 1, 1}});
    CHECK(analysis::articulationPoints(g) == std::vector<std::uint32_t>{1, 5});
    CHECK(analysis::coreNumbers(g) == std::vector<std::uint32_t>{1, 1, 1, 2, 2, 2, 1});
    using Tie = std::pair<std::uint32_t, std::uint32_t>;
    CHECK(analysis::bridges(g) == std::vector<Tie>{{0, 1}, {1, 2}, {5, 6}});
  }
}
