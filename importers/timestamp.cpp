#include "importers/timestamp.h"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <iterator>

namespace orglens::importers {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr int kMaxFractionDigits = 9;      // nanoseconds; digits past the sixth are truncated
constexpr int kMaxEpochSecondDigits = 11;  // 12 or more digits are epoch milliseconds
constexpr int kMaxEpochMilliDigits = 15;   // ~ year 33658; keeps ms * 1000 inside int64

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Inverse of daysFromCivil (H. Hinnant's civil_from_days).
void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

unsigned daysInMonth(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool isDigit(char c) {
  return static_cast<unsigned char>(c - '0') <= 9;
}

// Forward-only cursor over the timestamp text.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : m_p(s.data()), m_end(s.data() + s.size()) {}
  bool atEnd() const { return m_p == m_end; }
  char peek() const { return m_p < m_end ? *m_p : '\0'; }
  bool accept(char c) {
    if (m_p == m_end || *m_p != c) return false;
    ++m_p;
    return true;
  }
  /// Reads between minDigits and maxDigits digits into value; false (nothing consumed) when
  /// fewer than minDigits are there.
  bool digits(int minDigits, int maxDigits, int& value, int* count = nullptr) {
    const char* p = m_p;
    int v = 0;
    while (p < m_end && p - m_p < maxDigits && isDigit(*p)) v = v * 10 + (*p++ - '0');
    const auto n = static_cast<int>(p - m_p);
    if (n < minDigits) return false;
    m_p = p;
    value = v;
    if (count) *count = n;
    return true;
  }
  /// Reads 1–9 fraction digits as microseconds (truncating).
  bool fraction(std::int64_t& micros) {
    int value = 0;
    int count = 0;
    if (!digits(1, kMaxFractionDigits, value, &count) || isDigit(peek())) return false;
    for (int i = count; i < kMaxFractionDigits; ++i) value *= 10;
    micros = value / 1000;  // nanoseconds to microseconds
    return true;
  }

 private:
  const char* m_p;
  const char* m_end;
};

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
  std::vector<LocalRule> rules;
  date::sys_info info = zone.get_info(first);
  const auto initialOffset = static_cast<std::int32_t>(info.offset.count());
  while (info.end < last) {
    const date::sys_info next = zone.get_info(info.end);
    if (next.begin <= info.begin) break;  // no progress: corrupt data, stop rather than loop
    if (next.offset != info.offset) {
      const std::int64_t before = info.offset.count();
      const std::int64_t after = next.offset.count();
      rules.push_back({info.end.time_since_epoch().count() + std::max(before, after),
                       static_cast<std::int32_t>(after)});
    }
    info = next;
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

std::optional<MicrosUtc> TimestampParser::parse(std::string_view text) const {
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

std::string formatIsoUtc(MicrosUtc t) {
  const std::int64_t days = floorDiv(t, kSecondsPerDay * kMicrosPerSecond);
  const std::int64_t microsOfDay = t - days * kSecondsPerDay * kMicrosPerSecond;
  const std::int64_t secondOfDay = microsOfDay / kMicrosPerSecond;
  const auto micros = static_cast<long>(microsOfDay % kMicrosPerSecond);
  std::int64_t year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civilFromDays(days, year, month, day);
  char buffer[64];
  int n =
      std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02d:%02d:%02d",
                    static_cast<long long>(year), month, day, static_cast<int>(secondOfDay / 3600),
                    static_cast<int>(secondOfDay / 60 % 60), static_cast<int>(secondOfDay % 60));
  if (micros != 0) n += std::snprintf(buffer + n, sizeof buffer - n, ".%06ld", micros);
  std::snprintf(buffer + n, sizeof buffer - n, "Z");
  return buffer;
}

}  // namespace orglens::importers
