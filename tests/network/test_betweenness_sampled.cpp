// Sampled betweenness (Brandes & Pich 2007): k = n is the exact computation; on a seeded
// Barabási–Albert graph the estimate lies within the stated error bound of the exact values;
// the estimate is the same for any thread count.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/betweenness.h"
#include "tests/network/oracle.h"

using namespace orglens;

namespace {

analysis::Graph baGraph(igraph_integer_t n, igraph_integer_t m, unsigned seed) {
  igraph_rng_seed(igraph_rng_default(), seed);
  test::IGraph g;
  igraph_barabasi_game(&g.g, n, 1.0, m, nullptr, false, 1.0, false, IGRAPH_BARABASI_PSUMTREE,
                       nullptr);
  return analysis::buildGraph(static_cast<std::size_t>(n), test::edgesOf(g.g));
}

analysis::BetweennessResult run(const analysis::Graph& g, std::size_t k, unsigned threads,
                                std::uint64_t seed = 7) {
  model::NoProgress progress;
  analysis::BetweennessOptions options;
  options.threads = threads;
  options.sampleSources = k;
  options.seed = seed;
  return analysis::computeBetweenness(g, options, progress);
}

}  // namespace

TEST_CASE("Sampling every node is the exact betweenness", "[network][betweenness]") {
  const auto g = baGraph(300, 3, 11);
  const auto exact = run(g, 0, 2);
  CHECK_FALSE(exact.estimated);
  CHECK(exact.sources == 300);
  CHECK(exact.errorBound == 0);
  for (std::size_t k : {std::size_t{300}, std::size_t{1000}}) {
    const auto all = run(g, k, 2);
    CHECK_FALSE(all.estimated);
    CHECK(all.raw == exact.raw);
    CHECK(all.normalised == exact.normalised);
  }
}

TEST_CASE("A sampled estimate is within its stated bound", "[network][betweenness]") {
  const auto g = baGraph(2000, 3, 5);
  const auto exact = run(g, 0, 2);
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const auto est = run(g, 200, 2, seed);
    REQUIRE(est.estimated);
    CHECK(est.sources == 200);
    const double n = 2000;
    const double expected = n / (n - 1) * std::sqrt(std::log(2 * n / 0.05) / (2 * 200.0));
    CHECK(est.errorBound == Approx(expected).epsilon(1e-12));
    double worst = 0, total = 0, totalExact = 0;
    for (std::size_t v = 0; v < exact.raw.size(); ++v) {
      worst = std::max(worst, std::fabs(est.normalised[v] - exact.normalised[v]));
      total += est.raw[v];
      totalExact += exact.raw[v];
    }
    INFO("seed " << seed << " worst " << worst << " bound " << est.errorBound);
    CHECK(worst <= est.errorBound);
    // Unbiased: Σ betweenness (= Σ path lengths − pairs) is close to the exact total.
    CHECK(total == Approx(totalExact).epsilon(0.1));
  }
}

TEST_CASE("A sampled estimate does not depend on the thread count", "[network][betweenness]") {
  const auto g = baGraph(1500, 2, 3);
  const auto one = run(g, 100, 1);
  CHECK(one.estimated);
  CHECK(run(g, 100, 2).raw == one.raw);
  CHECK(run(g, 100, 5).raw == one.raw);
  CHECK(run(g, 100, 2, 8).raw != one.raw);  // another seed, other sources
}

TEST_CASE("Betweenness rejects a confidence outside (0, 1)", "[network][betweenness]") {
  const auto g = baGraph(50, 2, 1);
  model::NoProgress progress;
  analysis::BetweennessOptions options;
  options.confidence = 1.0;
  CHECK_THROWS_AS(analysis::computeBetweenness(g, options, progress), std::invalid_argument);
}
