#include "importers/mail_headers.h"

#include <array>
#include <cctype>

#include "model/text.h"

namespace orglens::importers {
namespace {

using model::asciiLower;
using model::equalsNoCase;

/// Header white space (no \v or \f).
constexpr std::string_view kSpace = " \t\r\n";

std::string_view trim(std::string_view s) {
  return model::trimAscii(s, kSpace);
}

void appendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// windows-1252 to UTF-8; its 0x80..0x9F block differs from latin1 (undefined bytes map to
/// the C1 control of the same value, as Python's "cp1252" with errors would not).
void appendCp1252(std::string& out, std::string_view bytes, bool latin1) {
  static constexpr std::array<std::uint16_t, 32> k80 = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  for (unsigned char c : bytes) {
    const bool c1 = c >= 0x80 && c < 0xA0;
    appendUtf8(out, (c1 && !latin1) ? k80[c - 0x80] : c);
  }
}

/// Appends header bytes given without a charset: UTF-8 when valid, else windows-1252.
void appendRaw(std::string& out, std::string_view bytes, HeaderProblems& problems) {
  if (isUtf8(bytes)) {
    out += bytes;
    return;
  }
  problems.badEncoding = true;
  appendCp1252(out, bytes, false);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = asciiLower(c);
  return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

bool decodeQ(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      out += ' ';
    } else if (text[i] == '=') {
      if (i + 2 >= text.size()) return false;
      const int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return true;
}

bool decodeB(std::string_view text, std::string& out) {
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    else if (c == '=')
      break;
    else
      return false;
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    if ((count += 6) >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return true;
}

/// Decodes one encoded word's payload into UTF-8; false when it must be kept raw.
bool decodeWord(std::string_view charset, char encoding, std::string_view text, std::string& out,
                HeaderProblems& problems) {
  std::string cs;
  for (char c : charset.substr(0, charset.find('*'))) cs += asciiLower(c);  // RFC 2231 language
  const bool utf8 = cs == "utf-8" || cs == "utf8";
  const bool latin1 = cs == "iso-8859-1" || cs == "latin1" || cs == "iso_8859-1" || cs == "l1";
  const bool cp1252 = cs == "windows-1252" || cs == "cp1252";
  const bool ascii = cs == "us-ascii" || cs == "ascii";
  if (!utf8 && !latin1 && !cp1252 && !ascii) {
    problems.unsupportedCharsets.push_back(cs);
    return false;
  }
  std::string bytes;
  const char e = asciiLower(encoding);
  if (!(e == 'b' ? decodeB(text, bytes) : e == 'q' ? decodeQ(text, bytes) : false)) {
    problems.badEncoding = true;
    return false;
  }
  if (latin1 || cp1252)
    appendCp1252(out, bytes, latin1);
  else
    appendRaw(out, bytes, problems);  // utf-8, or us-ascii with stray 8-bit bytes
  return true;
}

/// Parses `=?charset?e?text?=` at `pos`; returns its end (past "?=") or npos.
std::size_t encodedWordEnd(std::string_view s, std::size_t pos, std::string_view& charset,
                           char& encoding, std::string_view& text) {
  const auto q1 = s.find('?', pos + 2);
  if (q1 == std::string_view::npos || q1 + 3 >= s.size() || s[q1 + 2] != '?') return s.npos;
  const auto end = s.find("?=", q1 + 3);
  if (end == std::string_view::npos) return s.npos;
  charset = s.substr(pos + 2, q1 - pos - 2);
  encoding = s[q1 + 1];
  text = s.substr(q1 + 3, end - q1 - 3);
  if (charset.empty() || text.find_first_of(" \t") != std::string_view::npos) return s.npos;
  return end + 2;
}

std::optional<int> monthIndex(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (t.size() < 3) return std::nullopt;
  for (int m = 0; m < 12; ++m)
    if (equalsNoCase(t.substr(0, 3), kMonths[m])) return m + 1;
  return std::nullopt;
}

bool isDayName(std::string_view t) {
  static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu",
                                                            "fri", "sat", "sun"};
  if (t.size() < 3) return false;
  for (auto d : kDays)
    if (equalsNoCase(t.substr(0, 3), d)) return true;
  return false;
}

std::optional<int> number(std::string_view t, std::size_t minDigits, std::size_t maxDigits) {
  if (t.size() < minDigits || t.size() > maxDigits) return std::nullopt;
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

/// Zone offset in seconds east of UTC; nullopt for an unknown zone word.
std::optional<int> zoneOffset(std::string_view z) {
  if (z.size() >= 4 && (z.substr(0, 3) == "GMT" || z.substr(0, 3) == "UTC") &&
      (z[3] == '+' || z[3] == '-'))
    z.remove_prefix(3);
  if (!z.empty() && (z[0] == '+' || z[0] == '-')) {
    std::string digits;
    for (char c : z.substr(1))
      if (c != ':') digits += c;
    const auto v = number(digits, 4, 4);
    if (!v || *v / 100 > 23 || *v % 100 > 59) return std::nullopt;
    const int seconds = (*v / 100) * 3600 + (*v % 100) * 60;
    return z[0] == '-' ? -seconds : seconds;
  }
  static constexpr std::array<std::pair<std::string_view, int>, 11> kNamed = {{{"UT", 0},
                                                                               {"UTC", 0},
                                                                               {"GMT", 0},
                                                                               {"EST", -5},
                                                                               {"EDT", -4},
                                                                               {"CST", -6},
                                                                               {"CDT", -5},
                                                                               {"MST", -7},
                                                                               {"MDT", -6},
                                                                               {"PST", -8},
                                                                               {"PDT", -7}}};
  for (const auto& [name, hours] : kNamed)
    if (equalsNoCase(z, name)) return hours * 3600;
  if (z.size() == 1 && std::isalpha(static_cast<unsigned char>(z[0])) && asciiLower(z[0]) != 'j')
    return 0;
  return std::nullopt;
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct DateParts {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offset = 0;
};

bool readTime(std::string_view t, DateParts& p) {
  const auto h = number(t.substr(0, t.find(':')), 1, 2);
  if (!h || t.find(':') == std::string_view::npos) return false;
  t.remove_prefix(t.find(':') + 1);
  const auto colon = t.find(':');
  const auto m = number(t.substr(0, colon), 2, 2);
  const auto s =
      colon == std::string_view::npos ? std::optional<int>(0) : number(t.substr(colon + 1), 2, 2);
  if (!m || !s || *h > 23 || *m > 59 || *s > 60) return false;
  p.hour = *h;
  p.minute = *m;
  p.second = *s == 60 ? 59 : *s;  // a leap second reads as :59
  return true;
}

bool readYear(std::string_view t, DateParts& p) {
  const auto y = number(t, 2, 4);
  if (!y) return false;
  p.year = t.size() == 4 ? *y : t.size() == 3 ? *y + 1900 : *y < 50 ? *y + 2000 : *y + 1900;
  return true;
}

std::vector<std::string_view> dateTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size() && tokens.size() < 8) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == ',') {
      ++i;
    } else if (c == '(') {
      break;  // a trailing comment: "(CET)"
    } else {
      const auto end = std::min(text.find_first_of(" \t,(", i), text.size());
      tokens.push_back(text.substr(i, end - i));
      i = end;
    }
  }
  return tokens;
}

}  // namespace

