// Handoffs: where work waits between people and teams (definition "handoffs/1",
// docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/flow.h"
#include "analysis/handoff_list.h"
#include "analysis/stats.h"
#include "model/event_log.h"
#include "model/progress.h"

namespace orglens::analysis {

inline constexpr const char* kHandoffDefinition = "handoffs/1";

struct HandoffOptions {
  /// Groups with fewer handoffs are left out of the slow-handoff ranking (not of the tables).
  std::uint64_t minCount = 10;
  /// Worker threads (0 = hardware concurrency). The result does not depend on it.
  unsigned threads = 0;
  /// Returns a message naming the bad field, or an empty string.
  std::string validate() const;
};

/// Statistics of one group of handoffs (a person pair, team pair, activity pair, ...).
/// Keys are ObjectId/StringId values; kNone where a key does not apply or is unknown.
struct HandoffGroup {
  std::uint32_t from = model::EventLog::kNone;
  std::uint32_t to = model::EventLog::kNone;
  std::uint32_t fromActivity = model::EventLog::kNone;
  std::uint32_t toActivity = model::EventLog::kNone;
  DurationStats wait;           // seconds
  double excessDelay = 0;       // seconds: Σ max(0, wait − baseline of the activity pair)
  double queue = 0;             // seconds of queue time (assign → start) inside the waits
  std::uint64_t withQueue = 0;  // handoffs that had an assign event
};

struct CountByPair {
  std::uint32_t a, b;
  std::uint64_t count;
};

struct Rework {
  std::uint32_t activity;  // StringId value
  std::uint64_t repeats;   // same activity again by the same actor
  std::uint64_t redos;     // same activity again by another actor
};

struct IncomingWait {
  std::uint32_t who;  // person or team ObjectId value
  std::uint64_t handoffs;
  double totalWait;  // seconds
};

struct HandoffResult {
  std::string definition = kHandoffDefinition;
  std::uint64_t items = 0;  // work items with at least one activity instance (as FlowResult)
  std::uint64_t instances = 0;
  HandoffList handoffs;  // in item order, then instance order
  // Tables, each sorted by excess delay (descending), then by keys.
  std::vector<HandoffGroup> byPerson;
  std::vector<HandoffGroup> byTeam;  // handoffs whose two people both have a team
  std::vector<HandoffGroup> byActivity;
  std::vector<HandoffGroup> byTeamActivity;
  /// Groups of byTeam with at least minCount handoffs, by excess delay: the slow handoffs.
  std::vector<HandoffGroup> slowTeamPairs;
  std::vector<CountByPair> pingPong;        // a → b → a in one item: (a, b, count), by count
  std::vector<Rework> rework;               // by repeats + redos
  std::vector<IncomingWait> waitsOnPerson;  // "everyone waits on": by total wait
  std::vector<IncomingWait> waitsOnTeam;
  bool cancelled = false;
};

/// Finds every handoff in the log's work items and aggregates them. O(n + k) for n events and
/// k distinct keys of a table (dense ids, counting passes and selection for the medians; only
/// the finished tables are sorted); the per-item pass and the tables run in parallel with
/// results identical for any thread count (all sums are exact integer sums).
HandoffResult findHandoffs(const model::EventLog& log, const HandoffOptions& options,
                           model::Progress& progress);

struct HandoffsAndFlow {
  HandoffResult handoffs;
  FlowResult flow;
};

/// findHandoffs() and analyseFlow() in one pass, with results equal to theirs: one scan of the
/// items, and the DFG edges take their waits from the handoffs' activity-pair groups (plus
/// those of consecutive instances that are no handoff) instead of collecting every wait again.
/// For a report, which shows both. Cancelled: both results say so.
HandoffsAndFlow analyseHandoffsAndFlow(const model::EventLog& log,
                                       const HandoffOptions& handoffOptions,
                                       const FlowOptions& flowOptions, model::Progress& progress);

}  // namespace orglens::analysis
