// Enumerations and value types of the object-centric model (an OCEL 2.0 superset).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "model/ids.h"

namespace orglens::model {

/// Time as integer microseconds since 1970-01-01T00:00:00Z (UTC). Every time in the model
/// uses this unit.
using MicrosUtc = std::int64_t;

/// Built-in object types; their TypeIds are fixed (the enum value). Logs may declare more
/// (custom types get ids from kFirstCustomType on).
enum class BuiltinType : std::uint32_t {
  Person = 0,
  Team = 1,
  Task = 2,
  Document = 3,
  Message = 4,
  Thread = 5,
  Tool = 6,
};
inline constexpr std::uint32_t kBuiltinTypeCount = 7;
constexpr TypeId typeId(BuiltinType t) {
  return TypeId(static_cast<std::uint32_t>(t));
}
/// Names of the built-in types, indexed by BuiltinType.
std::string_view builtinTypeName(BuiltinType t);

/// Lifecycle transition of an event (XES lifecycle extension, reduced).
enum class Lifecycle : std::uint8_t {
  Complete = 0,
  Start = 1,
  Schedule = 2,
  Assign = 3,
  Other = 4
};
std::string_view toString(Lifecycle l);
/// Maps an XES/CSV lifecycle word (case-insensitive: complete, start, schedule, assign, ...).
Lifecycle parseLifecycle(std::string_view text);

/// Device class an action was made from.
enum class Platform : std::uint8_t { Unknown = 0, Desktop = 1, Mobile = 2, Web = 3 };
std::string_view toString(Platform p);
/// Maps a platform word or a device/user-agent string ("iPhone", "Android" → mobile; "Windows",
/// "macOS", "Linux", "desktop" → desktop; "web", "browser" → web); unknown otherwise.
Platform parsePlatform(std::string_view text);

/// Kind of identity an alias is (how it was seen in a source).
enum class AliasKind : std::uint8_t {
  PersonKey = 0,  // a roster person id
  Email = 1,      // normalised e-mail address
  ChatId = 2,     // chat user id (e.g. Slack U123)
  Resource = 3,   // XES org:resource / CSV resource name
  GitAuthor = 4,  // git author name <email> when the e-mail is unusable
  Name = 5,       // display name (only used when a source has nothing better)
  /// GitHub login ("octocat"; case-insensitive, so stored in lower case).
  GithubLogin = 6,
};
std::string_view toString(AliasKind k);
std::optional<AliasKind> parseAliasKind(std::string_view text);

/// Severity of an import diagnostic.
enum class Severity : std::uint8_t { Info = 0, Warning = 1, Error = 2 };
std::string_view toString(Severity s);

/// A typed attribute value. Time values are MicrosUtc.
struct TimeValue {
  MicrosUtc micros = 0;
  friend bool operator==(const TimeValue&, const TimeValue&) = default;
};
using Value = std::variant<std::monostate, std::int64_t, double, bool, std::string, TimeValue>;
enum class ValueType : std::uint8_t { Null = 0, Int = 1, Real = 2, Bool = 3, String = 4, Time = 5 };
inline ValueType valueType(const Value& v) {
  return static_cast<ValueType>(v.index());
}

}  // namespace orglens::model
