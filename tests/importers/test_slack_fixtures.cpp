// The Slack importer on hand-written exports: the newer format (threads, broadcasts,
// reactions, files), bots and system messages, and bad input.
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "importers/slack_parser.h"
#include "tests/support/test_support.h"

using namespace orglens;
using orglens::test::writeFile;

namespace {

/// A small export in the newer format. general/2024-01-02.json holds a thread (parent, a reply
/// and a thread_broadcast) with reactions, a file share, a bot message, a join and a post by
/// a user id missing from users.json; general/2024-01-03.json is not JSON; random has a
/// message with a broken ts.
std::filesystem::path writeExport(std::string_view name) {
  const auto dir = orglens::test::tempDir(name);
  writeFile(dir / "users.json", R"([
 {"id":"U1","name":"ann","real_name":"Ann A","tz":"Europe/Berlin","is_admin":true,
  "profile":{"email":"Ann@Example.org","real_name":"Ann A"}},
 {"id":"U2","name":"bob","deleted":true,"profile":{"real_name":"Bob B"}},
 {"id":"B1","name":"deploybot","is_bot":true,"profile":{}},
 {"id":"USLACKBOT","name":"slackbot","deleted":false,"profile":{}}
])");
  writeFile(dir / "channels.json", R"([
 {"id":"C1","name":"general","created":1700000000,"members":["U1","U2","B1"]},
 {"id":"C2","name":"random","created":"1700000001","members":["U1"]}
])");
  std::filesystem::create_directories(dir / "general");
  std::filesystem::create_directories(dir / "random");
  writeFile(dir / "general" / "2024-01-02.json", R"([
 {"type":"message","user":"U1","text":"hello","ts":"1704189600.000100",
  "thread_ts":"1704189600.000100","reply_count":2,"reply_users":["U2"],
  "reactions":[{"name":"+1","users":["U2","B1"],"count":2}]},
 {"type":"message","user":"U2","text":"hi","ts":"1704189660.123456",
  "thread_ts":"1704189600.000100","parent_user_id":"U1"},
 {"type":"message","subtype":"thread_broadcast","user":"U2","text":"also",
  "ts":"1704189720.000001","thread_ts":"1704189600.000100","parent_user_id":"U1"},
 {"type":"message","user":"U1","text":"file","ts":"1704189780.5",
  "files":[{"id":"F1","name":"plan.pdf","title":"Plan"}]},
 {"type":"message","subtype":"bot_message","bot_id":"B9","username":"ci","text":"ok",
  "ts":"1704189800.000000"},
 {"type":"message","subtype":"channel_join","user":"U2","text":"joined","ts":"1704189000.000000"},
 {"type":"message","user":"U9","text":"who am I","ts":"1704189900.000000"}
])");
  writeFile(dir / "general" / "2024-01-03.json", "this is not JSON");
  writeFile(dir / "random" / "2024-01-02.json",
            R"([{"type":"message","user":"U1","text":"x","ts":"yesterday"}])");
  return dir;
}

importers::ImportOutcome importInto(model::Model& model, const std::filesystem::path& dir) {
  model::NoProgress progress;
  return importers::importFile(model, dir, {}, progress);
}

std::size_t count(const model::Model& m, std::string_view activity) {
  std::size_t n = 0;
  for (const auto& e : m.events()) n += m.text(e.activity) == activity ? 1 : 0;
  return n;
}

std::size_t countRelations(const model::Model& m, std::string_view qualifier) {
  std::size_t n = 0;
  for (const auto& r : m.relations()) n += m.text(r.qualifier) == qualifier ? 1 : 0;
  return n;
}

