// The handoff analysis must recover the slow handoff that `orglens sample` planted.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "importers/import_file.h"
#include "samples/sample_org.h"
#include "tests/support/test_support.h"

using namespace orglens;

TEST_CASE("The planted slow Legal to Operations handoff is the top team pair by excess delay",
          "[analysis][handoffs][sample]") {
  const auto dir = test::tempDir("planted-handoff");
  samples::SampleOptions options;
  options.people = 150;
  options.days = 90;
  options.seed = 11;
  samples::writeSampleOrganisation(dir / "sample", options);
  // What the generator says it planted.
  const std::string truth = test::readFile(dir / "sample" / "ground-truth.json");
  REQUIRE_THAT(truth, Catch::Contains("\"from_team\": \"Legal\"") &&
                          Catch::Contains("\"to_team\": \"Operations\""));

  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::importFile(*store, dir / "sample" / "roster.csv", {}, progress);
  importers::importFile(*store, dir / "sample" / "events.csv", {}, progress);
  const auto log = model::EventLog::load(*store);
  const auto r = analysis::findHandoffs(log, {}, progress);
  REQUIRE_FALSE(r.slowTeamPairs.empty());
  const auto& top = r.slowTeamPairs.front();
  CHECK(log.label(top.from) == "Legal");
  CHECK(log.label(top.to) == "Operations");
  CHECK(top.wait.median > 2 * 86400.0);  // days, while ...
  // ... the next team pair waits hours, and the planted pair's excess is far ahead.
  REQUIRE(r.slowTeamPairs.size() > 1);
  CHECK(r.slowTeamPairs[1].wait.median < 6 * 3600.0);
  CHECK(top.excessDelay > 2 * r.slowTeamPairs[1].excessDelay);

  // Stable for a seed: a second run gives the same figures.
  const auto again = analysis::findHandoffs(log, {}, progress);
  CHECK(again.slowTeamPairs.front().excessDelay == top.excessDelay);
  // The flow sees the start/complete pairs of the sample as lifecycle data.
  const auto flow = analysis::analyseFlow(log, {}, progress);
  CHECK(flow.hasLifecycle);
  CHECK(flow.items == r.items);
}
