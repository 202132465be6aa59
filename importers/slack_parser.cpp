#include "importers/slack_parser.h"

#include <simdjson.h>

#include <charconv>

namespace orglens::importers {
namespace {

namespace dom = simdjson::dom;

/// A string member, or an empty view when it is absent or of another type: exports differ in
/// which fields they carry, and a missing one is never fatal here.
std::string_view stringOf(dom::object object, std::string_view key) {
  std::string_view out;
  if (object[key].get_string().get(out)) return {};
  return out;
}

bool boolOf(dom::object object, std::string_view key) {
  bool out = false;
  if (object[key].get_bool().get(out)) return false;
  return out;
}

/// Seconds as a JSON integer or as a string of digits (channels.json has both forms).
std::optional<std::int64_t> secondsOf(dom::object object, std::string_view key) {
  std::int64_t n = 0;
  if (!object[key].get_int64().get(n)) return n;
  const std::string_view s = stringOf(object, key);
  if (s.empty()) return std::nullopt;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return n;
}

void readReactions(dom::object message, std::vector<SlackReaction>& out) {
  dom::array reactions;
  if (message["reactions"].get_array().get(reactions)) return;
  for (dom::element r : reactions) {
    dom::object o;
    if (r.get_object().get(o)) continue;
    SlackReaction reaction;
    reaction.name = stringOf(o, "name");
    dom::array users;
    if (!o["users"].get_array().get(users))
      for (dom::element u : users) {
        std::string_view id;
        if (!u.get_string().get(id) && !id.empty()) reaction.users.push_back(id);
      }
    out.push_back(std::move(reaction));
  }
}

void addFile(dom::element e, std::vector<SlackFile>& out) {
  dom::object o;
  if (e.get_object().get(o)) return;
  SlackFile file{stringOf(o, "id"), stringOf(o, "title")};
  if (file.name.empty()) file.name = stringOf(o, "name");
  if (!file.id.empty()) out.push_back(file);
}

void readFiles(dom::object message, std::vector<SlackFile>& out) {
  dom::array files;
  if (!message["files"].get_array().get(files))
    for (dom::element f : files) addFile(f, out);
  dom::element file;
  if (!message["file"].get(file)) addFile(file, out);
}

void readMessage(dom::object o, SlackMessage& m) {
  m.type = stringOf(o, "type");
  m.subtype = stringOf(o, "subtype");
  m.user = stringOf(o, "user");
  m.botId = stringOf(o, "bot_id");  // null in older exports' file shares: empty here
  m.ts = stringOf(o, "ts");
  m.threadTs = stringOf(o, "thread_ts");
  m.parentUserId = stringOf(o, "parent_user_id");
  dom::object comment;
  m.commentUser =
      o["comment"].get_object().get(comment) ? std::string_view() : stringOf(comment, "user");
  readReactions(o, m.reactions);
  readFiles(o, m.files);
}

std::string jsonError(simdjson::error_code error) {
  return std::string("not valid JSON (") + simdjson::error_message(error) + ")";
}

/// The document's root array; false with `error` set when the text is not a JSON array.
bool rootArray(dom::parser& parser, std::string_view json, std::string_view what, dom::array& out,
               std::string& error) {
  dom::element root;
  if (auto e = parser.parse(json.data(), json.size(), true).get(root)) {
    error = jsonError(e);
    return false;
  }
  if (root.get_array().get(out)) {
    error = "not a JSON array of " + std::string(what);
    return false;
  }
  return true;
}

}  // namespace

struct SlackDayParser::Impl {
  dom::parser parser;
  SlackMessage message;  // reused: its vectors keep their capacity between messages
};

SlackDayParser::SlackDayParser() : m_impl(std::make_unique<Impl>()) {}
SlackDayParser::~SlackDayParser() = default;

std::string SlackDayParser::parse(std::string_view json, const SlackMessageCallback& onMessage) {
  dom::element root;
  // realloc_if_needed: the text is copied into the parser's reused padded buffer.
  if (auto error = m_impl->parser.parse(json.data(), json.size(), true).get(root))
    return jsonError(error);
  dom::array array;
  if (root.get_array().get(array)) return "not a JSON array of messages";
  SlackMessage& m = m_impl->message;
  std::size_t index = 0;
  for (dom::element e : array) {
    m = SlackMessage{};
    m.index = index++;
    dom::object o;
    m.isObject = !e.get_object().get(o);
    if (m.isObject) readMessage(o, m);
    onMessage(m);
  }
  return {};
}

std::string parseSlackDay(std::string_view json, const SlackMessageCallback& onMessage) {
  SlackDayParser parser;
  return parser.parse(json, onMessage);
}

std::vector<SlackUser> parseSlackUsers(std::string_view json, std::string& error) {
  dom::parser parser;
  dom::array array;
  if (!rootArray(parser, json, "users", array, error)) return {};
  std::vector<SlackUser> out;
  for (dom::element e : array) {
    dom::object o;
    if (e.get_object().get(o) || stringOf(o, "id").empty()) continue;
    SlackUser u;
    u.id = stringOf(o, "id");
    u.name = stringOf(o, "name");
    u.realName = stringOf(o, "real_name");
    u.timezone = stringOf(o, "tz");
    u.created = secondsOf(o, "created");
    u.deleted = boolOf(o, "deleted");
    u.isBot = boolOf(o, "is_bot");
    u.isAdmin = boolOf(o, "is_admin");
    dom::object profile;
    if (!o["profile"].get_object().get(profile)) {
      if (u.realName.empty()) u.realName = stringOf(profile, "real_name");
      u.email = stringOf(profile, "email");
    }
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<SlackChannel> parseSlackChannels(std::string_view json, std::string& error) {
  dom::parser parser;
  dom::array array;
  if (!rootArray(parser, json, "channels", array, error)) return {};
  std::vector<SlackChannel> out;
  for (dom::element e : array) {
    dom::object o;
    if (e.get_object().get(o) || stringOf(o, "id").empty()) continue;
    SlackChannel c;
    c.id = stringOf(o, "id");
    c.name = stringOf(o, "name");
    c.created = secondsOf(o, "created");
    c.archived = boolOf(o, "is_archived");
    dom::array members;
    if (!o["members"].get_array().get(members))
      for (dom::element m : members) {
        std::string_view id;
        if (!m.get_string().get(id) && !id.empty()) c.members.emplace_back(id);
      }
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<std::int64_t> parseSlackTs(std::string_view ts) {
  // Up to 11 integer digits keeps seconds * 1e6 inside int64 and covers the year 9999.
  constexpr std::int64_t kMaxSeconds = 253'402'300'799;  // 9999-12-31T23:59:59Z
  const auto dot = ts.find('.');
  const std::string_view whole = ts.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : ts.substr(dot + 1);
  if (whole.empty() || whole.size() > 11) return std::nullopt;
  if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  if (seconds > kMaxSeconds) return std::nullopt;
  std::int64_t micros = 0;
  std::int64_t scale = 100'000;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    micros += (c - '0') * scale;  // digits past the sixth have scale 0: truncated
    scale /= 10;
  }
  return seconds * 1'000'000 + micros;
}

}  // namespace orglens::importers
