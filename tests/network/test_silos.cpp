// The collaboration graph and the silo measures on a hand-computed log.
#include <catch2/catch.hpp>

#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "analysis/silos.h"
#include "tests/analysis/log_builder.h"

using namespace orglens;

namespace {

// c1: ann → bob → ann (2 handoffs, 1 shared item): ann–bob 3 interactions, weight 3.
// c2: ann → eve, c3: cid → bob, c4: eve → cid: 1 handoff + 1 shared item each, weight 2.
// c5: dan alone: a node without ties. Teams: Legal {ann, dan, eve}, Ops {bob, cid}.
// The ties form the 4-cycle ann – bob – cid – eve – ann.
const char* kLog =
    "case,activity,timestamp,resource,team\n"
    "c1,A,2025-01-01 09:00,ann,Legal\n"
    "c1,B,2025-01-01 10:00,bob,Ops\n"
    "c1,A,2025-01-01 12:00,ann,Legal\n"
    "c2,A,2025-01-02 09:00,ann,Legal\n"
    "c2,B,2025-01-02 10:00,eve,Legal\n"
    "c3,A,2025-01-03 09:00,cid,Ops\n"
    "c3,B,2025-01-03 10:00,bob,Ops\n"
    "c4,A,2025-01-04 09:00,eve,Legal\n"
    "c4,B,2025-01-04 10:00,cid,Ops\n"
    "c5,A,2025-01-05 09:00,dan,Legal\n";

double tie(const analysis::Graph& g, std::uint32_t a, std::uint32_t b) {
  for (auto k = g.offsets[a]; k < g.offsets[a + 1]; ++k)
    if (g.targets[k] == b) return g.weights[k];
  return 0;
}

}  // namespace

TEST_CASE("The collaboration graph of a hand-computed log", "[network][graph]") {
  const auto t = test::logFromCsv(kLog, "collab");
  model::NoProgress progress;
  const auto cg = analysis::buildCollaborationGraph(t.log, {}, {}, progress);
  REQUIRE(cg.person.size() == 5);
  std::vector<std::string> names;
  for (auto p : cg.person) names.push_back(t.log.label(p));
  CHECK(names == std::vector<std::string>{"ann", "bob", "cid", "dan", "eve"});
  CHECK(cg.team[0] == t.object("Legal"));
  CHECK(cg.team[1] == t.object("Ops"));
  CHECK(cg.handoffs == 5);
  CHECK(cg.sharedItems == 4);
  const auto& g = cg.graph;
  CHECK(g.edgeCount() == 4);
  CHECK(tie(g, 0, 1) == 3.0);
  CHECK(tie(g, 1, 0) == 3.0);
  CHECK(tie(g, 0, 4) == 2.0);
  CHECK(tie(g, 1, 2) == 2.0);
  CHECK(tie(g, 2, 4) == 2.0);
  CHECK(g.degree(3) == 0);
  CHECK(g.strength(0) == 5.0);
  const auto b = analysis::computeBetweenness(g, {}, progress);
  CHECK(b.raw == std::vector<double>{0.5, 0.5, 0.5, 0, 0.5});

  // Three interactions needed: only ann – bob stays.
  analysis::CollaborationOptions strict;
  strict.minInteractions = 3;
  CHECK(analysis::buildCollaborationGraph(t.log, {}, strict, progress).graph.edgeCount() == 1);
  // A message from ann to bob and dan: 1/2 to each tie, one interaction each; ann – dan has
  // one interaction and stays out.
  model::InteractionLog mail;
  mail.eventId = {0, 0};
  mail.time = {0, 0};
  mail.sender = {t.object("ann"), t.object("ann")};
  mail.recipient = {t.object("bob"), t.object("dan")};
  mail.recipientCount = {2, 2};
  const auto withMail = analysis::buildCollaborationGraph(t.log, mail, {}, progress);
  CHECK(withMail.messageLinks == 2);
  CHECK(tie(withMail.graph, 0, 1) == 3.5);
  CHECK(withMail.graph.degree(3) == 0);
  strict.handoffWeight = -1;
  CHECK_THROWS_AS(analysis::buildCollaborationGraph(t.log, {}, strict, progress),
                  std::invalid_argument);
}

TEST_CASE("Silo measures of a hand-computed log", "[network][silos]") {
  const auto t = test::logFromCsv(kLog, "silos");
  model::NoProgress progress;
  const auto cg = analysis::buildCollaborationGraph(t.log, {}, {}, progress);
  const auto s = analysis::analyseSilos(cg, t.log);
  REQUIRE(s.teams == std::vector<std::uint32_t>{t.object("Legal"), t.object("Ops")});
  // Matrix: inside Legal ann – eve (2), inside Ops bob – cid (2), across ann – bob (3) and
  // eve – cid (2).
  CHECK(s.matrix(0, 0) == 2.0);
  CHECK(s.matrix(1, 1) == 2.0);
  CHECK(s.matrix(0, 1) == 5.0);
  CHECK(s.matrix(1, 0) == 5.0);
  const auto& legal = s.perTeam[0];
  CHECK(legal.size == 3);
  CHECK(legal.internalTies == 1);
  CHECK(legal.externalTies == 2);
  CHECK(legal.eiIndex == Approx(1.0 / 3));         // (2 − 1) / (2 + 1)
  CHECK(legal.eiWeighted == Approx(3.0 / 7));      // (5 − 2) / (5 + 2)
  CHECK(legal.crossTeamShare == Approx(2.0 / 3));  // ann and eve, not dan
  const auto& ops = s.perTeam[1];
  CHECK(ops.size == 2);
  CHECK(ops.eiIndex == Approx(1.0 / 3));
  CHECK(ops.crossTeamShare == 1.0);
  // Brokers: one cross-team tie each; heavier ties first, then node order.
  REQUIRE(s.brokers.size() == 4);
  CHECK(s.brokers[0].node == 0);
  CHECK(s.brokers[1].node == 1);
  CHECK(s.brokers[0].crossTeamWeight == 3.0);
  CHECK(s.brokers[2].node == 2);
  CHECK(s.brokers[3].node == 4);
}
