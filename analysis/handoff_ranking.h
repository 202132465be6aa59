// The order of the handoff tables (definition "handoffs/1"): by excess delay, then count, then
// key. Internal to analysis/handoff_tables.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/handoffs.h"

namespace orglens::analysis::detail {

/// Groups in parts (the order of the parts, then within each, is their key order).
using GroupParts = std::vector<std::vector<HandoffGroup>>;

/// The groups of all parts ordered by excess delay, then count, then key order. The parts are
/// gathered straight into the result: the person table's 413 K groups (40 MB) of 10 M events are
/// not first joined into one vector. O(g) by a radix sort for many groups, else O(g log g).
std::vector<HandoffGroup> ranked(GroupParts&& parts);
/// The same for one part.
std::vector<HandoffGroup> ranked(std::vector<HandoffGroup>&& all);
/// The same for `groups` in any order, whose key order is keyOrder (their places in it),
/// reordered in place: no second copy of the groups in fresh memory.
std::vector<HandoffGroup> rankedInPlace(std::vector<HandoffGroup>&& groups,
                                        std::span<const std::uint32_t> keyOrder);

}  // namespace orglens::analysis::detail
