// The check of orglens-bench-handoffs against its same-tables pandas peer: the figures that the
// peer's script prints (kFullScript, bench/handoff_data.cpp), taken from orglens's results and
// compared one by one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "bench/handoff_data.h"

namespace orglens::bench {

/// Relative tolerance of a figure that is not a count or an id.
inline constexpr double kFigureTolerance = 1e-6;

/// |ours − theirs| <= kFigureTolerance · max(1, |theirs|).
bool withinTolerance(double ours, double theirs);

/// Compares orglens's results on a log of `events` events with the peer's figures: appends a
/// headline ("agree" or "DIFFER") and one line per section (each figure as orglens / pandas) to
/// `lines`. Counts and ids must be equal, the rest withinTolerance(). False when one differs.
bool fullAgreement(const analysis::HandoffResult& handoffs, const analysis::FlowResult& flow,
                   std::uint64_t events, const PandasFullResult& peer,
                   std::vector<std::string>& lines);

}  // namespace orglens::bench
