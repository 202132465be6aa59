#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analysis/activity_instances.h"
#include "analysis/handoffs.h"
#include "tests/analysis/log_builder.h"
#include "tests/analysis/phase_log.h"
#include "tests/analysis/same_results.h"

using namespace orglens;
using analysis::HandoffGroup;
constexpr double kMinute = 60.0;

namespace {

// Hand-computed case (times 2025-01-01, UTC):
//   c1: A ann(Legal) 09:00 → B bob(Ops) 10:00 → A ann 12:00 → B cid(Ops) 12:30
//   c2: A dan(Legal) 09:00 → B eve(Legal) 09:10
// Handoffs: ann→bob A→B 60 min, bob→ann B→A 120 min, ann→cid A→B 30 min, dan→eve A→B 10 min.
// Baseline A→B = median of A→B inside one team = 10 min. B→A has no inside-team handoff and
// nothing inside a team hands into A, so its baseline is the median of all inside-team
// handoffs, 10 min. Excess: 50 + 110 + 20 + 0 minutes.
const char* kLog =
    "case,activity,timestamp,resource,team\n"
    "c1,A,2025-01-01 09:00,ann,Legal\n"
    "c1,B,2025-01-01 10:00,bob,Ops\n"
    "c1,A,2025-01-01 12:00,ann,Legal\n"
    "c1,B,2025-01-01 12:30,cid,Ops\n"
    "c2,A,2025-01-01 09:00,dan,Legal\n"
    "c2,B,2025-01-01 09:10,eve,Legal\n";

const HandoffGroup& find(const std::vector<HandoffGroup>& groups, std::uint32_t from,
                         std::uint32_t to) {
  for (const auto& g : groups)
    if (g.from == from && g.to == to) return g;
  throw std::runtime_error("group not found");
}

}  // namespace

TEST_CASE("Handoffs and their waits match a hand-computed log", "[analysis][handoffs]") {
  const auto t = test::logFromCsv(kLog);
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(t.log, {}, progress);
  REQUIRE(r.handoffs.size() == 4);
  CHECK(r.instances == 6);
  const auto legal = t.object("Legal"), ops = t.object("Ops");
  const auto& legalOps = find(r.byTeam, legal, ops);
  CHECK(legalOps.wait.count == 2);
  CHECK(legalOps.wait.median == Approx(45 * kMinute));
  CHECK(legalOps.wait.mean == Approx(45 * kMinute));
  CHECK(legalOps.wait.sum == Approx(90 * kMinute));
  CHECK(legalOps.wait.p90 == Approx(57 * kMinute));  // 30 + 0.9 * (60 − 30)
  CHECK(legalOps.excessDelay == Approx(70 * kMinute));
  CHECK(find(r.byTeam, ops, legal).excessDelay == Approx(110 * kMinute));
  CHECK(find(r.byTeam, legal, legal).wait.sum == Approx(10 * kMinute));
  CHECK(find(r.byTeam, legal, legal).excessDelay == 0);
  // The slowest team pair by excess delay comes first; none reaches the default min count.
  CHECK(r.byTeam.front().from == ops);
  CHECK(r.byTeam.front().to == legal);
  CHECK(r.slowTeamPairs.empty());
  const auto& ba = r.byActivity.front();
  CHECK(ba.fromActivity == t.string("B"));
  CHECK(ba.excessDelay == Approx(110 * kMinute));
  const auto& ab = r.byActivity[1];
  CHECK(ab.fromActivity == t.string("A"));
  CHECK(ab.wait.count == 3);
  CHECK(ab.excessDelay == Approx(70 * kMinute));
  // Person pairs.
  CHECK(find(r.byPerson, t.object("ann"), t.object("bob")).wait.sum == Approx(60 * kMinute));
  // Ping-pong ann → bob → ann; rework: A repeated by ann, B redone by cid.
  REQUIRE(r.pingPong.size() == 1);
  CHECK(r.pingPong[0].a == t.object("ann"));
  CHECK(r.pingPong[0].b == t.object("bob"));
  REQUIRE(r.rework.size() == 2);
  for (const auto& w : r.rework) {
    if (w.activity == t.string("A")) CHECK((w.repeats == 1 && w.redos == 0));
    if (w.activity == t.string("B")) CHECK((w.repeats == 0 && w.redos == 1));
  }
  // Everyone waits on ann (120 min incoming), then bob (60).
  CHECK(r.waitsOnPerson[0].who == t.object("ann"));
  CHECK(r.waitsOnPerson[0].totalWait == Approx(120 * kMinute));
  CHECK(r.waitsOnTeam[0].who == legal);
  CHECK(r.waitsOnTeam[0].totalWait == Approx(130 * kMinute));
}

