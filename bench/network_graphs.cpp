#include "bench/network_graphs.h"

#include <algorithm>

#include "bench/bench_util.h"

namespace orglens::bench {
namespace {

using Rng = SplitMix64;

}  // namespace

std::vector<analysis::WeightedEdge> barabasiAlbert(std::size_t n, std::size_t m,
                                                   std::uint64_t seed) {
  Rng rng{seed};
  std::vector<analysis::WeightedEdge> edges;
  std::vector<std::uint32_t> ends;  // every edge's two ends: sampling ∝ degree
  const auto tie = [&](std::size_t a, std::size_t b) {
    edges.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b), 1.0, 1});
    ends.push_back(static_cast<std::uint32_t>(a));
    ends.push_back(static_cast<std::uint32_t>(b));
  };
  const std::size_t clique = std::min(n, m + 1);
  for (std::size_t a = 0; a < clique; ++a)
    for (std::size_t b = a + 1; b < clique; ++b) tie(a, b);
  std::vector<std::uint32_t> chosen;
  for (std::size_t v = clique; v < n; ++v) {
    chosen.clear();
    while (chosen.size() < m) {
      const auto t = ends[rng.below(ends.size())];
      if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) chosen.push_back(t);
    }
    for (auto t : chosen) tie(v, t);
  }
  return edges;
}

std::vector<analysis::WeightedEdge> emailShape(std::size_t n, std::size_t core, std::size_t m,
                                               std::uint64_t seed) {
  auto edges = barabasiAlbert(core, m, seed);
  const std::size_t coreEdges = edges.size();
  Rng rng{seed ^ 0x5DEECE66Dull};
  for (std::size_t v = core; v < n; ++v) {
    const auto& e = edges[rng.below(coreEdges)];
    edges.push_back({static_cast<std::uint32_t>(v), rng.next() & 1 ? e.a : e.b, 1.0, 1});
  }
  return edges;
}

}  // namespace orglens::bench
