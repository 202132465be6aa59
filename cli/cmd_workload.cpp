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

}  // namespace

int runWorkload(const WorkloadArgs& args) {
  return guarded("workload", [&] {
    const auto format = reports::parseFormat(args.common.format);
    const std::string table = tableChosenBy(args.by, {"person", "team", "week"},
                                            {"people", "teams", "weeks"}, args.common.table);
    std::unique_ptr<model::Store> store;
    const auto log = loadLog(args.common, store);
    analysis::WorkloadOptions options;
    options.threads = args.common.threads;
    StderrProgress progress("workload");
    const auto r = analysis::analyseWorkload(log, options, progress);
    progress.finish();
    const auto names = personNames(*store, args.common);
    reports::TableStyle style;
    style.top = args.common.top;
    style.names = &names;
    printTables(
        {{"people", "Work in progress held per person (sampled at each week's end)",
          reports::workloadTable(r.people, log, true, r.hasLifecycle, style)},
         {"teams", "Work in progress held per team",
          reports::workloadTable(r.teams, log, false, r.hasLifecycle, style)},
         {"weeks", "Arrivals, completions and open items per week (weeks start Monday 00:00 UTC)",
          weeksTable(r)}},
        format, r.definition, table, "workload");
    return int(kOk);
  });
}

}  // namespace orglens::cli
