// Catch2 checks that two loaded logs are equal column by column (loads by different thread
// counts or with the caller's lookups must give the same log). Header-only: the including test
// uses Catch2.
#pragma once

#include <catch2/catch.hpp>

#include "model/adoption_log.h"
#include "model/event_log.h"

namespace orglens::test {

inline void checkSameLog(const model::EventLog& a, const model::EventLog& b) {
  CHECK(a.time == b.time);
  CHECK(a.activity == b.activity);
  CHECK(a.actor == b.actor);
  CHECK(a.tool == b.tool);
  CHECK(a.lifecycle == b.lifecycle);
  CHECK(a.platform == b.platform);
  CHECK(a.eventId == b.eventId);
  CHECK(a.instance == b.instance);
  CHECK(a.item == b.item);
  CHECK(a.itemBegin == b.itemBegin);
  CHECK(a.strings == b.strings);
  CHECK(a.objectType == b.objectType);
  CHECK(a.objectKey == b.objectKey);
  CHECK(a.objectName == b.objectName);
  CHECK(a.teamOf == b.teamOf);
  CHECK(a == b);  // and any column added later
}

inline void checkSameAdoption(const model::AdoptionLog& a, const model::AdoptionLog& b) {
  CHECK(a.time == b.time);
  CHECK(a.person == b.person);
  CHECK(a.tool == b.tool);
  CHECK(a.activity == b.activity);
  CHECK(a.platform == b.platform);
  CHECK(a.tools == b.tools);
  CHECK(a.activities == b.activities);
  CHECK(a.unregisteredActions == b.unregisteredActions);
  REQUIRE(a.people.size() == b.people.size());
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    const auto &p = a.people[i], &q = b.people[i];
    CHECK(p.object == q.object);
    CHECK(p.key == q.key);
    CHECK(p.team == q.team);
    CHECK(p.department == q.department);
    CHECK(p.isManager == q.isManager);
    CHECK(p.timezone == q.timezone);
    CHECK(p.registered == q.registered);
    CHECK(p.inRoster == q.inRoster);
    CHECK(p.chatUser == q.chatUser);
    CHECK(p.usageUser == q.usageUser);
  }
}

}  // namespace orglens::test
