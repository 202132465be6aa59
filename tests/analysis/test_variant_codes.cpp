// VariantCoder and VariantCodes (the flow pass's variants that fit a 128-bit key): keys decode
// back to their sequences, are equal exactly when the sequences are and order as they do; the
// counts and the top variants equal those of a std::map, however the items are split into runs
// and however many share one bucket.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <vector>

#include "analysis/variant_codes.h"
#include "model/splitmix.h"

using orglens::analysis::detail::VariantCoder;
using orglens::analysis::detail::VariantCodes;
using orglens::analysis::detail::VariantKey;
using Seq = std::vector<std::uint32_t>;

namespace {

std::uint64_t next(std::uint64_t& state) {
  return orglens::model::splitMix64(state);
}

VariantKey keyOf(const VariantCoder& coder, const Seq& s) {
  VariantCoder::Built b;
  for (std::size_t i = 0; i < s.size(); ++i) coder.add(b, i, s[i]);
  return coder.key(b, s.size());
}

/// `n` sequences of 1..maxLength activities out of `activities`, drawn from `distinct` shapes
/// so that many repeat.
std::vector<Seq> sequences(const VariantCoder& coder, std::uint64_t activities, std::size_t n,
                           std::uint64_t distinct, std::uint64_t seed) {
  std::vector<Seq> out(n);
  for (auto& s : out) {
    std::uint64_t shape = next(seed) % distinct + 1;
    s.resize(1 + next(shape) % coder.maxLength());
    for (auto& a : s) a = static_cast<std::uint32_t>(next(shape) % activities);
  }
  return out;
}

}  // namespace

TEST_CASE("VariantCoder keys decode back, compare and order as their sequences",
          "[analysis][flow]") {
  for (const std::uint64_t activities : {1u, 2u, 15u, 16u, 30u, 31u, 100u, 70'000u}) {
    INFO(activities << " activities");
    const VariantCoder coder(activities);
    CHECK(coder.maxLength() == static_cast<std::size_t>(2 * (64 / coder.bits())));
    CHECK((std::uint64_t{1} << coder.bits()) > activities);  // room for activity + 1
    std::uint64_t state = activities;
    std::vector<Seq> seqs = sequences(coder, activities, 2'000, 1'000'000, state);
    // The longest sequence, of the largest activity: every bit of the key in use where the
    // lengths fill 128 bits (16 activities: 32 of 4 bits).
    seqs.push_back(Seq(coder.maxLength(), static_cast<std::uint32_t>(activities - 1)));
    seqs.push_back({0});
    for (std::size_t i = 0; i < seqs.size(); ++i) {
      const VariantKey k = keyOf(coder, seqs[i]);
      Seq back;
      coder.decode(k, back);
      CHECK(back == seqs[i]);
      const Seq& other = seqs[next(state) % seqs.size()];
      const VariantKey o = keyOf(coder, other);
      CHECK((k == o) == (seqs[i] == other));
      CHECK((k < o) == (seqs[i] < other));  // lexicographic, a prefix first
    }
  }
}

TEST_CASE("VariantCodes counts equal a map's, whatever the runs", "[analysis][flow]") {
  const VariantCoder coder(9);
  // 50,000 items of 6,000 shapes: with 3 runs about 16 buckets of ~1,000 keys, several blocks
  // each; one shape in a fifth of the items: its bucket holds far more keys than a block.
  std::vector<Seq> seqs = sequences(coder, 9, 50'000, 6'000, 3);
  for (std::size_t i = 0; i < seqs.size(); i += 5) seqs[i] = {1, 2, 3};
  std::map<Seq, std::uint64_t> want;
  for (const auto& s : seqs) ++want[s];
  std::vector<std::pair<std::uint64_t, Seq>> ranked;  // by items desc, then sequence
  for (const auto& [s, n] : want) ranked.push_back({n, s});
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const std::size_t runCount : {1u, 3u}) {
    for (const std::size_t top : {0u, 1u, 25u, 100'000u}) {
      INFO(runCount << " runs, top " << top);
      std::vector<VariantCodes> runs(runCount);
      for (std::size_t r = 0; r < runCount; ++r) {
        const std::size_t first = seqs.size() * r / runCount,
                          last = seqs.size() * (r + 1) / runCount;
        runs[r].reserve(last - first, seqs.size());
        for (std::size_t i = first; i < last; ++i) runs[r].push(keyOf(coder, seqs[i]));
      }
      std::vector<const VariantCodes*> view;
      for (const auto& r : runs) view.push_back(&r);
      const auto got = VariantCodes::countTop(view, top);
      CHECK(got.distinct == want.size());
      REQUIRE(got.top.size() == std::min(top, want.size()));
      for (std::size_t i = 0; i < got.top.size(); ++i) {
        Seq s;
        coder.decode(got.top[i].key, s);
        CHECK(s == ranked[i].second);
        CHECK(got.top[i].items == ranked[i].first);
      }
    }
  }
}

TEST_CASE("VariantCodes with no items, and runs with none", "[analysis][flow]") {
  VariantCodes none, reserved, some;
  reserved.reserve(0, 10);
  some.reserve(1, 10);
  some.push(keyOf(VariantCoder(3), {2, 0}));
  const VariantCodes* empty[] = {&none, &reserved};
  CHECK(VariantCodes::countTop(empty, 5).distinct == 0);
  const VariantCodes* mixed[] = {&none, &some, &reserved};
  const auto got = VariantCodes::countTop(mixed, 5);
  CHECK(got.distinct == 1);
  REQUIRE(got.top.size() == 1);
  CHECK(got.top[0].items == 1);
}
