#include "samples/work_clock.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace orglens::samples {

ZoneClock::ZoneClock(const std::string& zoneName, std::int64_t fromUtc, std::int64_t toUtc)
    : m_name(zoneName) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(zoneName);
  } catch (const std::exception& error) {
    throw std::runtime_error("time zone '" + zoneName + "' is not in the OS tz database (" +
                             error.what() + "); install tzdata");
  }
  std::int64_t at = fromUtc;
  for (;;) {
    const date::sys_info info = zone->get_info(date::sys_seconds{std::chrono::seconds{at}});
    m_begins.push_back(m_begins.empty() ? INT64_MIN : at);
    m_offsets.push_back(info.offset.count());
    const std::int64_t end = info.end.time_since_epoch().count();
    if (end <= at || end > toUtc) break;  // last period covers the rest
    at = end;
  }
}

std::int64_t ZoneClock::offsetAtUtc(std::int64_t utc) const {
  const auto after = std::upper_bound(m_begins.begin(), m_begins.end(), utc);
  return m_offsets[static_cast<std::size_t>(after - m_begins.begin()) - 1];
}

std::int64_t ZoneClock::toUtc(std::int64_t local) const {
  // Guess with the offset at the same numeric instant, then correct once.
  const std::int64_t guess = local - offsetAtUtc(local);
  return local - offsetAtUtc(guess);
}

std::int64_t scheduleWork(const ZoneClock& clock, bool worksWeekends, std::int64_t readyUtc,
                          std::int64_t durationSeconds) {
  const std::int64_t local = clock.toLocal(readyUtc);
  std::int64_t day = floorDiv(local, kSecondsPerDay);
  std::int64_t timeOfDay = local - day * kSecondsPerDay;
  for (;;) {
    if (worksWeekends || !isWeekend(day)) {
      const std::int64_t begin = std::max(timeOfDay, kWorkdayBegin);
      if (begin + durationSeconds <= kWorkdayEnd) return clock.toUtc(day * kSecondsPerDay + begin);
    }
    ++day;
    timeOfDay = 0;
  }
}

std::optional<std::int64_t> parseDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (std::size_t i = starts[part]; i < starts[part] + lengths[part]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[part] = parts[part] * 10 + (text[i] - '0');
    }
  }
  const date::year_month_day ymd{date::year{parts[0]}, date::month{static_cast<unsigned>(parts[1])},
                                 date::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

std::string formatDay(std::int64_t day) {
  const date::year_month_day ymd{date::sys_days{date::days{day}}};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string formatLocalTime(const ZoneClock& clock, std::int64_t utc) {
  const std::int64_t offset = clock.offsetAtUtc(utc);
  const std::int64_t local = utc + offset;
  const std::int64_t day = floorDiv(local, kSecondsPerDay);
  const std::int64_t timeOfDay = local - day * kSecondsPerDay;
  const std::int64_t offsetMinutes = (offset < 0 ? -offset : offset) / 60;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%c%02d:%02d", formatDay(day).c_str(),
                static_cast<int>(timeOfDay / 3600), static_cast<int>(timeOfDay / 60 % 60),
                static_cast<int>(timeOfDay % 60), offset < 0 ? '-' : '+',
                static_cast<int>(offsetMinutes / 60), static_cast<int>(offsetMinutes % 60));
  return buffer;
}

}  // namespace orglens::samples
