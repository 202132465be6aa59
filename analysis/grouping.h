// Building blocks of the aggregating passes (handoffs, flow): dense, order-preserving indexes
// of ids, and grouping of rows by an integer key (a counting pass when the key space is small,
// a hash map otherwise). Internal to analysis/; not part of its public API.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include "analysis/huge_pages.h"

namespace orglens::analysis::detail {

/// An allocator that default-initialises: resize() of a vector of numbers leaves them
/// unwritten instead of zeroing, for buffers that are filled right after.
template <class T>
struct UninitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitAllocator<U>;
  };
  UninitAllocator() = default;
  template <class U>
  UninitAllocator(const UninitAllocator<U>&) noexcept {}
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0)
      ::new (static_cast<void*>(p)) U;
    else
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
template <class T>
using Buffer = std::vector<T, UninitAllocator<T>>;

/// Backs the whole pages of [p, p + bytes) with zeroed memory in one call, rather than in one page
/// fault for each 4 KB page as it is first written (MADV_POPULATE_WRITE, Linux 5.14 and later;
/// nothing on older kernels, nor for less than 1 MB). For memory about to be written whole: the
/// 10 M-event handoff pass takes ≈ 100 K faults otherwise, ≈ 1.7 µs each on a VM. Where a
/// HugePageScope allows, the whole 2 MB pages inside are asked for as huge pages first.
inline void populate(void* p, std::size_t bytes) {
  adviseHuge(p, bytes);  // where a HugePageScope allows (analysis/huge_pages.h)
#ifdef MADV_POPULATE_WRITE
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  if (bytes < (std::size_t{1} << 20) || page == 0 || (page & (page - 1)) != 0) return;
  adviseWholePages(p, bytes, page, MADV_POPULATE_WRITE);
#else
  (void)p, (void)bytes;
#endif
}

/// populate() for the elements [from, to) of `buffer` (within its size).
template <class Vector>
void populate(Vector& buffer, std::size_t from, std::size_t to) {
  if (to > from) populate(buffer.data() + from, (to - from) * sizeof(buffer[0]));
}

/// Ids (ObjectId/StringId values) numbered 0..size-1 in ascending id order, so that ordering by
/// dense index is ordering by id. kNone (the largest uint32), when present, gets the last index.
/// The index by id grows with the largest id marked, not to the limit: a log's 30 activities
/// among its million strings take an array of 30, not a zeroed one of a million walked by
/// finish() (the handoff pass's three: 12 MB of fresh pages and 36 M instructions).
class DenseIds {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
  explicit DenseIds(std::size_t limit) : m_limit(limit) {}
  /// Marks `id` as present; ids >= limit count as kNone. Call finish() after the last mark.
  void mark(std::uint32_t id) {
    if (id < m_index.size())
      m_index[id] = 1;
    else
      markBeyond(id);
  }
  /// mark() of each of `ids`, with the index's place and size in registers.
  void markAll(std::span<const std::uint32_t> ids) {
    std::uint32_t* index = m_index.data();
    std::size_t size = m_index.size();
    const std::uint32_t* p = ids.data();
    const std::uint32_t* const end = p + ids.size();
    while (p != end) {
      // Eight at a time while all eight lie inside the index: one check for the eight (10 M
      // events' actors and activities: 11 → 7 ms).
      while (end - p >= 8) {
        std::uint32_t most = p[0];
        for (int k = 1; k < 8; ++k) most = p[k] > most ? p[k] : most;
        if (most >= size) break;
        for (int k = 0; k < 8; ++k) index[p[k]] = 1;
        p += 8;
      }
      if (p == end) break;
      const std::uint32_t id = *p++;
      if (id < size) {
        index[id] = 1;
        continue;
      }
      markBeyond(id);
      index = m_index.data(), size = m_index.size();
    }
  }
  /// Numbers the marked ids. O(the largest id marked).
  void finish();
  std::uint32_t size() const { return static_cast<std::uint32_t>(m_ids.size()); }
  std::uint32_t operator[](std::uint32_t id) const {
    if (id < m_index.size()) return m_index[id];
    return id < m_limit ? kAbsent : m_noneIndex;  // not marked, or kNone's
  }
  std::uint32_t id(std::uint32_t dense) const { return m_ids[dense]; }

