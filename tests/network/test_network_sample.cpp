// On `orglens sample` output the planted silo team has the lowest E-I index and the planted
// broker the highest betweenness.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "analysis/silos.h"
#include "importers/import_file.h"
#include "samples/sample_org.h"
#include "tests/support/test_support.h"

using namespace orglens;

TEST_CASE("The planted silo and broker are found on the sample", "[network][sample]") {
  const auto dir = test::tempDir("planted-network");
  samples::SampleOptions options;
  options.people = 120;
  options.days = 60;
  samples::writeSampleOrganisation(dir / "sample", options);
  const std::string truth = test::readFile(dir / "sample" / "ground-truth.json");
  REQUIRE_THAT(truth, Catch::Contains("\"team\": \"Research\""));
  const auto brokerAt = truth.find("\"person_id\": \"", truth.find("\"broker\""));
  REQUIRE(brokerAt != std::string::npos);
  const auto idBegin = brokerAt + std::string("\"person_id\": \"").size();
  const std::string brokerId = truth.substr(idBegin, truth.find('"', idBegin) - idBegin);

  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  for (const char* file : {"roster.csv", "events.csv", "mail.mbox"})
    importers::importFile(*store, dir / "sample" / file, {}, progress);
  const auto log = model::EventLog::load(*store);
  const auto mail = model::InteractionLog::load(*store);
  CHECK(mail.size() > 0);
  const auto cg = analysis::buildCollaborationGraph(log, mail, {}, progress);
  const auto silos = analysis::analyseSilos(cg, log);
  REQUIRE(!silos.perTeam.empty());
  const auto lowest =
      std::min_element(silos.perTeam.begin(), silos.perTeam.end(),
                       [](const auto& a, const auto& b) { return a.eiIndex < b.eiIndex; });
  CHECK(log.label(lowest->team) == "Research");

  for (bool weighted : {false, true}) {
    const auto b = analysis::computeBetweenness(cg.graph, {weighted, 2}, progress);
    const auto top = std::max_element(b.raw.begin(), b.raw.end()) - b.raw.begin();
    INFO((weighted ? "weighted" : "unweighted"));
    CHECK(log.strings[log.objectKey[cg.person[static_cast<std::size_t>(top)]]] == brokerId);
  }
}
