#include "reports/markdown_text.h"

#include <cctype>
#include <cstdint>

namespace orglens::reports::markdown {
namespace {

constexpr std::string_view kActive = "\\`*_[]<>|~$";  // backslash-escaped wherever they are

bool isAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True when the '&' at `i` starts something CommonMark reads as an entity ("&amp;", "&#38;"),
// the only case where a bare '&' changes the text; "Support & Care" stays readable.
bool startsEntity(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') ++j;
  const std::size_t first = j;
  while (j < s.size() && isAsciiAlnum(s[j])) ++j;
  return j > first && j < s.size() && s[j] == ';';
}

bool keepCodePoint(std::uint32_t cp) {
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, arrows, maths, symbols
  if (cp >= 0x2E00 && cp <= 0x303F) return false;  // supplemental and CJK punctuation
  if (cp >= 0x1F000) return false;                 // emoji and pictographs
  if (cp >= 0x80 && cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  return cp != 0xD7 && cp != 0xF7;  // × and ÷
}

std::string slugify(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (isAsciiAlnum(static_cast<char>(c))) out += static_cast<char>(std::tolower(c));
      if (c == ' ' || c == '-') out += '-';
      if (c == '_') out += '_';
      ++i;
      continue;
    }
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || i + len > s.size()) {  // not UTF-8: no letter to keep
      ++i;
      continue;
    }
    std::uint32_t cp = c & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (keepCodePoint(cp)) {
      if (cp >= 0xC0 && cp <= 0xDE) {  // Latin-1 capital: its small letter is 0x20 above
        cp += 0x20;
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out.append(s.substr(i, len));
      }
    }
    i += len;
  }
  return out;
}
}  // namespace

std::string escapeInline(std::string_view s, std::string_view newline) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (kActive.find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else if (c == '&') {
      out += startsEntity(s, i) ? "\\&" : "&";
    } else if (c == '\n') {
      out += newline;
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
      out += c;  // other control characters are invisible: dropped
    }
  }
  return out;
}

std::string escapeLineStart(std::string line) {
  line.erase(0, line.find_first_not_of(' ') == std::string::npos ? line.size()
                                                                 : line.find_first_not_of(' '));
  if (line.empty()) return line;
  if (line[0] == '#' || line[0] == '-' || line[0] == '+' || line[0] == '=') return '\\' + line;
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')'))
    line.insert(digits, "\\");
  return line;
}

std::string escapeParagraph(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += (start ? "\n" : "") + escapeLineStart(escapeInline(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

std::string codeSpan(const std::string& text) {
  const bool tick = text.find('`') != std::string::npos;
  std::string body = tick ? "`` " + text + " ``" : "`" + text + "`";
  std::string out;
  for (char c : body) out += c == '|' ? "\\|" : std::string(1, c);  // GFM table cells
  return out;
}

// Heading anchors as GitHub computes them: lower-case, punctuation and symbols dropped,
// spaces to '-', repeats numbered "-1", "-2". Non-ASCII letters are kept and Unicode
// punctuation/symbol blocks (arrows, dashes, ×) dropped; an approximation without tables.
std::string HeadingAnchors::slug(std::string_view heading) {
  const std::string base = slugify(heading);
  std::string result = base;
  while (m_used.count(result)) result = base + "-" + std::to_string(++m_used[base]);
  m_used[result] = 0;
  return result;
}

}  // namespace orglens::reports::markdown
