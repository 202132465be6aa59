// The viewer's flow snapshot with an activity the log does not know (kNone; the importers give
// every event one, a hand-built or future log may not): it gets a node labelled "-" and its
// edges point at that node instead of past the end of the lookups.
#include <catch2/catch.hpp>

#include "model/progress.h"
#include "viewer/snapshot.h"

using namespace orglens;
using model::EventLog;

TEST_CASE("The flow snapshot labels an unknown activity '-'", "[viewer][flow]") {
  constexpr auto kNone = EventLog::kNone;
  EventLog log;
  log.strings = {"A", "ann", "item"};
  log.objectType = {0, 2};
  log.objectKey = {1, 2};
  log.objectName.assign(2, kNone);
  log.teamOf.assign(2, kNone);
  for (const std::uint32_t activity : {0u, kNone, 0u}) {
    log.eventId.push_back(static_cast<std::uint32_t>(log.time.size()));
    log.time.push_back(1'735'689'600'000'000 +
                       static_cast<std::int64_t>(log.time.size()) * 60'000'000);
    log.activity.push_back(activity);
    log.actor.push_back(0);
    log.tool.push_back(kNone);
    log.lifecycle.push_back(model::Lifecycle::Complete);
    log.platform.push_back(model::Platform::Unknown);
  }
  log.item = {1};
  log.itemBegin = {0, 3};
  model::NoProgress progress;
  const auto flow = viewer::computeFlow(log, progress);
  REQUIRE(flow->nodes.size() == 2);
  REQUIRE(flow->result.edges.size() == 2);  // A → ?, ? → A
  for (const auto& e : flow->result.edges) {
    REQUIRE(flow->node(e.from) < flow->nodes.size());
    REQUIRE(flow->node(e.to) < flow->nodes.size());
  }
  CHECK(flow->nodes[flow->node(kNone)].activity == "-");
  CHECK(flow->nodes[flow->node(0)].activity == "A");
  REQUIRE(flow->edges.rows.size() == 2);
  CHECK(((flow->edges.rows[0][0] == "A" && flow->edges.rows[0][1] == "-") ||
         (flow->edges.rows[0][0] == "-" && flow->edges.rows[0][1] == "A")));
  CHECK(log.text(kNone) == "-");
  CHECK(log.text(3) == "-");
  CHECK(log.text(0) == "A");
}
