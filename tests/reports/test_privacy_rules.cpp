// The report's privacy rules: pseudonyms and suppression of small groups (docs/privacy.md).
#include <catch2/catch.hpp>

#include "reports/privacy.h"

using namespace orglens::reports;

namespace {

Table groups(const std::vector<std::uint64_t>& people) {
  Table t;
  t.columns = {{"group"}, {"people", Align::Right, true}, {"value", Align::Right, true}};
  for (std::size_t i = 0; i < people.size(); ++i)
    t.addRow({"g" + std::to_string(i), std::to_string(people[i]), std::to_string(10 * i)});
  return t;
}

std::vector<std::size_t> hiddenRows(const Table& t) {
  std::vector<std::size_t> out;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (t.rows[r][1] == kSuppressedCell) out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE("Pseudonyms are stable per salt, differ across salts and hide the key",
          "[reports][privacy]") {
  const auto a = pseudonym("salt-1", "ann@example.org");
  CHECK(a == pseudonym("salt-1", "ann@example.org"));
  CHECK(a != pseudonym("salt-2", "ann@example.org"));
  CHECK(a != pseudonym("salt-1", "bob@example.org"));
  REQUIRE(a.size() == 9);
  CHECK(a.rfind("P-", 0) == 0);
  CHECK(a.find("ann") == std::string::npos);
  const PersonNames hidden("salt-1", false), shown("salt-1", true);
  CHECK(hidden("ann@example.org") == a);
  CHECK(shown("ann@example.org") == "ann@example.org");
  CHECK(hidden("-") == "-");
}

TEST_CASE("Groups below k are suppressed; without a published total nothing else is",
          "[reports][privacy]") {
  auto t = groups({10, 3, 8, 6});
  CHECK(suppressSmallGroups(t, {10, 3, 8, 6}, 5, 1, false) == 1);
  CHECK(hiddenRows(t) == std::vector<std::size_t>{1});
  CHECK(t.rows[1][0] == "g1");  // the label stays, the figures go
  CHECK(t.rows[1][2] == kSuppressedCell);
  CHECK(t.note.find("fewer than 5 people") != std::string::npos);
}

TEST_CASE("A single suppressed part of a total gets a complementary suppression",
          "[reports][privacy]") {
  // total 27 = 10 + 3 + 8 + 6: hiding only the 3 would leave it as 27 − 24. The smallest
  // other group (6) is hidden too: 2 rows, 9 people ≥ k.
  auto t = groups({10, 3, 8, 6});
  CHECK(suppressSmallGroups(t, {10, 3, 8, 6}, 5, 1, true) == 2);
  CHECK(hiddenRows(t) == std::vector<std::size_t>{1, 3});
}

TEST_CASE("Suppressed parts that together still cover fewer than k people take one more",
          "[reports][privacy]") {
  // 2 + 2 = 4 people < 5: their sum (total − shown) would describe 4 people; the 7 joins.
  auto t = groups({2, 9, 2, 7});
  CHECK(suppressSmallGroups(t, {2, 9, 2, 7}, 5, 1, true) == 3);
  CHECK(hiddenRows(t) == std::vector<std::size_t>{0, 2, 3});
}

TEST_CASE("Nothing is suppressed when every group has k people", "[reports][privacy]") {
  auto t = groups({5, 9, 12});
  CHECK(suppressSmallGroups(t, {5, 9, 12}, 5, 1, true) == 0);
  CHECK(hiddenRows(t).empty());
  CHECK(t.note.empty());
}
