// groupWaits(): the counting path and the hash-map path (a key space too big for an array)
// give the same groups, in ascending key order, with each group's waits and queue times in
// row order.
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <vector>

#include "analysis/wait_groups.h"

using namespace orglens::analysis::detail;

namespace {

struct Rows {
  std::vector<std::uint64_t> key;
  Buffer<std::int64_t> wait, queue;
};

Rows rows(std::uint64_t keyScale) {
  Rows r;
  for (std::uint64_t i = 0; i < 200; ++i) {
    r.key.push_back(i % 11 == 3 ? kSkipRow : (i * 37 % 13) * keyScale);
    r.wait.push_back(static_cast<std::int64_t>(i * 1000));
    r.queue.push_back(i % 2 ? -1 : static_cast<std::int64_t>(i));
  }
  return r;
}

void check(const Rows& r, std::uint64_t keySpace, unsigned threads = 1,
           std::size_t rowsPerThread = kGroupRowsPerThread, bool cacheKeys = false) {
  WaitGroups g;
  Buffer<std::uint32_t> cache;
  std::size_t calls = 0;
  groupWaits(
      r.key.size(), keySpace,
      [&](std::size_t i) {
        if (threads == 1) ++calls;  // on several threads: not counted
        return r.key[i];
      },
      r.wait, &r.queue, g, threads, rowsPerThread, cacheKeys ? &cache : nullptr);
  // With the keys cached, keyOf is called once a row on the counting path, not twice.
  if (cacheKeys && threads == 1 && keySpace < kNoGroup) CHECK(calls == r.key.size());
  std::map<std::uint64_t, std::vector<std::int64_t>> wait, queue;
  for (std::size_t i = 0; i < r.key.size(); ++i)
    if (r.key[i] != kSkipRow)
      wait[r.key[i]].push_back(r.wait[i]), queue[r.key[i]].push_back(r.queue[i]);
  REQUIRE(g.size() == wait.size());
  REQUIRE(g.begin.size() == g.size() + 1);
  std::size_t k = 0;
  for (const auto& [key, waits] : wait) {
    CHECK(g.key[k] == key);
    CHECK(std::vector<std::int64_t>(g.first(k), g.last(k)) == waits);
    CHECK(std::vector<std::int64_t>(g.queue.begin() + g.begin[k],
                                    g.queue.begin() + g.begin[k + 1]) == queue[key]);
    ++k;
  }
}

}  // namespace

TEST_CASE("Waits are grouped by key through counting", "[analysis][grouping]") {
  check(rows(1), 13);
}

TEST_CASE("Waits are grouped the same on several threads, each counting its own rows",
          "[analysis][grouping]") {
  // 200 rows: from 16 a thread up to 7 threads; 9 rows a thread: 22 threads (more than rows of
  // some keys, so that some threads have none of a key).
  for (const unsigned threads : {2u, 3u, 7u, 40u})
    for (const std::size_t rowsPerThread : {std::size_t{9}, std::size_t{16}, std::size_t{1000}}) {
      INFO(threads << " threads, " << rowsPerThread << " rows a thread");
      check(rows(1), 13, threads, rowsPerThread);
      check(rows(3), 40, threads, rowsPerThread);  // keys that never occur between them
    }
  // So many keys that the threads' counters would pass kGroupParallelCounters: fewer threads.
  check(rows(kGroupParallelCounters / 16), kGroupParallelCounters, 4, 9);
}

TEST_CASE("Waits are grouped the same with the keys cached, on one thread or several",
          "[analysis][grouping]") {
  check(rows(1), 13, 1, kGroupRowsPerThread, true);
  check(rows(3), 40, 3, 16, true);
  check(rows(std::uint64_t{1} << 40), std::uint64_t{13} << 40, 1, kGroupRowsPerThread, true);
}

TEST_CASE("Waits are grouped by key through a hash map when the key space is huge",
          "[analysis][grouping]") {
  check(rows(std::uint64_t{1} << 40), std::uint64_t{13} << 40);
}

TEST_CASE("Grouping no rows gives no groups", "[analysis][grouping]") {
  WaitGroups g;
  Buffer<std::int64_t> none;
  groupWaits(
      0, 8, [](std::size_t) { return std::uint64_t{0}; }, none, nullptr, g);
  CHECK(g.size() == 0);
  CHECK(g.begin == std::vector<std::uint32_t>{0});
  CHECK(g.wait.empty());
}

TEST_CASE("Backing a buffer with pages ahead of its writes keeps what it holds",
          "[analysis][grouping]") {
  // populate() is a hint to the kernel: whatever the range (under 1 MB, not page-aligned, past
  // data already written), the buffer's values stay as they were and writes land as usual.
  using orglens::analysis::detail::Buffer;
  using orglens::analysis::detail::populate;
  Buffer<std::int64_t> buffer(std::size_t{1} << 20);
  for (std::size_t i = 0; i < buffer.size(); i += 997) buffer[i] = static_cast<std::int64_t>(i);
  populate(buffer, 3, buffer.size() - 5);
  populate(buffer, 0, 10);
  populate(buffer.data() + 1, 1);
  populate(buffer, 7, 7);
  for (std::size_t i = 0; i < buffer.size(); i += 997)
    REQUIRE(buffer[i] == static_cast<std::int64_t>(i));
  for (std::size_t i = 0; i < buffer.size(); ++i) buffer[i] = -static_cast<std::int64_t>(i);
  CHECK(buffer.back() == -static_cast<std::int64_t>(buffer.size() - 1));
}
