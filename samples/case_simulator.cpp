#include "samples/case_simulator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "samples/planted.h"
#include "samples/random.h"

namespace orglens::samples {
namespace {

// About 5.6 rows per case: 0.2 cases per person and day gives ~60,000 rows for the defaults
// (300 people, 180 days), above the 50,000 the demo and the tests rely on.
constexpr double kCasesPerPersonDay = 0.2;
// Share of handoffs that go to one of the previous person's usual collaborators.
constexpr double kUsualCollaboratorShare = 0.85;

// Waits between activities, medians in minutes of lognormals. The planted slow handoff
// (Legal → Operations) waits ~2.5 days before the working-hours calendar adds nights and
// weekends, which lands its realised median near 3 days; every other handoff waits hours.
constexpr double kSamePersonWaitMinutes = 40, kSameTeamWaitMinutes = 60;
constexpr double kCrossTeamWaitMinutes = 100, kSlowHandoffWaitMinutes = 60 * 60;
constexpr double kWaitSigma = 0.9, kSlowWaitSigma = 0.35, kServiceSigma = 0.5;

using ToolWeights = std::array<double, 5>;      // tracker, chat, docs, email, crm
using PlatformWeights = std::array<double, 3>;  // desktop, mobile, web

// Corporate is the planted non-adopting department: no chat at all.
ToolWeights toolWeightsFor(const std::string& department, const std::string& team) {
  if (team == planted::kMobileFirstTeam) return {0.40, 0.40, 0.05, 0.15, 0.0};
  if (department == planted::kNonAdoptingDepartment) return {0.45, 0.0, 0.20, 0.35, 0.0};
  if (department == "Commercial") return {0.15, 0.25, 0.10, 0.15, 0.35};
  if (department == "Product") return {0.45, 0.30, 0.20, 0.05, 0.0};
  return {0.45, 0.30, 0.10, 0.15, 0.0};
}

// Field Service is the planted mobile-first team.
PlatformWeights platformWeightsFor(const std::string& team) {
  if (team == planted::kMobileFirstTeam) return {0.10, 0.80, 0.10};
  return {0.70, 0.06, 0.24};
}

std::int64_t wholeMinutes(double minutes) {
  return std::max<std::int64_t>(1, std::llround(minutes)) * 60;
}

class CaseRunner {
 public:
  CaseRunner(const Organisation& org, const std::vector<ZoneClock>& clocks, Simulation& sim,
             Random& random, std::uint64_t salt);
  void run(int caseIndex, std::int64_t arrival);

 private:
  struct Context {
    const ProcessSpec* process = nullptr;
    int processIndex = 0;
    int caseIndex = 0;
    int owner = -1;
    int partner = -1;
    std::vector<int> performers;  // per step, -1 when skipped
  };

  void runStep(std::size_t stepIndex, Context& context);
  int resolveTeam(const StepSpec& spec, const Context& context) const;
  int choosePartner(const Context& context);
  int pickWorker(int team, int previous);
  bool isActive(int person) const {
    return m_org.people[person].startDay <= floorDiv(m_lastEnd, kSecondsPerDay);
  }
  void perform(int person, int activity, double serviceMinutes, int caseIndex);
  std::int64_t waitBefore(int person);
  int internActivity(const std::string& name);

