// What the simulator planted, measured on the rows exactly as they are written, and the
// ground-truth.json that reports it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "samples/case_simulator.h"
#include "samples/collaboration.h"
#include "samples/org_chart.h"
#include "samples/review_simulator.h"
#include "samples/sample_org.h"
#include "samples/work_clock.h"

namespace orglens::samples {

/// Handoff = two consecutive rows of one case with different people; its wait is the next
/// row's start minus the previous row's end. Shares are fractions in 0..1.
struct PlantedFigures {
  std::size_t slowCount = 0, otherCount = 0;
  double slowMedianHours = 0, otherMedianHours = 0;
  std::size_t siloHandoffs = 0;
  double siloInternalShare = 0;  // of handoffs with a silo member on either side
  std::size_t brokerDepartmentHandoffs = 0, brokerDepartmentHandoffsWithoutBroker = 0;
  std::size_t nonAdoptingToolRows = 0;
  double otherDepartmentsMinToolShare = 0;
  double mobileShare = 0, otherTeamsMaxMobileShare = 0;
  double weekendShare = 0, otherTeamsMaxWeekendShare = 0;  // by local start day
};

/// One pass over the rows plus a sort per median: O(rows log rows).
PlantedFigures measurePlanted(const Organisation& org, const std::vector<ZoneClock>& clocks,
                              const Simulation& sim);

/// Pretty-printed JSON; numbers with fixed precision so the bytes are stable.
void writeGroundTruth(const std::filesystem::path& path, const SampleOptions& options,
                      const Organisation& org, const Simulation& sim, const PlantedFigures& figures,
                      const CollaborationFacts& collaboration, const ReviewFacts& reviews);

}  // namespace orglens::samples
