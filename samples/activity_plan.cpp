#include <algorithm>
#include <array>

#include "samples/collaboration.h"
#include "samples/planted.h"
#include "samples/random.h"

namespace orglens::samples {
namespace {

constexpr std::array<const char*, 3> kComputers = {"Windows 11", "macOS 14", "Ubuntu 22.04"};
constexpr std::array<const char*, 3> kBrowsers = {"Windows 11 Chrome", "MacBook Safari",
                                                  "Ubuntu Firefox"};
constexpr std::array<double, 3> kComputerWeights = {0.65, 0.27, 0.08};
constexpr std::array<const char*, 4> kPhones = {"iPhone 14", "iPhone 15", "Pixel 8", "Galaxy S23"};

// Relative activity per local hour: a morning peak, a lunch dip, a thin evening tail.
constexpr std::array<double, 24> kRhythm = {0,   0,   0,   0,   0,   0,    0,   0.3,
                                            1.0, 1.6, 1.6, 1.4, 0.7, 1.1,  1.4, 1.3,
                                            1.1, 0.7, 0.2, 0.1, 0.1, 0.06, 0,   0};
constexpr double kPresence = 0.92;        // a regular person works on 92% of working days
constexpr double kRotaPresence = 0.70;    // the weekend team works about 5 days of 7
constexpr double kWeekendCheckIn = 0.06;  // days off with a quick look at the tools
constexpr double kMobileFirstShare = 0.82, kMobileShare = 0.05, kWebShare = 0.3;

enum PresenceKind : std::uint64_t { kWorkPresence = 1, kCheckIn = 2 };

}  // namespace

ActivityPlan::ActivityPlan(const Organisation& org, const std::vector<ZoneClock>& clocks,
                           std::int64_t firstDay, int days, Random& random)
    : m_org(org),
      m_clocks(clocks),
      m_firstDay(firstDay),
      m_lastDay(firstDay + days - 1),
      m_salt(random.bits()) {
  const int mobileTeam = org.teamIndex(planted::kMobileFirstTeam);
  const int nonAdopting = org.departmentIndex(planted::kNonAdoptingDepartment);
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    const Person& who = org.people[i];
    PersonPlan plan;
    plan.firstDay = std::max(firstDay, who.startDay);
    plan.computer = static_cast<std::uint8_t>(random.weightedIndex(kComputerWeights));
    plan.phone = static_cast<std::uint8_t>(random.uniformInt(0, kPhones.size() - 1));
    plan.mobileShare = who.team == mobileTeam ? kMobileFirstShare : kMobileShare;
    plan.usesChat = org.teams[who.team].department != nonAdopting;
    m_people.push_back(plan);
  }
  chooseStatuses(random);
}

void ActivityPlan::chooseStatuses(Random& random) {
  const int count = std::clamp(static_cast<int>(m_org.people.size()) / 100, 1, 5);
  for (const AdoptionStatus status : {AdoptionStatus::Abandoned, AdoptionStatus::Struggling}) {
    const std::int64_t span =
        status == AdoptionStatus::Abandoned ? kTrialDays + kQuietDays : kQuietDays;
    std::vector<int> candidates;
    for (int p = 0; p < static_cast<int>(m_people.size()); ++p) {
      const bool core = m_org.people[p].isManager || p == m_org.broker;
      if (!core && m_people[p].status == AdoptionStatus::Regular &&
          m_people[p].firstDay + span - 1 <= m_lastDay) {
        candidates.push_back(p);
      }
    }
    std::vector<int>& chosen = status == AdoptionStatus::Abandoned ? abandoned : struggling;
    while (static_cast<int>(chosen.size()) < count && !candidates.empty()) {
      const auto at = static_cast<std::size_t>(
          random.uniformInt(0, static_cast<std::int64_t>(candidates.size()) - 1));
      const int p = candidates[at];
      candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(at));
      m_people[p].status = status;
      chosen.push_back(p);
      for (std::int64_t& day : m_people[p].struggleDays) {
        do {
          day = random.uniformInt(m_people[p].firstDay, m_lastDay);
        } while (isWeekend(day) && !worksWeekends(p));
      }
    }
    std::sort(chosen.begin(), chosen.end());
  }
}

std::int64_t ActivityPlan::localDay(int person, std::int64_t utc) const {
  return floorDiv(clockOf(person).toLocal(utc), kSecondsPerDay);
}

bool ActivityPlan::worksWeekends(int person) const {
  return m_org.teams[m_org.people[person].team].worksWeekends;
}

bool ActivityPlan::present(int person, std::int64_t day, std::uint64_t kind,
                           double probability) const {
  const std::uint64_t key =
      mixBits(m_salt ^ mixBits((static_cast<std::uint64_t>(person) << 4) | kind)) ^
      static_cast<std::uint64_t>(day);
  return static_cast<double>(mixBits(key) >> 11) * 0x1.0p-53 < probability;
}

bool ActivityPlan::worksOn(int person, std::int64_t day) const {
  const PersonPlan& plan = m_people[person];
  if (day < plan.firstDay || day > m_lastDay) return false;
  const bool weekends = worksWeekends(person);
  if (!weekends && isWeekend(day)) return false;
  switch (plan.status) {
    case AdoptionStatus::Abandoned:
      return day < plan.firstDay + kTrialDays;
    case AdoptionStatus::Struggling:
      return day == plan.struggleDays[0] || day == plan.struggleDays[1];
    case AdoptionStatus::Regular:
      break;
  }
  return present(person, day, kWorkPresence, weekends ? kRotaPresence : kPresence);
}

bool ActivityPlan::checksInOn(int person, std::int64_t day) const {
  const PersonPlan& plan = m_people[person];
  if (plan.status != AdoptionStatus::Regular || day < plan.firstDay || day > m_lastDay) {
    return false;
  }
  return isWeekend(day) && !worksWeekends(person) &&
         present(person, day, kCheckIn, kWeekendCheckIn);
}

std::uint8_t ActivityPlan::drawPlatform(int person, Random& random) const {
  if (random.chance(m_people[person].mobileShare)) return kMobilePlatform;
  return random.chance(kWebShare) ? 2 : 0;  // web : desktop
}

const char* ActivityPlan::deviceName(int person, std::uint8_t platform) const {
  const PersonPlan& plan = m_people[person];
  if (platform == kMobilePlatform) return kPhones[plan.phone];
  return platform == 2 ? kBrowsers[plan.computer] : kComputers[plan.computer];
}

std::int64_t ActivityPlan::drawTime(int person, std::int64_t day, Random& random,
                                    bool officeOnly) const {
  std::array<double, 24> weights = kRhythm;
  if (officeOnly) {
    for (std::size_t hour = 0; hour < weights.size(); ++hour) {
      if (hour * 3600 < kWorkdayBegin || hour * 3600 >= kWorkdayEnd) weights[hour] = 0;
    }
  }
  const auto hour = static_cast<std::int64_t>(random.weightedIndex(weights));
  const std::int64_t local = day * kSecondsPerDay + hour * 3600 + random.uniformInt(0, 3599);
  return clockOf(person).toUtc(local);
}

}  // namespace orglens::samples
