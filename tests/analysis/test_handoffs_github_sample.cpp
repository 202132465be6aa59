// The sample's GitHub-style export (github/) must show the planted slow reviewer group as the
// top team pair by excess delay once a GitHub importer reads it.
//
// The GitHub REST importer is written in parallel with the export (issue #10). Until an
// importer named "github" is registered, this test reports itself skipped: it prints
// "SKIPPED: ..." and exits with code 4, the convention of tests/support (SKIP_RETURN_CODE 4 in
// tests/CMakeLists.txt), so that CTest shows a skip rather than a pass that checked nothing.
// It lives in its own executable so that the early exit cannot hide other test cases.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include "analysis/handoffs.h"
#include "importers/import_file.h"
#include "importers/registry.h"
#include "model/event_log.h"
#include "model/store.h"
#include "samples/sample_org.h"
#include "tests/support/test_support.h"

using namespace orglens;

TEST_CASE("The sample's planted slow reviewer group is the top team pair of its GitHub export",
          "[analysis][handoffs][sample][github]") {
  if (!importers::Registry::builtin().find("github")) {
    std::printf("SKIPPED: no importer named 'github' is registered yet\n");
    std::fflush(stdout);
    std::exit(4);
  }
  const auto dir = test::tempDir("planted-reviewers-github");
  samples::SampleOptions options;
  options.people = 150;
  options.days = 90;
  options.seed = 11;
  const auto summary = samples::writeSampleOrganisation(dir / "sample", options);
  REQUIRE(summary.folders.size() == 2);
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::importFile(*store, dir / "sample" / "roster.csv", {}, progress);
  // The export is a folder as GitHub's endpoints return them: issues.json, pulls.json,
  // timeline/<number>.json, reviews/<number>.json. Users carry `email`, so that people merge
  // with the roster (and get their teams) by address.
  importers::ImportOptions github;
  github.format = "github";
  importers::importFile(*store, dir / "sample" / "github", github, progress);
  const auto log = model::EventLog::load(*store);
  const auto r = analysis::findHandoffs(log, {}, progress);
  REQUIRE_FALSE(r.slowTeamPairs.empty());
  const auto& top = r.slowTeamPairs.front();
  CHECK(log.label(top.from) == "Engineering");
  CHECK(log.label(top.to) == "Design");
  CHECK(top.wait.median > 2 * 86400.0);
  if (r.slowTeamPairs.size() > 1) CHECK(top.excessDelay > 2 * r.slowTeamPairs[1].excessDelay);
}