TEST_CASE("Start and complete events pair into instances, by concept:instance when present",
          "[analysis][handoffs][instances]") {
  // x: two overlapping instances of one activity by one actor, told apart by their ids.
  // y: fay completes X at 09:30, gus starts Y at 11:00 and completes it at 12:00.
  const auto t = test::logFromCsv(
      "case,activity,timestamp,resource,team,lifecycle:transition,concept:instance\n"
      "x,Check,2025-01-01 09:00,ann,L,start,i1\n"
      "x,Check,2025-01-01 09:10,ann,L,start,i2\n"
      "x,Check,2025-01-01 09:20,ann,L,complete,i2\n"
      "x,Check,2025-01-01 09:40,ann,L,complete,i1\n"
      "y,X,2025-01-01 09:00,fay,L,start,\n"
      "y,X,2025-01-01 09:30,fay,L,complete,\n"
      "y,Y,2025-01-01 10:15,gus,O,assign,\n"
      "y,Y,2025-01-01 11:00,gus,O,start,\n"
      "y,Y,2025-01-01 12:00,gus,O,complete,\n");
  std::vector<analysis::ActivityInstance> instances;
  analysis::buildInstances(t.log, t.log.itemBegin[0], t.log.itemBegin[1], instances);
  REQUIRE(instances.size() == 2);
  const auto at = [](const char* hhmm) {
    return model::MicrosUtc{1'735'689'600'000'000} +
           ((hhmm[0] - '0') * 600 + (hhmm[1] - '0') * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0')) *
               60'000'000LL;
  };
  CHECK(instances[0].start == at("09:00"));
  CHECK(instances[0].complete == at("09:40"));  // FIFO would have said 09:20
  CHECK(instances[1].complete == at("09:20"));
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(t.log, {}, progress);
  REQUIRE(r.handoffs.size() == 1);
  CHECK(r.handoffs[0].waitMicros == 90 * 60'000'000LL);   // 09:30 → 11:00
  CHECK(r.handoffs[0].queueMicros == 45 * 60'000'000LL);  // assigned 10:15 → started 11:00
}

TEST_CASE("Start and complete events pair into instances in a log without assign events",
          "[analysis][handoffs][instances]") {
  // fay works on X 09:00-10:00, gus on Y 09:30-11:00: one handoff, and no wait, as the next
  // instance started before the previous one was complete. Taken as four completions, the same
  // events would make three handoffs. Whether the log has start events at all is found once for
  // the whole log; this log has no assign events, unlike the test above.
  const auto t = test::logFromCsv(
      "case,activity,timestamp,resource,team,lifecycle:transition\n"
      "y,X,2025-01-01 09:00,fay,L,start\n"
      "y,Y,2025-01-01 09:30,gus,O,start\n"
      "y,X,2025-01-01 10:00,fay,L,complete\n"
      "y,Y,2025-01-01 11:00,gus,O,complete\n"
      "z,X,2025-01-01 09:00,fay,L,complete\n"
      "z,Y,2025-01-01 09:20,gus,O,complete\n");
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(t.log, {}, progress);
  CHECK(r.instances == 4);
  REQUIRE(r.handoffs.size() == 2);
  CHECK(r.handoffs[0].waitMicros == 0);
  CHECK(r.handoffs[0].queueMicros == -1);
  CHECK(r.handoffs[1].waitMicros == 20 * 60'000'000LL);  // z: completions only
  const auto both = analysis::analyseHandoffsAndFlow(t.log, {}, {}, progress);
  CHECK(both.handoffs.instances == 4);
  CHECK(both.handoffs.handoffs.size() == 2);
  CHECK(both.flow.hasLifecycle);
  // analyseFlow's own scan finds the log's lifecycles the same way: X → Y twice, no Y → X.
  const auto flow = analysis::analyseFlow(t.log, {}, progress);
  CHECK(flow.hasLifecycle);
  REQUIRE(flow.edges.size() == 1);
  CHECK(flow.edges[0].duration.count == 2);
}

TEST_CASE("Handoff results do not depend on the number of threads", "[analysis][handoffs]") {
  std::string csv = "case,activity,timestamp,resource,team\n";
  for (int c = 0; c < 200; ++c)
    for (int e = 0; e < 6; ++e)
      csv += "c" + std::to_string(c) + ",act" + std::to_string((c + e) % 4) + ",2025-01-0" +
             std::to_string(1 + e) + " 1" + std::to_string(c % 10) + ":00,p" +
             std::to_string((c * 7 + e) % 13) + ",t" + std::to_string((c + e) % 3) + "\n";
  const auto t = test::logFromCsv(csv);
  model::NoProgress progress;
  analysis::HandoffOptions one, two, many;
  one.threads = 1;
  two.threads = 2;
  many.threads = 7;
  const auto a = analysis::findHandoffs(t.log, one, progress);
  for (const auto& options : {two, many})
    test::checkSameHandoffs(a, analysis::findHandoffs(t.log, options, progress));
}

TEST_CASE("Handoffs report their phases in order and stop between them when cancelled",
          "[analysis][handoffs]") {
  const auto t = test::logFromCsv(kLog);
  analysis::HandoffOptions options;
  test::PhaseLog all;
  const auto r = analysis::findHandoffs(t.log, options, all);
  CHECK_FALSE(r.cancelled);
  CHECK(all.phases == std::vector<std::string>{"scanning items", "activity pairs", "person pairs",
                                               "team pairs", "done"});
  CHECK(std::is_sorted(all.fractions.begin(), all.fractions.end()));
  for (const char* stopAt : {"activity pairs", "person pairs", "team pairs"}) {
    INFO("stopped at " << stopAt);
    test::PhaseLog stopping(stopAt);
    const auto s = analysis::findHandoffs(t.log, options, stopping);
    CHECK(s.cancelled);
    CHECK(s.handoffs.empty());  // no half-built result
    CHECK(s.byPerson.empty());
    CHECK(s.byActivity.empty());
    CHECK(stopping.phases.back() == stopAt);
  }
}
