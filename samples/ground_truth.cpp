#include "samples/ground_truth.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "samples/planted.h"

namespace orglens::samples {
namespace {

double medianHours(std::vector<std::int64_t>& waits) {
  if (waits.empty()) return 0;
  std::sort(waits.begin(), waits.end());
  const std::size_t middle = waits.size() / 2;
  const double seconds = waits.size() % 2 == 1
                             ? static_cast<double>(waits[middle])
                             : (static_cast<double>(waits[middle - 1]) + waits[middle]) / 2.0;
  return seconds / 3600.0;
}

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

struct HandoffTally {
  std::vector<std::int64_t> slowWaits, otherWaits;
  std::size_t silo = 0, siloInternal = 0, between = 0, betweenWithoutBroker = 0;
};

void tallyHandoffs(const Organisation& org, const Simulation& sim, HandoffTally& tally) {
  const int slowFrom = org.teamIndex(planted::kSlowFromTeam);
  const int slowTo = org.teamIndex(planted::kSlowToTeam);
  const int silo = org.teamIndex(planted::kSiloTeam);
  const int departmentA = org.departmentIndex(planted::kBrokerDepartmentA);
  const int departmentB = org.departmentIndex(planted::kBrokerDepartmentB);
  for (std::size_t i = 1; i < sim.rows.size(); ++i) {
    const ActivityRow& previous = sim.rows[i - 1];
    const ActivityRow& next = sim.rows[i];
    if (previous.caseIndex != next.caseIndex || previous.person == next.person) continue;
    const int fromTeam = org.people[previous.person].team;
    const int toTeam = org.people[next.person].team;
    const std::int64_t wait = next.start - previous.end;
    (fromTeam == slowFrom && toTeam == slowTo ? tally.slowWaits : tally.otherWaits).push_back(wait);
    if (fromTeam == silo || toTeam == silo) {
      ++tally.silo;
      if (fromTeam == toTeam) ++tally.siloInternal;
    }
    const int fromDepartment = org.teams[fromTeam].department;
    const int toDepartment = org.teams[toTeam].department;
    if ((fromDepartment == departmentA && toDepartment == departmentB) ||
        (fromDepartment == departmentB && toDepartment == departmentA)) {
      ++tally.between;
      if (previous.person != org.broker && next.person != org.broker) ++tally.betweenWithoutBroker;
    }
  }
}

void measureRowShares(const Organisation& org, const std::vector<ZoneClock>& clocks,
                      const Simulation& sim, PlantedFigures& figures) {
  const std::size_t teams = org.teams.size(), departments = org.departments.size();
  std::vector<std::size_t> teamRows(teams), mobileRows(teams), weekendRows(teams);
  std::vector<std::size_t> departmentRows(departments), chatRows(departments);
  for (const ActivityRow& row : sim.rows) {
    const Person& person = org.people[row.person];
    const int department = org.teams[person.team].department;
    ++teamRows[person.team];
    ++departmentRows[department];
    if (row.platform == kMobilePlatform) ++mobileRows[person.team];
    if (row.tool == kChatTool) ++chatRows[department];
    const std::int64_t local = clocks[person.zone].toLocal(row.start);
    if (isWeekend(floorDiv(local, kSecondsPerDay))) ++weekendRows[person.team];
  }
  const int mobileTeam = org.teamIndex(planted::kMobileFirstTeam);
  const int weekendTeam = org.teamIndex(planted::kWeekendTeam);
  const int nonAdopting = org.departmentIndex(planted::kNonAdoptingDepartment);
  figures.mobileShare = share(mobileRows[mobileTeam], teamRows[mobileTeam]);
  figures.weekendShare = share(weekendRows[weekendTeam], teamRows[weekendTeam]);
  for (std::size_t t = 0; t < teams; ++t) {
    if (static_cast<int>(t) != mobileTeam) {
      figures.otherTeamsMaxMobileShare =
          std::max(figures.otherTeamsMaxMobileShare, share(mobileRows[t], teamRows[t]));
    }
    if (static_cast<int>(t) != weekendTeam) {
      figures.otherTeamsMaxWeekendShare =
          std::max(figures.otherTeamsMaxWeekendShare, share(weekendRows[t], teamRows[t]));
    }
  }
  figures.nonAdoptingToolRows = chatRows[nonAdopting];
  figures.otherDepartmentsMinToolShare = 1.0;
  for (std::size_t d = 0; d < departments; ++d) {
    if (static_cast<int>(d) == nonAdopting) continue;
    figures.otherDepartmentsMinToolShare =
        std::min(figures.otherDepartmentsMinToolShare, share(chatRows[d], departmentRows[d]));
  }
}

}  // namespace

PlantedFigures measurePlanted(const Organisation& org, const std::vector<ZoneClock>& clocks,
                              const Simulation& sim) {
  PlantedFigures figures;
  HandoffTally tally;
  tallyHandoffs(org, sim, tally);
  figures.slowCount = tally.slowWaits.size();
  figures.otherCount = tally.otherWaits.size();
  figures.slowMedianHours = medianHours(tally.slowWaits);
  figures.otherMedianHours = medianHours(tally.otherWaits);
  figures.siloHandoffs = tally.silo;
  figures.siloInternalShare = share(tally.siloInternal, tally.silo);
  figures.brokerDepartmentHandoffs = tally.between;
  figures.brokerDepartmentHandoffsWithoutBroker = tally.betweenWithoutBroker;
  measureRowShares(org, clocks, sim, figures);
  return figures;
}

}  // namespace orglens::samples
