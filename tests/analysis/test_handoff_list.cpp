// HandoffList: the compact columns read back as Handoff values, by index and by iteration,
// with items, teams, activities and queue times; the wide activity-pair form too.
#include <catch2/catch.hpp>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/handoffs.h"

using namespace orglens;
using analysis::HandoffList;
constexpr auto kNone = model::EventLog::kNone;

namespace {

/// The list below, its people and activities in separate columns or, `packed`, in one code.
HandoffList::Columns columns(bool wide, bool packed = false) {
  HandoffList::Columns c;
  c.personId = {10, 11, 12};
  c.personTeamId = {20, kNone, 20};
  c.activityId = {30, 31};
  c.activityCount = 2;
  c.wide = wide;
  // Three handoffs: item 100 has two, item 101 one.
  c.from = {0, 1, 2};
  c.to = {1, 2, 0};
  if (wide) {
    c.activities = {0, 1, 1};
    c.toActivity = {1, 1, 0};
  } else {
    c.activities = {0 * 2 + 1, 1 * 2 + 1, 1 * 2 + 0};
  }
  if (packed) {
    c.pack(c.personId.size(), c.activityCount);
    REQUIRE(c.packed);
    for (std::size_t i = 0; i < c.from.size(); ++i)
      c.code.push_back(c.layout.pack<std::uint32_t>(c.from[i], c.to[i], c.activities[i]));
    c.from.clear(), c.to.clear(), c.activities.clear();
  }
  c.wait = {5, 6, 7};
  c.items = {100, 101};
  c.itemEnd = {2, 3};
  return c;
}

}  // namespace

TEST_CASE("A handoff list reads its columns back as handoffs", "[analysis][handoffs]") {
  for (const auto& [wide, packed] : {std::pair{false, false}, {true, false}, {false, true}}) {
    INFO("wide " << wide << ", packed " << packed);
    const HandoffList list(columns(wide, packed));
    REQUIRE(list.size() == 3);
    const auto h = list[1];
    CHECK(h.item == 100);
    CHECK(h.from == 11);
    CHECK(h.to == 12);
    CHECK(h.fromTeam == kNone);
    CHECK(h.toTeam == 20);
    CHECK(h.fromActivity == 31);
    CHECK(h.toActivity == 31);
    CHECK(h.waitMicros == 6);
    CHECK(h.queueMicros == -1);  // no queue column: no assign events
    CHECK(list[2].item == 101);
    CHECK(list[2].toActivity == 30);
    std::vector<std::uint32_t> items;
    std::vector<std::int64_t> waits;
    for (const auto& x : list) items.push_back(x.item), waits.push_back(x.waitMicros);
    CHECK(items == std::vector<std::uint32_t>{100, 100, 101});
    CHECK(waits == std::vector<std::int64_t>{5, 6, 7});
    CHECK(list.end() - list.begin() == 3);
  }
}

TEST_CASE("A handoff list keeps queue times when the log has assign events",
          "[analysis][handoffs]") {
  auto c = columns(false);
  c.queue = {-1, 4, 0};
  const HandoffList list(std::move(c));
  CHECK(list[0].queueMicros == -1);
  CHECK(list[1].queueMicros == 4);
  CHECK(list[2].queueMicros == 0);
}

TEST_CASE("Handoff columns are packed only where sender, receiver and pair fit 32 bits",
          "[analysis][handoffs]") {
  using C = HandoffList::Columns;
  CHECK(C::packable(2'048, 32));        // 11 + 11 + 10 bits
  CHECK_FALSE(C::packable(2'049, 32));  // 12 + 12 + 10
  CHECK_FALSE(C::packable(2'048, 33));  // 11 + 11 + 11
  CHECK(C::packable(1, 65'535));        // 0 + 0 + 32
  CHECK_FALSE(C::packable(1, 65'536));  // the wide form
  C c;
  c.pack(2'048, 32);
  const auto code = c.layout.pack<std::uint32_t>(2'047, 1'234, 32 * 32 - 1);
  c.code = {code};
  CHECK(c.sender(0) == 2'047);
  CHECK(c.receiver(0) == 1'234);
  CHECK(c.pair(0) == 32 * 32 - 1);
}

TEST_CASE("An empty handoff list has nothing to iterate", "[analysis][handoffs]") {
  const HandoffList list;
  CHECK(list.empty());
  CHECK(list.begin() == list.end());
}
