// PM4Py-compatible figures on the real receipt log must equal the independent reference in
// ../shared/data/reference/receipt-pm4py-definitions.md, which this test parses: every row of
// its tables is looked up in our results and compared at the reference's own precision.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "analysis/pm4py_compat.h"
#include "importers/import_file.h"
#include "tests/analysis/same_results.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

/// The reference's tables: section title → rows of cells.
std::map<std::string, std::vector<std::vector<std::string>>> readReference(
    const std::filesystem::path& path) {
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  std::ifstream in(path);
  std::string line, section;
  while (std::getline(in, line)) {
    if (line.rfind("### ", 0) == 0) section = line.substr(4);
    if (line.size() < 2 || line[0] != '|' || line.find("---") != std::string::npos) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line.substr(1));
    std::string cell;
    while (std::getline(ss, cell, '|')) {
      const auto b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
      cells.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
    }
    if (!cells.empty() && cells[0] != "#" && cells[0] != "a") out[section].push_back(cells);
  }
  return out;
}

std::vector<std::vector<std::string>> table(
    const std::map<std::string, std::vector<std::vector<std::string>>>& ref,
    const std::string& prefix) {
  for (const auto& [title, rows] : ref)
    if (title.rfind(prefix, 0) == 0) return rows;
  FAIL("the reference has no table '" << prefix << "'");
  return {};
}

/// Formats seconds the way the reference does: "3.062d" / "20.05h" for the unit of `like`.
std::string asReference(double seconds, const std::string& like) {
  const char unit = like.back();
  const auto dot = like.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(like.size() - dot - 2);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f%c", decimals, seconds / (unit == 'd' ? 86400.0 : 3600.0),
                unit);
  return buf;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

struct Receipt {
  std::unique_ptr<model::Store> store;
  model::EventLog log;
  std::string label(std::uint32_t object) const { return log.strings[log.objectKey[object]]; }
};

const Receipt& receipt() {
  static const Receipt r = [] {
    Receipt out;
    const auto dir = test::tempDir("receipt");
    out.store = model::Store::open(dir / "receipt.orglens", model::Store::Mode::Create);
    model::NoProgress progress;
    importers::importFile(*out.store, test::sharedData("event-logs/receipt.xes.gz"), {}, progress);
    out.log = model::EventLog::load(*out.store);
    return out;
  }();
  return r;
}

}  // namespace

TEST_CASE("Handover of work on receipt equals the PM4Py reference", "[analysis][pm4py][real]") {
  const auto refPath = test::sharedData("reference/receipt-pm4py-definitions.md");
  const auto& r = receipt();
  const auto ref = readReference(refPath);
  const auto m = analysis::pm4pyMatrices(r.log);
  CHECK(m.consecutivePairs == 7143);
  std::map<std::pair<std::string, std::string>, const analysis::ResourcePairValue*> ours;
  for (const auto& p : m.handoverOfWork) ours[{r.label(p.from), r.label(p.to)}] = &p;
  for (const char* title : {"Handover of work (", "Handover of work excluding"}) {
    const auto rows = table(ref, title);
    REQUIRE(rows.size() == 10);
    for (const auto& row : rows) {
      INFO(title << " " << row[1] << " -> " << row[2]);
      REQUIRE(ours.count({row[1], row[2]}));
      const auto* p = ours[{row[1], row[2]}];
      CHECK(std::to_string(p->count) == row[3]);
      CHECK(fixed(p->value, 6) == row[4]);
    }
  }
  CHECK(m.handoverOfWork.front().count == 975);  // Resource01 → Resource01 leads
}

TEST_CASE("Working together and timed handovers on receipt equal the PM4Py reference",
          "[analysis][pm4py][real]") {
  const auto refPath = test::sharedData("reference/receipt-pm4py-definitions.md");
  const auto& r = receipt();
  const auto ref = readReference(refPath);
  const auto m = analysis::pm4pyMatrices(r.log);
  std::map<std::pair<std::string, std::string>, const analysis::ResourcePairValue*> together;
  for (const auto& p : m.workingTogether) {
    together[{r.label(p.from), r.label(p.to)}] = &p;
    together[{r.label(p.to), r.label(p.from)}] = &p;
  }
  for (const auto& row : table(ref, "Working together")) {
    INFO(row[1] << " & " << row[2]);
    REQUIRE(together.count({row[1], row[2]}));
    CHECK(std::to_string(together[{row[1], row[2]}]->count) == row[3]);
    CHECK(fixed(together[{row[1], row[2]}]->value, 6) == row[4]);
  }
  std::map<std::pair<std::string, std::string>, const analysis::TimedHandover*> timed;
  for (const auto& t : m.timedHandovers) timed[{r.label(t.from), r.label(t.to)}] = &t;
  const auto rows = table(ref, "Timed handover");
  REQUIRE(rows.size() == 10);
  for (const auto& row : rows) {
    INFO(row[1] << " -> " << row[2]);
    REQUIRE(timed.count({row[1], row[2]}));
    const auto& d = timed[{row[1], row[2]}]->duration;
    CHECK(std::to_string(d.count) == row[3]);
    CHECK(asReference(d.mean, row[4]) == row[4]);
    CHECK(asReference(d.median, row[5]) == row[5]);
    CHECK(asReference(d.sum, row[6]) == row[6]);
  }
  // Our handoff analysis on a completions-only log measures the same waits.
  model::NoProgress progress;
  const auto h = analysis::findHandoffs(r.log, {}, progress);
  for (const auto& g : h.byPerson) {
    if (r.label(g.from) != "Resource10" || r.label(g.to) != "admin1") continue;
    CHECK(g.wait.count == 180);
    CHECK(asReference(g.wait.sum, "386.213d") == "386.213d");
  }
}

TEST_CASE("The performance DFG on receipt equals the PM4Py reference", "[analysis][flow][real]") {
  const auto refPath = test::sharedData("reference/receipt-pm4py-definitions.md");
  const auto& r = receipt();
  const auto ref = readReference(refPath);
  model::NoProgress progress;
  const auto flow = analysis::analyseFlow(r.log, {}, progress);
  CHECK(flow.items == 1434);
  std::map<std::pair<std::string, std::string>, const analysis::DfgEdge*> edges;
  for (const auto& e : flow.edges) edges[{r.log.strings[e.from], r.log.strings[e.to]}] = &e;
  const auto rows = table(ref, "Performance DFG");
  REQUIRE(rows.size() == 10);
  for (const auto& row : rows) {
    INFO(row[1] << " -> " << row[2]);
    REQUIRE(edges.count({row[1], row[2]}));
    const auto& d = edges[{row[1], row[2]}]->duration;
    CHECK(std::to_string(d.count) == row[3]);
    CHECK(asReference(d.mean, row[4]) == row[4]);
    CHECK(asReference(d.median, row[5]) == row[5]);
    CHECK(asReference(d.min, row[6]) == row[6]);
    CHECK(asReference(d.max, row[7]) == row[7]);
    CHECK(asReference(d.sum, row[8]) == row[8]);
    CHECK(fixed(d.mean, 3) == row[9]);
    CHECK(fixed(d.median, 3) == row[10]);
  }
  // The reference's top edge by total time is ours too.
  CHECK(r.log.strings[flow.edges.front().from] == rows.front()[1]);
  // One pass (as the report runs it) gives the same: receipt has many steps by one resource,
  // whose DFG waits are no handoff.
  const auto both = analysis::analyseHandoffsAndFlow(r.log, {}, {}, progress);
  test::checkSameFlow(both.flow, flow);
  test::checkSameHandoffs(both.handoffs, analysis::findHandoffs(r.log, {}, progress));
}
