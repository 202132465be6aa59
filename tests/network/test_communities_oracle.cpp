// Communities against igraph (the oracle): modularity Q and NMI to 1e-9 on the same
// partitions; our Louvain within 0.01 and our Leiden within 0.005 of igraph's Q on Zachary's
// karate club and seeded planted-partition graphs; the same seed gives the same partition for
// any input order of the edges.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <random>

#include "analysis/communities.h"
#include "tests/network/oracle.h"

using namespace orglens;

namespace {

using Ids = std::vector<std::uint32_t>;

/// Owns an igraph integer vector.
struct IVec {
  igraph_vector_int_t v{};
  IVec() { igraph_vector_int_init(&v, 0); }
  explicit IVec(const Ids& ids) {
    igraph_vector_int_init(&v, static_cast<igraph_integer_t>(ids.size()));
    for (std::size_t i = 0; i < ids.size(); ++i)
      VECTOR(v)[static_cast<igraph_integer_t>(i)] = ids[i];
  }
  IVec(const IVec&) = delete;
  IVec& operator=(const IVec&) = delete;
  ~IVec() { igraph_vector_int_destroy(&v); }
  Ids ids() const { return Ids(VECTOR(v), VECTOR(v) + igraph_vector_int_size(&v)); }
};

/// Owns an igraph real vector: the edge weights in igraph's edge order.
struct RVec {
  igraph_vector_t v{};
  explicit RVec(const std::vector<analysis::WeightedEdge>& edges) {
    igraph_vector_init(&v, static_cast<igraph_integer_t>(edges.size()));
    for (std::size_t i = 0; i < edges.size(); ++i)
      VECTOR(v)[static_cast<igraph_integer_t>(i)] = edges[i].weight;
  }
  RVec(const RVec&) = delete;
  RVec& operator=(const RVec&) = delete;
  ~RVec() { igraph_vector_destroy(&v); }
};

double igraphQ(const igraph_t& g, const RVec& w, const Ids& membership, double gamma = 1.0) {
  IVec m(membership);
  double q = 0;
  igraph_modularity(&g, &m.v, &w.v, gamma, false, &q);
  return q;
}

Ids igraphLouvain(const igraph_t& g, const RVec& w) {
  IVec m;
  igraph_community_multilevel(&g, &w.v, 1.0, &m.v, nullptr, nullptr);
  return m.ids();
}

Ids igraphLeiden(const igraph_t& g, const RVec& w, const analysis::Graph& ours) {
  igraph_vector_t strength;
  igraph_vector_init(&strength, static_cast<igraph_integer_t>(ours.nodeCount()));
  double twoM = 0;
  for (std::uint32_t v = 0; v < ours.nodeCount(); ++v) {
    VECTOR(strength)[v] = ours.strength(v);
    twoM += ours.strength(v);
  }
  IVec m;
  igraph_integer_t clusters = 0;
  double quality = 0;
  igraph_community_leiden(&g, &w.v, &strength, 1.0 / twoM, 0.01, false, -1, &m.v, &clusters,
                          &quality);
  igraph_vector_destroy(&strength);
  return m.ids();
}

double igraphNmi(const Ids& a, const Ids& b) {
  IVec x(a), y(b);
  double r = 0;
  igraph_compare_communities(&x.v, &y.v, &r, IGRAPH_COMMCMP_NMI);
  return r;
}

/// Checks Q, Louvain, Leiden and order independence on g with the given edge weights.
void checkGraph(const char* name, const igraph_t& g, std::vector<analysis::WeightedEdge> edges) {
  const auto n = static_cast<std::size_t>(igraph_vcount(&g));
  const auto graph = analysis::buildGraph(n, edges);
  const RVec w(edges);
  // igraph's algorithms are randomised too: their mean Q over 5 of igraph's seeds.
  double qLouvain = 0, qLeiden = 0, ourLouvain = 0;
  Ids theirLouvain, theirLeiden;
  for (int run = 0; run < 5; ++run) {
    igraph_rng_seed(igraph_rng_default(), 1000 + run);
    theirLouvain = igraphLouvain(g, w);
    theirLeiden = igraphLeiden(g, w, graph);
    qLouvain += igraphQ(g, w, theirLouvain) / 5;
    qLeiden += igraphQ(g, w, theirLeiden) / 5;
  }
  // Our Q is igraph's on the same partitions, at two resolutions.
  for (double gamma : {1.0, 0.5}) {
    CHECK(analysis::modularity(graph, theirLouvain, gamma) ==
          Approx(igraphQ(g, w, theirLouvain, gamma)).margin(1e-9));
    CHECK(analysis::modularity(graph, theirLeiden, gamma) ==
          Approx(igraphQ(g, w, theirLeiden, gamma)).margin(1e-9));
  }
  for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
    const auto lv = analysis::louvain(graph, {1.0, seed});
    const auto ld = analysis::leiden(graph, {1.0, seed});
    INFO(name << " seed " << seed);
    CHECK(lv.modularity == Approx(igraphQ(g, w, lv.membership)).margin(1e-9));
    CHECK(ld.modularity == Approx(igraphQ(g, w, ld.membership)).margin(1e-9));
    // Leiden: every seed within 0.005 of igraph's mean Q, or better; Louvain: below.
    CHECK(ld.modularity > qLeiden - 0.005);
    ourLouvain += lv.modularity / 5;
    std::printf(
        "%-28s seed %d  Louvain Q %.4f (igraph mean %.4f)  Leiden Q %.4f (igraph mean %.4f)\n",
        name, int(seed), lv.modularity, qLouvain, ld.modularity, qLeiden);
    // Any input order of the edges and of their two ends: the same partition.
    auto shuffled = edges;
    std::mt19937_64 rng(seed);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (std::size_t i = 0; i < shuffled.size(); i += 2) std::swap(shuffled[i].a, shuffled[i].b);
    const auto again = analysis::buildGraph(n, shuffled);
    CHECK(analysis::louvain(again, {1.0, seed}).membership == lv.membership);
    CHECK(analysis::leiden(again, {1.0, seed}).membership == ld.membership);
  }
  // Louvain varies more from seed to seed (for igraph too): mean Q within 0.01, or better.
  CHECK(ourLouvain > qLouvain - 0.01);
  std::printf("%-28s mean Louvain Q %.4f (igraph %.4f)\n", name, ourLouvain, qLouvain);
}

