// POSIX TZ rules of zoneinfo footers, for the times after a zone's last listed transition.
#include "importers/posix_tz.h"

#include <algorithm>
#include <cstdio>

#include "importers/text_scanner.h"
#include "model/time_format.h"

namespace orglens::importers {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;

// ---- Zone rules past the last transition listed in a zoneinfo file ----------------------------
// date-tz reads the OS zoneinfo files without their footer, a POSIX TZ rule such as
// "CET-1CEST,M3.5.0,M10.5.0/3" that holds after the last listed transition
// (HowardHinnant/date#760). Debian's files list transitions up to 2037; "slim" files stop at the
// last rule change (1996 for Berlin), so the footer matters even for current times there.

struct PosixDate {  // Mm.w.d/time: weekday d (0 = Sunday) of week w (5 = last) of month m
  int month = 0;
  int week = 0;
  int weekday = 0;
  std::int64_t time = 7200;  // seconds after local midnight, in the offset before the change
};
struct PosixRule {
  std::int64_t stdOffset = 0;  // seconds east of UTC
  std::int64_t dstOffset = 0;
  PosixDate start;  // into DST
  PosixDate end;    // back to standard time
};

// Zone abbreviation: 3+ letters or <...>.
bool skipPosixName(Scanner& s) {
  if (s.accept('<')) {
    while (!s.atEnd() && !s.accept('>')) s.skip();
    return true;
  }
  int letters = 0;
  for (; (s.peek() | 0x20) >= 'a' && (s.peek() | 0x20) <= 'z'; ++letters) s.skip();
  return letters >= 3;
}

// [+-]h[hh][:mm[:ss]] as seconds.
bool parsePosixTime(Scanner& s, std::int64_t& seconds) {
  const bool negative = s.accept('-');
  if (!negative) s.accept('+');
  int h = 0, m = 0, sec = 0;
  if (!s.digits(1, 3, h)) return false;
  if (s.accept(':') && (!s.digits(2, 2, m) || (s.accept(':') && !s.digits(2, 2, sec)))) {
    return false;
  }
  seconds = (negative ? -1 : 1) * (h * 3600 + m * 60 + sec);
  return true;
}

// Only the Mm.w.d form: the Jn and n forms are not used by current zones with DST.
bool parsePosixDate(Scanner& s, PosixDate& d) {
  if (!s.accept(',') || !s.accept('M') || !s.digits(1, 2, d.month) || !s.accept('.') ||
      !s.digits(1, 1, d.week) || !s.accept('.') || !s.digits(1, 1, d.weekday)) {
    return false;
  }
  if (d.month < 1 || d.month > 12 || d.week < 1 || d.week > 5 || d.weekday > 6) return false;
  return !s.accept('/') || parsePosixTime(s, d.time);
}

// True for a rule with DST (a rule without DST just continues the last offset, as date-tz does).
bool parsePosixRule(std::string_view text, PosixRule& rule) {
  Scanner s(text);
  std::int64_t value = 0;
  if (!skipPosixName(s) || !parsePosixTime(s, value)) return false;
  rule.stdOffset = -value;  // POSIX counts west of UTC
  if (s.atEnd() || !skipPosixName(s)) return false;
  rule.dstOffset = rule.stdOffset + 3600;
  if (s.peek() != ',') {
    if (!parsePosixTime(s, value)) return false;
    rule.dstOffset = -value;
  }
  return parsePosixDate(s, rule.start) && parsePosixDate(s, rule.end) && s.atEnd();
}

// The footer of a TZif v2+ file: the text between its last two newlines.
std::string readTzifFooter(const std::string& zoneName) {
  const std::string path = "/usr/share/zoneinfo/" + zoneName;  // date-tz's directory on Unix
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return {};
  char header[5] = {};
  char tail[256];
  std::size_t got = 0;
  if (std::fread(header, 1, 5, file) == 5 && std::string_view(header, 4) == "TZif" &&
      header[4] >= '2' && std::fseek(file, 0, SEEK_END) == 0) {
    const long size = std::ftell(file);
    const long from = std::max(0L, size - static_cast<long>(sizeof tail));
    if (size > 0 && std::fseek(file, from, SEEK_SET) == 0)
      got = std::fread(tail, 1, sizeof tail, file);
  }
  std::fclose(file);
  const std::string_view text(tail, got);
  if (got < 2 || text.back() != '\n') return {};
  const std::size_t start = text.rfind('\n', got - 2);
  return start == std::string_view::npos ? std::string{}
                                         : std::string(text.substr(start + 1, got - start - 2));
}

// UTC second at which `d` happens in `year`, `offset` being the local offset before it.
std::int64_t posixTransition(std::int64_t year, const PosixDate& d, std::int64_t offset) {
  const std::int64_t first = model::daysFromCivil(year, static_cast<unsigned>(d.month), 1);
  const std::int64_t firstWeekday = (first % 7 + 7 + 4) % 7;  // 1970-01-01 was a Thursday
  std::int64_t day = (d.weekday - firstWeekday + 7) % 7 + (d.week - 1) * 7;
  while (day >= model::daysInMonth(year, static_cast<unsigned>(d.month)))
    day -= 7;  // week 5 = last
  return (first + day) * kSecondsPerDay + d.time - offset;
}

// Transitions (UTC second, offset after) of the zone's footer rule in (after, until), sorted.
}  // namespace

std::vector<std::pair<std::int64_t, std::int64_t>> footerTransitions(const std::string& zoneName,
                                                                     std::int64_t after,
                                                                     std::int64_t until) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  PosixRule rule;
  if (!parsePosixRule(readTzifFooter(zoneName), rule)) return out;
  std::int64_t year = model::civilFromDays(model::floorDiv(after, kSecondsPerDay)).year;
  for (; out.empty() || out.back().first < until; ++year) {
    const std::pair<std::int64_t, std::int64_t> pair[] = {
        {posixTransition(year, rule.start, rule.stdOffset), rule.dstOffset},
        {posixTransition(year, rule.end, rule.dstOffset), rule.stdOffset}};
    const bool southern = pair[1].first < pair[0].first;  // DST spans the new year
    for (const auto& t : {pair[southern ? 1 : 0], pair[southern ? 0 : 1]}) {
      if (t.first > after) out.push_back(t);
    }
  }
  return out;
}

}  // namespace orglens::importers
