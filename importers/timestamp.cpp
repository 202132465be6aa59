#include "importers/timestamp.h"

#include "importers/posix_tz.h"
#include "importers/text_scanner.h"
#include "model/time_format.h"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iterator>
#include <utility>

namespace orglens::importers {

using model::daysFromCivil;
using model::daysInMonth;
using model::floorDiv;

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr int kMaxEpochSecondDigits = 11;  // 12 or more digits are epoch milliseconds
constexpr int kMaxEpochMilliDigits = 15;   // ~ year 33658; keeps ms * 1000 inside int64

enum class ZoneKind { Naive, Utc, Offset };

struct DateTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::int64_t micros = 0;  // sub-second part
  ZoneKind zone = ZoneKind::Naive;
  int offsetSeconds = 0;  // east of UTC, for ZoneKind::Offset
};

// `[-]digits[.fraction]`: epoch seconds (≤ 11 digits) or milliseconds (12–15 digits).
std::optional<MicrosUtc> parseEpoch(std::string_view t) {
  std::size_t i = t[0] == '-' || t[0] == '+' ? 1 : 0;
  const bool negative = t[0] == '-';
  const std::size_t intStart = i;
  while (i < t.size() && isDigit(t[i])) ++i;
  const auto intDigits = static_cast<int>(i - intStart);
  if (intDigits == 0 || intDigits > kMaxEpochMilliDigits) return std::nullopt;
  const bool millis = intDigits > kMaxEpochSecondDigits;
  std::int64_t fractionMicros = 0;  // fraction of a second, in µs
  if (i < t.size()) {
    if (t[i] != '.') return std::nullopt;
    Scanner s(t.substr(i + 1));
    if (!s.fraction(fractionMicros) || !s.atEnd()) return std::nullopt;
  }
  std::int64_t value = 0;
  for (std::size_t k = intStart; k < intStart + static_cast<std::size_t>(intDigits); ++k) {
    value = value * 10 + (t[k] - '0');
  }
  // A fraction of a millisecond is a thousandth of the fraction of a second.
  const std::int64_t micros =
      millis ? value * 1000 + fractionMicros / 1000 : value * kMicrosPerSecond + fractionMicros;
  return negative ? -micros : micros;
}

// `YYYY-MM-DD`, `YYYY/MM/DD` (any of - / . as long as both separators agree) or the
// `DD-MM-YYYY` family with a day-first or month-first reading.
bool parseDate(Scanner& s, bool dayFirst, DateTime& dt) {
  int first = 0;
  int firstDigits = 0;
  if (!s.digits(1, 4, first, &firstDigits) || firstDigits == 3) return false;
  const char sep = s.peek();
  if ((sep != '-' && sep != '/' && sep != '.') || !s.accept(sep)) return false;
  int second = 0;
  int third = 0;
  if (firstDigits == 4) {
    dt.year = first;
    return s.digits(1, 2, dt.month) && s.accept(sep) && s.digits(1, 2, dt.day);
  }
  if (!s.digits(1, 2, second) || !s.accept(sep) || !s.digits(4, 4, third)) return false;
  dt.year = third;
  dt.day = dayFirst ? first : second;
  dt.month = dayFirst ? second : first;
  return true;
}

// `Z`, `UTC`, `+HH:MM`, `+HHMM`, `+HH`, `-…`, optionally after one space; or nothing.
bool parseZone(Scanner& s, DateTime& dt) {
  const bool spaced = s.accept(' ');
  if (s.atEnd()) return !spaced;
  if (s.accept('Z') || s.accept('z') || (s.accept('U') && s.accept('T') && s.accept('C'))) {
    dt.zone = ZoneKind::Utc;
    return s.atEnd();
  }
  const bool negative = s.peek() == '-';
  if (!s.accept('+') && !s.accept('-')) return false;
  int hours = 0;
  int minutes = 0;
  if (!s.digits(2, 2, hours)) return false;
  if (s.accept(':') ? !s.digits(2, 2, minutes) : !s.atEnd() && !s.digits(2, 2, minutes)) {
    return false;
  }
  if (hours > 23 || minutes > 59) return false;
  dt.zone = ZoneKind::Offset;
  dt.offsetSeconds = (negative ? -1 : 1) * (hours * 3600 + minutes * 60);
  return s.atEnd();
}

// `(T| +)H[H]:MM[:SS[.f]]` and a zone, or nothing (midnight, naive).
bool parseTimeAndZone(Scanner& s, DateTime& dt) {
  if (s.atEnd()) return true;
  if (!s.accept('T') && !s.accept('t')) {
    if (!s.accept(' ')) return false;
    while (s.accept(' ')) {
    }
  }
  if (!s.digits(1, 2, dt.hour) || !s.accept(':') || !s.digits(2, 2, dt.minute)) return false;
  if (s.accept(':')) {
    if (!s.digits(2, 2, dt.second)) return false;
    if ((s.accept('.') || s.accept(',')) && !s.fraction(dt.micros)) return false;
  }
  return parseZone(s, dt);
}

// Range checks; folds a leap second 60 into 59 (our unit has no leap seconds).
bool validate(DateTime& dt) {
  if (dt.month < 1 || dt.month > 12) return false;
  if (dt.day < 1 || static_cast<unsigned>(dt.day) > daysInMonth(dt.year, dt.month)) return false;
  const bool endOfDay = dt.hour == 24 && dt.minute == 0 && dt.second == 0 && dt.micros == 0;
  if ((dt.hour > 23 && !endOfDay) || dt.minute > 59 || dt.second > 60) return false;
  if (dt.second == 60) dt.second = 59;
  return true;
}

