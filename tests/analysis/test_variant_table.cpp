// VariantTable (the flow pass's variant counts): against a std::map of sequences, through the
// comparison sort (few items) and the radix sort (many), repeated count() calls, merge(), and
// sequences whose hashes share the 32-bit prefix that the table sorts by.
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

#include "analysis/variant_table.h"
#include "model/splitmix.h"

using orglens::analysis::detail::VariantTable;
using Seq = std::vector<std::uint32_t>;
using Counts = std::map<Seq, std::uint64_t>;

namespace {

std::uint64_t next(std::uint64_t& state) {
  return orglens::model::splitMix64(state);
}

/// `n` sequences of 1..8 activities out of 4: many repeat, many do not.
std::vector<Seq> sequences(std::size_t n, std::uint64_t seed) {
  std::vector<Seq> out(n);
  for (auto& s : out) {
    s.resize(1 + next(seed) % 8);
    for (auto& a : s) a = static_cast<std::uint32_t>(next(seed) % 4);
  }
  return out;
}

Counts counted(const VariantTable& t) {
  Counts c;
  for (const auto& e : t.entries()) {
    const auto seq = t.sequence(e);
    const auto [at, fresh] = c.emplace(Seq(seq.begin(), seq.end()), e.items);
    CHECK(fresh);  // each variant once
  }
  return c;
}

void push(VariantTable& t, const std::vector<Seq>& seqs, std::size_t first, std::size_t last,
          Counts& want) {
  for (std::size_t i = first; i < last; ++i) {
    t.push(seqs[i].data(), seqs[i].size());
    ++want[seqs[i]];
  }
}

/// Two different sequences whose hashes have the same high 32 bits (a birthday search).
std::pair<Seq, Seq> prefixCollision() {
  std::unordered_map<std::uint32_t, Seq> seen;
  std::uint64_t state = 7;
  for (;;) {
    Seq s(6);
    for (auto& a : s) a = static_cast<std::uint32_t>(next(state) % 1000);
    const auto prefix = static_cast<std::uint32_t>(VariantTable::hashOf(s.data(), s.size()) >> 32);
    const auto [at, fresh] = seen.emplace(prefix, s);
    if (!fresh && at->second != s) return {at->second, s};
  }
}

}  // namespace

