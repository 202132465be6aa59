// Generated graphs of the network benchmark (issue #6): Barabási–Albert graphs and the degree
// shape of real e-mail networks, from an own seeded generator (the same edges everywhere).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/graph.h"

namespace orglens::bench {

/// Barabási–Albert: a clique of m + 1 nodes, then every further node ties to m distinct
/// earlier nodes chosen with probability ∝ degree. n nodes, m(m + 1)/2 + (n − m − 1)·m edges
/// (36,692 nodes and m = 5 give 183,445, the size of e-mail-Enron).
std::vector<analysis::WeightedEdge> barabasiAlbert(std::size_t n, std::size_t m,
                                                   std::uint64_t seed);

/// The degree shape of real e-mail networks (many people with one tie): a Barabási–Albert core
/// of `core` nodes with m ties per node, then n − core pendant nodes, each with one tie to a
/// core node chosen with probability ∝ its core degree.
std::vector<analysis::WeightedEdge> emailShape(std::size_t n, std::size_t core, std::size_t m,
                                               std::uint64_t seed);

}  // namespace orglens::bench
