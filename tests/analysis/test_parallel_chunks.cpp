// parallelChunks() and parallelChunksByWork(): the chunks cover the range once, in order, so that
// results merged in chunk order are the same for any number of threads; chunks by work get about
// equal shares of uneven items.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <vector>

#include "analysis/parallel.h"

using orglens::analysis::parallelChunks;
using orglens::analysis::parallelChunksByWork;

namespace {

struct Chunk {
  std::size_t begin = 0, end = 0;
  bool ran = false;
};

/// The chunks must tile [first, last) in order, each run once.
void checkTiles(const std::vector<Chunk>& chunks, std::size_t first, std::size_t last) {
  REQUIRE_FALSE(chunks.empty());
  CHECK(chunks.front().begin == first);
  CHECK(chunks.back().end == last);
  for (std::size_t t = 0; t < chunks.size(); ++t) {
    CHECK(chunks[t].ran);
    CHECK(chunks[t].begin <= chunks[t].end);
    if (t > 0) CHECK(chunks[t].begin == chunks[t - 1].end);
  }
}

const auto record = [](std::size_t begin, std::size_t end, Chunk& c) { c = {begin, end, true}; };

}  // namespace

TEST_CASE("parallelChunks tiles the range in order, one chunk a thread", "[analysis][parallel]") {
  for (const unsigned threads : {1u, 2u, 3u, 8u}) {
    const auto chunks = parallelChunks<Chunk>(5, 105, threads, record);
    CHECK(chunks.size() == threads);
    checkTiles(chunks, 5, 105);
  }
  const auto none = parallelChunks<Chunk>(7, 7, 4, record);  // no work: one empty chunk
  REQUIRE(none.size() == 1);
  checkTiles(none, 7, 7);
}

TEST_CASE("parallelChunksByWork gives each thread about an equal share of the work",
          "[analysis][parallel]") {
  // Items 0..99 of uneven work: item 10 holds 1,000, the others 1 each.
  std::vector<std::uint64_t> before(101, 0);
  for (std::size_t k = 0; k < 100; ++k) before[k + 1] = before[k] + (k == 10 ? 1000 : 1);
  const auto workBefore = [&](std::size_t k) { return before[k]; };
  for (const unsigned threads : {1u, 2u, 3u, 5u}) {
    INFO(threads << " threads");
    const auto chunks = parallelChunksByWork<Chunk>(0, 100, threads, workBefore, record);
    CHECK(chunks.size() == threads);
    checkTiles(chunks, 0, 100);
    // Each chunk ends where the work before it comes nearest to its share of the total (the
    // big item, from 2 threads on, ends the first chunk; the chunks after may be empty).
    const std::uint64_t total = before[100];
    for (std::size_t t = 0; t + 1 < chunks.size(); ++t) {
      const auto share = static_cast<std::int64_t>(total * (t + 1) / threads);
      const auto off = [&](std::size_t k) {
        return std::abs(static_cast<std::int64_t>(before[k]) - share);
      };
      for (std::size_t k = chunks[t].begin; k <= 100; ++k) CHECK(off(chunks[t].end) <= off(k));
    }
  }
  // Shares that meet an item's start exactly: 50 + 50 on two threads is one item each.
  std::vector<std::uint64_t> exact{0, 50, 100};
  const auto even = parallelChunksByWork<Chunk>(
      0, 2, 2, [&](std::size_t k) { return exact[k]; }, record);
  REQUIRE(even.size() == 2);
  CHECK(even[0].end == 1);
  // Two big items then three small ones: the share (51) falls inside the second big item, which
  // goes to the second chunk (50 against 53 rather than 100 against 3).
  std::vector<std::uint64_t> halves{0, 50, 100, 101, 102, 103};
  const auto two = parallelChunksByWork<Chunk>(
      0, 5, 2, [&](std::size_t k) { return halves[k]; }, record);
  REQUIRE(two.size() == 2);
  CHECK(two[0].end == 1);
  checkTiles(two, 0, 5);
}

TEST_CASE("parallelChunksByWork: results merged in order do not depend on the threads",
          "[analysis][parallel]") {
  std::vector<std::uint64_t> before(1001, 0);
  for (std::size_t k = 0; k < 1000; ++k) before[k + 1] = before[k] + (k * 7919 % 13) * (k % 5);
  std::vector<std::size_t> want(1000);
  std::iota(want.begin(), want.end(), 0);
  for (const unsigned threads : {1u, 2u, 4u, 7u, 2000u}) {
    const auto parts = parallelChunksByWork<std::vector<std::size_t>>(
        0, 1000, threads, [&](std::size_t k) { return before[k]; },
        [](std::size_t begin, std::size_t end, std::vector<std::size_t>& out) {
          for (std::size_t k = begin; k < end; ++k) out.push_back(k);
        });
    std::vector<std::size_t> got;
    for (const auto& p : parts) got.insert(got.end(), p.begin(), p.end());
    CHECK(got == want);
  }
  const auto none = parallelChunksByWork<Chunk>(
      3, 3, 4, [](std::size_t) { return std::uint64_t{0}; }, record);
  REQUIRE(none.size() == 1);
  checkTiles(none, 3, 3);
}
