#include <catch2/catch.hpp>

#include "analysis/workload.h"
#include "model/time_format.h"
#include "tests/analysis/log_builder.h"

using namespace orglens;

TEST_CASE("Work in progress, arrivals and completions match a hand-computed log", "[analysis][workload]") {
  // Weeks start on Mondays: W0 = 2025-01-06, W1 = 01-13, W2 = 01-20, W3 = 01-27.
  // c1 is open from Jan 6 to Jan 27: held by ann at the end of W0, by bob at the ends of W1
  // and W2 (bob took it on Jan 15); c2 opens and closes on Jan 7.
  const auto t = test::logFromCsv(
      "case,activity,timestamp,resource,team\n"
      "c1,A,2025-01-06 09:00,ann,Legal\n"
      "c1,B,2025-01-15 10:00,bob,Ops\n"
      "c1,C,2025-01-27 11:00,ann,Legal\n"
      "c2,X,2025-01-07 10:00,cid,Ops\n");
  model::NoProgress progress;
  const auto r = analysis::analyseWorkload(t.log, {}, progress);
  REQUIRE(r.weeks.size() == 4);
  CHECK(model::formatIsoUtc(r.weeks[0].weekStart) == "2025-01-06T00:00:00Z");
  CHECK(r.weeks[0].arrivals == 2);
  CHECK(r.weeks[0].completions == 1);
  CHECK(r.weeks[3].completions == 1);
  std::vector<std::uint64_t> open;
  for (const auto& w : r.weeks) open.push_back(w.openAtEnd);
  CHECK(open == std::vector<std::uint64_t>{1, 1, 1, 0});
  REQUIRE(r.people.size() == 2);
  CHECK(r.people[0].who == t.object("bob"));
  CHECK(r.people[0].averageWip == Approx(0.5));
  CHECK(r.people[0].wipByWeek == std::vector<std::uint64_t>{0, 1, 1, 0});
  CHECK(r.people[1].who == t.object("ann"));
  CHECK(r.people[1].peakWip == 1);
  REQUIRE(r.teams.size() == 2);
  CHECK(r.teams[0].who == t.object("Ops"));
  CHECK_FALSE(r.hasLifecycle);
}

TEST_CASE("Busy hours come from start and complete pairs", "[analysis][workload]") {
  const auto t = test::logFromCsv(
      "case,activity,start_time,end_time,resource\n"
      "c1,A,2025-01-06 09:00,2025-01-06 11:00,ann\n"
      "c1,B,2025-01-20 09:00,2025-01-20 10:00,bob\n");
  model::NoProgress progress;
  const auto r = analysis::analyseWorkload(t.log, {}, progress);
  CHECK(r.hasLifecycle);
  REQUIRE(r.weeks.size() == 3);
  REQUIRE_FALSE(r.people.empty());
  CHECK(r.people[0].who == t.object("ann"));  // holds c1 at the ends of W0 and W1
  CHECK(r.people[0].busyHoursPerWeek == Approx(2.0 / 3.0));
}