TEST_CASE("VariantTable counts the variants of few and of many items, as a map does") {
  for (const std::size_t n :
       {std::size_t{0}, std::size_t{1}, std::size_t{500}, std::size_t{150'000}}) {
    const auto seqs = sequences(n, 11 + n);
    VariantTable t;
    Counts want;
    push(t, seqs, 0, n, want);
    t.count();
    CHECK(counted(t) == want);
  }
}

TEST_CASE("VariantTable: a second count() and merge() add to the variants already counted") {
  const auto seqs = sequences(200'000, 5);
  VariantTable a, b;
  Counts want;
  push(a, seqs, 0, 80'000, want);
  a.count();
  push(a, seqs, 80'000, 100'000, want);  // a second, small count into a counted table
  a.count();
  push(b, seqs, 100'000, 200'000, want);
  b.count();
  a.merge(b);
  CHECK(counted(a) == want);
  std::uint64_t items = 0;
  for (const auto& e : a.entries()) items += e.items;
  CHECK(items == 200'000);
}

TEST_CASE("VariantTable keeps apart different sequences whose hashes share the sorted prefix") {
  const auto [x, y] = prefixCollision();
  REQUIRE(VariantTable::hashOf(x.data(), x.size()) >> 32 ==
          VariantTable::hashOf(y.data(), y.size()) >> 32);
  const std::vector<Seq> seqs{x, y, x, x, y};
  VariantTable a, b;
  Counts want;
  push(a, seqs, 0, 3, want);  // x, y, x
  a.count();
  push(b, seqs, 3, 5, want);  // x, y
  b.count();
  VariantTable onlyY;
  onlyY.push(y.data(), y.size());
  onlyY.count();
  a.merge(b);
  CHECK(counted(a) == want);
  CHECK(want.at(x) == 3);
  CHECK(want.at(y) == 2);
  VariantTable onlyX;  // a prefix run that meets a new sequence in merge()
  onlyX.push(x.data(), x.size());
  onlyX.count();
  onlyX.merge(onlyY);
  CHECK(counted(onlyX) == Counts{{x, 1}, {y, 1}});
}

namespace {

/// The variants that VariantTable::mergedOf() finds in `tables`, by sequence.
Counts mergedCounts(const std::vector<const VariantTable*>& tables) {
  Counts c;
  for (const auto& m : VariantTable::mergedOf(tables)) {
    REQUIRE(m.table < tables.size());
    const VariantTable& t = *tables[m.table];
    REQUIRE(m.entry < t.entries().size());
    const auto seq = t.sequence(t.entries()[m.entry]);
    const auto [at, fresh] = c.emplace(Seq(seq.begin(), seq.end()), m.items);
    CHECK(fresh);  // each variant once
  }
  return c;
}

}  // namespace

TEST_CASE("VariantTable::mergedOf() adds up the variants of several tables, as merge() does") {
  const auto seqs = sequences(120'000, 9);
  VariantTable a, b, c, empty;
  Counts want;
  push(a, seqs, 0, 50'000, want);
  push(b, seqs, 50'000, 51'000, want);  // a small table: few of the prefixes
  push(c, seqs, 51'000, 120'000, want);
  for (auto* t : {&a, &b, &c, &empty}) t->count();
  CHECK(mergedCounts({&a, &empty, &b, &c}) == want);
  CHECK(mergedCounts({&c}) == counted(c));
  CHECK(mergedCounts({&empty}).empty());
  a.merge(b);
  a.merge(c);
  CHECK(counted(a) == want);
}

TEST_CASE("VariantTable::mergedOf() keeps apart sequences whose hashes share the prefix") {
  const auto [x, y] = prefixCollision();
  VariantTable a, b, c;
  Counts want;
  push(a, {x, x}, 0, 2, want);
  push(b, {y}, 0, 1, want);  // a prefix run that meets a new sequence
  push(c, {y, x, y}, 0, 3, want);
  for (auto* t : {&a, &b, &c}) t->count();
  CHECK(mergedCounts({&a, &b, &c}) == want);
  CHECK(want == Counts{{x, 3}, {y, 3}});
}

TEST_CASE("VariantTable keeps sequences in shared memory apart from none and copies on merge") {
  // A "log column" of items: the sequences of 3,000 items back to back.
  const auto seqs = sequences(3'000, 21);
  std::vector<std::uint32_t> column;
  std::vector<std::size_t> begin;
  for (const auto& s : seqs)
    begin.push_back(column.size()), column.insert(column.end(), s.begin(), s.end());
  begin.push_back(column.size());
  // Table a shares the column: the first 2,000 items are pushed from it, the rest from copies
  // (as the handoff scan pushes items with lifecycles from a scratch buffer), so that equal
  // sequences come from both places.
  VariantTable a;
  a.share(column);
  Counts want;
  for (std::size_t i = 0; i < seqs.size(); ++i) {
    if (i < 2'000) {
      a.push(column.data() + begin[i], begin[i + 1] - begin[i]);
    } else {
      const Seq copy = seqs[i];
      a.push(copy.data(), copy.size());
    }
    ++want[seqs[i]];
  }
  a.count();
  CHECK(counted(a) == want);
  std::size_t inColumn = 0;
  for (const auto& e : a.entries()) {
    const auto* p = a.sequence(e).data();
    inColumn += p >= column.data() && p < column.data() + column.size();
  }
  CHECK(inColumn > 0);  // kept in the column, not copied
  CHECK(inColumn < a.entries().size());
  // b shares the same column: merged into a, and walked together with it.
  VariantTable b;
  b.share(column);
  for (std::size_t i = 0; i < 500; ++i) b.push(column.data() + begin[i], begin[i + 1] - begin[i]);
  b.count();
  Counts both = want;
  for (std::size_t i = 0; i < 500; ++i) ++both[seqs[i]];
  CHECK(mergedCounts({&a, &b}) == both);
  VariantTable d = a;
  d.merge(b);
  CHECK(counted(d) == both);
  // c shares nothing: what it takes from a is copied, so that changing the column afterwards
  // leaves c's variants as they were.
  VariantTable c;
  c.merge(a);
  c.merge(b);
  CHECK(counted(c) == both);
  std::fill(column.begin(), column.end(), 99);
  CHECK(counted(c) == both);
}
