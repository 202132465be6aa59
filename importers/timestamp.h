// Timestamp parsing for the importers: the handful of textual time formats found in event logs,
// converted to integer UTC microseconds with hand-written digit parsing (millions of rows).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace date {
class time_zone;
}

namespace orglens::importers {

/// Time as integer microseconds since 1970-01-01T00:00:00Z (the model's unit).
using MicrosUtc = std::int64_t;

/// Parses timestamps to UTC microseconds. Accepted (surrounding spaces/tabs trimmed):
///  - `YYYY-MM-DD[(T| )HH:MM[:SS[.f]]]` and `YYYY/MM/DD[ HH:MM[:SS[.f]]]`;
///  - `DD-MM-YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`, each with an optional ` HH:MM[:SS[.f]]`
///    (month first after setDayFirst(false)); day, month and hour may have one digit;
///  - after a time: nothing (naive), `Z`, `UTC`, `+HH:MM`, `+HHMM`, `+HH` or `-…`, optionally
///    after one space;
///  - epoch seconds `[-]digits[.fraction]` (up to 11 digits) and epoch milliseconds (12 to 15
///    digits, optional fraction).
/// Fractions have 1–9 digits and are truncated to microseconds; `24:00[:00]` is the end of
/// the day; second 60 (leap second) is read as 59.
///
/// Naive times are local times in the configured zone (UTC when none). A local time that
/// occurs twice (DST fall-back) takes the earlier instant; one that does not exist (DST
/// spring-forward gap) is shifted forward by the gap (Berlin 2025-03-30 02:30 reads as 03:30
/// CEST). Both amount to using the UTC offset in effect just before the transition.
///
/// setTimezone() precomputes the zone's transitions for 1800–2200, so parse() is const,
/// thread-safe and does no tz database lookup inside that range. Past the last transition listed
/// in the zone's file (2037 in Debian's), the file's POSIX-rule footer supplies the transitions,
/// which date-tz ignores (only the `Mm.w.d` rule form is read; zones using others keep their
/// last offset, as do times after 2200).
class TimestampParser {
 public:
  /// `timezone`: IANA name used for naive (offset-less) times; empty = UTC. Returns false and
  /// sets error ("unknown time zone 'Europe/Berlinn'") if unknown; the parser is then unchanged.
  bool setTimezone(const std::string& timezone, std::string& error);
  /// Day-first vs month-first for the DD-MM-YYYY family (default day-first).
  void setDayFirst(bool dayFirst) { m_dayFirst = dayFirst; }
  /// Parses one timestamp; nullopt when it is not a recognised time (the caller emits a
  /// diagnostic). Only instants in the years 0001..9999 UTC are accepted. O(length), plus
  /// O(log transitions) for naive times in a zone with DST.
  std::optional<MicrosUtc> parse(std::string_view text) const;

 private:
  // From local second `localStart` on, local times map to UTC with `offset` (seconds east).
  struct LocalRule {
    std::int64_t localStart;
    std::int32_t offset;
  };
  void buildRules(const date::time_zone& zone);
  std::int64_t offsetForLocal(std::int64_t localSeconds) const;
  std::optional<MicrosUtc> parseUnchecked(std::string_view text) const;

  const date::time_zone* m_zone = nullptr;  // nullptr: UTC
  std::vector<LocalRule> m_rules;           // sorted by localStart; empty for fixed zones
  std::int32_t m_initialOffset = 0;         // seconds, before the first rule
  std::int64_t m_rulesBegin = 0;            // local seconds covered by m_rules:
  std::int64_t m_rulesEnd = 0;              // [m_rulesBegin, m_rulesEnd)
  bool m_dayFirst = true;
};

}  // namespace orglens::importers
