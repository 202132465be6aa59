// Calendar arithmetic and ISO 8601 formatting for MicrosUtc times (proleptic Gregorian, UTC).
#pragma once

#include <cstdint>
#include <string>

#include "model/types.h"

namespace orglens::model {

inline constexpr MicrosUtc kMicrosPerSecond = 1'000'000;
inline constexpr MicrosUtc kMicrosPerDay = 86'400 * kMicrosPerSecond;

/// Days since 1970-01-01 of a civil date (month 1..12, day 1..31). Exact for any year in
/// the int range (era arithmetic on 400-year cycles).
constexpr std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};
/// Inverse of daysFromCivil.
constexpr CivilDate civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

/// Floor division (rounds towards minus infinity, unlike `/`).
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/// Days in a month of the proleptic Gregorian calendar (month 1..12).
constexpr unsigned daysInMonth(std::int64_t y, unsigned m) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return m == 2 && leap ? 29 : kDays[m - 1];
}

/// Floor division of a time into whole days (correct for times before 1970).
constexpr std::int64_t floorDays(MicrosUtc t) {
  return t >= 0 ? t / kMicrosPerDay : -((-t + kMicrosPerDay - 1) / kMicrosPerDay);
}

/// "2025-03-03T08:15:00Z", with ".123456" when the time has sub-second digits.
std::string formatIsoUtc(MicrosUtc t);
/// "2025-03-03" (UTC date).
std::string formatDateUtc(MicrosUtc t);

}  // namespace orglens::model