bool isUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + static_cast<std::size_t>(n) >= s.size()) return false;
    std::uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

void forEachHeaderField(std::string_view block,
                        const std::function<void(std::string_view, std::string_view)>& onField) {
  std::string_view name;
  std::string value;
  bool open = false;
  auto flush = [&] {
    if (open) onField(name, trim(value));
    open = false;
  };
  while (!block.empty()) {
    const auto nl = block.find('\n');
    std::string_view line = block.substr(0, nl);
    block.remove_prefix(nl == std::string_view::npos ? block.size() : nl + 1);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (open) value += line;  // unfolding: only the line break goes
      continue;
    }
    flush();
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    name = trim(line.substr(0, colon));
    value.assign(line.substr(colon + 1));
    open = !name.empty() && name.find(' ') == std::string_view::npos;
  }
  flush();
}

std::optional<std::int64_t> parseMailDate(std::string_view text) {
  const auto tokens = dateTokens(text);
  std::size_t i = 0;
  if (i < tokens.size() && isDayName(tokens[i])) ++i;
  if (tokens.size() < i + 4) return std::nullopt;
  DateParts p;
  std::size_t zone;
  if (const auto month = monthIndex(tokens[i])) {  // ctime: Mon D HH:MM:SS YYYY [zone]
    const auto day = number(tokens[i + 1], 1, 2);
    if (!day || !readTime(tokens[i + 2], p) || !readYear(tokens[i + 3], p)) return std::nullopt;
    p.month = *month;
    p.day = *day;
    zone = i + 4;
  } else {  // RFC 5322: D Mon YYYY HH:MM[:SS] [zone]
    const auto day = number(tokens[i], 1, 2);
    const auto mon = monthIndex(tokens[i + 1]);
    if (!day || !mon || !readYear(tokens[i + 2], p) || !readTime(tokens[i + 3], p))
      return std::nullopt;
    p.day = *day;
    p.month = *mon;
    zone = i + 4;
  }
  if (p.day < 1 || p.day > 31 || p.year < 1) return std::nullopt;
  if (zone < tokens.size()) {
    const auto offset = zoneOffset(tokens[zone]);
    if (!offset) return std::nullopt;
    p.offset = *offset;
  }
  const std::int64_t days = daysFromCivil(p.year, p.month, p.day);
  const std::int64_t seconds = days * 86400 + p.hour * 3600 + p.minute * 60 + p.second - p.offset;
  return seconds * 1'000'000;
}

std::string decodeHeaderText(std::string_view s, HeaderProblems& problems) {
  std::string out;
  std::size_t pos = 0, afterWord = std::string_view::npos;
  while (pos < s.size()) {
    const auto start = s.find("=?", pos);
    std::string_view charset, text;
    char encoding = 0;
    const auto end =
        start == std::string_view::npos ? start : encodedWordEnd(s, start, charset, encoding, text);
    if (end == std::string_view::npos) {  // no further word: the rest is literal
      appendRaw(out, s.substr(pos, start == s.npos ? s.npos : start + 2 - pos), problems);
      pos = start == s.npos ? s.size() : start + 2;
      afterWord = s.npos;
      continue;
    }
    const auto gap = s.substr(pos, start - pos);
    // White space between two encoded words is not part of the text (RFC 2047 §6.2).
    if (!(afterWord == pos && trim(gap).empty())) appendRaw(out, gap, problems);
    if (!decodeWord(charset, encoding, text, out, problems))
      out.append(s.substr(start, end - start));
    pos = afterWord = end;
  }
  return out;
}

}  // namespace orglens::importers
