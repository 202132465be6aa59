// Report sections "data_quality" (what the store holds, what the imports skipped) and "method"
// (definitions, window, privacy settings in force).
#include "analysis/adoption.h"
#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "analysis/collaboration_graph.h"
#include "analysis/responsiveness.h"
#include "analysis/workload.h"
#include "reports/info_report.h"
#include "reports/report_sections.h"

namespace orglens::reports::detail {

SectionOutput dataQualitySection(const SectionInput& in) {
  const auto given = in.options.summary ? in.options.summary() : nullptr;
  const auto summary = given ? *given : in.store.summary();
  SectionOutput out;
  out.section = {"data_quality", "Data quality", {}};
  std::uint64_t skipped = 0, warnings = 0, errors = 0;
  for (const auto& s : summary.sources) {
    skipped += s.record.counts.skippedRows;
    warnings += s.record.counts.warnings;
    errors += s.record.counts.errors;
  }
  out.section.blocks.push_back(Paragraph{
      "The store holds " + groupDigits(summary.events) + " events of " +
      groupDigits(summary.people) + " people in " + groupDigits(summary.teams) + " teams from " +
      std::to_string(summary.sources.size()) + " imports. " + groupDigits(skipped) +
      " input rows were skipped (" + groupDigits(warnings) + " warnings, " +
      groupDigits(errors) + " errors; `orglens info --diagnostics` lists them)."});
  Table gaps;
  gaps.key = "data_quality_gaps";
  gaps.title = "Gaps in the data";
  gaps.columns = {{"what"}, {"count", Align::Right, true, Unit::Count}, {"why it matters"}};
  gaps.addRow({"events without an actor", std::to_string(summary.eventsWithoutActor),
               "left out of handoffs and workload"});
  gaps.addRow({"people without a team", std::to_string(summary.peopleWithoutTeam),
               "left out of team figures and E-I"});
  gaps.addRow({"people not in the roster", std::to_string(summary.peopleNotInRoster),
               "identities no roster resolves; check the alias file"});
  gaps.addRow({"rows skipped at import", std::to_string(skipped), "see the diagnostics"});
  out.section.blocks.push_back(std::move(gaps));
  auto sources = sourcesTable(summary);
  sources.key = "data_quality_sources";
  sources.title = "Sources";
  out.section.blocks.push_back(std::move(sources));
  out.measures.push_back(measure("data.events", "Events in the store", Unit::Count, true,
                                 static_cast<double>(summary.events)));
  out.measures.push_back(measure("data.skipped_rows", "Input rows skipped at import",
                                 Unit::Count, true, static_cast<double>(skipped)));
  return out;
}

SectionOutput methodSection(const SectionInput& in) {
  SectionOutput out;
  out.section = {"method", "Method", {}};
  Table defs;
  defs.key = "method_definitions";
  defs.title = "Definitions used (docs/metrics.md)";
  defs.columns = {{"section"}, {"definition"}};
  defs.addRow({"handoffs", analysis::kHandoffDefinition});
  defs.addRow({"flow", analysis::kFlowDefinition});
  defs.addRow({"workload", analysis::kWorkloadDefinition});
  defs.addRow({"responsiveness", analysis::kResponsivenessDefinition});
  defs.addRow({"silos", analysis::kNetworkDefinition});
  defs.addRow({"adoption", analysis::kAdoptionDefinition});
  out.section.blocks.push_back(std::move(defs));
  const auto& p = in.options.privacy;
  const auto bound = [](const std::optional<model::MicrosUtc>& t, const char* open) {
    return t ? model::formatIsoUtc(*t) : std::string(open);
  };
  out.section.blocks.push_back(Paragraph{
      "Time window: " +
      (in.from || in.to ? bound(in.from, "the first event") + " up to " + bound(in.to, "the last")
                        : std::string("all data in the store")) +
      " (UTC). Work items: " + (in.options.items.empty() ? std::string("any type") : in.options.items) +
      ". Team handoffs are ranked when they have at least " +
      std::to_string(in.options.minCount) + " handoffs. Durations are elapsed time."});
  out.section.blocks.push_back(Paragraph{
      std::string(p.showPeople ? "People are shown by their ids (--show-people). "
                               : "People are shown as stable pseudonyms (P-XXXXXXX, keyed by a "
                                 "secret of the store). ") +
      "Figures about groups of fewer than " + std::to_string(p.minGroup) +
      " people are suppressed, together with the smallest other groups where a total would "
      "give them away. Message bodies are never stored (docs/privacy.md)."});
  return out;
}

}  // namespace orglens::reports::detail
