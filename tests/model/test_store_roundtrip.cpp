#include <catch2/catch.hpp>

#include "model/identity.h"
#include "model/import_session.h"
#include "model/store.h"
#include "model/time_format.h"
#include "tests/support/test_support.h"

using namespace orglens::model;

namespace {

/// Writes a small but complete organisation through any sink: every table, every value
/// type, lifecycles, platforms, validity intervals, aliases and a merge of two identities.
void buildSample(ModelSink& sink) {
  IdentityResolver people(sink);
  const TypeId teamType = typeId(BuiltinType::Team);
  const TypeId taskType = typeId(BuiltinType::Task);
  const TypeId invoiceType = sink.objectType("invoice");  // a custom (OCEL-declared) type
  const auto ann = people.resolve(AliasKind::Email, "Ann Lee <Ann.Lee@Example.org>", "Ann Lee");
  const auto bob = people.resolve(AliasKind::Resource, "Resource10");
  const auto bobMail = people.resolve(AliasKind::Email, "bob at example.org (Bob)");
  const auto legal = sink.object(teamType, "Legal");
  const auto ops = sink.object(teamType, "Operations");
  const auto memberOf = sink.intern("member-of");
  sink.addRelation({ann.object(), legal, memberOf, std::nullopt, std::nullopt});
  sink.addRelation({bob.object(), ops, memberOf, 1'700'000'000'000'000, 1'710'000'000'000'000});
  sink.addRelation(
      {bob.object(), ops, memberOf, 1'700'000'000'000'000, 1'710'000'000'000'000});  // dup
  const auto task = sink.object(taskType, "case-1", "First case");
  const auto invoice = sink.object(invoiceType, "inv-9");
  EventRecord e;
  e.time = 1'700'000'000'123'456;
  e.activity = sink.intern("Review contract");
  e.actor = ann;
  e.item = task;
  e.lifecycle = Lifecycle::Start;
  e.tool = sink.intern("tracker");
  e.platform = Platform::Mobile;
  const EventId first = sink.addEvent(e);
  e.time += 3'600'000'000;
  e.lifecycle = Lifecycle::Complete;
  e.platform = Platform::Desktop;
  const EventId second = sink.addEvent(e);
  e.actor = PersonId();  // an event without an actor
  e.activity = sink.intern("Plan delivery");
  e.lifecycle = Lifecycle::Schedule;
  sink.addEvent(e);
  sink.addEventLink(second, {invoice, sink.intern("creates")});
  sink.setEventAttribute(first, sink.intern("cost:total"), 12.5);
  sink.setEventAttribute(first, sink.intern("count"), std::int64_t{-3});
  sink.setEventAttribute(second, sink.intern("urgent"), true);
  sink.setEventAttribute(second, sink.intern("note"), std::string("überprüft, \"ok\""));
  sink.setEventAttribute(second, sink.intern("due"), TimeValue{1'700'100'000'000'000});
  sink.setEventAttribute(second, sink.intern("nothing"), std::monostate{});
  sink.setObjectAttribute(invoice, sink.intern("amount"), 99.0, 1'700'000'000'000'000);
  sink.setObjectAttribute(invoice, sink.intern("amount"), 120.0, 1'700'500'000'000'000);
  sink.setObjectAttribute(ann.object(), sink.intern("timezone"), std::string("Europe/Berlin"));
  sink.setObjectAttribute(ann.object(), sink.intern("timezone"),
                          std::string("Europe/London"));  // replaces
  sink.mergePeople(bobMail, bob);
}

}  // namespace

TEST_CASE("A model written to the store loads back equal", "[model][store]") {
  Model expected;
  expected.setCurrentSource(SourceId(0));
  buildSample(expected);

  const auto dir = orglens::test::tempDir("roundtrip");
  auto store = Store::open(dir / "x.orglens", Store::Mode::Create);
  SourceRecord source{"sample", "test", "abc", "", 1, {}};
  auto session = store->beginImport(source);
  buildSample(*session);
  session->commit(session->counts(), {});

  const Model loaded = store->loadModel();
  CHECK(loaded.dump() == expected.dump());
  CHECK(loaded.events().size() == 3);
  CHECK(loaded.relations().size() == 3);  // member-of twice (deduplicated) + merged-into
  CHECK(loaded.objectAttributes().size() == 3);
  REQUIRE(loaded.typeNames().size() == 8);
  CHECK(loaded.typeNames().back() == "invoice");
  // The merged person's alias now points at the surviving person.
  const auto bob = loaded.findAlias(AliasKind::Resource, "Resource10");
  REQUIRE(bob);
  CHECK(loaded.findAlias(AliasKind::Email, "bob@example.org") == bob);
  CHECK(loaded.findAlias(AliasKind::Email, "ann.lee@example.org").has_value());
}

TEST_CASE("An import that is not committed leaves the store exactly as it was", "[model][store]") {
  const auto dir = orglens::test::tempDir("rollback");
  auto store = Store::open(dir / "x.orglens", Store::Mode::Create);
  {
    auto session = store->beginImport({"a", "test", "1", "", 1, {}});
    buildSample(*session);
    session->commit(session->counts(), {});
  }
  const std::string before = store->loadModel().dump();
  {
    auto session = store->beginImport({"b", "test", "2", "", 2, {}});
    buildSample(*session);
    session->addEvent({});
    // no commit: the destructor rolls back
  }
  CHECK(store->loadModel().dump() == before);
  CHECK(store->sources().size() == 1);
}

TEST_CASE("Sources and diagnostics are recorded with their counts", "[model][store]") {
  const auto dir = orglens::test::tempDir("sources");
  auto store = Store::open(dir / "x.orglens", Store::Mode::Create);
  auto session = store->beginImport({"/data/a.csv", "event-csv", "ff00", "map:item=X;", 42, {}});
  buildSample(*session);
  ImportCounts counts = session->counts();
  counts.skippedRows = 2;
  counts.warnings = 2;
  const SourceId id = session->commit(counts, {{Severity::Warning, "/data/a.csv", 7, "bad date"}});
  CHECK(store->findSource("ff00", "event-csv", "map:item=X;") == id);
  CHECK_FALSE(store->findSource("ff00", "event-csv", "").has_value());
  const auto sources = store->sources();
  REQUIRE(sources.size() == 1);
  CHECK(sources[0].counts.events == 3);
  CHECK(sources[0].counts.people == 3);  // ann, Resource10 and bob@ (merged later)
  CHECK(sources[0].counts.skippedRows == 2);
  const auto diagnostics = store->diagnostics(id);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].line == 7);
  CHECK(diagnostics[0].message == "bad date");
}
