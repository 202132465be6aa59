// Betweenness against igraph (the oracle): Zachary's karate club, seeded random graphs and
// graphs of long diameter, unweighted and weighted (length = 1 / weight); identical for any thread
// count and any input order of the edges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "analysis/betweenness.h"
#include "tests/network/oracle.h"

using namespace orglens;

namespace {

// Zachary (1977), 34 members, 78 ties; 0-based as in igraph_famous("Zachary").
const std::vector<std::pair<int, int>> kKarate = {
    {0, 1},   {0, 2},   {0, 3},   {0, 4},   {0, 5},   {0, 6},   {0, 7},   {0, 8},   {0, 10},
    {0, 11},  {0, 12},  {0, 13},  {0, 17},  {0, 19},  {0, 21},  {0, 31},  {1, 2},   {1, 3},
    {1, 7},   {1, 13},  {1, 17},  {1, 19},  {1, 21},  {1, 30},  {2, 3},   {2, 7},   {2, 27},
    {2, 28},  {2, 32},  {2, 9},   {2, 8},   {2, 13},  {3, 7},   {3, 12},  {3, 13},  {4, 6},
    {4, 10},  {5, 6},   {5, 10},  {5, 16},  {6, 16},  {8, 30},  {8, 32},  {8, 33},  {9, 33},
    {13, 33}, {14, 32}, {14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32},
    {20, 33}, {22, 32}, {22, 33}, {23, 25}, {23, 27}, {23, 32}, {23, 33}, {23, 29}, {24, 25},
    {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32},
    {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33}};

std::vector<double> ours(std::size_t n, const std::vector<analysis::WeightedEdge>& edges,
                         bool weighted, unsigned threads) {
  model::NoProgress progress;
  const auto g = analysis::buildGraph(n, edges);
  return analysis::computeBetweenness(g, {weighted, threads}, progress).raw;
}

void checkAgainstIgraph(const igraph_t& g, std::uint64_t seed) {
  const auto n = static_cast<std::size_t>(igraph_vcount(&g));
  auto edges = test::edgesOf(g);
  for (bool weighted : {false, true}) {
    if (weighted) test::randomWeights(edges, seed);
    const auto expected = test::igraphBetweenness(g, weighted ? &edges : nullptr);
    const auto got = ours(n, edges, weighted, 2);
    REQUIRE(got.size() == expected.size());
    for (std::size_t v = 0; v < n; ++v) {
      INFO("node " << v << (weighted ? " weighted" : " unweighted"));
      CHECK(got[v] == Approx(expected[v]).margin(1e-9).epsilon(1e-12));
    }
    // Any thread count, bit for bit.
    for (unsigned threads : {1u, 7u}) CHECK(ours(n, edges, weighted, threads) == got);
    // Any input order of the edges and of their two ends, bit for bit.
    auto shuffled = edges;
    std::mt19937_64 rng(seed + 1);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (std::size_t i = 0; i < shuffled.size(); i += 2) std::swap(shuffled[i].a, shuffled[i].b);
    CHECK(ours(n, shuffled, weighted, 3) == got);
  }
}

}  // namespace

TEST_CASE("Betweenness of Zachary's karate club matches igraph", "[network][betweenness]") {
  REQUIRE(kKarate.size() == 78);
  test::IGraph famous;
  igraph_famous(&famous.g, "Zachary");
  REQUIRE(igraph_ecount(&famous.g) == 78);
  // Our literal is the same graph as igraph's.
  igraph_vector_int_t list;
  igraph_vector_int_init(&list, 0);
  for (auto [a, b] : kKarate) {
    igraph_vector_int_push_back(&list, a);
    igraph_vector_int_push_back(&list, b);
  }
  test::IGraph karate;
  igraph_create(&karate.g, &list, 34, false);
  igraph_vector_int_destroy(&list);
  igraph_bool_t same = false;
  igraph_isomorphic(&famous.g, &karate.g, &same);
  CHECK(same);
  checkAgainstIgraph(karate.g, 34);
  // Known figure: the instructor (node 0) has raw betweenness 231.0714...
  CHECK(ours(34, test::edgesOf(karate.g), false, 1)[0] == Approx(231.0714285714).margin(1e-9));
}