bool hasDiagnostic(const importers::ImportOutcome& o, model::Severity severity,
                   std::string_view text) {
  for (const auto& d : o.diagnostics)
    if (d.severity == severity && d.message.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("A newer Slack export maps threads, replies, broadcasts, reactions and files",
          "[importers][slack]") {
  const auto dir = writeExport("slacknew");
  CHECK(importers::Registry::builtin().detect(dir)->name() == "slack");
  model::Model model;
  const auto outcome = importInto(model, dir);
  CHECK(count(model, "posted") == 3);   // thread parent, file share, U9's post
  CHECK(count(model, "replied") == 2);  // the reply and the thread_broadcast
  CHECK(count(model, "reacted") == 1);  // Bob's +1; the bot's reaction is no person's
  REQUIRE(model.events().size() == 6);
  const auto& parent = model.events()[0];
  CHECK(parent.time == 1'704'189'600'000'100);  // ts to µs, exactly
  // Events in file order; a message's reactions follow it.
  CHECK(model.text(model.events()[1].activity) == "reacted");
  CHECK(model.events()[1].time == parent.time);  // exports carry no reaction time
  CHECK(model.events()[2].time == 1'704'189'660'123'456);
  CHECK(model.events()[4].time == 1'704'189'780'500'000);  // "…780.5"
  CHECK(model.text(parent.tool) == "chat");
  const auto& thread = model.objects()[parent.item.value()];
  CHECK(model.text(thread.key) == "C1/1704189600.000100");
  CHECK(model.events()[2].item == parent.item);  // a reply shares its parent's thread
  CHECK(model.text(model.objects()[model.events()[4].item.value()].key) == "C1");  // plain post
  CHECK(countRelations(model, "reply-to") == 2);
  CHECK(countRelations(model, "member-of-channel") == 3);  // the bot member is left out
  CHECK(countRelations(model, "part-of") == 1);            // the thread in its channel
  bool shared = false;
  for (const auto& [event, link] : model.eventLinks())
    shared |= model.text(link.qualifier) == "shared" &&
              model.text(model.objects()[link.object.value()].key) == "F1";
  CHECK(shared);
  CHECK(hasDiagnostic(outcome, model::Severity::Warning, "user id 'U9' is not in users.json"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info,
                      "5 messages by people imported; 2 bot and system messages"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info, "bot_message 1, channel_join 1"));
}

TEST_CASE("Slack users become registered people with aliases and attributes; bots do not",
          "[importers][slack]") {
  model::Model model;
  importInto(model, writeExport("slackusers"));
  std::size_t people = 0;
  for (const auto& o : model.objects())
    people += o.type == model::typeId(model::BuiltinType::Person);
  CHECK(people == 3);  // Ann, Bob and the unknown U9; not deploybot, not USLACKBOT
  const auto ann = model.findAlias(model::AliasKind::Email, "ann@example.org");
  REQUIRE(ann);
  CHECK(model.findAlias(model::AliasKind::ChatId, "U1") == ann);
  CHECK_FALSE(model.findAlias(model::AliasKind::ChatId, "B1"));
  bool timezone = false, admin = false, deleted = false;
  for (const auto& a : model.objectAttributes()) {
    const auto key = model.text(a.key);
    timezone |= key == "timezone" && a.value == model::Value(std::string("Europe/Berlin"));
    admin |= key == "chat_admin" && a.object == ann->object() && a.value == model::Value(true);
    deleted |= key == "chat_deleted" && a.object != ann->object() && a.value == model::Value(true);
  }
  CHECK(timezone);
  CHECK(admin);
  CHECK(deleted);
}

TEST_CASE("A day file that is not JSON and a bad ts are diagnosed; the rest imports",
          "[importers][slack][badinput]") {
  model::Model model;
  const auto outcome = importInto(model, writeExport("slackbad"));
  CHECK(outcome.counts.skippedRows == 2);
  CHECK(
      hasDiagnostic(outcome, model::Severity::Warning, "general/2024-01-03.json: not valid JSON"));
  CHECK(hasDiagnostic(outcome, model::Severity::Warning,
                      "random/2024-01-02.json, message 1: bad ts 'yesterday'"));
  CHECK(model.events().size() == 6);
}

TEST_CASE("A Slack export without users.json is refused naming the folder",
          "[importers][slack][badinput]") {
  const auto dir = writeExport("slacknousers");
  std::filesystem::remove(dir / "users.json");
  model::Model model;
  model::NoProgress progress;
  importers::ImportOptions options;
  options.format = "slack";
  CHECK_THROWS_WITH(importers::importFile(model, dir, options, progress),
                    Catch::Contains(dir.string()) && Catch::Contains("no readable users.json"));
  CHECK_THROWS_WITH(importers::importFile(model, dir / "channels.json", options, progress),
                    Catch::Contains("is not a folder"));
}

TEST_CASE("Slack ts values convert to microseconds without float rounding", "[importers][slack]") {
  using importers::parseSlackTs;
  CHECK(parseSlackTs("1433558207.760577") == 1'433'558'207'760'577);
  CHECK(parseSlackTs("1433558207.7605779") == 1'433'558'207'760'577);  // truncated
  CHECK(parseSlackTs("1433558207") == 1'433'558'207'000'000);
  CHECK(parseSlackTs("0.000001") == 1);
  CHECK_FALSE(parseSlackTs(""));
  CHECK_FALSE(parseSlackTs("12."));
  CHECK_FALSE(parseSlackTs("-1.5"));
  CHECK_FALSE(parseSlackTs("1e9"));
  CHECK_FALSE(parseSlackTs("999999999999.0"));  // past 9999
}

TEST_CASE("The day parser reports elements that are not objects and survives odd fields",
          "[importers][slack][badinput]") {
  std::vector<std::string> seen;
  const auto error = importers::parseSlackDay(
      R"([1, {"type":"message","user":7,"ts":"1.5","reactions":"x","file":{"id":"F"}}])",
      [&](const importers::SlackMessage& m) {
        seen.push_back(m.isObject ? std::string(m.ts) + "/" + std::to_string(m.files.size())
                                  : "not an object");
      });
  CHECK(error.empty());
  CHECK(seen == std::vector<std::string>{"not an object", "1.5/1"});
  CHECK(importers::parseSlackDay("{}", [](const auto&) {}) == "not a JSON array of messages");
  CHECK_THAT(importers::parseSlackDay("[", [](const auto&) {}),
             Catch::StartsWith("not valid JSON"));
}
