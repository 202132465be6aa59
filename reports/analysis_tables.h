// Tables of the analyses' results, shared by the CLI commands and (later) the reports.
// Durations are readable ("3.2 d") for people and plain seconds for machines.
#pragma once

#include <string>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "analysis/pm4py_compat.h"
#include "analysis/workload.h"
#include "reports/privacy.h"
#include "reports/table.h"

namespace orglens::reports {

/// "45 s", "12.5 min", "4.5 h", "3.2 d".
std::string formatDuration(double seconds);

struct TableStyle {
  bool humanDurations = true;  // false: seconds with 3 decimals (JSON, CSV)
  std::size_t top = 10;        // 0 = all rows
  const PersonNames* names = nullptr;  // how people are shown; null = by their key
};

enum class HandoffGrouping { Person, Team, Activity, TeamActivity };
/// Parses person, team, activity, team-activity; throws std::invalid_argument otherwise.
HandoffGrouping parseHandoffGrouping(const std::string& text);

/// Handoff groups with at least `minCount` handoffs, by excess delay.
Table handoffTable(const analysis::HandoffResult& result, const model::EventLog& log,
                   HandoffGrouping by, std::uint64_t minCount, const TableStyle& style);
Table pingPongTable(const analysis::HandoffResult& result, const model::EventLog& log,
                    const TableStyle& style);
Table reworkTable(const analysis::HandoffResult& result, const model::EventLog& log,
                  const TableStyle& style);
Table waitsOnTable(const analysis::HandoffResult& result, const model::EventLog& log, bool teams,
                   const TableStyle& style);

Table dfgTable(const analysis::FlowResult& result, const model::EventLog& log,
               const TableStyle& style);
Table variantsTable(const analysis::FlowResult& result, const model::EventLog& log,
                    const TableStyle& style);
Table flowSummaryTable(const analysis::FlowResult& result, const TableStyle& style);

Table handoverOfWorkTable(const analysis::Pm4pyMatrices& m, const model::EventLog& log,
                          const TableStyle& style);
Table workingTogetherTable(const analysis::Pm4pyMatrices& m, const model::EventLog& log,
                           const TableStyle& style);
Table timedHandoverTable(const analysis::Pm4pyMatrices& m, const model::EventLog& log,
                         const TableStyle& style);

/// Work in progress held per person (`people`) or team; `busy`: with busy hours per week.
Table workloadTable(const std::vector<analysis::HolderLoad>& loads, const model::EventLog& log,
                    bool people, bool busy, const TableStyle& style);

/// How a person is shown: through `names` (pseudonym or key), or by the object key.
std::string personLabel(const model::EventLog& log, std::uint32_t person,
                        const PersonNames* names = nullptr);

}  // namespace orglens::reports