  const Organisation& m_org;
  const std::vector<ZoneClock>& m_clocks;
  Simulation& m_sim;
  Random& m_random;
  std::uint64_t m_salt;
  int m_legal, m_operations, m_silo;
  std::vector<double> m_ownerWeights;  // per team: head count, 0 for the silo
  std::vector<ToolWeights> m_toolWeights;
  std::vector<PlatformWeights> m_platformWeights;
  std::map<std::string, int> m_activityIds;
  std::vector<std::vector<std::pair<int, int>>> m_stepActivities;  // activity, ping-pong
  int m_lastPerson = -1;
  std::int64_t m_lastEnd = 0;
};

CaseRunner::CaseRunner(const Organisation& org, const std::vector<ZoneClock>& clocks,
                       Simulation& sim, Random& random, std::uint64_t salt)
    : m_org(org),
      m_clocks(clocks),
      m_sim(sim),
      m_random(random),
      m_salt(salt),
      m_legal(org.teamIndex(planted::kSlowFromTeam)),
      m_operations(org.teamIndex(planted::kSlowToTeam)),
      m_silo(org.teamIndex(planted::kSiloTeam)) {
  for (const Team& team : org.teams) {
    const bool silo = static_cast<int>(m_ownerWeights.size()) == m_silo;
    m_ownerWeights.push_back(silo ? 0.0 : static_cast<double>(team.workers.size()));
    m_toolWeights.push_back(toolWeightsFor(org.departments[team.department], team.name));
    m_platformWeights.push_back(platformWeightsFor(team.name));
  }
  for (const ProcessSpec& process : sim.processes) {
    auto& ids = m_stepActivities.emplace_back();
    for (const StepSpec& spec : process.steps) {
      const int pingPong =
          spec.pingPongActivity.empty() ? -1 : internActivity(spec.pingPongActivity);
      ids.emplace_back(internActivity(spec.activity), pingPong);
    }
  }
}

int CaseRunner::internActivity(const std::string& name) {
  const auto [it, inserted] =
      m_activityIds.emplace(name, static_cast<int>(m_sim.activities.size()));
  if (inserted) m_sim.activities.push_back(name);
  return it->second;
}

void CaseRunner::run(int caseIndex, std::int64_t arrival) {
  Context context;
  context.processIndex = m_sim.cases[caseIndex].process;
  context.process = &m_sim.processes[context.processIndex];
  context.caseIndex = caseIndex;
  context.performers.assign(context.process->steps.size(), -1);
  if (context.process->variableOwner) {
    context.owner = static_cast<int>(m_random.weightedIndex(m_ownerWeights));
  }
  context.partner = choosePartner(context);
  m_lastPerson = -1;
  m_lastEnd = arrival;
  for (std::size_t s = 0; s < context.process->steps.size(); ++s) runStep(s, context);
}

int CaseRunner::choosePartner(const Context& context) {
  const ProcessSpec& process = *context.process;
  if (process.partner == PartnerChoice::None) return -1;
  const int owner = context.owner >= 0 ? context.owner : m_org.teamIndex(process.steps[0].team);
  std::vector<int> candidates;
  for (int t = 0; t < static_cast<int>(m_org.teams.size()); ++t) {
    const bool sameDepartment = m_org.teams[t].department == m_org.teams[owner].department;
    if (t == owner || t == m_silo) continue;
    if (process.partner == PartnerChoice::SameDepartment && !sameDepartment) continue;
    candidates.push_back(t);
  }
  if (candidates.empty()) return -1;
  return candidates[static_cast<std::size_t>(
      m_random.uniformInt(0, static_cast<std::int64_t>(candidates.size()) - 1))];
}

int CaseRunner::resolveTeam(const StepSpec& spec, const Context& context) const {
  switch (spec.teamRef) {
    case TeamRef::Owner:
      return context.owner;
    case TeamRef::Partner:
      return context.partner;
    case TeamRef::Fixed:
      break;
  }
  return m_org.teamIndex(spec.team);
}

void CaseRunner::runStep(std::size_t stepIndex, Context& context) {
  const StepSpec& spec = context.process->steps[stepIndex];
  const auto& performers = context.performers;
  if (spec.onlyIfStep >= 0 && performers[spec.onlyIfStep] < 0) return;
  if (spec.unlessStep >= 0 && performers[spec.unlessStep] >= 0) return;
  const int team = resolveTeam(spec, context);
  if (team < 0) return;
  if (spec.probability < 1.0 && !m_random.chance(spec.probability)) return;

  const int previous = m_lastPerson;
  int person = -1;
  if (spec.performer == Performer::Broker) person = m_org.broker;
  if (spec.performer == Performer::SameAsStep) person = performers[spec.sameAsStep];
  if (person < 0) person = pickWorker(team, previous);
  const auto [activity, pingPongActivity] = m_stepActivities[context.processIndex][stepIndex];
  perform(person, activity, spec.serviceMinutes, context.caseIndex);
  context.performers[stepIndex] = person;

  if (pingPongActivity >= 0 && previous >= 0 && previous != person &&
      m_random.chance(spec.pingPongProbability)) {
    perform(previous, pingPongActivity, spec.serviceMinutes / 2, context.caseIndex);
    perform(person, activity, spec.serviceMinutes / 2, context.caseIndex);
  }
  if (spec.reworkProbability > 0 && m_random.chance(spec.reworkProbability)) {
    // Rework: mostly the same person repeats, sometimes a team-mate redoes it.
    const bool redo = spec.performer == Performer::Collaborator && m_random.chance(0.4);
    perform(redo ? pickWorker(team, person) : person, activity, spec.serviceMinutes,
            context.caseIndex);
  }
}

// Stable collaborators: each person has three usual contacts per team, derived by hashing
// (person, team, rank) so that they do not depend on the order of the simulation.
int CaseRunner::pickWorker(int team, int previous) {
  const std::vector<int>& workers = m_org.teams[team].workers;
  const auto count = static_cast<std::uint64_t>(workers.size());
  if (previous >= 0 && m_random.chance(kUsualCollaboratorShare)) {
    static constexpr std::array<double, 3> kRankWeights = {0.6, 0.3, 0.1};
    const auto rank = m_random.weightedIndex(kRankWeights);
    const std::uint64_t key = mixBits(m_salt ^ mixBits(static_cast<std::uint64_t>(previous))) ^
                              (static_cast<std::uint64_t>(team) << 8) ^ rank;
    const int candidate = workers[mixBits(key) % count];
    if (isActive(candidate)) return candidate;
  }
  for (int attempt = 0; attempt < 16; ++attempt) {
    const int candidate = workers[static_cast<std::size_t>(
        m_random.uniformInt(0, static_cast<std::int64_t>(count) - 1))];
    if (isActive(candidate)) return candidate;
  }
  return m_org.teams[team].lead;  // leads are always active
}

std::int64_t CaseRunner::waitBefore(int person) {
  if (m_lastPerson < 0) return 0;  // the first activity starts at the arrival
  if (person == m_lastPerson)
    return wholeMinutes(m_random.lognormal(kSamePersonWaitMinutes, kWaitSigma));
  const int fromTeam = m_org.people[m_lastPerson].team;
  const int toTeam = m_org.people[person].team;
  if (fromTeam == m_legal && toTeam == m_operations) {
    return wholeMinutes(m_random.lognormal(kSlowHandoffWaitMinutes, kSlowWaitSigma));
  }
  const double median = fromTeam == toTeam ? kSameTeamWaitMinutes : kCrossTeamWaitMinutes;
  return wholeMinutes(m_random.lognormal(median, kWaitSigma));
}

void CaseRunner::perform(int person, int activity, double serviceMinutes, int caseIndex) {
  // Service times stay within 5 min..8 h so that any activity fits into one working day.
  const double minutes = std::clamp(m_random.lognormal(serviceMinutes, kServiceSigma), 5.0, 480.0);
  const std::int64_t duration = wholeMinutes(minutes);
  const std::int64_t ready = m_lastEnd + waitBefore(person);
  const Person& who = m_org.people[person];
  ActivityRow row;
  row.start =
      scheduleWork(m_clocks[who.zone], m_org.teams[who.team].worksWeekends, ready, duration);
  row.end = row.start + duration;
  row.caseIndex = caseIndex;
  row.person = person;
  row.activity = activity;
  row.tool = static_cast<std::uint8_t>(m_random.weightedIndex(m_toolWeights[who.team]));
  row.platform = static_cast<std::uint8_t>(m_random.weightedIndex(m_platformWeights[who.team]));
  m_sim.rows.push_back(row);
  m_lastPerson = person;
  m_lastEnd = row.end;
}

/// Arrivals in Berlin local time: weekdays 07:00–18:00, or any day 06:00–22:00 for processes
/// that arrive on weekends. Sorted by time (ties by draw order) so case ids follow arrival.
std::vector<std::pair<std::int64_t, int>> drawArrivals(const std::vector<ProcessSpec>& processes,
                                                       const ZoneClock& hq, std::size_t count,
                                                       std::int64_t startDay, int days,
                                                       Random& random) {
  std::vector<double> weights;
  for (const ProcessSpec& process : processes) weights.push_back(process.weight);
  std::vector<std::tuple<std::int64_t, std::size_t, int>> draws;
  for (std::size_t i = 0; i < count; ++i) {
    const auto process = static_cast<int>(random.weightedIndex(weights));
    const bool weekends = processes[process].arrivesOnWeekends;
    std::int64_t day = startDay + random.uniformInt(0, days - 1);
    while (!weekends && isWeekend(day)) day = startDay + random.uniformInt(0, days - 1);
    const std::int64_t minute =
        weekends ? random.uniformInt(6 * 60, 22 * 60 - 1) : random.uniformInt(7 * 60, 18 * 60 - 1);
    draws.emplace_back(hq.toUtc(day * kSecondsPerDay + minute * 60), i, process);
  }
  std::sort(draws.begin(), draws.end());
  std::vector<std::pair<std::int64_t, int>> arrivals;
  for (const auto& [time, index, process] : draws) arrivals.emplace_back(time, process);
  return arrivals;
}

}  // namespace

Simulation simulateWork(const Organisation& org, const std::vector<ZoneClock>& clocks,
                        const SampleOptions& options, std::int64_t startDay, Random& random,
                        const std::function<void(double)>& progress) {
  Simulation sim;
  sim.processes = availableProcesses(org);
  const auto caseCount = static_cast<std::size_t>(
      std::llround(static_cast<double>(options.people) * options.days * kCasesPerPersonDay));
  const auto arrivals =
      drawArrivals(sim.processes, clocks[kBerlin], caseCount, startDay, options.days, random);
  for (std::size_t i = 0; i < arrivals.size(); ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "%s-%06zu", sim.processes[arrivals[i].second].casePrefix.c_str(),
                  i + 1);
    sim.cases.push_back({id, arrivals[i].second});
  }
  sim.rows.reserve(caseCount * 7);
  CaseRunner runner(org, clocks, sim, random, random.bits());
  for (std::size_t i = 0; i < arrivals.size(); ++i) {
    runner.run(static_cast<int>(i), arrivals[i].first);
    if (progress && i % 1024 == 0) progress(static_cast<double>(i) / arrivals.size());
  }
  if (progress) progress(1.0);
  return sim;
}

}  // namespace orglens::samples
