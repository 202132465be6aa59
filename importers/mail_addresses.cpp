// Address lists, message ids and thread subjects of e-mail headers, and the two body-line
// checks of the signature scan (see mail_headers.h).
#include <array>

#include "importers/mail_headers.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

using model::asciiLower;
using model::equalsNoCase;
using model::startsWithNoCase;

/// Header white space (no \v or \f).
constexpr std::string_view kSpace = " \t\r\n";

std::string_view trim(std::string_view s) {
  return model::trimAscii(s, kSpace);
}

/// Removes surrounding double quotes and backslash escapes of a display name.
std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::string(s);
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size()) ++i;
    out += s[i];
  }
  return out;
}

/// Splits at commas and semicolons outside quotes, <...> and (...); drops group names.
std::vector<std::string_view> splitAddresses(std::string_view text) {
  std::vector<std::string_view> out;
  bool quoted = false;
  int angle = 0, paren = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ',';  // a final separator ends the last entry
    if (quoted && i < text.size()) {
      if (c == '\\' && i + 1 < text.size())
        ++i;
      else if (c == '"')
        quoted = false;
      continue;
    }
    if (c == '"')
      quoted = true;
    else if (c == '<')
      ++angle;
    else if (c == '>' && angle > 0)
      --angle;
    else if (c == '(')
      ++paren;
    else if (c == ')' && paren > 0)
      --paren;
    else if (c == ':' && angle == 0 && paren == 0)
      start = i + 1;  // "group: a, b;"
    else if ((c == ',' || c == ';') && angle == 0 && paren == 0) {
      if (i > start) out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

std::vector<MailAddress> parseAddressList(std::string_view text, HeaderProblems& problems) {
  std::vector<MailAddress> out;
  for (auto entry : splitAddresses(text)) {
    MailAddress a;
    if (const auto lt = entry.rfind('<'); lt != std::string_view::npos) {
      const auto gt = entry.find('>', lt);
      a.address = trim(entry.substr(lt + 1, gt == std::string_view::npos ? gt : gt - lt - 1));
      a.name = decodeHeaderText(unquote(entry.substr(0, lt)), problems);
    } else if (const auto open = entry.find('('); open != std::string_view::npos) {
      const auto close = entry.rfind(')');
      const auto inner = close == std::string_view::npos || close < open
                             ? entry.substr(open + 1)
                             : entry.substr(open + 1, close - open - 1);
      a.address = trim(entry.substr(0, open));
      a.name = decodeHeaderText(unquote(inner), problems);
    } else {
      a.address = trim(entry);
    }
    a.name = std::string(trim(a.name));
    if (!a.address.empty()) out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> parseMessageIds(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    const auto end = text.find('>', pos);
    if (end == std::string_view::npos) break;
    std::string id;
    for (char c : text.substr(pos + 1, end - pos - 1))
      if (c != ' ' && c != '\t') id += c;
    if (!id.empty()) out.push_back(std::move(id));
    pos = end + 1;
  }
  if (out.empty()) {
    const auto word = trim(text).substr(0, trim(text).find_first_of(" \t"));
    if (word.find('@') != std::string_view::npos) out.emplace_back(word);
  }
  return out;
}

std::string threadSubject(std::string_view s) {
  static constexpr std::array<std::string_view, 8> kPrefixes = {"re", "fwd", "fw", "aw",
                                                                "wg", "sv",  "tr", "antw"};
  for (bool stripped = true; stripped;) {
    stripped = false;
    s = trim(s);
    if (!s.empty() && s[0] == '[' && s.find(']') != std::string_view::npos) {
      s.remove_prefix(s.find(']') + 1);
      stripped = true;
      continue;
    }
    for (auto p : kPrefixes) {
      if (s.size() <= p.size() || !equalsNoCase(s.substr(0, p.size()), p)) continue;
      auto rest = s.substr(p.size());
      if (!rest.empty() && (rest[0] == '[' || rest[0] == '(')) {  // Re[2]: / Re(2):
        const auto close = rest.find_first_of("])");
        if (close == std::string_view::npos) continue;
        rest.remove_prefix(close + 1);
      }
      rest = trim(rest);
      if (rest.empty() || rest[0] != ':') continue;
      s = rest.substr(1);
      stripped = true;
      break;
    }
  }
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : asciiLower(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

/// Short mobile signatures mail apps append ("Sent from my iPhone"), lowercase.
bool isMobileSignature(std::string_view line) {
  static constexpr std::string_view kSignatures[] = {"sent from my iphone",
                                                     "sent from my ipad",
                                                     "sent from my android",
                                                     "sent from my samsung",
                                                     "sent from my mobile",
                                                     "sent from my blackberry",
                                                     "sent from my huawei",
                                                     "sent from my sony",
                                                     "sent from my htc",
                                                     "von meinem iphone gesendet",
                                                     "von meinem ipad gesendet",
                                                     "von meinem android",
                                                     "envoyé de mon iphone",
                                                     "envoyé de mon ipad",
                                                     "sent from outlook for ios",
                                                     "sent from outlook for android",
                                                     "get outlook for ios",
                                                     "get outlook for android",
                                                     "sent from yahoo mail on android",
                                                     "sent from yahoo mail for iphone"};
  for (auto s : kSignatures)
    if (startsWithNoCase(line, s)) return true;
  return false;
}

/// A line that starts the quoted earlier message in a top-posted reply: a signature after it
/// belongs to someone else.
bool startsQuotedMessage(std::string_view line) {
  return startsWithNoCase(line, "-----original message") ||
         startsWithNoCase(line, "-----ursprüngliche nachricht") ||
         startsWithNoCase(line, "from: ") || startsWithNoCase(line, "________________") ||
         startsWithNoCase(line, "-------- original") ||
         (startsWithNoCase(line, "on ") && line.back() == ':');
}

}  // namespace orglens::importers
