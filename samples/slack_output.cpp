// The Slack export, newer layout: users.json, channels.json and one folder per channel with a
// JSON array of messages per UTC day. Written by hand with stable key order; one object per
// line keeps the files diffable.
#include <algorithm>
#include <cstdio>

#include "samples/json_out.h"
#include "samples/collaboration.h"
#include "samples/file_sink.h"
#include "samples/message_texts.h"

namespace orglens::samples {
namespace {

constexpr const char* kWorkspaceId = "T0SAMPLE1";
constexpr const char* kBotId = "B0001";
constexpr const char* kBotName = "Standup Bot";

void appendString(std::string& out, std::string_view value) { json::quote(out, value); }

/// `"key": "value"` preceded by ", " unless it opens an object.
void field(std::string& out, std::string_view key, std::string_view value, bool first = false) {
  if (!first) out += ", ";
  appendString(out, key);
  out += ": ";
  appendString(out, value);
}

void rawField(std::string& out, std::string_view key, const std::string& value) {
  out += ", ";
  appendString(out, key);
  out += ": " + value;
}

std::string ts(const SlackMessage& message) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%lld.%06u", static_cast<long long>(message.time),
                message.micro);
  return buffer;
}

void writeUsers(const std::filesystem::path& path, const ActivityPlan& plan,
                const SlackWorkspace& slack) {
  FileSink sink(path);
  std::string& out = sink.buffer();
  out += "[\n";
  const auto& people = plan.org().people;
  const std::int64_t since = plan.firstDay() * kSecondsPerDay;
  for (std::size_t p = 0; p <= people.size() + 1; ++p) {
    const bool bot = p == people.size(), deleted = p == people.size() + 1;
    const bool person = !bot && !deleted;
    const std::string id = slackUserId(plan, bot       ? kBotUser
                                             : deleted ? kDeletedUser
                                                       : static_cast<int>(p));
    const std::string name = person ? people[p].name : bot ? kBotName : slack.deletedName;
    const std::string email = person ? people[p].email : deleted ? slack.deletedEmail : "";
    const ZoneClock& clock = plan.clockOf(person ? static_cast<int>(p) : 0);
    out += "    {";
    field(out, "id", id, true);
    field(out, "team_id", kWorkspaceId);
    field(out, "name", bot ? "standup-bot" : email.substr(0, email.find('@')));
    rawField(out, "deleted", deleted ? "true" : "false");
    field(out, "real_name", name);
    field(out, "tz", clock.name());
    rawField(out, "tz_offset", std::to_string(clock.offsetAtUtc(since)));
    out += ", \"profile\": {";
    field(out, "title", person ? people[p].role : "", true);
    field(out, "real_name", name);
    field(out, "display_name", name);
    if (!bot) field(out, "email", email);
    if (bot) field(out, "bot_id", kBotId);
    out += "}";
    rawField(out, "is_admin",
             p == static_cast<std::size_t>(plan.org().teams[0].lead) ? "true" : "false");
    rawField(out, "is_bot", bot ? "true" : "false");
    rawField(out, "updated", std::to_string(since - 86400));
    out += p == people.size() + 1 ? "}\n" : "},\n";
  }
  out += "]\n";
  sink.finish();
}

void writeChannels(const std::filesystem::path& path, const ActivityPlan& plan,
                   const SlackWorkspace& slack) {
  FileSink sink(path);
  std::string& out = sink.buffer();
  out += "[\n";
  for (std::size_t c = 0; c < slack.channels.size(); ++c) {
    const SlackChannel& channel = slack.channels[c];
    char id[32];
    std::snprintf(id, sizeof id, "C%04zu", c + 1);
    const std::string creator = slackUserId(plan, channel.creator);
    out += "    {";
    field(out, "id", id, true);
    field(out, "name", channel.name);
    rawField(out, "created", std::to_string(channel.created));
    field(out, "creator", creator);
    rawField(out, "is_archived", "false");
    rawField(out, "is_general", c == 0 ? "true" : "false");
    out += ", \"members\": [";
    for (std::size_t m = 0; m < channel.members.size(); ++m) {
      if (m > 0) out += ", ";
      appendString(out, slackUserId(plan, channel.members[m]));
    }
    out += "], \"topic\": {\"value\": \"\", \"creator\": \"\", \"last_set\": 0}";
    out += ", \"purpose\": {";
    field(out, "value", channel.purpose, true);
    field(out, "creator", creator);
    rawField(out, "last_set", std::to_string(channel.created));
    out += c + 1 == slack.channels.size() ? "}}\n" : "}},\n";
  }
  out += "]\n";
  sink.finish();
}

void appendUserList(std::string& out, const ActivityPlan& plan,
                    const std::vector<std::int32_t>& users) {
  out += '[';
  for (std::size_t i = 0; i < users.size(); ++i) {
    if (i > 0) out += ", ";
    appendString(out, slackUserId(plan, users[i]));
  }
  out += ']';
}

