// The Slack day files read on a worker thread: the handler sees the same calls, in the same
// order, as with the reading on one thread, also when it stops early or throws.
#include <algorithm>
#include <catch2/catch.hpp>
#include <stdexcept>

#include "importers/slack_pipeline.h"
#include "tests/support/test_support.h"

using namespace orglens;
using orglens::test::writeFile;

namespace {

/// Every call as a line of text, with all the fields a message carries.
class Recorder final : public importers::SlackDayHandler {
 public:
  std::vector<std::string> calls;
  std::size_t stopAtDay = ~std::size_t{0};
  std::size_t throwAtCall = ~std::size_t{0};

  bool onDayStart(std::size_t day) override {
    add("start " + std::to_string(day));
    return day != stopAtDay;
  }
  void onUnreadable(std::size_t day) override { add("unreadable " + std::to_string(day)); }
  void onMessage(std::size_t day, const importers::SlackMessage& m) override {
    std::string line = "message " + std::to_string(day) + " #" + std::to_string(m.index) +
                       (m.isObject ? " object" : " other");
    for (auto field :
         {m.type, m.subtype, m.user, m.botId, m.ts, m.threadTs, m.parentUserId, m.commentUser})
      line += " [" + std::string(field) + "]";
    for (const auto& r : m.reactions) {
      line += " reaction " + std::string(r.name) + ":";
      for (auto u : r.users) line += " " + std::string(u);
    }
    for (const auto& f : m.files) line += " file " + std::string(f.id) + "=" + std::string(f.name);
    add(line);
  }
  void onParseError(std::size_t day, const std::string& error) override {
    add("error " + std::to_string(day) + " " + error);
  }
  void onDayEnd(std::size_t day) override { add("end " + std::to_string(day)); }

 private:
  void add(std::string call) {
    if (calls.size() == throwAtCall) throw std::runtime_error("handler failed");
    calls.push_back(std::move(call));
  }
};

/// 40 day files (more than the reader runs ahead): messages with every field, a file that is
/// not JSON, one that is not an array, and a path that does not exist.
importers::SlackDayFiles writeDays() {
  const auto dir = orglens::test::tempDir("slack-pipeline");
  importers::SlackDayFiles files;
  files.folders = {dir.string(), (dir / "more").string()};
  std::filesystem::create_directories(dir / "more");
  for (int d = 0; d < 40; ++d) {
    const std::uint32_t folder = d < 20 ? 0 : 1;  // two folders, as two channels
    const std::string name = "day" + std::to_string(d) + ".json";
    files.add(folder, name);
    const auto path = std::filesystem::path(files.path(files.size() - 1));
    if (d == 7) continue;  // never written: unreadable
    std::string json = "[";
    for (int m = 0; m < d % 5 * 3; ++m)
      json += std::string(m ? "," : "") + R"({"type":"message","user":"U)" + std::to_string(m) +
              R"(","ts":"17000000)" + std::to_string(d * 100 + m) +
              R"(.000100","thread_ts":"1700000000.000100","parent_user_id":"U1","bot_id":"",)" +
              R"("subtype":"file_comment","comment":{"user":"U)" + std::to_string(d) + R"("},)" +
              R"("reactions":[{"name":"+1","users":["U1","U2"]},{"name":"eyes","users":[]}],)" +
              R"("files":[{"id":"F1","title":"Plan"},{"id":"F2","name":"x.png"}],)" +
              R"("file":{"id":"F3","name":"old.txt"}})";
    json += d % 3 == 0 ? ",17,\"text\"]" : "]";
    writeFile(path, d == 11 ? "not json" : d == 12 ? "{\"a\":1}" : json);
  }
  return files;
}

}  // namespace

TEST_CASE("Slack day files read on a worker thread give the handler the same calls",
          "[importers][slack][pipeline]") {
  const auto files = writeDays();
  Recorder serial, pipelined;
  importers::readSlackDays(files, serial);
  importers::readSlackDaysPipelined(files, pipelined);
  CHECK(serial.calls.size() > 300);
  CHECK(pipelined.calls == serial.calls);
  CHECK(std::count(serial.calls.begin(), serial.calls.end(), "unreadable 7") == 1);
  Recorder none;
  importers::readSlackDaysPipelined(importers::SlackDayFiles{}, none);
  CHECK(none.calls.empty());
}

TEST_CASE("A handler that stops or throws stops the Slack reader thread at the same call",
          "[importers][slack][pipeline]") {
  const auto files = writeDays();
  Recorder serial, pipelined;
  serial.stopAtDay = pipelined.stopAtDay = 3;
  importers::readSlackDays(files, serial);
  importers::readSlackDaysPipelined(files, pipelined);
  CHECK(pipelined.calls == serial.calls);
  CHECK(pipelined.calls.back() == "start 3");

  Recorder failing, reference;
  failing.throwAtCall = reference.throwAtCall = 25;
  CHECK_THROWS_WITH(importers::readSlackDaysPipelined(files, failing), "handler failed");
  CHECK_THROWS_WITH(importers::readSlackDays(files, reference), "handler failed");
  CHECK(failing.calls == reference.calls);
  CHECK(failing.calls.size() == 25);
}
