// Adoption: registered against active people, DAU/WAU/MAU and stickiness by tool, platform,
// department, role and week; depth and the funnel; usage segments; involvement; tried then
// abandoned and struggling people; weekend, after-hours and mobile shares in each person's
// time zone (definition "adoption/1", docs/metrics.md).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/adoption_log.h"
#include "model/progress.h"

namespace orglens::analysis {

inline constexpr const char* kAdoptionDefinition = "adoption/1";

struct AdoptionOptions {
  unsigned threads = 0;
};

/// Active people over the last day, 7 days and 30 days of the log, among `registered`.
struct ActiveCounts {
  std::uint64_t registered = 0;
  std::uint64_t dau = 0, wau = 0, mau = 0;
  double dauShare = 0, wauShare = 0, mauShare = 0;  // of registered
  double stickiness = 0;                            // mean DAU over the 30 days / MAU
  std::uint64_t everActive = 0;                     // at least one action in the log
  std::uint64_t actions = 0;                        // in the whole log
};

struct GroupAdoption {
  std::string name;
  ActiveCounts counts;
};

struct WeekAdoption {
  model::MicrosUtc weekStart = 0;  // Monday 00:00 UTC
  std::uint64_t activePeople = 0;
  double activeShare = 0;  // of registered
  double averageDau = 0;   // mean daily active people over the week's days in the log
  std::uint64_t actions = 0;
};

struct MonthAdoption {
  model::MicrosUtc monthStart = 0;  // first day of the calendar month, 00:00 UTC
  std::uint64_t activePeople = 0;
};

enum class Depth : std::uint8_t { Reading, Reacting, Posting, Replying, Other };
inline constexpr std::size_t kDepths = 5;
const char* toString(Depth d);
/// The depth class of an activity name (case-insensitive), see docs/metrics.md.
Depth depthOf(std::string_view activity);

enum class Segment : std::uint8_t { Power, Habitual, Novice, Low, NonUser };
inline constexpr std::size_t kSegments = 5;
const char* toString(Segment s);

struct PersonAdoption {
  std::uint32_t person = 0;  // index into AdoptionLog::people
  std::uint64_t actions = 0, activeDays = 0;
  std::uint64_t actions12 = 0;  // in the 12 weeks ending on the last day
  unsigned activeWeeks12 = 0;
  Segment segment = Segment::NonUser;
  unsigned tools = 0;  // distinct tools used
  bool posted = false, replied = false, activeLast28 = false;
  bool abandoned = false, struggling = false;
  model::MicrosUtc registered = 0;  // registration day (00:00 UTC), see docs/metrics.md
  std::uint64_t weekendActions = 0, afterHoursActions = 0;
  std::uint64_t knownPlatform = 0, mobile = 0;  // actions with a known platform; on mobile
  std::uint64_t offHoursKnown = 0, offHoursMobile = 0;
};

struct TimeShares {
  std::string name;  // team ("(no team)") or person key
  std::uint64_t people = 0, actions = 0;
  double weekendShare = 0, afterHoursShare = 0;
  double offHoursMobileShare = 0;  // of off-hours actions with a known platform
  double mobileShare = 0;          // of actions with a known platform
};

struct FunnelStage {
  std::string name;
  std::uint64_t people = 0;
  double share = 0;  // of registered
};

/// Retention of the people registered in one calendar month (UTC) during the log.
inline constexpr std::array<int, 4> kCohortWeeks = {1, 4, 8, 12};
struct CohortRetention {
  model::MicrosUtc monthStart = 0;
  std::uint64_t people = 0;
  std::array<std::uint64_t, 4> observed{};  // people whose week k after registration ended by L
  std::array<std::uint64_t, 4> active{};    // of those, active in that week
  std::array<double, 4> share{};            // active / observed
};

struct DepartmentTools {
  std::string department;
  std::uint64_t registered = 0;
  std::vector<double> toolShare;  // per AdoptionResult::tools: share of registered who used it
  std::vector<std::string> unusedTools;
};

struct AdoptionResult {
  std::string definition = kAdoptionDefinition;
  model::MicrosUtc firstDay = 0, lastDay = 0;  // UTC day starts
  ActiveCounts overall;
  std::vector<GroupAdoption> byTool, byPlatform, byDepartment, byRole;
  std::vector<WeekAdoption> weeks;
  std::vector<MonthAdoption> months;           // calendar months (UTC) of the log
  std::array<std::uint64_t, kDepths> depth{};  // actions per depth class
  std::vector<FunnelStage> funnel;
  std::array<std::uint64_t, kSegments> segments{};
  std::uint64_t involved = 0;  // people using >= 4 tools
  double involvement = 0;
  std::vector<std::string> tools;  // every tool, by name
  std::vector<DepartmentTools> departmentTools;
  std::vector<CohortRetention> cohorts;  // by month
  std::vector<PersonAdoption> people;    // per registered person, in AdoptionLog::people order
  std::vector<TimeShares> teamTime;      // by team name
  std::vector<std::uint32_t> abandoned, struggling;  // person indexes
  std::uint64_t actions = 0, duplicates = 0;         // counted, and dropped as duplicates
  bool cancelled = false;
};

/// O(actions + people · (tools + days)). Identical results for any thread count.
AdoptionResult analyseAdoption(const model::AdoptionLog& log, const AdoptionOptions& options,
                               model::Progress& progress);

}  // namespace orglens::analysis
