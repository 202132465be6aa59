// The team filter (reports/team_filter.h, `orglens report --team`, the viewer's team box):
// hand-built logs with the kept rows worked out by hand, and the report of one sample team.
#include <catch2/catch.hpp>

#include <algorithm>

#include "model/adoption_log.h"
#include "model/event_log.h"
#include "model/message_log.h"
#include "reports/report_builder.h"
#include "reports/team_filter.h"
#include "tests/support/sample_store.h"

using namespace orglens;
constexpr std::uint32_t kNone = model::EventLog::kNone;

namespace {

/// Objects 0 Red, 1 Blue (teams); 2 alice (Red), 3 bob (Blue), 4 carol (Red); 5-7 tasks
/// t1-t3; 8-9 threads th1, th2. Keys are their names.
template <class Log>
void lookups(Log& log) {
  log.strings = {"Red", "Blue", "alice", "bob", "carol", "t1", "t2", "t3", "th1", "th2", "act"};
  log.objectType = {1, 1, 0, 0, 0, 2, 2, 2, 5, 5};
  log.objectKey = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  log.objectName.assign(10, kNone);
  log.teamOf = {kNone, kNone, 0, 1, 0, kNone, kNone, kNone, kNone, kNone};
}

model::EventLog threeItems() {
  model::EventLog log;
  lookups(log);
  // t1: bob then alice; t2: bob only; t3: nobody, then carol.
  const std::uint32_t actors[] = {3, 2, 3, kNone, 4};
  for (std::uint32_t e = 0; e < 5; ++e) {
    log.time.push_back(1000 * (e + 1));
    log.activity.push_back(10);
    log.actor.push_back(actors[e]);
    log.tool.push_back(kNone);
    log.lifecycle.push_back(model::Lifecycle::Complete);
    log.platform.push_back(model::Platform::Unknown);
    log.eventId.push_back(e);
    log.instance.push_back(kNone);
  }
  log.item = {5, 6, 7};
  log.itemBegin = {0, 2, 3, 5};
  return log;
}

}  // namespace

TEST_CASE("team filter: the items a member acted on, with everyone's events on them") {
  const auto log = threeItems();
  REQUIRE(reports::teamMemberCount(log, "Red") == 2);
  REQUIRE(reports::teamMemberCount(log, "Blue") == 1);
  REQUIRE(reports::teamMemberCount(log, "Green") == 0);
  REQUIRE(reports::teamLabels(log) == std::vector<std::string>{"Blue", "Red"});

  const auto red = reports::itemsOfTeam(log, "Red");
  CHECK(red.item == std::vector<std::uint32_t>{5, 7});
  CHECK(red.itemBegin == std::vector<std::uint32_t>{0, 2, 4});
  CHECK(red.actor == std::vector<std::uint32_t>{3, 2, kNone, 4});  // bob's event on t1 stays
  CHECK(red.eventId == std::vector<std::uint32_t>{0, 1, 3, 4});
  CHECK(red.time.size() == red.lifecycle.size());
  CHECK(red.strings == log.strings);

  const auto blue = reports::itemsOfTeam(log, "Blue");
  CHECK(blue.item == std::vector<std::uint32_t>{5, 6});
  CHECK(reports::itemsOfTeam(log, "Green").eventCount() == 0);
}

TEST_CASE("team filter: threads a member posted in, replies renumbered") {
  model::MessageLog log;
  lookups(log);
  log.timezoneOf.assign(10, "");
  struct M {
    std::uint32_t thread, author, parent;
  };
  // 0-1: th1 (bob, then alice answers); 2-3: th2 (bob twice); 4-6 outside threads: alice,
  // bob answering alice, bob alone.
  const M rows[] = {{8, 3, kNone}, {8, 2, 0},     {9, 3, kNone}, {9, 3, 2},
                    {kNone, 2, kNone}, {kNone, 3, 4}, {kNone, 3, kNone}};
  std::uint32_t t = 0;
  for (const auto& m : rows) {
    log.message.push_back(100 + t);
    log.time.push_back(++t);
    log.thread.push_back(m.thread);
    log.author.push_back(m.author);
    log.parent.push_back(m.parent);
  }
  const auto red = reports::threadsOfTeam(log, "Red");
  CHECK(red.message == std::vector<std::uint32_t>{100, 101, 104, 105});
  CHECK(red.parent == std::vector<std::uint32_t>{kNone, 0, kNone, 2});
  CHECK(red.author == std::vector<std::uint32_t>{3, 2, 2, 3});

  const auto blue = reports::threadsOfTeam(log, "Blue");  // bob: every thread and his own posts
  CHECK(blue.message == std::vector<std::uint32_t>{100, 101, 102, 103, 105, 106});
  CHECK(blue.parent == std::vector<std::uint32_t>{kNone, 0, kNone, 2, kNone, kNone});
}

