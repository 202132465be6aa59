// Loading the sample organisation's store by several threads (event id ranges over their own
// connections, the lookups meanwhile) must give what one thread loads.
#include <catch2/catch.hpp>

#include <algorithm>

#include "model/adoption_log.h"
#include "model/event_log.h"
#include "model/message_log.h"
#include "model/store.h"
#include "tests/support/same_logs.h"
#include "tests/support/sample_store.h"

using namespace orglens;

TEST_CASE("The sample store loads the same by one thread and by several",
          "[model][adoption][eventlog]") {
  const auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  model::AdoptionLoadOptions oneAdoption;
  oneAdoption.threads = 1;
  const auto adoption = model::AdoptionLog::load(*store, oneAdoption);
  REQUIRE(adoption.size() > 10'000);
  REQUIRE(adoption.people.size() > 100);
  model::EventLogOptions oneEvents;
  oneEvents.threads = 1;
  oneEvents.includeItemless = true;
  const auto events = model::EventLog::load(*store, oneEvents);
  REQUIRE(events.eventCount() > 10'000);
  for (unsigned threads : {2u, 3u, 8u}) {
    INFO(threads << " threads");
    auto severalAdoption = oneAdoption;
    severalAdoption.threads = threads;
    severalAdoption.eventsPerThread = 1000;  // many ranges even for this store
    test::checkSameAdoption(model::AdoptionLog::load(*store, severalAdoption), adoption);
    auto severalEvents = oneEvents;
    severalEvents.threads = threads;
    severalEvents.eventsPerThread = 1000;
    test::checkSameLog(model::EventLog::load(*store, severalEvents), events);
  }
  // A window and the caller's lookups, by several threads.
  model::AdoptionLoadOptions window = oneAdoption;
  window.from = adoption.time[adoption.size() / 3];
  window.lookups = &events;
  const auto expected = model::AdoptionLog::load(*store, window);
  window.threads = 3;
  window.eventsPerThread = 1000;
  test::checkSameAdoption(model::AdoptionLog::load(*store, window), expected);
}

TEST_CASE("The store summary (read in ranges by several threads) equals SQL's own aggregates",
          "[model][summary]") {
  const auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  const auto s = store->summary();
  const auto one = [&](const char* sql) { return model::queryInt(store->db(), sql).value_or(-1); };
  // Big enough for several ranges (model::kRowsPerReaderThread = 65,536 ids a thread).
  REQUIRE(s.events > 2 * 65'536);
  CHECK(static_cast<std::int64_t>(s.events) == one("SELECT count(*) FROM events"));
  CHECK(s.firstEvent == one("SELECT min(time_us) FROM events"));
  CHECK(s.lastEvent == one("SELECT max(time_us) FROM events"));
  CHECK(static_cast<std::int64_t>(s.activities) ==
        one("SELECT count(DISTINCT activity) FROM events"));
  CHECK(static_cast<std::int64_t>(s.activePeople) ==
        one("SELECT count(DISTINCT actor) FROM events"));
  CHECK(static_cast<std::int64_t>(s.eventsWithoutActor) ==
        one("SELECT count(*) FROM events WHERE actor IS NULL"));
  // The roster query as it was (NOT EXISTS over the aliases), against its NOT IN rewrite.
  CHECK(static_cast<std::int64_t>(s.peopleNotInRoster) ==
        one("SELECT count(*) FROM objects p WHERE p.type = 1 AND NOT EXISTS (SELECT 1 FROM "
            "aliases a WHERE a.person = p.id AND a.kind = 0) AND NOT EXISTS (SELECT 1 FROM "
            "relations m JOIN strings q ON q.id = m.qualifier AND q.value = 'merged-into' WHERE "
            "m.from_object = p.id)"));
  CHECK(static_cast<std::int64_t>(s.people) == one("SELECT count(*) FROM objects WHERE type = 1"));
}

TEST_CASE("The sample store's messages load the same by one thread and by several",
          "[model][messages]") {
  const auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  model::MessageLoadOptions oneThread;
  oneThread.threads = 1;
  const auto one = model::MessageLog::load(*store, oneThread);
  REQUIRE(one.size() > 1'000);
  REQUIRE(std::count_if(one.parent.begin(), one.parent.end(),
                        [](std::uint32_t p) { return p != model::MessageLog::kNone; }) > 100);
  for (unsigned threads : {2u, 3u}) {
    INFO(threads << " threads");
    model::MessageLoadOptions options;
    options.threads = threads;
    options.rowsPerThread = 1000;  // many ranges even for this store
    const auto several = model::MessageLog::load(*store, options);
    CHECK(several.message == one.message);
    CHECK(several.time == one.time);
    CHECK(several.author == one.author);
    CHECK(several.thread == one.thread);
    CHECK(several.parent == one.parent);
    CHECK(several.strings == one.strings);
    CHECK(several.objectType == one.objectType);
    CHECK(several.teamOf == one.teamOf);
    CHECK(several.timezoneOf == one.timezoneOf);
  }
}
