#include "analysis/workload.h"
#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "model/time_format.h"
#include "reports/analysis_tables.h"
#include "reports/table.h"

namespace orglens::cli {
namespace {

reports::Table weeksTable(const analysis::WorkloadResult& r) {
  reports::Table t;
  t.columns = {{"week"},
               {"arrivals", reports::Align::Right, true},
               {"completions", reports::Align::Right, true},
               {"open at end", reports::Align::Right, true}};
  for (const auto& w : r.weeks)
    t.addRow({model::formatDateUtc(w.weekStart), std::to_string(w.arrivals),
              std::to_string(w.completions), std::to_string(w.openAtEnd)});
  return t;
}

reports::Table loadTable(const std::vector<analysis::HolderLoad>& loads, const model::EventLog& log,
                         bool people, bool busy, std::size_t top) {
  reports::Table t;
  t.columns = {{people ? "person" : "team"},
               {"average WIP", reports::Align::Right, true},
               {"peak WIP", reports::Align::Right, true}};
  if (busy) t.columns.push_back({"busy h/week", reports::Align::Right, true});
  for (const auto& l : loads) {
    if (top && t.rows.size() >= top) break;
    std::vector<std::string> row{people ? reports::personLabel(log, l.who) : log.label(l.who),
                                 reports::formatFixed(l.averageWip, 2), std::to_string(l.peakWip)};
    if (busy) row.push_back(reports::formatFixed(l.busyHoursPerWeek, 1));
    t.addRow(std::move(row));
  }
  return t;
}

}  // namespace

int runWorkload(const WorkloadArgs& args) {
  return guarded("workload", [&] {
    const auto format = reports::parseFormat(args.common.format);
    std::unique_ptr<model::Store> store;
    const auto log = loadLog(args.common, store);
    analysis::WorkloadOptions options;
    options.threads = args.common.threads;
    StderrProgress progress("workload");
    const auto r = analysis::analyseWorkload(log, options, progress);
    progress.finish();
    const std::size_t top = args.common.top;
    printTables(
        {{"people", "Work in progress held per person (sampled at each week's end)",
          loadTable(r.people, log, true, r.hasLifecycle, top)},
         {"teams", "Work in progress held per team",
          loadTable(r.teams, log, false, r.hasLifecycle, top)},
         {"weeks", "Arrivals, completions and open items per week (weeks start Monday 00:00 UTC)",
          weeksTable(r)}},
        format, r.definition);
    return int(kOk);
  });
}

}  // namespace orglens::cli