// Microseconds since the epoch of the wall-clock fields, as if they were UTC.
std::int64_t wallMicros(const DateTime& dt) {
  const std::int64_t days =
      daysFromCivil(dt.year, static_cast<unsigned>(dt.month), static_cast<unsigned>(dt.day));
  const std::int64_t seconds =
      days * kSecondsPerDay + dt.hour * 3600 + dt.minute * 60 + dt.second;  // 24:00 = next day
  return seconds * kMicrosPerSecond + dt.micros;
}

}  // namespace

bool TimestampParser::setTimezone(const std::string& timezone, std::string& error) {
  if (timezone.empty()) {
    m_zone = nullptr;
    m_rules.clear();
    m_initialOffset = 0;
    return true;
  }
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(timezone);
  } catch (const std::exception&) {
    error = "unknown time zone '" + timezone + "'";
    return false;
  }
  try {
    buildRules(*zone);
  } catch (const std::exception& e) {
    error = "cannot read time zone '" + timezone + "': " + e.what();
    return false;
  }
  m_zone = zone;
  return true;
}

// For each UTC transition T from offset a to b, local times before T + max(a, b) keep offset a:
// in a spring-forward gap that shifts the non-existent time forward by the gap, in a fall-back
// overlap it picks the earlier instant. So local→UTC is a step function of local time.
void TimestampParser::buildRules(const date::time_zone& zone) {
  using date::sys_days;
  using date::year;
  const date::sys_seconds first{sys_days{year{1800} / 1 / 1}};
  const date::sys_seconds last{sys_days{year{2200} / 1 / 1}};
  std::vector<std::pair<std::int64_t, std::int64_t>> changes;  // UTC second, offset after
  date::sys_info info = zone.get_info(first);
  const auto initialOffset = static_cast<std::int32_t>(info.offset.count());
  while (info.end < last) {
    const date::sys_info next = zone.get_info(info.end);
    if (next.begin <= info.begin) break;  // no progress: corrupt data, stop rather than loop
    changes.emplace_back(next.begin.time_since_epoch().count(), next.offset.count());
    info = next;
  }
  if (info.end >= last) {  // the file's transitions end before 2200: extend with its footer
    const auto more = footerTransitions(zone.name(), info.begin.time_since_epoch().count(),
                                        last.time_since_epoch().count());
    changes.insert(changes.end(), more.begin(), more.end());
  }
  std::vector<LocalRule> rules;
  std::int64_t before = initialOffset;
  for (const auto& [utc, after] : changes) {
    if (after != before) {
      rules.push_back({utc + std::max(before, after), static_cast<std::int32_t>(after)});
    }
    before = after;
  }
  m_rules = std::move(rules);
  m_initialOffset = initialOffset;
  // A day of margin: offsets near the range ends are left to the tz database.
  m_rulesBegin = first.time_since_epoch().count() + kSecondsPerDay;
  m_rulesEnd = last.time_since_epoch().count() - kSecondsPerDay;
}

std::int64_t TimestampParser::offsetForLocal(std::int64_t localSeconds) const {
  if (!m_zone) return 0;
  if (localSeconds >= m_rulesBegin && localSeconds < m_rulesEnd) {
    const auto it = std::upper_bound(
        m_rules.begin(), m_rules.end(), localSeconds,
        [](std::int64_t value, const LocalRule& rule) { return value < rule.localStart; });
    return it == m_rules.begin() ? m_initialOffset : std::prev(it)->offset;
  }
  try {  // rare: before 1800 or after 2200
    const auto info = m_zone->get_info(date::local_seconds{std::chrono::seconds{localSeconds}});
    return info.first.offset.count();  // before the transition, as in buildRules()
  } catch (const std::exception&) {
    return m_initialOffset;
  }
}

std::optional<MicrosUtc> TimestampParser::parseUnchecked(std::string_view text) const {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (const auto epoch = parseEpoch(text)) return epoch;

  Scanner s(text);
  DateTime dt;
  if (!parseDate(s, m_dayFirst, dt) || !parseTimeAndZone(s, dt) || !validate(dt)) {
    return std::nullopt;
  }
  const std::int64_t wall = wallMicros(dt);
  switch (dt.zone) {
    case ZoneKind::Utc:
      return wall;
    case ZoneKind::Offset:
      return wall - dt.offsetSeconds * kMicrosPerSecond;
    case ZoneKind::Naive:
      break;
  }
  return wall - offsetForLocal(floorDiv(wall, kMicrosPerSecond)) * kMicrosPerSecond;
}

std::optional<MicrosUtc> TimestampParser::parse(std::string_view text) const {
  // Only instants in years 0001..9999 UTC: everything an ISO 8601 text with a four-digit
  // year can say, so every parsed time formats (formatIsoUtc) and parses back to itself.
  constexpr MicrosUtc kFirst = model::daysFromCivil(1, 1, 1) * 86'400 * kMicrosPerSecond;
  constexpr MicrosUtc kEnd = model::daysFromCivil(10000, 1, 1) * 86'400 * kMicrosPerSecond;
  const auto t = parseUnchecked(text);
  if (!t || *t < kFirst || *t >= kEnd) return std::nullopt;
  return t;
}

}  // namespace orglens::importers
