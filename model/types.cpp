#include "model/types.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "model/text.h"

namespace orglens::model {

std::string_view builtinTypeName(BuiltinType t) {
  static constexpr std::array<std::string_view, kBuiltinTypeCount> names = {
      "person", "team", "task", "document", "message", "thread", "tool"};
  return names[static_cast<std::size_t>(t)];
}

std::string_view toString(Lifecycle l) {
  switch (l) {
    case Lifecycle::Complete:
      return "complete";
    case Lifecycle::Start:
      return "start";
    case Lifecycle::Schedule:
      return "schedule";
    case Lifecycle::Assign:
      return "assign";
    case Lifecycle::Other:
      return "other";
  }
  return "other";
}

Lifecycle parseLifecycle(std::string_view text) {
  const std::string s = asciiLower(text);
  if (s.empty() || s == "complete" || s == "completed" || s == "end") return Lifecycle::Complete;
  if (s == "start" || s == "started" || s == "begin") return Lifecycle::Start;
  if (s == "schedule" || s == "scheduled") return Lifecycle::Schedule;
  if (s == "assign" || s == "assigned" || s == "reassign") return Lifecycle::Assign;
  return Lifecycle::Other;
}

std::string_view toString(Platform p) {
  switch (p) {
    case Platform::Unknown:
      return "unknown";
    case Platform::Desktop:
      return "desktop";
    case Platform::Mobile:
      return "mobile";
    case Platform::Web:
      return "web";
  }
  return "unknown";
}

Platform parsePlatform(std::string_view text) {
  // Whole words only ("ios" must not match "Studios"); device names may carry model numbers
  // ("iPhone14,2"), so those match as prefixes. Mobile first: a mobile user agent also names
  // desktop engines ("like Mac OS X", "Mobile Safari").
  std::vector<std::string> words;
  std::string word;
  for (char c : asciiLower(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  auto any = [&words](std::initializer_list<std::string_view> exact,
                      std::initializer_list<std::string_view> prefixes) {
    for (const auto& w : words) {
      for (auto e : exact)
        if (w == e) return true;
      for (auto p : prefixes)
        if (w.rfind(p, 0) == 0) return true;
    }
    return false;
  };
  if (any({"mobile", "ios", "phone", "tablet", "smartphone"},
          {"iphone", "ipad", "android", "pixel", "galaxy"}))
    return Platform::Mobile;
  if (any({"web", "browser", "chrome", "firefox", "safari", "edge", "chromium"}, {}))
    return Platform::Web;
  if (any({"desktop", "windows", "macos", "mac", "linux", "win32", "win64", "outlook",
           "thunderbird", "electron", "macbook", "imac"},
          {}))
    return Platform::Desktop;
  return Platform::Unknown;
}

std::string_view toString(AliasKind k) {
  switch (k) {
    case AliasKind::PersonKey:
      return "person";
    case AliasKind::Email:
      return "email";
    case AliasKind::ChatId:
      return "chat";
    case AliasKind::Resource:
      return "resource";
    case AliasKind::GitAuthor:
      return "git";
    case AliasKind::Name:
      return "name";
    case AliasKind::GithubLogin:
      return "github";
  }
  return "name";
}

std::optional<AliasKind> parseAliasKind(std::string_view text) {
  for (auto k : {AliasKind::PersonKey, AliasKind::Email, AliasKind::ChatId, AliasKind::Resource,
                 AliasKind::GitAuthor, AliasKind::Name, AliasKind::GithubLogin})
    if (toString(k) == text) return k;
  return std::nullopt;
}

std::string_view toString(Severity s) {
  switch (s) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

}  // namespace orglens::model
