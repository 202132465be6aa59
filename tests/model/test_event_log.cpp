#include <catch2/catch.hpp>

#include "model/event_log.h"
#include "model/identity.h"
#include "model/import_session.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens::model;

TEST_CASE("The event log groups events by item, ordered by time and stable on ties",
          "[model][eventlog]") {
  const auto dir = orglens::test::tempDir("eventlog");
  auto store = Store::open(dir / "x.orglens", Store::Mode::Create);
  auto session = store->beginImport({"s", "test", "h", "", 0, {}});
  IdentityResolver people(*session);
  const auto ann = people.resolve(AliasKind::Resource, "ann");
  const auto bob = people.resolve(AliasKind::Resource, "bob");
  const auto legal = session->object(typeId(BuiltinType::Team), "Legal");
  session->addRelation(
      {ann.object(), legal, session->intern("member-of"), std::nullopt, std::nullopt});
  const auto t1 = session->object(typeId(BuiltinType::Task), "t1");
  const auto t2 = session->object(typeId(BuiltinType::Task), "t2");
  const auto doc = session->object(typeId(BuiltinType::Document), "d1");
  auto add = [&](ObjectId item, MicrosUtc time, const char* activity, PersonId actor) {
    EventRecord e;
    e.item = item;
    e.time = time;
    e.activity = session->intern(activity);
    e.actor = actor;
    return session->addEvent(e);
  };
  add(t2, 50, "b", bob);             // event 0
  add(t1, 30, "c", ann);             // event 1
  add(t1, 10, "a", ann);             // event 2
  add(t1, 30, "tie", bob);           // event 3: same time as event 1, comes after it
  add(doc, 5, "edit", bob);          // event 4
  add(ObjectId(), 1, "login", ann);  // no item
  session->commit(session->counts(), {});

  const auto log = EventLog::load(*store);
  REQUIRE(log.itemCount() == 3);
  CHECK(log.eventCount() == 5);  // the itemless event is left out by default
  // Items in id order: t1, t2, d1.
  CHECK(log.item[0] == t1.value());
  CHECK(log.itemBegin == std::vector<std::uint32_t>{0, 3, 4, 5});
  CHECK(log.eventId[0] == 2);
  CHECK(log.eventId[1] == 1);
  CHECK(log.eventId[2] == 3);
  CHECK(log.strings[log.activity[2]] == "tie");
  CHECK(log.teamOf[ann.value()] == legal.value());
  CHECK(log.teamOf[bob.value()] == EventLog::kNone);
  CHECK(log.label(ann.value()) == "ann");

  EventLogOptions taskOnly;
  taskOnly.itemType = "task";
  const auto tasks = EventLog::load(*store, taskOnly);
  CHECK(tasks.itemCount() == 2);
  CHECK(tasks.eventCount() == 4);
  EventLogOptions window10to50;
  window10to50.from = 10;
  window10to50.to = 50;
  const auto window = EventLog::load(*store, window10to50);
  CHECK(window.eventCount() == 3);
  EventLogOptions withItemless;
  withItemless.includeItemless = true;
  const auto all = EventLog::load(*store, withItemless);
  CHECK(all.eventCount() == 6);
  CHECK(all.item[0] == EventLog::kNone);
}
