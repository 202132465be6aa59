// A stable LSD radix sort over 16-bit digits, for the big sorts of the analysis passes (the
// ranking of the handoff tables, the variants' hash prefixes). Internal to analysis/.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace orglens::analysis::detail {

/// Sorts `v` stably by the `digits` 16-bit digits that digitOf(x, d) gives (d = 0 the least
/// significant). A pass over a digit that is the same for every element is skipped. O(digits · n)
/// with one buffer of n elements.
template <class T, class DigitOf>
void radixSort16(std::vector<T>& v, int digits, DigitOf digitOf) {
  if (v.empty()) return;
  std::vector<T> other(v.size());
  std::vector<std::uint32_t> at(std::size_t{1} << 16);
  for (int d = 0; d < digits; ++d) {
    std::fill(at.begin(), at.end(), 0);
    for (const T& x : v) ++at[digitOf(x, d)];
    if (at[digitOf(v.front(), d)] == v.size()) continue;  // one digit for all: in order
    std::uint32_t offset = 0;
    for (auto& a : at) offset += std::exchange(a, offset);
    for (const T& x : v) other[at[digitOf(x, d)]++] = x;
    v.swap(other);
  }
}

}  // namespace orglens::analysis::detail
