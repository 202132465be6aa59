// Sets of ids (dense, non-negative) as one byte per id, grown on demand: what the parallel
// loaders mark per range of rows and merge afterwards. Internal to model/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace orglens::model::detail {

/// Marks `id` in `seen`, growing it (at least doubling) when the id is past its end.
inline void markSeen(std::vector<char>& seen, std::uint64_t id) {
  const auto i = static_cast<std::size_t>(id);
  if (i >= seen.size()) seen.resize(std::max(i + 1, 2 * seen.size()), 0);
  seen[i] = 1;
}

/// Adds the ids of `from` to `into`.
inline void addSeen(std::vector<char>& into, const std::vector<char>& from) {
  if (into.size() < from.size()) into.resize(from.size(), 0);
  for (std::size_t i = 0; i < from.size(); ++i) into[i] |= from[i];
}

}  // namespace orglens::model::detail
