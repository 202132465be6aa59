#include "analysis/handoff_ranking.h"

#include <algorithm>
#include <bit>
#include <stdexcept>
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

/// The rank keys of n groups, group(i) the i-th in key order, sorted: the rank order.
template <class GroupAt>
std::vector<RankKey> sortedKeys(std::size_t n, GroupAt group) {
  std::vector<RankKey> keys;
  keys.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    keys.push_back(rankKey(group(i), static_cast<std::uint32_t>(i)));
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
  return keys;
}

}  // namespace

std::vector<HandoffGroup> ranked(GroupParts&& parts) {
  std::size_t total = 0;
  for (const auto& part : parts) total += part.size();
  std::vector<const HandoffGroup*> at;  // by index in key order: the group
  at.reserve(total);
  for (const auto& part : parts)
    for (const auto& g : part) at.push_back(&g);
  const std::vector<RankKey> keys =
      sortedKeys(total, [&](std::size_t i) -> const HandoffGroup& { return *at[i]; });
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

std::vector<HandoffGroup> rankedInPlace(std::vector<HandoffGroup>&& groups,
                                        std::span<const std::uint32_t> keyOrder) {
  const std::size_t n = groups.size();
  // A place twice would make a cycle below that never closes: an error, not a hang.
  std::vector<bool> seen(n, false);
  bool permutation = keyOrder.size() == n;
  for (std::size_t i = 0; permutation && i < n; ++i) {
    permutation = keyOrder[i] < n && !seen[keyOrder[i]];
    if (permutation) seen[keyOrder[i]] = true;
  }
  if (!permutation) throw std::logic_error("rankedInPlace: keyOrder is not an order of the groups");
  const std::vector<RankKey> keys =
      sortedKeys(n, [&](std::size_t i) -> const HandoffGroup& { return groups[keyOrder[i]]; });
  // from[r]: where the group of rank r is now. Each cycle of the permutation is walked once:
  // a place takes the group from the next place of its cycle, the first place's group goes to
  // the last; a done place gets from[r] = r. The groups a few steps ahead on the cycle are
  // fetched early (each read is at random over the 40 MB of the person table).
  std::vector<std::uint32_t> from(n);
  for (std::size_t r = 0; r < n; ++r) from[r] = keyOrder[keys[r].index];
  constexpr int kAhead = 8;
  for (std::size_t start = 0; start < n; ++start) {
    if (from[start] == start) continue;
    const HandoffGroup first = groups[start];
    std::size_t ahead = start;
    for (int k = 0; k < kAhead; ++k) ahead = from[ahead];
    std::size_t at = start;
    for (;;) {
      const std::size_t next = from[at];
      from[at] = static_cast<std::uint32_t>(at);
      if (next == start) {
        groups[at] = first;
        break;
      }
      groups[at] = groups[next];
      __builtin_prefetch(&groups[ahead]);
      __builtin_prefetch(reinterpret_cast<const char*>(&groups[ahead]) + 64);
      ahead = from[ahead];
      at = next;
    }
  }
  return std::move(groups);
}

}  // namespace orglens::analysis::detail
