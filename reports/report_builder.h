// Builds the batch report from a store: runs every analysis over the time window, applies the
// privacy rules and turns the results into the report model (reports/report.h).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "model/progress.h"
#include "model/store.h"
#include "model/time_format.h"
#include "reports/privacy.h"
#include "reports/report.h"

namespace orglens::reports {

struct ReportOptions {
  std::optional<model::MicrosUtc> from, to;  // the window [from, to); unset = open
  /// --compare: the earlier window every headline measure is compared with.
  std::optional<model::MicrosUtc> compareFrom, compareTo;
  bool compare = false;
  PrivacyOptions privacy;
  std::string stamp;             // "generated" text (only with --stamp); empty = none
  std::size_t top = 10;          // rows of the ranked tables
  std::uint64_t minCount = 10;   // handoff groups need this many handoffs to be ranked
  unsigned threads = 0;          // 0 = all cores
  std::string items = "task";    // work-item type of the handoff and flow sections
  /// Team filter (label; empty = the whole organisation): handoffs, flow and workload cover
  /// the items a member acted on, responsiveness the threads a member posted in, adoption the
  /// team's people; silos, brokers and data quality stay organisation-wide (reports/team_filter.h).
  /// With privacy on, a team of fewer than privacy.minGroup people is refused.
  std::string team;
  /// Where the data-quality section gets the store's summary when the caller reads it anyway
  /// (the viewer shows it as key figures, read beside the report); called once, from a worker
  /// thread. Unset: the section reads it from the store.
  std::function<std::shared_ptr<const model::StoreSummary>()> summary;

  /// Empty when the options are usable, else what is wrong (names the option).
  std::string validate() const;
};

/// Throws std::invalid_argument for unusable options (validate(); an unknown team, or a team
/// smaller than the suppression rule allows). O(cost of the analyses): handoffs, flow, workload, responsiveness, the collaboration graph
/// (betweenness, Leiden), adoption — twice with --compare. Deterministic: the same store and
/// options give the same report whatever the thread count: the sections are built side by
/// side on up to `threads` workers (each with its own read-only connection to the store) and
/// put together in report order.
Report buildReport(const model::Store& store, const ReportOptions& options,
                   model::Progress& progress);

}  // namespace orglens::reports