 private:
  /// mark() of an id past the index: grows it (at least doubling), or notes kNone.
  void markBeyond(std::uint32_t id);
  std::size_t m_limit;
  std::vector<std::uint32_t> m_index;  // by id: dense index (marks before finish())
  std::vector<std::uint32_t> m_ids;    // by dense index: id
  bool m_none = false;
  std::uint32_t m_noneIndex = kAbsent;
};

inline constexpr std::uint64_t kSkipRow = ~std::uint64_t{0};
inline constexpr std::uint32_t kNoGroup = ~std::uint32_t{0};

/// Rows 0..n-1 grouped by key: groups numbered in ascending key order.
struct RowGroups {
  Buffer<std::uint32_t> gid;         // per row: its group, kNoGroup when left out
  std::vector<std::uint64_t> key;    // per group, ascending
  std::vector<std::uint32_t> begin;  // per group + 1: offsets of its rows in grouped order
  std::size_t size() const { return key.size(); }
};

/// Numbers the groups of `g.gid`, which holds raw keys (< keySpace) on entry.
void numberByCounting(RowGroups& g, std::uint64_t keySpace);
/// The same for keys too many for an array: `raw` holds each row's key.
void numberByHashing(RowGroups& g, const std::vector<std::uint64_t>& raw);

/// Groups rows by keyOf(row) < keySpace (kSkipRow: left out). O(n + keySpace) through an
/// array when keySpace is at most max(n, 2^22), else O(n + g log g) through a hash map.
template <class KeyFn>
RowGroups groupRows(std::size_t n, std::uint64_t keySpace, KeyFn keyOf, RowGroups&& reuse = {}) {
  RowGroups g = std::move(reuse);
  g.key.clear();
  g.begin.clear();
  g.gid.resize(n);
  if (keySpace <= std::max<std::uint64_t>(n, std::uint64_t{1} << 22)) {
    for (std::size_t i = 0; i < n; ++i) {  // keys fit in 32 bits here
      const std::uint64_t k = keyOf(i);
      g.gid[i] = k == kSkipRow ? kNoGroup : static_cast<std::uint32_t>(k);
    }
    numberByCounting(g, keySpace);
  } else {
    std::vector<std::uint64_t> raw(n);
    for (std::size_t i = 0; i < n; ++i) raw[i] = keyOf(i);
    numberByHashing(g, raw);
  }
  return g;
}

/// values[row] of the grouped rows into `out`, group after group (rows in row order within a
/// group). `out` is reused: no fresh pages when it is big enough already.
void groupedValues(const RowGroups& g, const Buffer<std::int64_t>& values,
                   Buffer<std::int64_t>& out);

/// Bits to tell apart the values 0 .. values − 1.
inline int bitsFor(std::uint64_t values) {
  return static_cast<int>(std::bit_width(std::max<std::uint64_t>(1, values) - 1));
}

/// Three fields packed into one integer `Code` in bit fields: a sender (highest), a receiver and
/// a pair (lowest), for rows of handoffs that are written, read and faulted in by the million.
struct RowLayout {
  int pairBits = 0, receiverBits = 0;
  int senderShift() const { return pairBits + receiverBits; }
  template <class Code>
  Code pack(std::uint64_t sender, std::uint64_t receiver, std::uint64_t pair) const {
    const std::uint64_t low = receiver << pairBits | pair;
    return static_cast<Code>(senderShift() < 64 ? sender << senderShift() | low : low);
  }
  template <class Code>
  std::uint32_t sender(Code code) const {
    return senderShift() < std::numeric_limits<Code>::digits
               ? static_cast<std::uint32_t>(code >> senderShift())
               : 0;
  }
  template <class Code>
  std::uint32_t receiver(Code code) const {
    return static_cast<std::uint32_t>((std::uint64_t{code} >> pairBits) &
                                      ((std::uint64_t{1} << receiverBits) - 1));
  }
  template <class Code>
  std::uint32_t pair(Code code) const {
    return static_cast<std::uint32_t>(std::uint64_t{code} & ((std::uint64_t{1} << pairBits) - 1));
  }
};

}  // namespace orglens::analysis::detail