TEST_CASE("team filter: adoption of the team's registered people only") {
  model::AdoptionLog log;
  log.people.resize(3);
  log.people[0].key = "alice", log.people[0].team = "Red";
  log.people[1].key = "bob", log.people[1].team = "Blue";
  log.people[2].key = "carol", log.people[2].team = "Red";
  log.add(3, 1, "chat", "post");
  log.add(1, 0, "chat", "post");
  log.add(2, 2, "wiki", "edit");
  log.add(4, 0, "mail", "send");
  log.sortActions();
  const auto red = reports::peopleOfTeam(log, "Red");
  REQUIRE(red.people.size() == 2);
  CHECK(red.people[0].key == "alice");
  CHECK(red.people[1].key == "carol");
  CHECK(red.person == std::vector<std::uint32_t>{0, 0, 1});
  CHECK(red.time == std::vector<model::MicrosUtc>{1, 4, 2});
  CHECK(red.tools == log.tools);
  CHECK(red.tools[red.tool[2]] == "wiki");
}

TEST_CASE("report --team on the sample organisation") {
  const auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  const auto lookups = model::EventLog::loadLookups(*store);
  const auto labels = reports::teamLabels(lookups);
  REQUIRE(labels.size() >= 6);
  CHECK(reports::teamLabels(*store) == labels);  // the viewer's query gives the same labels
  // The largest team (the first such label on a tie).
  std::string team;
  std::uint64_t size = 0;
  for (const auto& l : labels)
    if (const auto n = reports::teamMemberCount(lookups, l); n > size) team = l, size = n;
  REQUIRE(size >= 5);
  model::NoProgress progress;
  const auto measure = [](const reports::Report& r, const std::string& key) {
    for (const auto& m : r.measures)
      if (m.key == key) return m.value;
    return std::optional<double>{};
  };

  reports::ReportOptions all;
  const auto whole = reports::buildReport(*store, all, progress);
  reports::ReportOptions one;
  one.team = team;
  const auto r = reports::buildReport(*store, one, progress);
  CHECK(r.meta.team == team);
  CHECK(whole.meta.team.empty());

  // Adoption counts exactly the team's registered people, worked out here from the log.
  const auto adoption = model::AdoptionLog::load(*store);
  const auto registered = std::count_if(adoption.people.begin(), adoption.people.end(),
                                        [&](const auto& p) { return p.team == team; });
  REQUIRE(registered > 0);
  CHECK(measure(r, "adoption.registered") == Approx(static_cast<double>(registered)));
  CHECK(*measure(whole, "adoption.registered") > *measure(r, "adoption.registered"));

  // Handoffs cover only the items a member worked on: fewer than the whole organisation's.
  const auto count = measure(r, "handoff.count"), wholeCount = measure(whole, "handoff.count");
  REQUIRE(count);
  REQUIRE(wholeCount);
  CHECK(*count > 0);
  CHECK(*count < *wholeCount);

  // Silos stay organisation-wide and say so.
  bool said = false;
  for (const auto& s : r.sections)
    if (s.key == "silos")
      for (const auto& b : s.blocks)
        if (const auto* p = std::get_if<reports::Paragraph>(&b))
          said = said || p->text.find("does not narrow") != std::string::npos;
  CHECK(said);

  SECTION("an unknown team is refused with the list of teams") {
    reports::ReportOptions bad;
    bad.team = "No Such Team";
    try {
      reports::buildReport(*store, bad, progress);
      FAIL("no error");
    } catch (const std::invalid_argument& e) {
      CHECK_THAT(e.what(), Catch::Contains("No Such Team") && Catch::Contains(labels.front()));
    }
  }
  SECTION("a team smaller than the suppression rule is refused unless people may be shown") {
    reports::ReportOptions small;
    small.team = team;
    small.privacy.minGroup = static_cast<unsigned>(size + 1);
    CHECK_THROWS_WITH(reports::buildReport(*store, small, progress),
                      Catch::Contains("fewer than the minimum group size"));
    small.privacy.showPeople = true;
    CHECK_NOTHROW(reports::buildReport(*store, small, progress));
  }
}
