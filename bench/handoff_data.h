// Data and the pandas peer of orglens-bench-handoffs: an EventLog generated directly in memory
// (no store), its CSV form, and the PM4Py-style pandas computation of the same figures.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "model/event_log.h"

namespace orglens::bench {

struct HandoffLogShape {
  static constexpr std::uint32_t kActors = 2000;
  static constexpr std::uint32_t kTeams = 40;
  static constexpr std::uint32_t kActivities = 30;
  std::uint64_t events = 10'000'000;
  /// false: completions only, ~10 events per item; true: start/complete pairs, ~5 instances.
  bool lifecycle = false;
  std::uint64_t seed = 20251;
};

/// A log of about shape.events events (items are whole, so a few more or fewer), ~events/10
/// items, actors in teams via teamOf, events time-ordered within items. Deterministic.
model::EventLog generateHandoffLog(const HandoffLogShape& shape);

/// Writes the first `maxEvents` events (whole items) as "case,activity,resource,timestamp"
/// with integer ids and integer microseconds; returns the number of events written.
std::uint64_t writeLogCsv(const model::EventLog& log, const std::filesystem::path& path,
                          std::uint64_t maxEvents);

/// Figures of the pandas peer (timed inside Python, CSV load excluded).
struct PandasResult {
  double seconds = -1;  // < 0: not run (error says why)
  std::uint64_t events = 0;
  std::uint64_t handoffs = 0;
  std::uint64_t resourcePairs = 0;
  std::uint64_t dfgEdges = 0;
  double topPairSumSeconds = 0;  // the resource pair with the largest total wait
  double topEdgeSumSeconds = 0;  // the activity pair with the largest total duration
  std::string error;
};

/// Runs the PM4Py-style computation (sort, groupby(case).shift(-1), filter, aggregate) with
/// /usr/bin/python3 and pandas on `csv`; the script is written to `dir`.
PandasResult runPandasPeer(const std::filesystem::path& csv, const std::filesystem::path& dir);

}  // namespace orglens::bench
