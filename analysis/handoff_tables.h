// The tables of the handoff analysis (definition "handoffs/1"): baselines, excess delay and the
// person, team, activity and team × activity groups. Internal to analysis/handoffs.cpp.
#pragma once

#include <functional>
#include <span>

#include "analysis/grouping.h"
#include "analysis/handoffs.h"
#include "model/progress.h"

namespace orglens::analysis::detail {

inline constexpr std::uint32_t kNoTeam = ~std::uint32_t{0};

/// Dense indexes of the log's activities, people and teams: tables are arrays, not maps.
struct HandoffDims {
  DenseIds activities, people, teams;
  /// Per dense person: the dense team, kNoTeam when the person has none.
  std::vector<std::uint32_t> teamOfPerson;
  /// O(events + objects).
  explicit HandoffDims(const model::EventLog& log);
  static std::uint32_t teamOf(const model::EventLog& log, std::uint32_t person) {
    return person < log.teamOf.size() ? log.teamOf[person] : model::EventLog::kNone;
  }
};

/// The activity pairs' waits, grouped: pair k (key[k] = from * nA + to over dense activities,
/// ascending) has the waits [first[k], last[k]) of `wait`, in any order, whose figures are
/// stats[k] (the activity-pair table's, computed once).
struct ActivityPairWaits {
  std::span<const std::uint64_t> key;
  std::span<const std::uint32_t> first, last;
  std::int64_t* wait;
  std::span<const DurationStats> stats;
};

/// Fills the tables of `r` from r.handoffs, and the incoming waits ("everyone waits on") from the
/// person groups' sums (the teams': their people's). O(h + keys) for h handoffs
/// (counting passes and selections; sorts only of the finished tables and of each sender's distinct
/// receivers); the per-group figures are computed in parallel, with integer sums, so the result
/// does not depend on the thread count. Reports its phases ("activity pairs", "person pairs",
/// "team pairs") from 0.4 on and stops after each when cancelled (r.cancelled). `withPairWaits`,
/// when set, is called with the activity pairs' waits once their table is done (they may be
/// reordered inside each pair's range), before the buffer is reused.
void buildHandoffTables(const HandoffDims& dims, const HandoffOptions& options, HandoffResult& r,
                        model::Progress& progress,
                        const std::function<void(const ActivityPairWaits&)>& withPairWaits = {});

}  // namespace orglens::analysis::detail
