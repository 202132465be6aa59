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