/// A planted partition: `blocks` blocks of `size` people, p_in inside, p_out across.
void plantedPartition(test::IGraph& g, int blocks, int size, double pIn, double pOut) {
  igraph_matrix_t pref;
  igraph_matrix_init(&pref, blocks, blocks);
  for (int i = 0; i < blocks; ++i)
    for (int j = 0; j < blocks; ++j) MATRIX(pref, i, j) = i == j ? pIn : pOut;
  igraph_vector_int_t sizes;
  igraph_vector_int_init(&sizes, blocks);
  igraph_vector_int_fill(&sizes, size);
  igraph_sbm_game(&g.g, blocks * size, &pref, &sizes, false, false);
  igraph_vector_int_destroy(&sizes);
  igraph_matrix_destroy(&pref);
}

}  // namespace

TEST_CASE("Communities of Zachary's karate club match igraph", "[network][communities]") {
  test::IGraph g;
  igraph_famous(&g.g, "Zachary");
  checkGraph("karate", g.g, test::edgesOf(g.g));
  auto weighted = test::edgesOf(g.g);
  test::randomWeights(weighted, 34);
  checkGraph("karate weighted", g.g, weighted);
  // The best known split of the karate club has Q = 0.4198 (4 communities).
  const auto graph = analysis::buildGraph(34, test::edgesOf(g.g));
  CHECK(analysis::leiden(graph).modularity > 0.41);
}

TEST_CASE("Communities of planted partitions match igraph", "[network][communities]") {
  igraph_rng_seed(igraph_rng_default(), 20261126);
  SECTION("4 blocks of 50, clear") {
    test::IGraph g;
    plantedPartition(g, 4, 50, 0.25, 0.02);
    checkGraph("planted 4x50", g.g, test::edgesOf(g.g));
    // The planted blocks are found.
    Ids blocks(200);
    for (std::uint32_t v = 0; v < 200; ++v) blocks[v] = v / 50;
    const auto found = analysis::leiden(analysis::buildGraph(200, test::edgesOf(g.g)));
    CHECK(analysis::normalisedMutualInformation(found.membership, blocks) > 0.95);
  }
  SECTION("10 blocks of 40, fuzzy, weighted") {
    test::IGraph g;
    plantedPartition(g, 10, 40, 0.15, 0.03);
    auto edges = test::edgesOf(g.g);
    checkGraph("planted 10x40", g.g, edges);
    test::randomWeights(edges, 11);
    checkGraph("planted 10x40 weighted", g.g, edges);
  }
}

TEST_CASE("NMI matches igraph", "[network][communities]") {
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<std::uint32_t> pick(0, 6);
  for (int round = 0; round < 5; ++round) {
    Ids a(120), b(120);
    for (std::size_t i = 0; i < a.size(); ++i) {
      a[i] = pick(rng);
      b[i] = round % 2 ? pick(rng) : a[i] / 2;  // independent, or a coarsening of a
    }
    CHECK(analysis::normalisedMutualInformation(a, b) == Approx(igraphNmi(a, b)).margin(1e-9));
  }
  const Ids one(10, 3), split{0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
  CHECK(analysis::normalisedMutualInformation(one, one) == Approx(igraphNmi(one, one)));
  CHECK(analysis::normalisedMutualInformation(one, split) == Approx(igraphNmi(one, split)));
  CHECK(analysis::normalisedMutualInformation(split, Ids{7, 7, 7, 7, 7, 2, 2, 2, 2, 2}) == 1.0);
}

TEST_CASE("Communities: small cases and errors", "[network][communities]") {
  const auto empty = analysis::buildGraph(3, {});
  CHECK(analysis::modularity(empty, {0, 1, 2}) == 0.0);
  CHECK(analysis::louvain(empty).count == 3);
  CHECK(analysis::leiden(empty).count == 3);
  // Two triangles joined by one tie: two communities.
  const auto two = analysis::buildGraph(6, {{0, 1, 1, 1},
                                            {1, 2, 1, 1},
                                            {0, 2, 1, 1},
                                            {3, 4, 1, 1},
                                            {4, 5, 1, 1},
                                            {3, 5, 1, 1},
                                            {2, 3, 1, 1}});
  CHECK(analysis::louvain(two).membership == Ids{0, 0, 0, 1, 1, 1});
  CHECK(analysis::leiden(two).membership == Ids{0, 0, 0, 1, 1, 1});
  CHECK(analysis::modularity(two, {0, 0, 0, 1, 1, 1}) == Approx(5.0 / 14.0));
  CHECK_THROWS_AS(analysis::louvain(two, {0.0}), std::invalid_argument);
  CHECK_THROWS_AS(analysis::modularity(two, {0, 1}), std::invalid_argument);
  CHECK_THROWS_AS(analysis::normalisedMutualInformation({0}, {0, 1}), std::invalid_argument);
}
