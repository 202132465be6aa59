// The report built from the sample organisation: sections, the planted facts in the headline
// findings, the privacy rules applied to every string, --compare.
#include <catch2/catch.hpp>

#include <set>

#include "importers/import_file.h"
#include "model/adoption_log.h"
#include "model/event_log.h"
#include "reports/report_builder.h"
#include "samples/planted.h"
#include "samples/sample_org.h"
#include "tests/support/sample_store.h"

using namespace orglens;
using reports::Report;

namespace {

const std::filesystem::path& sampleStore() { return test::importedSampleStore(); }

Report build(const reports::ReportOptions& options) {
  auto store = model::Store::open(sampleStore(), model::Store::Mode::ReadOnly);
  model::NoProgress progress;
  return reports::buildReport(*store, options, progress);
}

/// Every text a reader sees: findings, notes, cells, chart labels.
std::vector<std::string> allTexts(const Report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.text);
  for (const auto& m : r.measures) out.push_back(m.note);
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks) {
      if (auto* p = std::get_if<reports::Paragraph>(&b)) out.push_back(p->text);
      if (auto* t = std::get_if<reports::Table>(&b))
        for (const auto& row : t->rows) out.insert(out.end(), row.begin(), row.end());
      if (auto* c = std::get_if<reports::Chart>(&b)) {
        out.insert(out.end(), c->categories.begin(), c->categories.end());
        for (const auto& n : c->nodes) out.push_back(n.label);
        out.push_back(c->description);
      }
    }
  return out;
}

std::set<std::string> personKeys() {
  auto store = model::Store::open(sampleStore(), model::Store::Mode::ReadOnly);
  std::set<std::string> keys;
  for (const auto& p : model::AdoptionLog::load(*store).people) keys.insert(p.key);
  return keys;
}

}  // namespace

TEST_CASE("The report has every section in order and finds the planted facts",
          "[reports][builder][sample]") {
  const auto r = build({});
  std::vector<std::string> keys;
  for (const auto& s : r.sections) keys.push_back(s.key);
  CHECK(keys == std::vector<std::string>{"handoffs", "flow", "workload", "responsiveness",
                                         "silos", "adoption", "data_quality", "method"});
  REQUIRE(!r.findings.empty());
  CHECK(r.findings[0].section == "handoffs");
  CHECK_THAT(r.findings[0].text, Catch::Contains(std::string(samples::planted::kSlowFromTeam) +
                                                 " hands over to " +
                                                 samples::planted::kSlowToTeam));
  bool silo = false;
  for (const auto& f : r.findings)
    silo = silo || f.text.rfind(std::string(samples::planted::kSiloTeam) +
                                    " is the most inward-looking team",
                                0) == 0;
  CHECK(silo);
  std::set<std::string> measureKeys;
  for (const auto& m : r.measures) measureKeys.insert(m.key);
  for (const char* k : {"handoff.team.median", "handoff.median", "adoption.dau_pct",
                        "silos.min_ei", "responsiveness.reply.median", "flow.throughput.median"})
    CHECK(measureKeys.count(k) == 1);
  CHECK(r.meta.generated.empty());
  CHECK(r.meta.minGroup == 5);
}

TEST_CASE("People appear only as pseudonyms unless --show-people", "[reports][builder][privacy]") {
  const auto keys = personKeys();
  REQUIRE(keys.size() >= 150);
  std::size_t pseudonyms = 0;
  for (const auto& text : allTexts(build({}))) {
    for (const auto& key : keys) CHECK_FALSE(text.find(key) != std::string::npos);
    pseudonyms += text.rfind("P-", 0) == 0 ? 1 : 0;
  }
  CHECK(pseudonyms > 10);
  reports::ReportOptions shown;
  shown.privacy.showPeople = true;
  std::size_t named = 0;
  for (const auto& text : allTexts(build(shown))) named += keys.count(text);
  CHECK(named > 10);
}

TEST_CASE("A larger k suppresses more groups, and each table's suppression is complementary",
          "[reports][builder][privacy]") {
  reports::ReportOptions strict;
  strict.privacy.minGroup = 30;
  const auto r = build(strict);
  std::size_t suppressed = 0;
  for (const auto& s : r.sections)
    for (const auto& b : s.blocks)
      if (auto* t = std::get_if<reports::Table>(&b)) {
        std::size_t rows = 0;
        for (const auto& row : t->rows)
          rows += std::count(row.begin(), row.end(), std::string(reports::kSuppressedCell)) > 0;
        suppressed += rows;
        if (rows && t->key == "adoption_departments") CHECK(rows >= 2);
        if (rows) CHECK_THAT(t->note, Catch::Contains("fewer than 30 people"));
      }
  CHECK(suppressed > 0);
}

TEST_CASE("A --compare window puts its value beside each measure",
          "[reports][builder][compare]") {
  auto store = model::Store::open(sampleStore(), model::Store::Mode::ReadOnly);
  const auto summary = store->summary();
  REQUIRE(summary.firstEvent);
  REQUIRE(summary.lastEvent);
  const auto mid = *summary.firstEvent + (*summary.lastEvent - *summary.firstEvent) / 2;
  reports::ReportOptions options;
  options.from = mid;
  options.compare = true;
  options.compareTo = mid;
  const auto r = build(options);
  CHECK_FALSE(r.meta.compareWindow.empty());
  std::size_t compared = 0;
  for (const auto& m : r.measures)
    if (m.key == "handoff.count") {
      REQUIRE(m.value);
      REQUIRE(m.previous);
      CHECK(*m.previous > 0);
      CHECK(*m.value != *m.previous);
      ++compared;
    }
  CHECK(compared == 1);
}
