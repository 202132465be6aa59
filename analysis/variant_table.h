// Variants (activity sequences) and their item counts, for the flow pass (definition "flow/1"):
// those too long for a 128-bit key (analysis/variant_codes.h counts the others, most of them).
// Internal to analysis/; not part of its public API.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace orglens::analysis::detail {

/// Sequences stored back to back in one pool and counted by sorting, not by a hash table: push()
/// appends each item's sequence and its hash (sequential writes); count() sorts the pushed items
/// by the high 32 bits of their hash with a two-pass radix sort and turns each run of equal
/// prefixes into entries, comparing sequences only inside a run. A hash table of ~600 K variants
/// missed the cache on every lookup (slot, entry, pool: ≈ 60 ns an item even with prefetching);
/// the sort streams through memory. Entries stay ordered by hash prefix, so merge() is a linear
/// merge. No allocation per item.
class VariantTable {
 public:
  struct Entry {
    std::uint64_t hash;
    std::uint32_t offset, length;  // into the pool, or the shared memory (kShared in length)
    std::uint64_t items;
  };
  static std::uint64_t hashOf(const std::uint32_t* seq, std::size_t n) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (std::size_t i = 0; i < n; ++i) h = (h ^ seq[i]) * 0x100000001B3ull + (h >> 29);
    return h ^ (h >> 32);
  }
  /// Room for `items` pushed sequences of `symbols` activities in all. Virtual memory only.
  void reserve(std::size_t items, std::size_t symbols);
  /// Sequences pushed from inside `shared` (the log's activity column, whose items are their own
  /// sequences when they have completions only) are kept there, not copied into the pool: the
  /// memory must outlive the table, unchanged. Tables that share the same memory merge without
  /// copying those either.
  void share(std::span<const std::uint32_t> shared);
  /// One item's sequence, counted by the next count(). O(n).
  void push(const std::uint32_t* seq, std::size_t n);
  /// Counts the pushed sequences. O(pushed items + symbols) (a run of k distinct variants with
  /// one hash prefix costs O(k²) comparisons; such runs are rare and short).
  void count();
  /// Adds the variants of `other` with their item counts. O(entries of both + other's symbols).
  void merge(const VariantTable& other);
  std::span<const std::uint32_t> sequence(const Entry& e) const {
    return {at(e.offset, e.length), sizeOf(e.length)};
  }
  /// The variants, ordered by the high 32 bits of their hash.
  const std::vector<Entry>& entries() const { return m_entries; }

  /// A variant of several tables (mergedOf()): the first table that has it, its entry there,
  /// and its items in all of them.
  struct Merged {
    std::uint32_t table, entry;
    std::uint64_t items;
  };
  /// The distinct variants of `tables` (each counted) with their items added up, without copying
  /// a sequence or building a merged table: one walk over their entries in hash-prefix order,
  /// comparing sequences only inside a run of one prefix. The variants come in prefix order,
  /// within a prefix in table order. O(entries of all tables · tables).
  static std::vector<Merged> mergedOf(std::span<const VariantTable* const> tables);

 private:
  struct Pending {
    std::uint64_t hash;
    std::uint32_t offset, length;
  };
  static std::uint32_t prefix(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }
  /// In an entry's length: its sequence lies in the shared memory.
  static constexpr std::uint32_t kShared = std::uint32_t{1} << 31;
  static std::uint32_t sizeOf(std::uint32_t length) { return length & ~kShared; }
  const std::uint32_t* at(std::uint32_t offset, std::uint32_t length) const {
    return (length & kShared ? m_shared.data() : m_pool.data()) + offset;
  }
  /// Whether entry `e` (its sequence in m_pool or the shared memory) is `seq` with hash `hash`.
  bool same(const Entry& e, std::uint64_t hash, const std::uint32_t* seq,
            std::uint32_t length) const;
  /// Merges `sorted` (ordered by hash prefix, sequences in `from`'s pool or shared memory) into
  /// m_entries; their sequences are copied into m_pool unless they are this table's own or lie
  /// in the memory both share.
  void mergeSorted(const std::vector<Entry>& sorted, const VariantTable& from);
  std::span<const std::uint32_t> m_shared;
  std::vector<std::uint32_t> m_pool;
  std::vector<Entry> m_entries;
  std::vector<Pending> m_pending;
};

}  // namespace orglens::analysis::detail
