// EventLog::load in parallel ranges must give the log one thread reads, and must fall back to
// one thread while an import is open (other connections would not see its rows).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "model/event_log.h"
#include "model/identity.h"
#include "model/import_session.h"
#include "model/store.h"
#include "tests/support/same_logs.h"
#include "tests/support/test_support.h"

using namespace orglens::model;

namespace {

/// ~300 events over tasks, threads and no item, in shuffled time order, with missing actors
/// and tools, start/complete pairs, instances, and people in and out of teams. Returns the
/// number of events with an item.
std::size_t fill(ImportSession& session) {
  IdentityResolver people(session);
  std::vector<PersonId> who;
  for (int p = 0; p < 7; ++p)
    who.push_back(people.resolve(AliasKind::Resource, "p" + std::to_string(p)));
  const auto legal = session.object(typeId(BuiltinType::Team), "Legal");
  const auto ops = session.object(typeId(BuiltinType::Team), "Ops");
  const auto memberOf = session.intern("member-of");
  for (int p = 0; p < 5; ++p)
    session.addRelation(
        {who[p].object(), p % 2 ? legal : ops, memberOf, std::nullopt, std::nullopt});
  session.addRelation({who[0].object(), legal, memberOf, 100, std::nullopt});  // moves later
  const auto instanceKey = session.intern("concept:instance");
  std::uint32_t state = 12345;
  const auto next = [&state](std::uint32_t n) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % n;
  };
  std::size_t withItem = 0;
  for (int i = 0; i < 300; ++i) {
    EventRecord e;
    const auto kind = next(5);
    if (kind < 3)
      e.item = session.object(typeId(BuiltinType::Task), "t" + std::to_string(next(20)));
    else if (kind == 3)
      e.item = session.object(typeId(BuiltinType::Thread), "m" + std::to_string(next(6)));
    e.time = static_cast<MicrosUtc>(next(50)) * 1000;  // many ties
    e.activity = session.intern("a" + std::to_string(next(4)));
    if (next(6) != 0) e.actor = who[next(7)];
    if (next(3) != 0) e.tool = session.intern(next(2) ? "email" : "chat");
    e.lifecycle = next(2) ? Lifecycle::Start : Lifecycle::Complete;
    e.platform = next(2) ? Platform::Mobile : Platform::Desktop;
    withItem += e.item.valid();
    const auto id = session.addEvent(e);
    if (next(4) == 0)
      session.setEventAttribute(id, instanceKey, std::string("i" + std::to_string(next(9))));
  }
  return withItem;
}

}  // namespace

TEST_CASE("Loading an event log in parallel ranges gives the log one thread reads",
          "[model][eventlog]") {
  const auto dir = orglens::test::tempDir("eventlog-parallel");
  {
    auto store = Store::open(dir / "x.orglens", Store::Mode::Create);
    auto session = store->beginImport({"s", "test", "h", "", 0, {}});
    fill(*session);
    session->commit(session->counts(), {});
  }
  const auto store = Store::open(dir / "x.orglens", Store::Mode::ReadOnly);
  std::vector<EventLogOptions> variants(4);
  variants[1].itemType = "task";
  variants[2].from = 10'000, variants[2].to = 40'000;
  variants[3].includeItemless = true;
  for (const auto& base : variants) {
    EventLogOptions serial = base;
    serial.threads = 1;
    const auto expected = EventLog::load(*store, serial);
    REQUIRE(expected.eventCount() > 20);
    for (unsigned threads : {2u, 3u, 7u}) {
      EventLogOptions parallel = base;
      parallel.threads = threads;
      parallel.eventsPerThread = 1;  // parallel even for this small store
      INFO("threads " << threads << ", item type '" << base.itemType << "'");
      orglens::test::checkSameLog(EventLog::load(*store, parallel), expected);
    }
  }
  // The instances were read: some events share one.
  EventLogOptions all;
  all.threads = 1;
  const auto log = EventLog::load(*store, all);
  CHECK(std::count_if(log.instance.begin(), log.instance.end(),
                      [](std::uint32_t i) { return i != EventLog::kNone; }) > 20);
}

TEST_CASE("While an import is open, an event log is read over the import's connection",
          "[model][eventlog]") {
  const auto dir = orglens::test::tempDir("eventlog-import");
  auto store = Store::open(dir / "x.orglens", Store::Mode::Create);
  auto session = store->beginImport({"s", "test", "h", "", 0, {}});
  const std::size_t withItem = fill(*session);
  // Other connections would not see the uncommitted rows: no second reader.
  CHECK(store->openReader() == nullptr);
  EventLogOptions parallel, serial;
  parallel.threads = 4;
  parallel.eventsPerThread = 1;
  serial.threads = 1;
  // What the import's connection sees so far (the rows its batches have written); the same
  // whatever the threads asked for, and no crash on items whose objects are not written yet.
  orglens::test::checkSameLog(EventLog::load(*store, parallel), EventLog::load(*store, serial));
  session->commit(session->counts(), {});
  CHECK(store->openReader() != nullptr);
  const auto after = EventLog::load(*store, parallel);
  CHECK(after.eventCount() == withItem);
  orglens::test::checkSameLog(after, EventLog::load(*store, serial));
}
