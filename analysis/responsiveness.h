// Responsiveness: reply latency, time to first response, unanswered threads, per person,
// team and team pair (definition "responsiveness/1", docs/metrics.md).
#pragma once

#include <string>
#include <vector>

#include "analysis/stats.h"
#include "analysis/working_time.h"
#include "model/message_log.h"
#include "model/progress.h"

namespace orglens::analysis {

inline constexpr const char* kResponsivenessDefinition = "responsiveness/1";

struct ResponsivenessOptions {
  /// Count only working time (Monday–Friday, `hours`, in the responder's time zone from the
  /// roster or chat profile; UTC when unknown) instead of elapsed time.
  bool workingHoursOnly = false;
  WorkingHours hours;
};

struct LatencyGroup {
  std::uint32_t from = model::MessageLog::kNone;  // asking person/team (pairs only)
  std::uint32_t to = model::MessageLog::kNone;    // responding person/team
  DurationStats latency;                          // seconds
};

struct ResponsivenessResult {
  std::string definition = kResponsivenessDefinition;
  bool workingHoursOnly = false;
  std::uint64_t messages = 0;
  std::uint64_t replies = 0;          // messages answering another author's message
  std::uint64_t threads = 0;
  std::uint64_t unansweredThreads = 0;
  double unansweredShare = 0;         // of threads
  DurationStats replyLatency;         // reply time − parent time
  DurationStats firstResponse;        // per answered thread
  std::vector<LatencyGroup> byPerson;    // by responder, slowest median first
  std::vector<LatencyGroup> byTeam;      // by responder's team
  std::vector<LatencyGroup> byTeamPair;  // asker's team → responder's team
};

/// O(m log m) for m messages.
ResponsivenessResult analyseResponsiveness(const model::MessageLog& log, const ResponsivenessOptions& options,
                                           model::Progress& progress);

}  // namespace orglens::analysis
