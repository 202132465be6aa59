// Checks that two handoff or flow results are the same figure for figure (exact equality: the
// passes compare results of one definition computed two ways, not against a tolerance).
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <utility>

#include "analysis/flow.h"
#include "analysis/handoffs.h"

namespace orglens::test {

inline void checkSameStats(const analysis::DurationStats& a, const analysis::DurationStats& b) {
  CHECK(a.count == b.count);
  CHECK(a.sum == b.sum);
  CHECK(a.mean == b.mean);
  CHECK(a.median == b.median);
  CHECK(a.p90 == b.p90);
  CHECK(a.min == b.min);
  CHECK(a.max == b.max);
}

inline void checkSameGroups(const std::vector<analysis::HandoffGroup>& a,
                            const std::vector<analysis::HandoffGroup>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("group " << i);
    CHECK(a[i].from == b[i].from);
    CHECK(a[i].to == b[i].to);
    CHECK(a[i].fromActivity == b[i].fromActivity);
    CHECK(a[i].toActivity == b[i].toActivity);
    checkSameStats(a[i].wait, b[i].wait);
    CHECK(a[i].excessDelay == b[i].excessDelay);
    CHECK(a[i].queue == b[i].queue);
    CHECK(a[i].withQueue == b[i].withQueue);
  }
}

inline void checkSameHandoffs(const analysis::HandoffResult& a, const analysis::HandoffResult& b) {
  CHECK(a.cancelled == b.cancelled);
  CHECK(a.items == b.items);
  CHECK(a.instances == b.instances);
  REQUIRE(a.handoffs.size() == b.handoffs.size());
  CHECK(std::equal(a.handoffs.begin(), a.handoffs.end(), b.handoffs.begin(),
                   [](const auto& x, const auto& y) {
                     return x.item == y.item && x.from == y.from && x.to == y.to &&
                            x.fromActivity == y.fromActivity && x.toActivity == y.toActivity &&
                            x.waitMicros == y.waitMicros && x.queueMicros == y.queueMicros;
                   }));
  checkSameGroups(a.byPerson, b.byPerson);
  checkSameGroups(a.byTeam, b.byTeam);
  checkSameGroups(a.byActivity, b.byActivity);
  checkSameGroups(a.byTeamActivity, b.byTeamActivity);
  checkSameGroups(a.slowTeamPairs, b.slowTeamPairs);
  REQUIRE(a.pingPong.size() == b.pingPong.size());
  for (std::size_t i = 0; i < a.pingPong.size(); ++i)
    CHECK((a.pingPong[i].a == b.pingPong[i].a && a.pingPong[i].b == b.pingPong[i].b &&
           a.pingPong[i].count == b.pingPong[i].count));
  REQUIRE(a.rework.size() == b.rework.size());
  for (std::size_t i = 0; i < a.rework.size(); ++i)
    CHECK((a.rework[i].activity == b.rework[i].activity &&
           a.rework[i].repeats == b.rework[i].repeats && a.rework[i].redos == b.rework[i].redos));
  for (const auto& [x, y] :
       {std::pair(&a.waitsOnPerson, &b.waitsOnPerson), std::pair(&a.waitsOnTeam, &b.waitsOnTeam)}) {
    REQUIRE(x->size() == y->size());
    for (std::size_t i = 0; i < x->size(); ++i)
      CHECK(((*x)[i].who == (*y)[i].who && (*x)[i].handoffs == (*y)[i].handoffs &&
             (*x)[i].totalWait == (*y)[i].totalWait));
  }
}

inline void checkSameFlow(const analysis::FlowResult& a, const analysis::FlowResult& b) {
  CHECK(a.cancelled == b.cancelled);
  CHECK(a.items == b.items);
  REQUIRE(a.edges.size() == b.edges.size());
  for (std::size_t i = 0; i < a.edges.size(); ++i) {
    INFO("edge " << i);
    CHECK(a.edges[i].from == b.edges[i].from);
    CHECK(a.edges[i].to == b.edges[i].to);
    checkSameStats(a.edges[i].duration, b.edges[i].duration);
  }
  CHECK(a.startActivities == b.startActivities);
  CHECK(a.endActivities == b.endActivities);
  checkSameStats(a.throughput, b.throughput);
  checkSameStats(a.serviceTime, b.serviceTime);
  checkSameStats(a.waitingTime, b.waitingTime);
  CHECK(a.hasLifecycle == b.hasLifecycle);
  CHECK(a.variantCount == b.variantCount);
  REQUIRE(a.topVariants.size() == b.topVariants.size());
  for (std::size_t i = 0; i < a.topVariants.size(); ++i) {
    CHECK(a.topVariants[i].activities == b.topVariants[i].activities);
    CHECK(a.topVariants[i].items == b.topVariants[i].items);
    CHECK(a.topVariants[i].share == b.topVariants[i].share);
  }
}

}  // namespace orglens::test
