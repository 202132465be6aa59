#include "analysis/handoffs.h"
#include "analysis/pm4py_compat.h"
#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "reports/analysis_tables.h"

namespace orglens::cli {

int runHandoffs(const HandoffArgs& args) {
  return guarded("handoffs", [&] {
    const auto format = reports::parseFormat(args.common.format);
    const auto by = reports::parseHandoffGrouping(args.by);
    checkTableKey(args.common.table,
                  args.pm4py ? std::vector<std::string>{"handover_of_work", "working_together",
                                                        "timed_handovers"}
                             : std::vector<std::string>{"slow_handoffs", "waits_on_person",
                                                        "waits_on_team", "ping_pong", "rework"});
    std::unique_ptr<model::Store> store;
    const auto log = loadLog(args.common, store);
    const auto names = personNames(*store, args.common);
    reports::TableStyle style;
    style.names = &names;
    style.humanDurations = format == reports::Format::Text;
    style.top = args.common.top;
    if (args.pm4py) {
      const auto m = analysis::pm4pyMatrices(log);
      printTables(
          {{"handover_of_work",
            "Handover of work (PM4Py, self-handovers included; value = count / " +
                std::to_string(m.consecutivePairs) + " pairs)",
            reports::handoverOfWorkTable(m, log, style)},
           {"working_together", "Working together (PM4Py; value = shared items / items)",
            reports::workingTogetherTable(m, log, style)},
           {"timed_handovers", "Timed handovers between resources (consecutive events, a != b)",
            reports::timedHandoverTable(m, log, style)}},
          format, "pm4py/1", args.common.table, "handoffs");
      return int(kOk);
    }
    analysis::HandoffOptions options;
    options.minCount = args.minCount;
    options.threads = args.common.threads;
    if (auto error = options.validate(); !error.empty()) throw std::invalid_argument(error);
    StderrProgress progress("handoffs");
    const auto r = analysis::findHandoffs(log, options, progress);
    progress.finish();
    std::vector<NamedTable> tables;
    tables.push_back({"slow_handoffs",
                      "Slowest handoffs by " + args.by + " (ranked by excess delay; at least " +
                          std::to_string(args.minCount) + " handoffs)",
                      reports::handoffTable(r, log, by, args.minCount, style)});
    if (format == reports::Format::Text || args.all || !args.common.table.empty()) {
      tables.push_back({"waits_on_person", "Everyone waits on (incoming wait per person)",
                        reports::waitsOnTable(r, log, false, style)});
      tables.push_back(
          {"waits_on_team", "Incoming wait per team", reports::waitsOnTable(r, log, true, style)});
      tables.push_back({"ping_pong", "Ping-pong (a → b → a in one item)",
                        reports::pingPongTable(r, log, style)});
      tables.push_back({"rework", "Rework (same activity again in an item)",
                        reports::reworkTable(r, log, style)});
    }
    if (format == reports::Format::Text)
      std::printf("%llu items, %llu activity instances, %zu handoffs\n",
                  static_cast<unsigned long long>(r.items),
                  static_cast<unsigned long long>(r.instances), r.handoffs.size());
    printTables(tables, format, r.definition, args.common.table, "handoffs");
    return int(kOk);
  });
}

}  // namespace orglens::cli
