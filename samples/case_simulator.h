// Simulation of cases moving through the processes: who does each activity, when (working
// hours in the performer's time zone), with which tool on which platform.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "samples/org_chart.h"
#include "samples/processes.h"
#include "samples/work_clock.h"

namespace orglens::samples {

class Random;

inline constexpr const char* kToolNames[] = {"tracker", "chat", "docs", "email", "crm"};
inline constexpr const char* kPlatformNames[] = {"desktop", "mobile", "web"};
inline constexpr int kChatTool = 1;
inline constexpr int kMobilePlatform = 1;

/// One activity instance: one person doing one activity on one case. Times are UTC seconds.
struct ActivityRow {
  std::int64_t start = 0;
  std::int64_t end = 0;
  std::int32_t caseIndex = 0;
  std::int32_t person = 0;
  std::int32_t activity = 0;  // index into Simulation::activities
  std::uint8_t tool = 0;      // index into kToolNames
  std::uint8_t platform = 0;  // index into kPlatformNames
};

struct SimulatedCase {
  std::string id;
  int process = 0;
};

struct Simulation {
  std::vector<ProcessSpec> processes;
  std::vector<std::string> activities;
  std::vector<SimulatedCase> cases;  // in arrival order
  std::vector<ActivityRow> rows;     // grouped by case, chronological within a case
};

/// Arrival-ordered cases (about 0.2 per person and day, so linear in people × days) and
/// their activity rows. `clocks` has one entry per Organisation::zoneNames.
/// `progress(fraction)` reports 0..1 of this phase.
Simulation simulateWork(const Organisation& org, const std::vector<ZoneClock>& clocks,
                        const SampleOptions& options, std::int64_t startDay, Random& random,
                        const std::function<void(double)>& progress);

}  // namespace orglens::samples
