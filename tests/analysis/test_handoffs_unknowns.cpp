// Handoffs and flow with what a log can leave out: events without an item, an item without
// events, unknown actors (rework) and, in a hand-built log (the importers give every event one),
// unknown activities.
#include <catch2/catch.hpp>
#include <cstdint>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "model/event_log.h"
#include "tests/analysis/same_results.h"

using namespace orglens;
using model::EventLog;
constexpr auto kNone = EventLog::kNone;

namespace {

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::uint32_t kA = 0, kAnn = 0, kBob = 1;

/// Objects: ann 0, bob 1 (people without a team), items 2 and 3. Strings: activity "A" first.
/// Itemless: one event. Item 2 (completions, a minute apart):
///   A ann → ? bob → A (unknown) → A (unknown) → ? ann → A bob
/// Item 3: no events.
EventLog unknownsLog() {
  EventLog log;
  log.strings = {"A", "ann", "bob", "item2", "item3"};
  log.objectType = {0, 0, 2, 2};
  log.objectKey = {1, 2, 3, 4};
  log.objectName.assign(4, kNone);
  log.teamOf.assign(4, kNone);
  const auto push = [&](std::int64_t minute, std::uint32_t activity, std::uint32_t actor) {
    log.eventId.push_back(static_cast<std::uint32_t>(log.time.size()));
    log.time.push_back(1'735'689'600 * kSecond + minute * 60 * kSecond);
    log.activity.push_back(activity);
    log.actor.push_back(actor);
    log.tool.push_back(kNone);
    log.lifecycle.push_back(model::Lifecycle::Complete);
    log.platform.push_back(model::Platform::Unknown);
  };
  log.item = {kNone, 2, 3};
  log.itemBegin = {0};
  push(0, kA, kAnn);  // itemless: in no sequence
  log.itemBegin.push_back(1);
  push(0, kA, kAnn);
  push(1, kNone, kBob);  // ann → bob, A → ?
  push(2, kA, kNone);    // A again, by someone unknown: a redo of ann's A
  push(3, kA, kNone);    // A again: a redo (an unknown actor is never the same one)
  push(4, kNone, kAnn);  // ? again, by ann after bob: a redo; no handoff from an unknown actor
  push(5, kA, kBob);     // ann → bob, ? → A; A again by bob: a redo
  log.itemBegin.push_back(7);
  log.itemBegin.push_back(7);  // item 3: no events
  return log;
}

}  // namespace

TEST_CASE(
    "Handoffs count items with instances, keep unknown activities and never repeat an "
    "unknown actor",
    "[analysis][handoffs]") {
  const EventLog log = unknownsLog();
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(log, {}, progress);
  const auto flow = analysis::analyseFlow(log, {}, progress);
  CHECK(r.items == 1);  // not the itemless events, not the item without events
  CHECK(flow.items == r.items);
  CHECK(r.instances == 6);
  REQUIRE(r.handoffs.size() == 2);
  for (const auto& h : r.handoffs) {
    CHECK(h.from == kAnn);
    CHECK(h.to == kBob);
    CHECK(h.waitMicros == 60 * kSecond);
  }
  // Both activity pairs have their row: an unknown activity on either side.
  REQUIRE(r.byActivity.size() == 2);
  CHECK(((r.byActivity[0].fromActivity == kA && r.byActivity[0].toActivity == kNone &&
          r.byActivity[1].fromActivity == kNone && r.byActivity[1].toActivity == kA) ||
         (r.byActivity[1].fromActivity == kA && r.byActivity[1].toActivity == kNone &&
          r.byActivity[0].fromActivity == kNone && r.byActivity[0].toActivity == kA)));
  std::uint64_t activityCount = 0;
  for (const auto& g : r.byActivity) activityCount += g.wait.count;
  CHECK(activityCount == r.handoffs.size());  // as many as the person table
  REQUIRE(r.byPerson.size() == 1);
  CHECK(r.byPerson[0].wait.count == 2);
  REQUIRE(r.rework.size() == 2);
  for (const auto& w : r.rework) {
    INFO("activity " << w.activity);
    CHECK(w.repeats == 0);
    CHECK(w.redos == (w.activity == kA ? 3u : 1u));
  }
}

TEST_CASE("Handoffs and flow in one pass equal the separate passes with unknown activities",
          "[analysis][handoffs][flow]") {
  const EventLog log = unknownsLog();
  model::NoProgress progress;
  const auto both = analysis::analyseHandoffsAndFlow(log, {}, {}, progress);
  test::checkSameHandoffs(both.handoffs, analysis::findHandoffs(log, {}, progress));
  test::checkSameFlow(both.flow, analysis::analyseFlow(log, {}, progress));
  CHECK(both.flow.edges.size() == 3);  // A→? (twice), ?→A (twice), A→A
}
