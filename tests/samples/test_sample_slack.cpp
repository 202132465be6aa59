// The sample's Slack export: parses as JSON (simdjson DOM), counts as ground-truth.json says,
// every message by a known user, threads that hold together, and the planted non-adopting
// department silent.
#include <simdjson.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/samples/sample_files.h"

namespace sample = orglens::test::sample;
namespace test = orglens::test;
namespace dom = simdjson::dom;

namespace {

std::string stringOf(dom::object object, const char* key) {
  std::string_view value;
  if (object[key].get_string().get(value)) return {};
  return std::string(value);
}

struct Export {
  std::map<std::string, std::string> emailOf;  // user id → e-mail ("" for the bot)
  std::size_t bots = 0, deleted = 0, channels = 0, messages = 0, joins = 0, botMessages = 0;
  std::size_t replies = 0, files = 0, reactions = 0;
  std::map<std::string, std::size_t> postsByUser, reactionsByUser;
  std::size_t unknownUsers = 0, duplicateTs = 0, orphanReplies = 0, wrongReplyCounts = 0;
};

void readUsers(dom::parser& parser, const std::filesystem::path& slack, Export& out) {
  dom::element users = parser.load((slack / "users.json").string());
  for (dom::object user : users.get_array()) {
    const std::string id = stringOf(user, "id");
    out.emailOf[id] = stringOf(user["profile"].get_object(), "email");
    out.bots += user["is_bot"].get_bool().value();
    out.deleted += user["deleted"].get_bool().value();
    CHECK_FALSE(stringOf(user, "tz").empty());
  }
}

void checkMessage(dom::object message, Export& out, std::set<std::string>& ts,
                  std::map<std::string, std::pair<std::size_t, std::size_t>>& threads) {
  ++out.messages;
  CHECK(stringOf(message, "type") == "message");
  const std::string user = stringOf(message, "user"), subtype = stringOf(message, "subtype");
  const std::string stamp = stringOf(message, "ts"), thread = stringOf(message, "thread_ts");
  out.unknownUsers += out.emailOf.count(user) == 0;
  out.duplicateTs += !ts.insert(stamp).second;
  CHECK(stamp.size() == 17);  // "1736150100.000200"
  out.joins += subtype == "channel_join";
  out.botMessages += subtype == "bot_message";
  if (subtype.empty()) ++out.postsByUser[user];
  if (!thread.empty() && thread != stamp) {
    ++out.replies;
    ++threads[thread].second;
    CHECK_FALSE(stringOf(message, "parent_user_id").empty());
  } else if (!thread.empty()) {
    threads[thread].first = static_cast<std::size_t>(message["reply_count"].get_int64().value());
  }
  dom::array files, reactions;
  if (!message["files"].get_array().get(files)) out.files += files.size();
  if (message["reactions"].get_array().get(reactions)) return;
  for (dom::object reaction : reactions) {
    for (dom::element who : reaction["users"].get_array()) {
      ++out.reactions;
      ++out.reactionsByUser[std::string(who.get_string().value())];
    }
  }
}

/// Reads a whole channel folder (day files in name order) and checks its threads.
void readChannel(dom::parser& parser, const std::filesystem::path& folder, Export& out) {
  std::vector<std::filesystem::path> days;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    days.push_back(entry.path());
  std::sort(days.begin(), days.end());
  std::set<std::string> ts;
  std::map<std::string, std::pair<std::size_t, std::size_t>> threads;  // parent: stated, seen
  for (const auto& day : days) {
    INFO(day.string());
    CHECK(day.filename().string().size() == 15);  // YYYY-MM-DD.json
    dom::element messages = parser.load(day.string());
    for (dom::object message : messages.get_array()) checkMessage(message, out, ts, threads);
  }
  for (const auto& [parent, counts] : threads) {
    out.orphanReplies += ts.count(parent) == 0 || counts.first == 0 ? counts.second : 0;
    out.wrongReplyCounts += counts.first != counts.second;
  }
}

Export readExport(const std::filesystem::path& slack) {
  dom::parser parser;
  Export out;
  readUsers(parser, slack, out);
  dom::element channels = parser.load((slack / "channels.json").string());
  std::vector<std::string> names;
  for (dom::object channel : channels.get_array()) {
    ++out.channels;
    names.push_back(stringOf(channel, "name"));
    for (dom::element member : channel["members"].get_array()) {
      out.unknownUsers += out.emailOf.count(std::string(member.get_string().value())) == 0;
    }
  }
  for (const std::string& name : names) {
    if (std::filesystem::exists(slack / name)) readChannel(parser, slack / name, out);
  }
  return out;
}

}  // namespace

TEST_CASE("The sample's Slack export parses and holds together", "[samples]") {
  const auto& dir = sample::defaultSample();
  const std::string truth = test::readFile(dir / "ground-truth.json");
  const Export slack = readExport(dir / "slack");
  CHECK(slack.emailOf.size() == sample::truthCount(truth, "slack_users"));
  CHECK(slack.channels == sample::truthCount(truth, "slack_channels"));
  CHECK(slack.messages == sample::truthCount(truth, "slack_messages"));
  CHECK(slack.replies == sample::truthCount(truth, "slack_replies"));
  CHECK(slack.reactions == sample::truthCount(truth, "slack_reactions"));
  CHECK(slack.bots == 1);
  CHECK(slack.deleted == 1);
  CHECK(slack.joins > 0);
  CHECK(slack.botMessages > 0);
  CHECK(slack.files > 0);
  CHECK(slack.unknownUsers == 0);
  CHECK(slack.duplicateTs == 0);
  CHECK(slack.orphanReplies == 0);
  CHECK(slack.wrongReplyCounts == 0);
  // The roster's people are the registered users, with the same e-mail addresses.
  const auto roster = sample::readRoster(dir);
  std::set<std::string> emails;
  for (const auto& [id, email] : slack.emailOf) emails.insert(email);
  for (const auto& [email, person] : roster) CHECK(emails.count(email) == 1);
}

TEST_CASE("The non-adopting department is registered in Slack but silent", "[samples]") {
  const auto& dir = sample::defaultSample();
  const auto roster = sample::readRoster(dir);
  const Export slack = readExport(dir / "slack");
  std::size_t registered = 0, posts = 0, reactions = 0, otherPosts = 0;
  for (const auto& [id, email] : slack.emailOf) {
    if (!roster.count(email)) continue;
    const bool corporate = roster.at(email).department == "Corporate";
    const std::size_t userPosts = slack.postsByUser.count(id) ? slack.postsByUser.at(id) : 0;
    registered += corporate;
    (corporate ? posts : otherPosts) += userPosts;
    if (corporate && slack.reactionsByUser.count(id)) reactions += slack.reactionsByUser.at(id);
  }
  CHECK(registered > 0);
  CHECK(posts == 0);
  CHECK(reactions == 0);
  CHECK(otherPosts > 1000);
}
