// Burt's constraint and nominal assortativity against igraph; effective size and hand cases.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/brokerage.h"
#include "tests/network/oracle.h"

using namespace orglens;

namespace {

std::vector<double> igraphConstraint(const igraph_t& g,
                                     const std::vector<analysis::WeightedEdge>& edges) {
  igraph_vector_t res, weights;
  igraph_vector_init(&res, 0);
  igraph_vector_init(&weights, static_cast<igraph_integer_t>(edges.size()));
  for (std::size_t i = 0; i < edges.size(); ++i)
    VECTOR(weights)[static_cast<igraph_integer_t>(i)] = edges[i].weight;
  igraph_constraint(&g, &res, igraph_vss_all(), &weights);
  std::vector<double> out(VECTOR(res), VECTOR(res) + igraph_vector_size(&res));
  igraph_vector_destroy(&weights);
  igraph_vector_destroy(&res);
  return out;
}

void checkConstraint(const igraph_t& g, std::vector<analysis::WeightedEdge> edges) {
  const auto expected = igraphConstraint(g, edges);
  const auto graph = analysis::buildGraph(static_cast<std::size_t>(igraph_vcount(&g)), edges);
  const auto got = analysis::constraint(graph);
  REQUIRE(got.size() == expected.size());
  for (std::size_t v = 0; v < got.size(); ++v) {
    INFO("node " << v);
    if (std::isnan(expected[v])) {
      CHECK(std::isnan(got[v]));
    } else {
      CHECK(std::abs(got[v] - expected[v]) <= 1e-9);
    }
  }
}

double igraphNominal(const igraph_t& g, const std::vector<std::uint32_t>& types) {
  igraph_vector_int_t t;
  igraph_vector_int_init(&t, static_cast<igraph_integer_t>(types.size()));
  for (std::size_t i = 0; i < types.size(); ++i)
    VECTOR(t)[static_cast<igraph_integer_t>(i)] = types[i];
  igraph_real_t r = 0;
  igraph_assortativity_nominal(&g, &t, &r, false, true);
  igraph_vector_int_destroy(&t);
  return r;
}

void checkNominal(const igraph_t& g, unsigned categories, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::uint32_t> types(static_cast<std::size_t>(igraph_vcount(&g)));
  for (auto& t : types) t = static_cast<std::uint32_t>(rng() % categories);
  const auto graph = analysis::buildGraph(types.size(), test::edgesOf(g));
  CHECK(std::abs(analysis::nominalAssortativity(graph, types, 99) - igraphNominal(g, types)) <=
        1e-12);
}

}  // namespace

TEST_CASE("Constraint matches igraph_constraint", "[network][brokerage]") {
  igraph_rng_seed(igraph_rng_default(), 7);
  SECTION("karate club, unweighted and weighted") {
    test::IGraph g;
    igraph_famous(&g.g, "Zachary");
    auto edges = test::edgesOf(g.g);
    checkConstraint(g.g, edges);
    test::randomWeights(edges, 11);
    checkConstraint(g.g, edges);
  }
  SECTION("seeded random weighted graphs with isolated nodes") {
    for (std::uint64_t round = 0; round < 4; ++round) {
      test::IGraph g;
      igraph_erdos_renyi_game_gnm(&g.g, 150, 400, false, false);
      auto edges = test::edgesOf(g.g);
      test::randomWeights(edges, 100 + round);
      checkConstraint(g.g, edges);
    }
  }
}

TEST_CASE("Effective size by hand", "[network][brokerage]") {
  // 0 ties 1, 2, 3; 1 ties 2. Weights w01 = 2, w02 = 1, w03 = 1, w12 = 4; node 4 alone.
  const auto g = analysis::buildGraph(5, {{0, 1, 2, 1}, {0, 2, 1, 1}, {0, 3, 1, 1}, {1, 2, 4, 1}});
  SECTION("unweighted: n - 2t/n") {
    const auto e = analysis::effectiveSize(g, false);
    CHECK(e[0] == Approx(3.0 - 2.0 / 3.0).epsilon(1e-12));
    CHECK(e[1] == Approx(1.0).epsilon(1e-12));
    CHECK(e[2] == Approx(1.0).epsilon(1e-12));
    CHECK(e[3] == Approx(1.0).epsilon(1e-12));
    CHECK(std::isnan(e[4]));
  }
  SECTION("weighted, NetworkX's redundancy") {
    // Node 0: p = (1/2, 1/4, 1/4); j = 1: 1 − p02·(4/4) = 3/4; j = 2: 1 − p01·(4/4) = 1/2;
    // j = 3: 1. Node 1: p10 = 1/3, p12 = 2/3; j = 0: 1 − p12·(1/2) = 2/3; j = 2:
    // 1 − p10·(1/4) = 11/12.
    const auto e = analysis::effectiveSize(g);
    CHECK(e[0] == Approx(2.25).epsilon(1e-12));
    CHECK(e[1] == Approx(19.0 / 12.0).epsilon(1e-12));
    CHECK(e[3] == Approx(1.0).epsilon(1e-12));
  }
  SECTION("constraint of a pendant is 1, of an isolated node NaN") {
    const auto c = analysis::constraint(g);
    CHECK(c[3] == Approx(1.0).epsilon(1e-12));
    CHECK(std::isnan(c[4]));
  }
}

TEST_CASE("Effective size equals Borgatti's formula on karate", "[network][brokerage]") {
  test::IGraph ig;
  igraph_famous(&ig.g, "Zachary");
  const auto g = analysis::buildGraph(34, test::edgesOf(ig.g));
  const auto e = analysis::effectiveSize(g, false);
  for (std::uint32_t v = 0; v < 34; ++v) {
    std::vector<char> near(34, 0);
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) near[g.targets[k]] = 1;
    double ties = 0;  // ties among v's neighbours, each counted twice
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
      for (auto l = g.offsets[g.targets[k]]; l < g.offsets[g.targets[k] + 1]; ++l)
        ties += near[g.targets[l]];
    const double n = g.degree(v);
    CHECK(e[v] == Approx(n - ties / n).epsilon(1e-12));
  }
}

TEST_CASE("Nominal assortativity matches igraph", "[network][brokerage]") {
  igraph_rng_seed(igraph_rng_default(), 3);
  SECTION("karate club") {
    test::IGraph g;
    igraph_famous(&g.g, "Zachary");
    checkNominal(g.g, 3, 5);
  }
  SECTION("random graphs") {
    for (std::uint64_t round = 0; round < 3; ++round) {
      test::IGraph g;
      igraph_erdos_renyi_game_gnm(&g.g, 120, 300, false, false);
      checkNominal(g.g, 2 + static_cast<unsigned>(round), round);
    }
  }
  SECTION("by hand: two triangles and a bridge; people without a category left out") {
    // Triangles {0, 1, 2} (team 0) and {3, 4, 5} (team 1), tie 2-3; node 6 (no team) ties 0.
    const auto g = analysis::buildGraph(7, {{0, 1, 1, 1},
                                            {1, 2, 1, 1},
                                            {0, 2, 1, 1},
                                            {3, 4, 1, 1},
                                            {4, 5, 1, 1},
                                            {3, 5, 1, 1},
                                            {2, 3, 1, 1},
                                            {0, 6, 1, 1}});
    CHECK(analysis::nominalAssortativity(g, {0, 0, 0, 1, 1, 1, 9}, 9) ==
          Approx(5.0 / 7.0).epsilon(1e-12));
    CHECK(std::isnan(analysis::nominalAssortativity(g, {0, 0, 0, 0, 0, 0, 9}, 9)));
  }
}
