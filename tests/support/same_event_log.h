// Catch2 checks that two event logs are equal column by column (loads by different thread
// counts must give the same log). Header-only: the including test uses Catch2.
#pragma once

#include <catch2/catch.hpp>

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
}

}  // namespace orglens::test
