// Local time for the simulator: UTC offsets from the OS time-zone database (date-tz) and
// the working-hours calendar. All instants are UTC seconds since 1970 (std::int64_t);
// "local" values are the same count shifted by the UTC offset, so day arithmetic is plain
// integer division.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::samples {

inline constexpr std::int64_t kSecondsPerDay = 86400;
inline constexpr std::int64_t kWorkdayBegin = 8 * 3600;  // 08:00 local
inline constexpr std::int64_t kWorkdayEnd = 18 * 3600;   // 18:00 local

/// UTC offsets of one IANA zone over a bounded period, looked up by binary search. Built once
/// from date-tz so that the hot simulation loop does not touch the tz database.
class ZoneClock {
 public:
  /// Throws std::runtime_error when the zone is not in the OS database.
  ZoneClock(const std::string& zoneName, std::int64_t fromUtc, std::int64_t toUtc);

  const std::string& name() const { return m_name; }
  std::int64_t offsetAtUtc(std::int64_t utc) const;
  std::int64_t toLocal(std::int64_t utc) const { return utc + offsetAtUtc(utc); }
  /// Exact for local times away from a DST transition (transitions happen at night, outside
  /// working hours, which is all the simulator converts back).
  std::int64_t toUtc(std::int64_t local) const;

 private:
  std::string m_name;
  std::vector<std::int64_t> m_begins;   // UTC start of each offset period, ascending
  std::vector<std::int64_t> m_offsets;  // seconds east of UTC
};

/// Floor division: days before 1970 must round down, not towards zero.
inline std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
  const std::int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

/// 0 = Sunday ... 6 = Saturday, for a day count since 1970-01-01 (a Thursday).
inline int weekdayOfDay(std::int64_t day) {
  return static_cast<int>(((day % 7) + 11) % 7);
}

inline bool isWeekend(std::int64_t day) {
  const int weekday = weekdayOfDay(day);
  return weekday == 0 || weekday == 6;
}

/// Earliest start >= readyUtc such that [start, start + duration] lies inside 08:00–18:00
/// local on a working day (Mon–Fri, or every day when worksWeekends). Requires
/// duration <= 10 h.
std::int64_t scheduleWork(const ZoneClock& clock, bool worksWeekends, std::int64_t readyUtc,
                          std::int64_t durationSeconds);

/// Days since 1970-01-01 of a strict YYYY-MM-DD date, or nothing when malformed or invalid.
std::optional<std::int64_t> parseDay(std::string_view text);

/// YYYY-MM-DD of a day count since 1970-01-01.
std::string formatDay(std::int64_t day);

/// ISO 8601 local time with offset, seconds precision: 2025-03-03T09:15:00+01:00.
std::string formatLocalTime(const ZoneClock& clock, std::int64_t utc);

}  // namespace orglens::samples