TEST_CASE("Betweenness of seeded random graphs matches igraph", "[network][betweenness]") {
  igraph_rng_seed(igraph_rng_default(), 20261125);
  SECTION("Erdos-Renyi G(n, m), sparse with several components") {
    test::IGraph g;
    igraph_erdos_renyi_game_gnm(&g.g, 300, 420, false, false);
    checkAgainstIgraph(g.g, 7);
  }
  SECTION("Erdos-Renyi G(n, m), dense") {
    test::IGraph g;
    igraph_erdos_renyi_game_gnm(&g.g, 120, 1500, false, false);
    checkAgainstIgraph(g.g, 8);
  }
  SECTION("Barabasi-Albert") {
    test::IGraph g;
    igraph_barabasi_game(&g.g, 400, 1.0, 2, nullptr, false, 1.0, false, IGRAPH_BARABASI_PSUMTREE,
                         nullptr);
    checkAgainstIgraph(g.g, 9);
  }
}

// Unweighted sources are searched 8 at a time when the sources of a batch reach most nodes at
// few distinct distances, one at a time otherwise (decided by a probe). The grid and the ring
// share too little and go one at a time; the chain of cliques has a long diameter too, but its
// batches share enough, so the per-level bookkeeping of the batches runs over some 50 levels.
TEST_CASE("Betweenness of graphs with a long diameter matches igraph", "[network][betweenness]") {
  SECTION("A 23 x 9 grid (207 nodes: the last batch is partial)") {
    igraph_vector_int_t dims;
    igraph_vector_int_init(&dims, 2);
    VECTOR(dims)[0] = 23;
    VECTOR(dims)[1] = 9;
    test::IGraph g;
    igraph_square_lattice(&g.g, &dims, 1, false, false, nullptr);
    igraph_vector_int_destroy(&dims);
    checkAgainstIgraph(g.g, 10);
  }
  SECTION("A ring of 205 nodes with two chords") {
    test::IGraph g;
    igraph_ring(&g.g, 205, false, false, true);
    igraph_add_edge(&g.g, 0, 60);
    igraph_add_edge(&g.g, 100, 170);
    checkAgainstIgraph(g.g, 11);
  }
  SECTION("A chain of 24 cliques of 10, each tied to the next by two ties") {
    igraph_vector_int_t list;
    igraph_vector_int_init(&list, 0);
    const auto tie = [&](int a, int b) {
      igraph_vector_int_push_back(&list, a);
      igraph_vector_int_push_back(&list, b);
    };
    for (int c = 0; c < 24; ++c) {
      for (int a = 0; a < 10; ++a)
        for (int b = a + 1; b < 10; ++b) tie(c * 10 + a, c * 10 + b);
      if (c + 1 < 24) {
        tie(c * 10, c * 10 + 11);
        tie(c * 10 + 2, c * 10 + 13);
      }
    }
    test::IGraph g;
    igraph_create(&g.g, &list, 240, false);
    igraph_vector_int_destroy(&list);
    checkAgainstIgraph(g.g, 12);
  }
}

TEST_CASE("Betweenness normalisation and small cases", "[network][betweenness]") {
  model::NoProgress progress;
  // A path 0 - 1 - 2: node 1 lies on the one path between 0 and 2.
  const auto path = analysis::buildGraph(3, {{0, 1, 1.0, 1}, {1, 2, 1.0, 1}});
  const auto r = analysis::computeBetweenness(path, {}, progress);
  CHECK(r.raw == std::vector<double>{0, 1, 0});
  CHECK(r.normalised == std::vector<double>{0, 1, 0});  // (n − 1)(n − 2) / 2 = 1 pair
  const auto empty = analysis::computeBetweenness(analysis::buildGraph(0, {}), {}, progress);
  CHECK(empty.raw.empty());
  CHECK_THROWS_AS(analysis::buildGraph(2, {{0, 2, 1.0, 1}}), std::invalid_argument);
  CHECK_THROWS_AS(analysis::buildGraph(2, {{0, 1, 0.0, 1}}), std::invalid_argument);
}
