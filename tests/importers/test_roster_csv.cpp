#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "model/event_log.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

importers::ImportOutcome importInto(model::Store& store, const std::filesystem::path& file) {
  model::NoProgress progress;
  return importers::importFile(store, file, {}, progress);
}

}  // namespace

TEST_CASE("A roster builds people, teams, departments and reporting lines", "[importers][roster]") {
  const auto dir = orglens::test::tempDir("roster");
  const auto roster = orglens::test::writeFile(
      dir / "roster.csv",
      "person_id,email,name,team,department,manager_id,role,is_manager,timezone,start_date\n"
      "p1,ceo@example.org,Chief,Board,Corporate,,CEO,true,Europe/Berlin,2020-01-01\n"
      "p2,Ann.Lee@Example.org,\"Lee, "
      "Ann\",Legal,Corporate,p1,Lawyer,false,Europe/London,2024-05-01\n"
      "p3,bob@example.org,Bob,Legal,Corporate,p9,Lawyer,maybe,Mars/Olympus,someday\n");
  auto store = model::Store::open(dir / "x.orglens", model::Store::Mode::Create);
  const auto outcome = importInto(*store, roster);
  CHECK(outcome.format == "roster-csv");
  CHECK(outcome.counts.people == 3);
  // p3: unknown manager, bad flag, bad time zone, bad date → four warnings on line 4.
  REQUIRE(outcome.counts.warnings == 4);
  for (const auto& d : outcome.diagnostics) CHECK(d.line == 4);
  const auto model = store->loadModel();
  const auto ann = model.findAlias(model::AliasKind::Email, "ann.lee@example.org");
  REQUIRE(ann);
  CHECK(model.text(model.objects()[ann->value()].name) == "Lee, Ann");
  CHECK(model.findAlias(model::AliasKind::PersonKey, "p2") == ann);
  const auto summary = store->summary();
  CHECK(summary.teams == 3);  // Board, Legal and the department Corporate
  int reportsTo = 0;
  for (const auto& r : model.relations())
    if (model.text(r.qualifier) == "reports-to") ++reportsTo;
  CHECK(reportsTo == 1);

  SECTION("events naming roster people by e-mail or id resolve to them") {
    const auto events =
        orglens::test::writeFile(dir / "events.csv",
                                 "case,activity,timestamp,resource\nc1,A,2025-01-01 "
                                 "10:00,ann.lee@example.org\nc1,B,2025-01-01 11:00,p3\n");
    const auto out = importInto(*store, events);
    CHECK(out.counts.people == 0);  // nobody new
    const auto log = model::EventLog::load(*store);
    CHECK(log.actor[0] == ann->value());
    CHECK(log.strings[log.objectKey[log.actor[1]]] == "p3");
    CHECK(log.strings[log.objectKey[log.teamOf[log.actor[0]]]] == "Legal");
  }
}

TEST_CASE("An alias file merges identities seen in two sources", "[importers][alias]") {
  const auto dir = orglens::test::tempDir("alias");
  auto store = model::Store::open(dir / "x.orglens", model::Store::Mode::Create);
  importInto(*store, orglens::test::writeFile(
                         dir / "a.csv",
                         "case,activity,timestamp,resource\nc1,A,2025-01-01 10:00,Resource10\n"));
  importInto(*store,
             orglens::test::writeFile(
                 dir / "b.csv",
                 "case,activity,timestamp,resource\nc2,B,2025-01-02 10:00,r.ten@example.org\n"));
  CHECK(store->summary().activePeople == 2);
  const auto out = importInto(
      *store, orglens::test::writeFile(dir / "aliases.csv",
                                       "alias,person\nresource:Resource10,r.ten@example.org\n"));
  CHECK(out.format == "alias-csv");
  const auto summary = store->summary();
  CHECK(summary.activePeople == 1);
  CHECK(summary.people == 2);  // the merged identity remains as an object, marked merged-into
}
