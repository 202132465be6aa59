#include "analysis/adoption.h"

#include <algorithm>
#include <bit>
#include <map>

#include "analysis/adoption_scan.h"
#include "analysis/parallel.h"
#include "model/time_format.h"

namespace orglens::analysis {
namespace {

using detail::kPlatforms;
using detail::kWindowDays;
using detail::PersonScan;
using model::AdoptionLog;

double share(std::uint64_t part, std::uint64_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

/// Accumulates active counts from 30-day masks.
struct Counter {
  ActiveCounts c;
  std::uint64_t daySum = 0;
  void add(std::uint32_t mask, std::uint64_t actions) {
    c.dau += (mask >> (kWindowDays - 1)) & 1u;
    c.wau += (mask >> (kWindowDays - 7)) != 0;
    c.mau += mask != 0;
    c.everActive += actions > 0;
    c.actions += actions;
    daySum += static_cast<std::uint64_t>(std::popcount(mask));
  }
  ActiveCounts finish(std::uint64_t registered) {
    c.registered = registered;
    c.dauShare = share(c.dau, registered);
    c.wauShare = share(c.wau, registered);
    c.mauShare = share(c.mau, registered);
    c.stickiness = c.mau ? static_cast<double>(daySum) / static_cast<double>(kWindowDays) /
                               static_cast<double>(c.mau)
                         : 0;
    return c;
  }
};

std::vector<GroupAdoption> finishGroups(std::map<std::string, Counter>& groups,
                                        const std::map<std::string, std::uint64_t>& registered,
                                        std::uint64_t all) {
  std::vector<GroupAdoption> out;
  for (auto& [name, counter] : groups) {
    const auto r = registered.find(name);
    out.push_back({name, counter.finish(r == registered.end() ? all : r->second)});
  }
  return out;
}

TimeShares timeShares(std::string name, const std::vector<const PersonAdoption*>& people) {
  TimeShares t;
  t.name = std::move(name);
  std::uint64_t weekend = 0, after = 0, known = 0, mobile = 0, offKnown = 0, offMobile = 0;
  for (const auto* p : people) {
    ++t.people;
    t.actions += p->actions;
    weekend += p->weekendActions;
    after += p->afterHoursActions;
    known += p->knownPlatform;
    mobile += p->mobile;
    offKnown += p->offHoursKnown;
    offMobile += p->offHoursMobile;
  }
  t.weekendShare = share(weekend, t.actions);
  t.afterHoursShare = share(after, t.actions);
  t.mobileShare = share(mobile, known);
  t.offHoursMobileShare = share(offMobile, offKnown);
  return t;
}

}  // namespace

AdoptionResult analyseAdoption(const AdoptionLog& log, const AdoptionOptions& options,
                               model::Progress& progress) {
  AdoptionResult r;
  r.tools = log.tools;
  const std::size_t people = log.people.size();
  detail::Frame frame;
  if (log.size() > 0) {
    // First and last action: per chunk, then over the chunks (exact, any thread count).
    using Range = std::pair<model::MicrosUtc, model::MicrosUtc>;
    const auto ranges =
        parallelChunks<Range>(0, log.size(), threadCount(options.threads, log.size() / 65536 + 1),
                              [&log](std::size_t first, std::size_t last, Range& out) {
                                const auto [lo, hi] = std::minmax_element(
                                    log.time.begin() + static_cast<std::ptrdiff_t>(first),
                                    log.time.begin() + static_cast<std::ptrdiff_t>(last));
                                out = {*lo, *hi};
                              });
    model::MicrosUtc lo = ranges.front().first, hi = ranges.front().second;
    for (const auto& [a, b] : ranges) {
      lo = std::min(lo, a);
      hi = std::max(hi, b);
    }
    frame.firstDay = model::floorDiv(lo, model::kMicrosPerDay);
    frame.lastDay = model::floorDiv(hi, model::kMicrosPerDay);
  }
  r.firstDay = frame.firstDay * model::kMicrosPerDay;
  r.lastDay = frame.lastDay * model::kMicrosPerDay;
  for (const auto& a : log.activities) frame.depthOfActivity.push_back(depthOf(a));
  // Each person's actions: [begin[p], begin[p + 1]) (the log is sorted by person, so a
  // binary search per person finds them without reading the whole column).
  std::vector<std::size_t> begin(people + 1, log.size());
  for (std::size_t p = 0; p < people; ++p)
    begin[p] = static_cast<std::size_t>(
        std::lower_bound(log.person.begin(), log.person.end(), static_cast<std::uint32_t>(p)) -
        log.person.begin());
  // Time zones are resolved here, once, not in the workers.
  std::vector<const date::time_zone*> zones(people, nullptr);
  for (std::size_t p = 0; p < people; ++p) {
    if (log.people[p].timezone.empty()) continue;
    try {
      zones[p] = date::locate_zone(log.people[p].timezone);
    } catch (const std::exception&) {
      zones[p] = nullptr;  // unknown zone: UTC
    }
  }
  auto chunks = parallelChunks<std::vector<PersonScan>>(
      0, people, options.threads,
      [&](std::size_t first, std::size_t last, std::vector<PersonScan>& out) {
        out.resize(last - first);
        for (std::size_t p = first; p < last && !progress.cancelled(); ++p)
          detail::scanPerson(log, frame, static_cast<std::uint32_t>(p), begin[p], begin[p + 1],
                             zones[p], out[p - first]);
      });
  if (progress.cancelled()) {
    r.cancelled = true;
    return r;
  }
  std::vector<PersonScan> scans;
  scans.reserve(people);
  for (auto& c : chunks)
    for (auto& s : c) scans.push_back(std::move(s));

  // Overall and grouped active counts.
  Counter overall;
  std::map<std::string, Counter> byTool, byPlatform, byDepartment, byRole;
  std::map<std::string, std::uint64_t> departmentSize, roleSize;
  for (std::size_t p = 0; p < people; ++p) {
    const auto& s = scans[p];
    const auto& who = log.people[p];
    overall.add(s.mask, s.out.actions);
    const std::string department = who.department.empty() ? "(no department)" : who.department;
    const std::string role = who.isManager ? "managers" : "staff";
    byDepartment[department].add(s.mask, s.out.actions);
    byRole[role].add(s.mask, s.out.actions);
    ++departmentSize[department];
    ++roleSize[role];
    for (std::size_t t = 0; t < log.tools.size(); ++t)
      if (s.toolActions[t]) byTool[log.tools[t]].add(s.toolMask[t], s.toolActions[t]);
    for (std::size_t k = 0; k < kPlatforms; ++k)
      if (s.platformActions[k])
        byPlatform[std::string(model::toString(static_cast<model::Platform>(k)))].add(
            s.platformMask[k], s.platformActions[k]);
    for (std::size_t d = 0; d < kDepths; ++d) r.depth[d] += s.depth[d];
    r.actions += s.out.actions;
    r.duplicates += s.duplicates;
  }
  r.overall = overall.finish(people);
  r.byTool = finishGroups(byTool, {}, people);
  r.byPlatform = finishGroups(byPlatform, {}, people);
  r.byDepartment = finishGroups(byDepartment, departmentSize, people);
  r.byRole = finishGroups(byRole, roleSize, people);

  // Weekly series (weeks start on Mondays, UTC; 1970-01-05 was a Monday).
  if (log.size() > 0) {
    const auto weekOf = [](std::int64_t day) { return model::floorDiv(day - 4, std::int64_t{7}); };
    const std::int64_t firstWeek = weekOf(frame.firstDay), lastWeek = weekOf(frame.lastDay);
    std::vector<std::uint64_t> activePeople(static_cast<std::size_t>(lastWeek - firstWeek + 1), 0);
    std::vector<std::uint64_t> activeDays(activePeople.size(), 0), actions(activePeople.size(), 0);
    for (const auto& s : scans) {
      std::int64_t previous = firstWeek - 1;
      for (std::size_t k = 0; k < s.days.size(); ++k) {
        const std::int64_t w = weekOf(s.days[k]);
        ++activeDays[static_cast<std::size_t>(w - firstWeek)];
        actions[static_cast<std::size_t>(w - firstWeek)] += s.dayActions[k];
        if (w != previous) ++activePeople[static_cast<std::size_t>(w - firstWeek)];
        previous = w;
      }
    }
    for (std::int64_t w = firstWeek; w <= lastWeek; ++w) {
      const std::int64_t weekFirstDay = w * 7 + 4;
      const std::int64_t daysInLog =
          std::min(weekFirstDay + 6, frame.lastDay) - std::max(weekFirstDay, frame.firstDay) + 1;
      WeekAdoption week;
      week.weekStart = weekFirstDay * model::kMicrosPerDay;
      const auto i = static_cast<std::size_t>(w - firstWeek);
      week.activePeople = activePeople[i];
      week.activeShare = share(activePeople[i], people);
      week.averageDau = static_cast<double>(activeDays[i]) / static_cast<double>(daysInLog);
      week.actions = actions[i];
      r.weeks.push_back(week);
    }
  }

  // Calendar months (UTC).
  std::map<std::int64_t, std::uint64_t> months;  // month number (year * 12 + month - 1) → people
  for (const auto& s : scans) {
    std::int64_t previous = -1;
    for (const auto day : s.days) {
      const auto c = model::civilFromDays(day);
      const std::int64_t m = c.year * 12 + static_cast<std::int64_t>(c.month) - 1;
      if (m != previous) ++months[m];
      previous = m;
    }
  }
  for (const auto& [m, n] : months)
    r.months.push_back(
        {model::daysFromCivil(model::floorDiv(m, 12),
                              static_cast<unsigned>(m - model::floorDiv(m, 12) * 12) + 1, 1) *
             model::kMicrosPerDay,
         n});

  // Cohorts: people registered on F..L, by registration month; week k = days
  // R+7(k-1)..R+7k-1 after the registration day R, observed when it ends by L.
  std::map<std::int64_t, CohortRetention> cohorts;
  for (const auto& s : scans) {
    const std::int64_t day = model::floorDiv(s.out.registered, model::kMicrosPerDay);
    if (day < frame.firstDay || day > frame.lastDay) continue;
    const auto c = model::civilFromDays(day);
    auto& cohort = cohorts[c.year * 12 + static_cast<std::int64_t>(c.month) - 1];
    cohort.monthStart = model::daysFromCivil(c.year, c.month, 1) * model::kMicrosPerDay;
    ++cohort.people;
    for (std::size_t k = 0; k < kCohortWeeks.size(); ++k) {
      const std::int64_t first = day + 7 * (kCohortWeeks[k] - 1), last = first + 6;
      if (last > frame.lastDay) continue;
      ++cohort.observed[k];
      cohort.active[k] += std::any_of(s.days.begin(), s.days.end(),
                                      [=](std::int64_t d) { return d >= first && d <= last; });
    }
  }
  for (auto& [month, cohort] : cohorts) {
    for (std::size_t k = 0; k < kCohortWeeks.size(); ++k)
      cohort.share[k] = share(cohort.active[k], cohort.observed[k]);
    r.cohorts.push_back(cohort);
  }

  // Funnel, segments, involvement, abandoned and struggling.
  std::array<std::uint64_t, 5> stages{people, 0, 0, 0, 0};
  for (std::size_t p = 0; p < people; ++p) {
    const auto& a = scans[p].out;
    const bool active = a.actions > 0;
    stages[1] += active;
    stages[2] += active && a.posted;
    stages[3] += active && a.posted && a.replied;
    stages[4] += active && a.posted && a.replied && a.activeLast28;
    ++r.segments[static_cast<std::size_t>(a.segment)];
    r.involved += a.tools >= 4;
    if (a.abandoned) r.abandoned.push_back(static_cast<std::uint32_t>(p));
    if (a.struggling) r.struggling.push_back(static_cast<std::uint32_t>(p));
  }
  static constexpr const char* kStages[] = {"registered", "ever active", "posted", "replied",
                                            "active in the last 4 weeks"};
  for (std::size_t i = 0; i < stages.size(); ++i)
    r.funnel.push_back({kStages[i], stages[i], share(stages[i], people)});
  r.involvement = share(r.involved, people);

  // Departments × tools; teams' time shares.
  std::map<std::string, DepartmentTools> departments;
  std::map<std::string, std::vector<const PersonAdoption*>> teams;
  for (std::size_t p = 0; p < people; ++p) {
    const auto& who = log.people[p];
    auto& d = departments[who.department.empty() ? "(no department)" : who.department];
    d.toolShare.resize(log.tools.size(), 0.0);
    ++d.registered;
    for (std::size_t t = 0; t < log.tools.size(); ++t)
      d.toolShare[t] += scans[p].toolActions[t] > 0;
    teams[who.team.empty() ? "(no team)" : who.team].push_back(&scans[p].out);
  }
  for (auto& [name, d] : departments) {
    d.department = name;
    for (std::size_t t = 0; t < log.tools.size(); ++t) {
      if (d.toolShare[t] == 0) d.unusedTools.push_back(log.tools[t]);
      d.toolShare[t] /= static_cast<double>(d.registered);
    }
    r.departmentTools.push_back(std::move(d));
  }
  for (const auto& [name, members] : teams) r.teamTime.push_back(timeShares(name, members));
  for (auto& s : scans) r.people.push_back(s.out);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
