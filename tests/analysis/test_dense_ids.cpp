// DenseIds: ids numbered in ascending order, kNone (and every id at or past the limit) last;
// ids below the limit never marked are absent, however far past the largest marked one; mark()
// and markAll() agree.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "analysis/grouping.h"

using orglens::analysis::detail::DenseIds;

TEST_CASE("DenseIds numbers the marked ids in order, kNone last", "[analysis]") {
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  DenseIds ids(1'000'000);
  for (const std::uint32_t id : {5u, 3u, 5u, 1'000u, 2'000'000u}) ids.mark(id);
  ids.finish();
  REQUIRE(ids.size() == 4);
  CHECK(ids[3] == 0);
  CHECK(ids[5] == 1);
  CHECK(ids[1'000] == 2);
  CHECK(ids[2'000'000] == 3);  // at or past the limit: kNone's index
  CHECK(ids[kNone] == 3);
  CHECK(ids.id(0) == 3);
  CHECK(ids.id(2) == 1'000);
  CHECK(ids.id(3) == DenseIds::kAbsent);
  for (const std::uint32_t unmarked : {0u, 4u, 999u, 1'001u, 999'999u}) {
    INFO(unmarked);
    CHECK(ids[unmarked] == DenseIds::kAbsent);
  }
  DenseIds noNone(10);
  noNone.mark(2);
  noNone.finish();
  CHECK(noNone.size() == 1);
  CHECK(noNone[2] == 0);
  CHECK(noNone[9] == DenseIds::kAbsent);
  CHECK(noNone[15] == DenseIds::kAbsent);  // no kNone marked: past the limit is absent too
}

TEST_CASE("DenseIds::markAll() marks as mark() does", "[analysis]") {
  // markAll() takes eight ids at a time while they lie inside its index: columns of odd lengths
  // (a tail of fewer than eight), shorter than eight, and with the growths and the ids past the
  // limit anywhere in a block of eight.
  for (const int length : {10'003, 10'000, 5, 0}) {
    INFO("length " << length);
    std::vector<std::uint32_t> column;
    std::uint64_t state = static_cast<std::uint64_t>(length) + 1;
    for (int i = 0; i < length; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      // Mostly small ids, now and then a large one (the index grows), or one past the limit.
      const auto r = static_cast<std::uint32_t>(state >> 33);
      column.push_back(r % 97 == 0 ? r % 60'000 : r % 97 == 1 ? 70'000 + r % 5 : r % 300);
    }
    if (length == 5) column.back() = 40'000;  // the index grows in the tail
    DenseIds one(65'536), all(65'536);
    for (const auto id : column) one.mark(id);
    all.markAll(column);
    one.finish();
    all.finish();
    REQUIRE(one.size() == all.size());
    for (std::uint32_t d = 0; d < one.size(); ++d) CHECK(one.id(d) == all.id(d));
    for (std::uint32_t id = 0; id < 70'010; ++id) REQUIRE(one[id] == all[id]);
  }
}
