#include "model/types.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace orglens::model {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

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
  const std::string s = lower(text);
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
  const std::string s = lower(text);
  if (s.empty()) return Platform::Unknown;
  // Mobile first: a mobile user agent often also names a desktop engine ("Mobile Safari").
  for (std::string_view m : {"mobile", "iphone", "ipad", "android", "ios", "phone", "tablet"})
    if (contains(s, m)) return Platform::Mobile;
  for (std::string_view w : {"web", "browser", "chrome", "firefox", "safari", "edge"})
    if (contains(s, w)) return Platform::Web;
  for (std::string_view d : {"desktop", "windows", "macos", "mac os", "linux", "win32", "outlook",
                             "thunderbird", "electron"})
    if (contains(s, d)) return Platform::Desktop;
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
  }
  return "name";
}

std::optional<AliasKind> parseAliasKind(std::string_view text) {
  for (auto k : {AliasKind::PersonKey, AliasKind::Email, AliasKind::ChatId, AliasKind::Resource,
                 AliasKind::GitAuthor, AliasKind::Name})
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
