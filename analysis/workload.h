// Workload: work in progress per person and team over time, arrivals and completions per
// week, busy time where start/complete data exist (definition "workload/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/event_log.h"
#include "model/progress.h"

namespace orglens::analysis {

inline constexpr const char* kWorkloadDefinition = "workload/1";

struct WorkloadOptions {
  unsigned threads = 0;
};

struct WeekFigures {
  model::MicrosUtc weekStart = 0;  // Monday 00:00 UTC
  std::uint64_t arrivals = 0;      // items whose first event falls in the week
  std::uint64_t completions = 0;   // items whose last event falls in the week
  std::uint64_t openAtEnd = 0;     // items open at the end of the week (work in progress)
};

/// Work in progress held by one person or team, sampled at the end of every week.
struct HolderLoad {
  std::uint32_t who = model::EventLog::kNone;  // person or team ObjectId value
  double averageWip = 0;                       // mean over the weeks of the log
  std::uint64_t peakWip = 0;
  std::vector<std::uint64_t> wipByWeek;        // parallel to WorkloadResult::weeks
  double busyHoursPerWeek = 0;                 // Σ (complete − start) / weeks, in hours
};

struct WorkloadResult {
  std::string definition = kWorkloadDefinition;
  std::vector<WeekFigures> weeks;
  std::vector<HolderLoad> people;  // by average WIP, descending
  std::vector<HolderLoad> teams;
  bool hasLifecycle = false;       // busy hours are meaningful only then
  bool cancelled = false;
};

/// O(n + Σ weeks an item is open · log k). Identical results for any thread count.
WorkloadResult analyseWorkload(const model::EventLog& log, const WorkloadOptions& options,
                               model::Progress& progress);

}  // namespace orglens::analysis
