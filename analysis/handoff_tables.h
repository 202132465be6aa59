// The tables of the handoff analysis (definition "handoffs/1"): baselines, excess delay and the
// person, team, activity and team × activity groups. Internal to analysis/handoffs.cpp.
#pragma once

#include "analysis/grouping.h"
#include "analysis/handoffs.h"

namespace orglens::analysis::detail {

/// Dense indexes of the log's activities, people and teams: tables are arrays, not maps.
struct HandoffDims {
  DenseIds activities, people, teams;
  /// O(events + objects).
  explicit HandoffDims(const model::EventLog& log);
  static std::uint32_t teamOf(const model::EventLog& log, std::uint32_t person) {
    return person < log.teamOf.size() ? log.teamOf[person] : model::EventLog::kNone;
  }
};

/// Fills the tables of `r` from r.handoffs. O(h + keys) for h handoffs (counting passes and
/// selections; sorts only of the finished tables and of each sender's distinct receivers);
/// the per-group figures are computed in parallel, with integer sums, so the result does not
/// depend on the thread count.
void buildHandoffTables(const HandoffDims& dims, const HandoffOptions& options, HandoffResult& r);

}  // namespace orglens::analysis::detail