void appendThreadFields(std::string& out, const ActivityPlan& plan, const SlackWorkspace& slack,
                        std::int32_t index, const std::vector<std::int32_t>& replies) {
  const SlackMessage& message = slack.messages[index];
  if (message.parent >= 0) {
    const SlackMessage& parent = slack.messages[message.parent];
    field(out, "thread_ts", ts(parent));
    field(out, "parent_user_id", slackUserId(plan, parent.user));
    return;
  }
  if (replies.empty()) return;
  std::vector<std::int32_t> users;
  for (const std::int32_t reply : replies) {
    const std::int32_t user = slack.messages[reply].user;
    if (std::find(users.begin(), users.end(), user) == users.end()) users.push_back(user);
  }
  field(out, "thread_ts", ts(message));
  rawField(out, "reply_count", std::to_string(replies.size()));
  rawField(out, "reply_users_count", std::to_string(users.size()));
  field(out, "latest_reply", ts(slack.messages[replies.back()]));
  out += ", \"reply_users\": ";
  appendUserList(out, plan, users);
}

void appendExtras(std::string& out, const ActivityPlan& plan, const SlackMessage& message) {
  if (message.file >= 0) {
    char id[16];
    std::snprintf(id, sizeof id, "F%05d", message.file + 1);
    const std::size_t kind = static_cast<std::size_t>(message.file) % texts::kFileNames.size();
    out += ", \"files\": [{";
    field(out, "id", id, true);
    field(out, "name", texts::kFileNames[kind]);
    field(out, "title", texts::kFileTitles[kind]);
    out += "}]";
  }
  if (message.reactions.empty()) return;
  out += ", \"reactions\": [";
  for (std::size_t r = 0; r < message.reactions.size(); ++r) {
    const SlackReaction& reaction = message.reactions[r];
    out += r > 0 ? ", {" : "{";
    field(out, "name", texts::kReactions[reaction.name], true);
    out += ", \"users\": ";
    appendUserList(out, plan, reaction.users);
    rawField(out, "count", std::to_string(reaction.users.size()));
    out += '}';
  }
  out += ']';
}

void appendMessage(std::string& out, const ActivityPlan& plan, const SlackWorkspace& slack,
                   std::int32_t index, const std::vector<std::int32_t>& replies) {
  const SlackMessage& message = slack.messages[index];
  const std::string user = slackUserId(plan, message.user);
  out += "    {";
  field(out, "type", "message", true);
  if (message.kind == SlackKind::Join) field(out, "subtype", "channel_join");
  if (message.kind == SlackKind::Bot) field(out, "subtype", "bot_message");
  field(out, "user", user);
  switch (message.kind) {
    case SlackKind::Post:
      field(out, "text", texts::kChatPosts[message.text]);
      break;
    case SlackKind::Reply:
      field(out, "text", texts::kChatReplies[message.text]);
      break;
    case SlackKind::Join:
      field(out, "text", "<@" + user + "> has joined the channel");
      break;
    case SlackKind::Bot:
      field(out, "text", texts::kBotText);
      field(out, "bot_id", kBotId);
      field(out, "username", kBotName);
      break;
  }
  field(out, "ts", ts(message));
  appendThreadFields(out, plan, slack, index, replies);
  appendExtras(out, plan, message);
  out += '}';
}

}  // namespace

std::string slackUserId(const ActivityPlan& plan, std::int32_t user) {
  const auto people = static_cast<std::int32_t>(plan.org().people.size());
  const std::int32_t number = user == kBotUser       ? people + 1
                              : user == kDeletedUser ? people + 2
                                                     : user + 1;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U%04d", number);
  return buffer;
}

void writeSlackExport(const std::filesystem::path& dir, const ActivityPlan& plan,
                      const SlackWorkspace& slack) {
  std::filesystem::create_directories(dir);
  writeUsers(dir / "users.json", plan, slack);
  writeChannels(dir / "channels.json", plan, slack);
  std::vector<std::vector<std::int32_t>> replies(slack.messages.size());
  for (std::size_t i = 0; i < slack.messages.size(); ++i) {
    if (slack.messages[i].parent >= 0)
      replies[slack.messages[i].parent].push_back(static_cast<std::int32_t>(i));
  }
  for (std::size_t begin = 0; begin < slack.messages.size();) {
    const SlackMessage& first = slack.messages[begin];
    const std::int64_t day = floorDiv(first.time, kSecondsPerDay);
    const std::filesystem::path folder = dir / slack.channels[first.channel].name;
    std::filesystem::create_directories(folder);
    FileSink sink(folder / (formatDay(day) + ".json"));
    sink.buffer() += "[\n";
    std::size_t end = begin;
    for (; end < slack.messages.size() && slack.messages[end].channel == first.channel &&
           floorDiv(slack.messages[end].time, kSecondsPerDay) == day;
         ++end) {
      if (end > begin) sink.buffer() += ",\n";
      appendMessage(sink.buffer(), plan, slack, static_cast<std::int32_t>(end), replies[end]);
    }
    sink.buffer() += "\n]\n";
    sink.finish();
    begin = end;
  }
}

}  // namespace orglens::samples
