#include "analysis/handoff_ranking.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "analysis/grouping.h"
#include "analysis/radix_sort.h"

namespace orglens::analysis::detail {
namespace {

/// A sort key of a group for ranked(): ascending keys are descending excess delays, then
/// descending counts. The excess (a double, never negative or NaN here) maps to an unsigned
/// integer in the order of its values; both are inverted for descending order.
struct RankKey {
  std::uint64_t excess;
  std::uint32_t count, index;
};

RankKey rankKey(const HandoffGroup& g, std::uint32_t index) {
  const auto bits = std::bit_cast<std::uint64_t>(g.excessDelay);
  const std::uint64_t ordered = bits >> 63 ? ~bits : bits | (std::uint64_t{1} << 63);
  const auto count = static_cast<std::uint32_t>(std::min<std::uint64_t>(g.wait.count, ~0u));
  return {~ordered, ~count, index};
}

/// Sorts keys ascending by (excess, count), stably (index order on ties): 16-bit digits, the
/// count's two first. A comparison sort of the 413 K person pairs of 10 M events took 0.03 s.
void radixSort(std::vector<RankKey>& keys) {
  radixSort16(keys, 6, [](const RankKey& k, int digit) {
    return digit < 2 ? (k.count >> (16 * digit)) & 0xFFFFu
                     : static_cast<std::uint32_t>(k.excess >> (16 * (digit - 2))) & 0xFFFFu;
  });
}

}  // namespace

std::vector<HandoffGroup> ranked(GroupParts&& parts) {
  std::size_t total = 0;
  for (const auto& part : parts) total += part.size();
  std::vector<const HandoffGroup*> at;  // by index in key order: the group
  at.reserve(total);
  for (const auto& part : parts)
    for (const auto& g : part) at.push_back(&g);
  return ranked(at);
}

std::vector<HandoffGroup> ranked(std::span<const HandoffGroup* const> at) {
  const std::size_t total = at.size();
  std::vector<RankKey> keys;
  keys.reserve(total);
  for (std::size_t i = 0; i < total; ++i)
    keys.push_back(rankKey(*at[i], static_cast<std::uint32_t>(i)));
  constexpr std::size_t kRadixFrom = 1 << 14;  // fewer: a comparison sort costs less
  if (keys.size() < kRadixFrom) {
    std::sort(keys.begin(), keys.end(), [](const RankKey& a, const RankKey& b) {
      if (a.excess != b.excess) return a.excess < b.excess;
      if (a.count != b.count) return a.count < b.count;
      return a.index < b.index;
    });
  } else if (!keys.empty()) {
    radixSort(keys);
  }
  // The groups in rank order: reads at random, each fetched a few groups ahead (the read of a
  // group missed the cache otherwise; 413 K person pairs: 36 ms without, 26 with).
  std::vector<HandoffGroup> out;
  out.reserve(total);
  populate(out.data(), total * sizeof(HandoffGroup));  // written whole below
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i + kAhead < keys.size()) __builtin_prefetch(at[keys[i + kAhead].index]);
    out.push_back(*at[keys[i].index]);
  }
  return out;
}

std::vector<HandoffGroup> ranked(std::vector<HandoffGroup>&& all) {
  GroupParts parts;
  parts.push_back(std::move(all));
  return ranked(std::move(parts));
}

}  // namespace orglens::analysis::detail
