// Waits grouped by an integer key, for the handoff tables: one counting sort puts each
// group's waits (and queue times) next to each other, so that a group's statistics are
// computed on a contiguous range and groups nested in a coarser key are ranges inside its
// range. Internal to analysis/; not part of its public API.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analysis/grouping.h"

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

/// Groups rows 0..n-1 by keyOf(row) < keySpace (kSkipRow: left out) with their wait[row] and,
/// when `queue` is not null, (*queue)[row]. `out` is reused (no fresh pages when its buffers
/// are big enough). O(n + keySpace) by counting when keySpace is at most max(n, 2^22): two
/// passes over the rows and none over a row-sized index; else O(n + g log g) through a hash
/// map (groupRows).
template <class KeyOf>
void groupWaits(std::size_t n, std::uint64_t keySpace, KeyOf keyOf,
                const Buffer<std::int64_t>& wait, const Buffer<std::int64_t>* queue,
                WaitGroups& out) {
  out.key.clear();
  out.begin.clear();
  out.wait.resize(n);
  out.queue.resize(queue ? n : 0);
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
    std::vector<std::uint32_t> at(keySpace, 0);  // counts, then each key's next slot
    for (std::size_t i = 0; i < n; ++i)
      if (const std::uint64_t k = keyOf(i); k != kSkipRow) ++at[k];
    std::uint32_t offset = 0;
    for (std::uint64_t k = 0; k < keySpace; ++k) {
      if (at[k] == 0) continue;
      out.key.push_back(k);
      out.begin.push_back(offset);
      const std::uint32_t count = at[k];
      at[k] = offset;
      offset += count;
    }
    out.begin.push_back(offset);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t k = keyOf(i);
      if (k == kSkipRow) continue;
      const std::uint32_t j = at[k]++;
      out.wait[j] = wait[i];
      if (queue) out.queue[j] = (*queue)[i];
    }
  }
  out.wait.resize(out.begin.back());
  if (queue) out.queue.resize(out.begin.back());
}

}  // namespace orglens::analysis::detail
