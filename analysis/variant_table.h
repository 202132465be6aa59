// Variants (activity sequences) and their item counts, for the flow pass (definition "flow/1").
// Internal to analysis/; not part of its public API.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace orglens::analysis::detail {

/// Sequences stored back to back in one pool, found by hash through an open-addressing table;
/// no allocation per item. A slot holds the entry number and the high 32 bits of the hash, so
/// that a probe past another variant's slot need not read that entry.
///
/// Items are counted in two steps: push() appends each item's sequence to the pool (a
/// sequential write), count() then looks them all up with prefetching, several items ahead:
/// on a large table each lookup is otherwise three dependent cache misses (slot, entry, pool).
class VariantTable {
 public:
  struct Entry {
    std::uint64_t hash;
    std::uint32_t offset, length;  // into the pool
    std::uint64_t items;
  };
  static std::uint64_t hashOf(const std::uint32_t* seq, std::size_t n) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (std::size_t i = 0; i < n; ++i) h = (h ^ seq[i]) * 0x100000001B3ull + (h >> 29);
    return h ^ (h >> 32);
  }
  /// Room for `items` pushed sequences of `symbols` activities in all. Virtual memory only.
  void reserve(std::size_t items, std::size_t symbols);
  /// One item's sequence, counted by the next count(). O(n).
  void push(const std::uint32_t* seq, std::size_t n);
  /// Counts the pushed sequences. O(pushed symbols).
  void count();
  /// Adds the variants of `other` with their item counts, in its entry order. O(its symbols).
  void merge(const VariantTable& other);
  std::span<const std::uint32_t> sequence(const Entry& e) const {
    return {m_pool.data() + e.offset, e.length};
  }
  const std::vector<Entry>& entries() const { return m_entries; }

 private:
  struct Pending {
    std::uint64_t hash;
    std::uint32_t offset, length;
  };
  static constexpr std::uint64_t kTag = 0xFFFFFFFF00000000ull;
  static std::uint64_t slotOf(std::uint64_t hash, std::size_t entry) {
    return (hash & kTag) | (entry + 1);
  }
  /// Adds `items` items of the variant `seq` (for merge()). O(n).
  void add(const std::uint32_t* seq, std::size_t n, std::uint64_t hash, std::uint64_t items);
  /// The entry of a (pooled) sequence, a new one when it is not in the table yet.
  Entry& find(std::uint64_t hash, std::uint32_t offset, std::uint32_t length);
  /// Lookups between the stages of prefetch() in count() and merge().
  static constexpr std::size_t kAhead = 12;
  void prefetch(std::uint64_t hash, std::size_t stage) const;
  void grow(std::size_t slots);
  /// Grows the slots (at most half full) for `entries` entries, whether pending or merged.
  void slotsFor(std::size_t entries);
  std::vector<std::uint32_t> m_pool;
  std::vector<Entry> m_entries;
  std::vector<Pending> m_pending;
  std::vector<std::uint64_t> m_slots = std::vector<std::uint64_t>(1024, 0);  // 0: empty
};

}  // namespace orglens::analysis::detail
