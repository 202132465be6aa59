// A force-directed layout for the report's small network picture.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace orglens::reports {

/// Fruchterman–Reingold (1991) on n nodes: positions in [0, 1]² for the edges (a, b).
/// Deterministic: starts from a circle in node order (so callers order nodes by group to get
/// groups side by side) and runs a fixed number of cooling steps. O(iterations · (n² + m)),
/// meant for the ≤ 150 nodes the report draws.
std::vector<std::pair<double, double>> forceLayout(
    std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
    int iterations = 300);

}  // namespace orglens::reports
