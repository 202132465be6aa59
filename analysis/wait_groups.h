// Waits grouped by an integer key, for the handoff tables: one counting sort puts each
// group's waits (and queue times) next to each other, so that a group's statistics are
// computed on a contiguous range and groups nested in a coarser key are ranges inside its
// range. Internal to analysis/; not part of its public API.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analysis/grouping.h"
#include "analysis/parallel.h"

namespace orglens::analysis::detail {

struct WaitGroups {
  std::vector<std::uint64_t> key;    // per group, ascending
  std::vector<std::uint32_t> begin;  // per group + 1: its range in `wait` and `queue`
  Buffer<std::int64_t> wait;         // grouped; rows of a group in row order
  Buffer<std::int64_t> queue;        // the same for queue times, when asked for
  std::size_t size() const { return key.size(); }
  std::int64_t* first(std::size_t g) { return wait.data() + begin[g]; }
  std::int64_t* last(std::size_t g) { return wait.data() + begin[g + 1]; }
};

/// The counting path of groupWaits() on `ranges` contiguous ranges of rows, one thread each (one
/// range: the calling thread): per range a count of its rows by key, then each range's rows moved
/// to their key's slots after those of the ranges before it (stable, as one pass over all rows
/// would place them).
template <class KeyOf, class CachedKey>
void groupWaitsInRanges(std::size_t n, std::uint64_t keySpace, KeyOf& keyOf, CachedKey& cachedKey,
                        const Buffer<std::int64_t>& wait, const Buffer<std::int64_t>* queue,
                        WaitGroups& out, unsigned ranges) {
  const auto rangeBegin = [&](std::size_t r) { return n * r / ranges; };
  // at[r * keySpace + k]: range r's count of key k, then its next slot for key k.
  std::vector<std::uint32_t> at(ranges * keySpace, 0);
  parallelChunks<int>(0, ranges, ranges, [&](std::size_t first, std::size_t last, int&) {
    for (std::size_t r = first; r < last; ++r) {
      std::uint32_t* count = at.data() + r * keySpace;
      const KeyOf key = keyOf;  // a local copy: the counts' stores cannot change what it reads
      for (std::size_t i = rangeBegin(r), end = rangeBegin(r + 1); i < end; ++i)
        if (const std::uint64_t k = key(i); k != kSkipRow) ++count[k];
    }
  });
  std::uint32_t offset = 0;
  for (std::uint64_t k = 0; k < keySpace; ++k) {
    const std::uint32_t before = offset;
    for (std::size_t r = 0; r < ranges; ++r) {
      const std::uint32_t count = at[r * keySpace + k];
      at[r * keySpace + k] = offset;
      offset += count;
    }
    if (offset == before) continue;
    out.key.push_back(k);
    out.begin.push_back(before);
  }
  out.begin.push_back(offset);
  // Plain pointers: writing through `out` in the loop measured a few % slower.
  std::int64_t* const waitOut = out.wait.data();
  std::int64_t* const queueOut = queue ? out.queue.data() : nullptr;
  parallelChunks<int>(0, ranges, ranges, [&](std::size_t first, std::size_t last, int&) {
    for (std::size_t r = first; r < last; ++r) {
      std::uint32_t* next = at.data() + r * keySpace;
      const CachedKey key = cachedKey;  // a local copy, as above
      for (std::size_t i = rangeBegin(r), end = rangeBegin(r + 1); i < end; ++i) {
        const std::uint64_t k = key(i);
        if (k == kSkipRow) continue;
        const std::uint32_t j = next[k]++;
        waitOut[j] = wait[i];
        if (queueOut) queueOut[j] = (*queue)[i];
      }
    }
  });
}

/// Rows a thread of groupWaits() counts and moves at least (fewer: fewer threads).
inline constexpr std::size_t kGroupRowsPerThread = std::size_t{1} << 16;
/// Counters of all threads of groupWaits() together at most (more keys: one thread).
inline constexpr std::uint64_t kGroupParallelCounters = std::uint64_t{1} << 20;

/// Groups rows 0..n-1 by keyOf(row) < keySpace (kSkipRow: left out) with their wait[row] and,
/// when `queue` is not null, (*queue)[row]. `out` is reused (no fresh pages when its buffers
/// are big enough). O(n + keySpace) by counting when keySpace is at most max(n, 2^22): two
/// passes over the rows and none over a row-sized index; else O(n + g log g) through a hash
/// map (groupRows). The counting passes run on up to `threads` threads (0: one per core), each
/// on its own contiguous range of at least `rowsPerThread` rows with its own counters (while
/// threads × keySpace stay within kGroupParallelCounters): a thread's rows of a key go after
/// those of the threads before it, so the groups are the same for any number of threads. With
/// `keyCache` (and keys below 2^32 − 1) the counting passes call keyOf once a row: the first
/// writes the keys there, the second reads them (for a costly keyOf; the cache's memory is best
/// reused, already faulted in).
template <class KeyOf>
void groupWaits(std::size_t n, std::uint64_t keySpace, KeyOf keyOf,
                const Buffer<std::int64_t>& wait, const Buffer<std::int64_t>* queue,
                WaitGroups& out, unsigned threads = 1,
                std::size_t rowsPerThread = kGroupRowsPerThread,
                Buffer<std::uint32_t>* keyCache = nullptr) {
  out.key.clear();
  out.begin.clear();
  out.wait.resize(n);
  out.queue.resize(queue ? n : 0);
  populate(out.wait, 0, n);
  populate(out.queue, 0, out.queue.size());
  if (keySpace >= kNoGroup) keyCache = nullptr;
  if (keyCache) keyCache->resize(n);
  // Both capture keyOf by value, so that a copy of them reads no object that the grouping's
  // stores might change.
  const auto countedKey = [keyOf, keyCache](std::size_t i) {  // keyOf(i), cached when asked
    const std::uint64_t k = keyOf(i);
    if (keyCache) (*keyCache)[i] = k == kSkipRow ? kNoGroup : static_cast<std::uint32_t>(k);
    return k;
  };
  const auto cachedKey = [keyOf, keyCache](std::size_t i) {  // keyOf(i) again
    if (!keyCache) return keyOf(i);
    const std::uint32_t k = (*keyCache)[i];
    return k == kNoGroup ? kSkipRow : std::uint64_t{k};
  };
  const unsigned ranges =
      keySpace == 0 ? 1
                    : static_cast<unsigned>(std::min<std::uint64_t>(
                          threadCount(threads, n / std::max<std::size_t>(1, rowsPerThread)),
                          std::max<std::uint64_t>(1, kGroupParallelCounters / keySpace)));
  if (keySpace > std::max<std::uint64_t>(n, std::uint64_t{1} << 22)) {
    const RowGroups g = groupRows(n, keySpace, keyOf);
    out.key = g.key;
    out.begin = g.begin;
    std::vector<std::uint32_t> at(g.begin.begin(), g.begin.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (g.gid[i] == kNoGroup) continue;
      const std::uint32_t j = at[g.gid[i]]++;
      out.wait[j] = wait[i];
      if (queue) out.queue[j] = (*queue)[i];
    }
  } else {
    groupWaitsInRanges(n, keySpace, countedKey, cachedKey, wait, queue, out, ranges);
  }
  out.wait.resize(out.begin.back());
  if (queue) out.queue.resize(out.begin.back());
}

}  // namespace orglens::analysis::detail
