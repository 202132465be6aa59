// The tables of `orglens adoption --champions`, `--by under-used` and `--by shift` /
// `--by shift-month` (internal to cli/cmd_adoption.cpp).
#pragma once

#include <vector>

#include "analysis/adoption.h"
#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "model/adoption_log.h"

namespace orglens::cli {

/// Champions per department; loads the event log and the messages of the window and builds
/// the collaboration graph (as `orglens network` does, with its default options).
std::vector<NamedTable> championTables(const AdoptionArgs& args, const model::AdoptionLog& log,
                                       const analysis::AdoptionResult& result,
                                       model::Progress& progress);

std::vector<NamedTable> underusedTables(const analysis::AdoptionResult& result);

/// `monthly`: calendar months, else weeks (Monday 00:00 UTC).
std::vector<NamedTable> shiftTables(const model::AdoptionLog& log, bool monthly, unsigned threads);

}  // namespace orglens::cli
