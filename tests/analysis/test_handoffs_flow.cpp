// analyseHandoffsAndFlow() computes handoffs and flow in one pass; its results must equal those
// of findHandoffs() and analyseFlow() called separately (each checked against a reference
// elsewhere), whatever the thread count, and where the DFG edges take none, some or all of
// their waits from the handoffs.
#include <catch2/catch.hpp>
#include <string>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "analysis/wide_kernels.h"
#include "tests/analysis/log_builder.h"
#include "tests/analysis/phase_log.h"
#include "tests/analysis/reference_handoffs.h"
#include "tests/analysis/same_results.h"

using namespace orglens;

namespace {

void checkOnePass(const model::EventLog& log, unsigned threads) {
  analysis::HandoffOptions ho;
  ho.threads = threads;
  analysis::FlowOptions fo;
  fo.threads = threads;
  fo.topVariants = 25;
  model::NoProgress progress;
  const auto both = analysis::analyseHandoffsAndFlow(log, ho, fo, progress);
  {
    INFO("handoffs");
    test::checkSameHandoffs(both.handoffs, analysis::findHandoffs(log, ho, progress));
  }
  INFO("flow");
  test::checkSameFlow(both.flow, analysis::analyseFlow(log, fo, progress));
}

}  // namespace

TEST_CASE("Handoffs and flow in one pass equal the separate passes on varied logs",
          "[analysis][handoffs][flow]") {
  // Unknown actors and same-actor steps (DFG waits that are no handoff), lifecycle instances,
  // itemless events; seed 5 with groups big enough for the selection paths.
  for (const std::uint64_t seed : {1u, 5u}) {
    const auto log = test::variedLog(seed, seed == 5 ? 30'000 : 3'000);
    for (const unsigned threads : {1u, 2u, 5u}) {
      INFO("seed " << seed << ", threads " << threads);
      checkOnePass(log, threads);
    }
  }
  INFO("120 activities: few of the pairs occur");
  checkOnePass(test::variedLog(7, 3'000, 120), 2);
  INFO("30 activities, items of up to 39 instances: variants too long for a key");
  checkOnePass(test::variedLog(8, 3'000, 30, 40, 40), 2);
}

TEST_CASE("Handoffs and flow in one pass: DFG edges without any handoff",
          "[analysis][handoffs][flow]") {
  // Item c1 is one person's work only (its edges take no wait from the handoffs); item c2 mixes
  // both on the edge A -> B; item c3 has a single event (no edge, but a variant and a start).
  const auto t = test::logFromCsv(
      "case,activity,timestamp,resource,team\n"
      "c1,A,2025-01-01 09:00,ann,T\n"
      "c1,B,2025-01-01 10:00,ann,T\n"
      "c1,C,2025-01-01 13:00,ann,T\n"
      "c2,A,2025-01-02 09:00,ann,T\n"
      "c2,B,2025-01-02 09:30,bob,U\n"
      "c2,A,2025-01-02 11:00,bob,U\n"
      "c2,B,2025-01-02 12:00,bob,U\n"
      "c3,C,2025-01-03 09:00,cy,U\n");
  model::NoProgress progress;
  const auto both = analysis::analyseHandoffsAndFlow(t.log, {}, {}, progress);
  REQUIRE(both.handoffs.handoffs.size() == 1);
  REQUIRE(both.flow.edges.size() == 3);
  // A -> B: 1 h (c1, no handoff), 30 min (c2, a handoff), 1 h (c2, no handoff); B -> C (3 h, c1
  // only) has the largest total, B -> A (1.5 h, c2) the smallest.
  const auto& ab = both.flow.edges[1];
  CHECK(t.log.strings[both.flow.edges[0].from] == "B");
  CHECK(both.flow.edges[0].duration.sum == 10'800);
  CHECK(t.log.strings[ab.from] == "A");
  CHECK(t.log.strings[ab.to] == "B");
  CHECK(ab.duration.count == 3);
  CHECK(ab.duration.sum == 9'000);
  CHECK(ab.duration.median == 3'600);
  CHECK(ab.duration.min == 1'800);
  CHECK(both.flow.items == 3);
  CHECK(both.flow.variantCount == 3);
  for (const unsigned threads : {1u, 2u}) checkOnePass(t.log, threads);
}

TEST_CASE("Handoffs and flow in one pass on an empty log", "[analysis][handoffs][flow]") {
  const auto t = test::logFromCsv("case,activity,timestamp,resource,team\n");
  checkOnePass(t.log, 1);
}

TEST_CASE("Handoffs and flow in one pass stop when cancelled, both saying so",
          "[analysis][handoffs][flow]") {
  const auto log = test::variedLog(3, 500);
  for (const char* phase : {"scanning items", "activity pairs", "team pairs"}) {
    INFO(phase);
    test::PhaseLog stop(phase);
    const auto both = analysis::analyseHandoffsAndFlow(log, {}, {}, stop);
    CHECK(both.handoffs.cancelled);
    CHECK(both.flow.cancelled);
    CHECK(both.handoffs.byPerson.empty());
    CHECK(both.flow.edges.empty());
  }
}

TEST_CASE("Handoffs and flow in one pass: the same with either copy of the kernels",
          "[analysis][handoffs][flow]") {
  // analysis/wide_kernels.h: the x86-64-v3 copies (where the CPU has them) and the baseline ones
  // must give identical figures; lognormal-like waits reach the selection's refinements.
  namespace d = analysis::detail;
  if (!d::wideKernelsAvailable()) {
    WARN("this build or CPU has no x86-64-v3 kernels: one copy only, nothing to compare");
    return;
  }
  const auto log = test::variedLog(5, 30'000);
  analysis::HandoffOptions ho;
  ho.threads = 2;
  analysis::FlowOptions fo;
  fo.threads = 2;
  model::NoProgress progress;
  const bool was = d::setWideKernels(false);
  const auto base = analysis::analyseHandoffsAndFlow(log, ho, fo, progress);
  d::setWideKernels(true);
  const auto wide = analysis::analyseHandoffsAndFlow(log, ho, fo, progress);
  d::setWideKernels(was);
  test::checkSameHandoffs(base.handoffs, wide.handoffs);
  test::checkSameFlow(base.flow, wide.flow);
}

TEST_CASE("The DFG alone (no figures per item) equals the full flow's edges and item count",
          "[analysis][handoffs][flow]") {
  // FlowOptions::itemFigures off, as `orglens flow --table dfg` runs: the same edges and items,
  // nothing else, in the flow pass and in the pass with the handoffs.
  for (const std::uint64_t seed : {1u, 5u}) {
    const auto log = test::variedLog(seed, seed == 5 ? 30'000 : 3'000);
    for (const unsigned threads : {1u, 2u}) {
      INFO("seed " << seed << ", threads " << threads);
      analysis::FlowOptions fo;
      fo.threads = threads;
      analysis::HandoffOptions ho;
      ho.threads = threads;
      model::NoProgress progress;
      const auto full = analysis::analyseFlow(log, fo, progress);
      REQUIRE(full.itemFigures);
      REQUIRE(full.variantCount > 0);
      analysis::FlowResult expected;
      expected.items = full.items;
      expected.edges = full.edges;
      fo.itemFigures = false;
      const auto alone = analysis::analyseFlow(log, fo, progress);
      CHECK_FALSE(alone.itemFigures);
      test::checkSameFlow(alone, expected);
      const auto both = analysis::analyseHandoffsAndFlow(log, ho, fo, progress);
      CHECK_FALSE(both.flow.itemFigures);
      test::checkSameFlow(both.flow, expected);
      test::checkSameHandoffs(both.handoffs, analysis::findHandoffs(log, ho, progress));
    }
  }
}
