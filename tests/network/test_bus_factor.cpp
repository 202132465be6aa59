// Bus factor per document folder and task area on a hand-built log.
#include <catch2/catch.hpp>

#include <array>

#include "analysis/bus_factor.h"

using namespace orglens;
using model::EventLog;

namespace {

/// People ann (0), bob (1), cid (2); documents src/a.cpp (3), src/b.cpp (4), README.md (5);
/// tasks T1 (6), T2 (7); a message (8), which has no area.
EventLog handLog() {
  EventLog log;
  log.strings = {"ann", "bob", "cid", "src/a.cpp", "src/b.cpp", "README.md",
                 "T1",  "T2",  "M",   "Edit",      "Review",    "Triage"};
  log.objectType = {0, 0, 0, 3, 3, 3, 2, 2, 4};
  log.objectKey = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  log.objectName.assign(9, EventLog::kNone);
  log.teamOf.assign(9, EventLog::kNone);
  constexpr auto kNone = EventLog::kNone;
  // (item, activity, actor) in item order.
  const std::vector<std::array<std::uint32_t, 3>> events = {
      {3, 9, 0},  {3, 9, 0},  {3, 9, 0},  {3, 9, 1},      // src/a.cpp
      {4, 9, 1},  {4, 9, 2},  {4, 9, 2},  {4, 9, kNone},  // src/b.cpp
      {5, 9, 2},                                          // README.md
      {6, 11, 0}, {6, 10, 1},                             // T1: Triage
      {7, 10, 1}, {7, 10, 2}, {7, 11, 2}, {7, 9, 2},      // T2: Review
      {8, 9, 0}};                                         // message
  for (const auto& [item, activity, actor] : events) {
    if (log.item.empty() || log.item.back() != item) {
      log.item.push_back(item);
      log.itemBegin.push_back(static_cast<std::uint32_t>(log.activity.size()));
    }
    log.activity.push_back(activity);
    log.actor.push_back(actor);
    log.time.push_back(static_cast<model::MicrosUtc>(log.time.size()));
  }
  log.itemBegin.push_back(static_cast<std::uint32_t>(log.activity.size()));
  return log;
}

}  // namespace

TEST_CASE("Bus factor of a hand-built log", "[network][busfactor]") {
  const auto areas = analysis::busFactor(handLog());
  REQUIRE(areas.size() == 4);
  using People = std::vector<std::pair<std::uint32_t, std::uint64_t>>;
  // Review (T2): bob 1, cid 3 of 4 events: cid alone has 3 ≥ 2.
  CHECK_FALSE(areas[0].document);
  CHECK(areas[0].area == "Review");
  CHECK(areas[0].events == 4);
  CHECK(areas[0].busFactor == 1);
  CHECK(areas[0].keyPeople == People{{2, 3}});
  // Triage (T1): ann 1, bob 1 of 2: exactly half is enough; the tie goes to ann's key.
  CHECK(areas[1].area == "Triage");
  CHECK(areas[1].busFactor == 1);
  CHECK(areas[1].keyPeople == People{{0, 1}});
  // Root folder: README.md, cid 1.
  CHECK(areas[2].document);
  CHECK(areas[2].area.empty());
  CHECK(areas[2].busFactor == 1);
  // src: ann 3, bob 2, cid 2 of 7 (the event without an actor left out): 3 < 3.5, then bob
  // (ties by key) reaches 5.
  CHECK(areas[3].document);
  CHECK(areas[3].area == "src");
  CHECK(areas[3].events == 7);
  CHECK(areas[3].items == 2);
  CHECK(areas[3].people == 3);
  CHECK(areas[3].busFactor == 2);
  CHECK(areas[3].keyPeople == People{{0, 3}, {1, 2}});
}

TEST_CASE("Bus factor with another share and an empty log", "[network][busfactor]") {
  const auto areas = analysis::busFactor(handLog(), 0.8);
  // src at 80%: 5.6 of 7 needs ann, bob and cid.
  CHECK(areas.back().area == "src");
  CHECK(areas.back().busFactor == 3);
  CHECK(analysis::busFactor(EventLog{}).empty());
}
