// The Slack importer on the real houstondatavis export (older format, no threads), with the
// expected figures computed independently of the importer.
#include <simdjson.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "importers/import_file.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

namespace od = simdjson::ondemand;

struct Expected {
  std::size_t users = 0, channels = 0, messages = 0, human = 0, reactions = 0;
  std::set<std::string> posters;
};

/// An independent count with simdjson On Demand (the importer uses DOM and its own rules
/// code): a human message is of type "message" with no subtype or one of thread_broadcast,
/// file_share, me_message, file_comment (whose author is comment.user), and no bot_id.
Expected scanExport(const std::filesystem::path& dir) {
  Expected out;
  od::parser parser;
  auto load = [](const std::filesystem::path& p) {
    return simdjson::padded_string::load(p.string()).value();
  };
  auto users = load(dir / "users.json");
  od::document doc = parser.iterate(users);
  for (auto u : doc.get_array()) out.users += u.error() ? 0 : 1;
  auto channelsText = load(dir / "channels.json");
  std::vector<std::string> names;
  doc = parser.iterate(channelsText);
  for (auto c : doc.get_array()) names.emplace_back(std::string_view(c["name"].get_string()));
  out.channels = names.size();
  const std::set<std::string_view> human = {"", "thread_broadcast", "file_share", "me_message",
                                            "file_comment"};
  for (const auto& name : names) {
    if (!std::filesystem::is_directory(dir / name)) continue;
    for (const auto& day : std::filesystem::directory_iterator(dir / name)) {
      auto text = load(day.path());
      doc = parser.iterate(text);
      for (auto m : doc.get_array()) {
        ++out.messages;
        std::string_view subtype, bot, user;
        if (m["subtype"].get_string().get(subtype)) subtype = {};
        if (m["bot_id"].get_string().get(bot)) bot = {};
        if (!human.count(subtype) || !bot.empty()) continue;
        if (subtype == "file_comment")
          user = m["comment"]["user"].get_string();
        else
          user = m["user"].get_string();
        ++out.human;
        out.posters.emplace(user);
        od::array reactions;
        if (m["reactions"].get_array().get(reactions)) continue;
        for (auto r : reactions) {
          od::array users = r["users"].get_array();
          out.reactions += users.count_elements().value();
        }
      }
    }
  }
  return out;
}

std::size_t countActivity(const model::Model& m, std::string_view activity) {
  std::size_t n = 0;
  for (const auto& e : m.events()) n += m.text(e.activity) == activity ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("The houstondatavis Slack export imports its people, channels and human messages",
          "[importers][slack][realdata]") {
  const auto dir = orglens::test::sharedData("chat/houstondatavis-slack");
  // Verified by hand as well, with Python over the same rules:
  //   python3 -c "import json,glob; H={None,'thread_broadcast','file_share','me_message',
  //   'file_comment'}; ms=[m for c in json.load(open('channels.json')) for f in
  //   glob.glob(c['name']+'/*.json') for m in json.load(open(f))]; h=[m for m in ms if
  //   m.get('subtype') in H and not m.get('bot_id')]; print(len(ms), len(h), len({m['comment']
  //   ['user'] if m.get('subtype')=='file_comment' else m['user'] for m in h}))"
  // prints 1382 1031 32 (964 plain messages + 61 file shares + 6 file comments); the 351 others
  // are joins (320), channel purpose/topic/name/archive changes, a pin and a bot_add.
  const Expected expected = scanExport(dir);
  CHECK(expected.users == 71);
  CHECK(expected.channels == 16);
  CHECK(expected.messages == 1382);
  CHECK(expected.human == 1031);
  CHECK(expected.posters.size() == 32);
  CHECK(expected.reactions == 198);

  model::Model model;
  model::NoProgress progress;
  const auto outcome = importers::importFile(model, dir, {}, progress);
  CHECK(outcome.format == "slack");
  CHECK(outcome.counts.warnings == 0);
  CHECK(outcome.counts.skippedRows == 0);
  std::size_t people = 0, threads = 0, messages = 0;
  for (const auto& o : model.objects()) {
    const auto type = model.typeNames()[o.type.value()];
    people += type == "person";
    threads += type == "thread";
    messages += type == "message";
  }
  CHECK(people == expected.users);      // no bots, no unknown posters in this export
  CHECK(threads == expected.channels);  // no Slack threads in this older export
  CHECK(messages == expected.human);
  CHECK(countActivity(model, "posted") + countActivity(model, "commented") == expected.human);
  CHECK(countActivity(model, "replied") == 0);
  CHECK(countActivity(model, "reacted") == expected.reactions);
  std::map<model::PersonId, std::string> chatId;
  for (const auto& a : model.aliases())
    if (a.kind == model::AliasKind::ChatId) chatId[a.person] = a.value;
  std::set<std::string> posters;
  for (const auto& e : model.events())
    if (model.text(e.activity) != "reacted") posters.insert(chatId[e.actor]);
  CHECK(posters == expected.posters);
  bool summarised = false;
  for (const auto& d : outcome.diagnostics)
    summarised |= d.severity == model::Severity::Info &&
                  d.message.find("1031 messages by people") != std::string::npos &&
                  d.message.find("channel_join 320") != std::string::npos;
  CHECK(summarised);
}

TEST_CASE("A Slack export folder imports into a store once and is found again by its hash",
          "[importers][slack][realdata]") {
  const auto dir = orglens::test::sharedData("chat/houstondatavis-slack");
  const auto tmp = orglens::test::tempDir("slackstore");
  auto store = model::Store::open(tmp / "x.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  const auto first = importers::importFile(*store, dir, {}, progress);
  CHECK(first.counts.people == 71);
  CHECK(first.counts.events == 1031 + 198);
  CHECK(importers::importFile(*store, dir, {}, progress).alreadyImported);
  CHECK(store->summary().activePeople >= 32);  // reactions also make people active
}
