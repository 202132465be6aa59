#include "analysis/adoption_scan.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "model/text.h"
#include "model/time_format.h"

namespace orglens::analysis {

const char* toString(Depth d) {
  static constexpr const char* kNames[] = {"reading", "reacting", "posting", "replying", "other"};
  return kNames[static_cast<std::size_t>(d)];
}

const char* toString(Segment s) {
  static constexpr const char* kNames[] = {"power", "habitual", "novice", "low", "non-user"};
  return kNames[static_cast<std::size_t>(s)];
}

Depth depthOf(std::string_view activity) {
  const std::string a = model::asciiLower(activity);
  for (const char* w : {"read", "open", "opened", "view", "viewed", "search"})
    if (a == w) return Depth::Reading;
  if (a == "react" || a == "reacted") return Depth::Reacting;
  for (const char* w : {"post", "posted", "sent", "send", "edit", "edited", "comment", "commented"})
    if (a == w) return Depth::Posting;
  if (a == "reply" || a == "replied") return Depth::Replying;
  return Depth::Other;
}

namespace detail {
namespace {

constexpr std::int64_t kMicrosPerHour = 3'600'000'000;

}  // namespace

void scanPerson(const model::AdoptionLog& log, const Frame& frame, std::uint32_t who,
                std::size_t begin, std::size_t end, const date::time_zone* zone, PersonScan& scan) {
  auto& out = scan.out;
  out.person = who;
  scan.toolMask.assign(log.tools.size(), 0);
  scan.toolActions.assign(log.tools.size(), 0);
  const std::int64_t windowStart = frame.lastDay - (kWindowDays - 1);
  const std::int64_t segmentStart = frame.lastDay - 83;  // 12 weeks of 7 days ending on lastDay
  std::array<std::uint64_t, 12> weekActions{};
  // Duplicates: the same action seen by two sources (a usage-log row and the Slack post it
  // mirrors) has the same second, tool and depth class.
  std::int64_t second = -1;
  std::vector<std::pair<std::uint32_t, Depth>> seen;
  // The zone's UTC offset and the UTC seconds over which it holds (empty span: look it up).
  std::int64_t offsetFrom = 0, offsetUntil = 0, offsetMicros = 0;
  for (std::size_t e = begin; e < end; ++e) {
    const auto t = log.time[e];
    const Depth depth = log.activity[e] < frame.depthOfActivity.size()
                            ? frame.depthOfActivity[log.activity[e]]
                            : Depth::Other;
    const std::int64_t s = model::floorDiv(t, std::int64_t{1'000'000});
    if (s != second) {
      second = s;
      seen.clear();
    }
    const std::pair<std::uint32_t, Depth> key{log.tool[e], depth};
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      ++scan.duplicates;
      continue;
    }
    seen.push_back(key);
    ++out.actions;
    ++scan.depth[static_cast<std::size_t>(depth)];
    out.posted = out.posted || depth == Depth::Posting;
    out.replied = out.replied || depth == Depth::Replying;
    const std::int64_t day = model::floorDiv(t, model::kMicrosPerDay);
    if (scan.days.empty() || scan.days.back() != day) {
      scan.days.push_back(day);
      scan.dayActions.push_back(0);
    }
    ++scan.dayActions.back();
    const std::uint32_t bit = day >= windowStart ? 1u << (day - windowStart) : 0u;
    scan.mask |= bit;
    if (log.tool[e] != model::AdoptionLog::kNone) {
      scan.toolMask[log.tool[e]] |= bit;
      ++scan.toolActions[log.tool[e]];
    }
    const auto p = static_cast<std::size_t>(log.platform[e]);
    if (p < kPlatforms) {
      scan.platformMask[p] |= bit;
      ++scan.platformActions[p];
    }
    if (day >= segmentStart) ++weekActions[static_cast<std::size_t>((day - segmentStart) / 7)];
    // Local time: weekend (Saturday, Sunday) and after hours (before 08:00, from 18:00). The
    // zone's offset holds over [offsetFrom, offsetUntil) (UTC seconds); a person's actions are
    // in time order, so the tz database is asked again only when an action leaves that span.
    if (zone && (s < offsetFrom || s >= offsetUntil)) {
      const auto info = zone->get_info(date::sys_seconds{std::chrono::seconds{s}});
      offsetFrom = info.begin.time_since_epoch().count();
      offsetUntil = info.end.time_since_epoch().count();
      offsetMicros = info.offset.count() * std::int64_t{1'000'000};
    }
    const std::int64_t local = t + offsetMicros;  // what zone->to_local gives, in µs
    const std::int64_t localDay = model::floorDiv(local, model::kMicrosPerDay);
    const std::int64_t hour = (local - localDay * model::kMicrosPerDay) / kMicrosPerHour;
    const std::int64_t weekday = (localDay % 7 + 11) % 7;  // 0 = Sunday; 1970-01-01: Thursday
    const bool weekend = weekday == 0 || weekday == 6;
    const bool afterHours = !weekend && (hour < 8 || hour >= 18);
    out.weekendActions += weekend;
    out.afterHoursActions += afterHours;
    const bool known = log.platform[e] != model::Platform::Unknown;
    const bool mobile = log.platform[e] == model::Platform::Mobile;
    out.knownPlatform += known;
    out.mobile += mobile;
    if (weekend || afterHours) {
      out.offHoursKnown += known;
      out.offHoursMobile += mobile;
    }
  }
  out.activeDays = scan.days.size();
  for (const auto a : weekActions) {
    out.actions12 += a;
    out.activeWeeks12 += a > 0;
  }
  const double perWeek = static_cast<double>(out.actions12) / 12.0;
  if (perWeek >= 15 && out.activeWeeks12 >= 9) {
    out.segment = Segment::Power;
  } else if (out.activeWeeks12 >= 9) {
    out.segment = Segment::Habitual;
  } else if (perWeek >= 1) {
    out.segment = Segment::Novice;
  } else if (out.actions12 > 0) {
    out.segment = Segment::Low;
  }
  for (const auto a : scan.toolActions) out.tools += a > 0;
  out.activeLast28 = !scan.days.empty() && scan.days.back() > frame.lastDay - 28;
  // Tried then abandoned / struggling, from the registration day (else the first action's).
  const auto& person = log.people[who];
  const std::int64_t registered = person.registered
                                      ? model::floorDiv(*person.registered, model::kMicrosPerDay)
                                  : scan.days.empty() ? frame.firstDay
                                                      : scan.days.front();
  const std::int64_t observed = std::max(registered, frame.firstDay);
  out.registered = registered * model::kMicrosPerDay;
  const bool triedEarly =
      std::any_of(scan.days.begin(), scan.days.end(),
                  [observed](std::int64_t d) { return d >= observed && d < observed + 14; });
  out.abandoned = triedEarly && !out.activeLast28;
  out.struggling = registered <= frame.lastDay - 28 && scan.days.size() <= 2;
}

}  // namespace detail
}  // namespace orglens::analysis
