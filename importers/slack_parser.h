// Slack workspace export, the JSON layer: users.json, channels.json and the per-channel day
// files (an array of messages each), read with simdjson DOM into plain records. The mapping to
// the model lives in slack_importer.cpp; this layer knows nothing of the model, so that the
// fuzzer can drive it alone.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::importers {

/// A member of the workspace (users.json).
struct SlackUser {
  std::string id;                       // "U061A1R2R"
  std::string name;                     // handle
  std::string realName;                 // real_name, else profile.real_name; may be empty
  std::string email;                    // profile.email; may be empty
  std::string timezone;                 // tz (IANA); may be empty
  std::optional<std::int64_t> created;  // seconds since 1970, when the export has it
  bool deleted = false;
  bool isBot = false;
  bool isAdmin = false;
};

/// A public channel (channels.json) or private one (groups.json).
struct SlackChannel {
  std::string id;    // "C061A0WJG"
  std::string name;  // also the name of the channel's folder
  std::vector<std::string> members;
  std::optional<std::int64_t> created;  // seconds; a number or a string of digits in exports
  bool archived = false;
};

struct SlackReaction {
  std::string_view name;  // emoji name
  std::vector<std::string_view> users;
};

struct SlackFile {
  std::string_view id;
  std::string_view name;  // title, else name
};

/// One element of a day file. Views point into the parser's document and are valid only
/// during the callback. Absent or non-string fields are empty views.
struct SlackMessage {
  std::size_t index = 0;  // 0-based position in the day's array (for diagnostics)
  bool isObject = true;   // false: the element is not a JSON object (nothing else is set)
  std::string_view type, subtype, user, botId, ts, threadTs, parentUserId;
  std::string_view commentUser;  // file_comment messages name the commenter here
  std::vector<SlackReaction> reactions;
  std::vector<SlackFile> files;  // `files` (newer exports) and `file` (older ones)
};

using SlackMessageCallback = std::function<void(const SlackMessage&)>;

/// Parses day files; keeps simdjson's buffers between files (an export has thousands).
class SlackDayParser {
 public:
  SlackDayParser();
  ~SlackDayParser();
  SlackDayParser(const SlackDayParser&) = delete;
  SlackDayParser& operator=(const SlackDayParser&) = delete;
  /// Calls `onMessage` for each element of the day's array, in order. Returns an empty string,
  /// or why the text is not a day file ("not valid JSON (...)", "not an array"); elements
  /// before a late JSON error may already have been delivered. O(size of json).
  std::string parse(std::string_view json, const SlackMessageCallback& onMessage);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// One-shot form of SlackDayParser::parse (fuzzer, tests).
std::string parseSlackDay(std::string_view json, const SlackMessageCallback& onMessage);

/// users.json; sets `error` (and returns nothing) when it is not a JSON array. Elements that
/// are not objects or have no id are left out.
std::vector<SlackUser> parseSlackUsers(std::string_view json, std::string& error);
/// channels.json / groups.json; as parseSlackUsers.
std::vector<SlackChannel> parseSlackChannels(std::string_view json, std::string& error);

/// A Slack `ts` ("1433558207.760577": seconds, '.', up to 6 fraction digits) as microseconds
/// since 1970, computed on integers so that no float rounding happens. More than 6 fraction
/// digits are truncated. nullopt when it is not of that form or past the year 9999.
std::optional<std::int64_t> parseSlackTs(std::string_view ts);

}  // namespace orglens::importers
