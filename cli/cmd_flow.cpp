#include "analysis/flow.h"
#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "reports/analysis_tables.h"

namespace orglens::cli {

int runFlow(const FlowArgs& args) {
  return guarded("flow", [&] {
    const auto format = reports::parseFormat(args.common.format);
    checkTableKey(args.common.table, {"dfg", "summary", "variants"});
    std::unique_ptr<model::Store> store;
    const auto log = loadLog(args.common, store);
    reports::TableStyle style;
    style.humanDurations = format == reports::Format::Text;
    style.top = args.common.top;
    analysis::FlowOptions options;
    options.threads = args.common.threads;
    options.topVariants = args.common.top;
    options.itemFigures = args.common.table != "dfg";  // the DFG alone: nothing else to compute
    StderrProgress progress("flow");
    const auto r = analysis::analyseFlow(log, options, progress);
    progress.finish();
    std::vector<NamedTable> tables;
    tables.push_back({"dfg",
                      "Process map: directly-follows edges by total time (slowest paths first)",
                      reports::dfgTable(r, log, style)});
    tables.push_back({"summary", "Per item", reports::flowSummaryTable(r, style)});
    tables.push_back(
        {"variants",
         "Variants (" + std::to_string(r.variantCount) + " in all, most frequent first)",
         reports::variantsTable(r, log, style)});
    if (format == reports::Format::Text)
      std::printf("%llu items, %zu directly-follows edges\n",
                  static_cast<unsigned long long>(r.items), r.edges.size());
    printTables(tables, format, r.definition, args.common.table, "flow");
    return int(kOk);
  });
}

}  // namespace orglens::cli
