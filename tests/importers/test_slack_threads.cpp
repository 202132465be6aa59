// Slack thread replies in a later day file than their parent, imported into a store.
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens;

TEST_CASE("A Slack thread reply in a later day file links to its parent and thread",
          "[importers][slack]") {
  const auto dir = test::tempDir("slack-threads");
  const auto exportDir = dir / "export";
  test::writeFile(exportDir / "users.json",
                  R"([{"id":"U1","name":"ann","profile":{"email":"ann@example.org"}},
                      {"id":"U2","name":"bob","profile":{"email":"bob@example.org"}}])");
  test::writeFile(exportDir / "channels.json", R"([{"id":"C1","name":"general","members":[]}])");
  std::filesystem::create_directories(exportDir / "general");
  test::writeFile(exportDir / "general" / "2024-01-02.json",
                  R"([{"type":"message","user":"U1","text":"q","ts":"1704189600.000100",
                       "thread_ts":"1704189600.000100","reply_count":1}])");
  test::writeFile(exportDir / "general" / "2024-01-03.json",
                  R"([{"type":"message","user":"U2","text":"a","ts":"1704276000.000200",
                       "thread_ts":"1704189600.000100","parent_user_id":"U1"}])");
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::importFile(*store, exportDir, {}, progress);
  const auto m = store->loadModel();
  auto key = [&m](model::ObjectId id) { return std::string(m.text(m.objects()[id.value()].key)); };
  std::vector<std::string> replies;
  for (const auto& r : m.relations())
    if (m.text(r.qualifier) == "reply-to") replies.push_back(key(r.from) + ">" + key(r.to));
  CHECK(replies == std::vector<std::string>{"C1/1704276000.000200>C1/1704189600.000100"});
  REQUIRE(m.events().size() == 2);
  CHECK(m.events()[0].item == m.events()[1].item);
  CHECK(key(m.events()[1].item) == "C1/1704189600.000100");
}

TEST_CASE("A Slack thread an earlier import made is not set up again (nor counted)",
          "[importers][slack]") {
  const auto dir = test::tempDir("slack-threads-again");
  auto writeExport = [](const std::filesystem::path& at, const char* day, const char* messages) {
    test::writeFile(at / "users.json", R"([{"id":"U1","name":"ann"},{"id":"U2","name":"bob"}])");
    test::writeFile(at / "channels.json", R"([{"id":"C1","name":"general","members":[]}])");
    std::filesystem::create_directories(at / "general");
    test::writeFile(at / "general" / day, messages);
  };
  writeExport(dir / "a", "2024-01-02.json",
              R"([{"type":"message","user":"U1","ts":"1704189600.000100",
                   "thread_ts":"1704189600.000100","reply_count":1}])");
  writeExport(dir / "b", "2024-01-03.json",
              R"([{"type":"message","user":"U2","ts":"1704276000.000200",
                   "thread_ts":"1704189600.000100","parent_user_id":"U1"}])");
  model::NoProgress progress;
  auto fresh = model::Store::open(dir / "fresh.orglens", model::Store::Mode::Create);
  const auto alone = importers::importFile(*fresh, dir / "b", {}, progress);
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  importers::importFile(*store, dir / "a", {}, progress);
  const auto after = importers::importFile(*store, dir / "b", {}, progress);
  // The thread (its kind attribute, its part-of relation) came with the first export.
  CHECK(after.counts.attributes + 1 == alone.counts.attributes);
  CHECK(after.counts.objects == 1);  // the reply; people, channel, thread, parent came before
  const auto m = store->loadModel();
  std::size_t threads = 0;
  for (const auto& o : m.objects())
    if (m.text(o.key) == "C1/1704189600.000100" &&
        o.type == model::typeId(model::BuiltinType::Thread))
      ++threads;
  CHECK(threads == 1);
}
