// Variants (activity sequences) short enough to be packed into one 128-bit integer, and their
// item counts, for the flow pass (definition "flow/1"). Internal to analysis/; not part of its
// public API.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/grouping.h"

namespace orglens::analysis::detail {

__extension__ typedef unsigned __int128 VariantKey;

/// Packs a sequence of dense activities (0..activities − 1) into a VariantKey without loss: each
/// activity as activity + 1 in bits() bits, the first highest, the rest zeros. Two sequences have
/// the same key exactly when they are equal, and keys order as the sequences do
/// lexicographically (a zero ends a key, and sorts before every activity: a prefix first). Fits
/// sequences of up to maxLength() activities (24 of 30 activities, 18 of 100). The key is built
/// as the activities come, in two 64-bit words in registers (add(); a 128-bit shift for each
/// activity cost 16 instructions), and put together once at the end (key()).
class VariantCoder {
 public:
  struct Built {
    std::uint64_t high = 0, low = 0;  // the first 64 / bits() activities, then the rest
  };
  explicit VariantCoder(std::uint64_t activities = 0)
      : m_bits(std::max(1, bitsFor(activities + 1))), m_half(64 / m_bits) {}
  int bits() const { return m_bits; }
  std::size_t maxLength() const { return 2 * m_half; }
  /// Adds the i-th activity (i = 0, 1, ... in order).
  void add(Built& b, std::size_t i, std::uint32_t dense) const {
    const std::uint64_t symbol = std::uint64_t{dense} + 1;
    if (i < m_half)
      b.high = b.high << m_bits | symbol;
    else
      b.low = b.low << m_bits | symbol;
  }
  /// The key of a sequence of n activities (1..maxLength()) added to `b`.
  VariantKey key(const Built& b, std::size_t n) const {
    const auto bits = static_cast<unsigned>(m_bits);
    if (n <= m_half) return VariantKey{b.high} << (128 - bits * n);
    const auto rest = static_cast<unsigned>(n - m_half);
    return (VariantKey{b.high} << (bits * rest) | b.low) << (128 - bits * n);
  }
  /// The dense activities of `key`, appended to `out`.
  void decode(VariantKey key, std::vector<std::uint32_t>& out) const;

 private:
  int m_bits;
  std::size_t m_half;
};

/// The keys of the items of one run of items, counted together with the other runs' at the end
/// (countTop()). Each key goes, as it is pushed, into its bucket (by a hash of the key; buckets of
/// about a thousand keys), stored in blocks of kBlock keys: no sort or partition pass, no hash
/// table in front of the scan, no sequence read again, no memory but the keys'. Each bucket is
/// counted in a hash table that stays in the cache.
class VariantCodes {
 public:
  struct Entry {
    VariantKey key;
    std::uint64_t items;
  };
  /// The distinct keys of several runs and the `top` with the most items (ties: the smaller key,
  /// the lexicographically smaller sequence, first), best first.
  struct Counted {
    std::uint64_t distinct = 0;
    std::vector<Entry> top;
  };
  static constexpr std::uint32_t kBlock = 64;
  /// Room for `items` keys of a pass that has `allItems` in all its runs (which sets the buckets:
  /// the same for every run of one pass), backed with pages.
  void reserve(std::size_t items, std::size_t allItems);
  void push(VariantKey key) {
    const std::size_t b = bucketOf(key);
    std::uint32_t& at = m_tail[b];
    if (at % kBlock == 0) at = newBlock(b);  // none yet, or its last block full
    m_keys[at++] = key;
  }
  /// Counts the keys of `runs` together, bucket by bucket, each run reserved for the same
  /// `allItems`. O(keys). The result does not depend on how the items were split into runs,
  /// nor on their order.
  static Counted countTop(std::span<const VariantCodes* const> runs, std::size_t top);

 private:
  static constexpr std::uint32_t kNoBlock = ~std::uint32_t{0};
  /// A 64-bit mix of a key: its high bits pick the bucket, its low bits the slot inside one.
  static std::uint64_t mixOf(VariantKey key) {
    std::uint64_t h = static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull ^
                      static_cast<std::uint64_t>(key >> 64) * 0xC2B2AE3D27D4EB4Full;
    h = (h ^ (h >> 32)) * 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
  }
  std::size_t bucketOf(VariantKey key) const {
    return m_bits == 0 ? 0 : static_cast<std::size_t>(mixOf(key) >> (64 - m_bits));
  }
  std::uint32_t newBlock(std::size_t bucket);
  /// The keys of `bucket`: f(first, last) for each of its blocks, in order.
  template <class F>
  void forEachBlock(std::size_t bucket, F f) const;
  int m_bits = 0;
  Buffer<VariantKey> m_keys;          // blocks of kBlock keys
  std::vector<std::uint32_t> m_tail;  // per bucket: where its next key goes (a multiple of
                                      // kBlock: in a new block)
  std::vector<std::uint32_t> m_first, m_last, m_blocks;  // per bucket: blocks
  std::vector<std::uint32_t> m_next;                     // per block: the bucket's next one
};

}  // namespace orglens::analysis::detail
