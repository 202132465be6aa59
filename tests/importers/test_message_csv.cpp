// Message edge CSV: messages, recipients, threads and replies from one row per recipient or
// a recipient list.
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

importers::ImportOutcome importInto(model::Model& model, const std::filesystem::path& file) {
  model::NoProgress progress;
  return importers::importFile(model, file, {}, progress);
}

std::size_t links(const model::Model& m, std::size_t event, std::string_view qualifier) {
  std::size_t n = 0;
  for (const auto& [e, link] : m.eventLinks())
    n += e.value() == event && m.text(link.qualifier) == qualifier ? 1 : 0;
  return n;
}

std::string keyOf(const model::Model& m, model::ObjectId object) {
  return std::string(m.text(m.objects()[object.value()].key));
}

}  // namespace

TEST_CASE("Rows sharing a message id are one message with all its recipients",
          "[importers][messagecsv]") {
  const auto dir = orglens::test::tempDir("msg");
  const auto file =
      orglens::test::writeFile(dir / "messages.csv",
                               "time,sender,recipient,message_id,thread_id,in_reply_to\n"
                               "2025-03-03 09:00,ann@x.org,bob@x.org,m1,t1,\n"
                               "2025-03-03 09:00,ann@x.org,cid@x.org,m1,t1,\n"
                               "2025-03-03 09:30,bob@x.org,ann@x.org;cid@x.org,m2,t1,m1\n"
                               "2025-03-03 10:00,cid@x.org,ann@x.org,m3,,m2\n");
  CHECK(importers::Registry::builtin().detect(file)->name() == "message-csv");
  model::Model model;
  const auto outcome = importInto(model, file);
  CHECK(outcome.counts.skippedRows == 0);
  REQUIRE(model.events().size() == 3);
  CHECK(links(model, 0, "to") == 2);
  CHECK(links(model, 1, "to") == 2);  // a ';'-separated list
  CHECK(links(model, 0, "sent") == 1);
  CHECK(model.text(model.events()[0].activity) == "sent");
  CHECK(model.text(model.events()[0].tool) == "email");
  CHECK(keyOf(model, model.events()[0].item) == "t1");
  CHECK(model.events()[2].item == model.events()[0].item);  // m3 joins its parent's thread
  std::size_t replies = 0, in = 0;
  for (const auto& r : model.relations()) {
    replies += model.text(r.qualifier) == "reply-to";
    in += model.text(r.qualifier) == "in";
  }
  CHECK(replies == 2);
  CHECK(in == 3);
}

TEST_CASE("Without message ids, sender and time identify a message", "[importers][messagecsv]") {
  const auto dir = orglens::test::tempDir("msgnoid");
  const auto file = orglens::test::writeFile(dir / "edges.csv",
                                             "date,from,to,tool\n"
                                             "2025-01-01T08:00:00Z,ann,bob,chat\n"
                                             "2025-01-01T08:00:00Z,ann,cid,chat\n"
                                             "2025-01-01T08:05:00Z,bob,ann,chat\n");
  model::Model model;
  importInto(model, file);
  REQUIRE(model.events().size() == 2);
  CHECK(links(model, 0, "to") == 2);
  CHECK(model.text(model.events()[0].tool) == "chat");
  CHECK(model.events()[0].item != model.events()[1].item);  // no thread data: own threads
  CHECK(model.findAlias(model::AliasKind::Resource, "ann"));
}

TEST_CASE("Bad message rows are diagnosed with their lines", "[importers][messagecsv][badinput]") {
  const auto dir = orglens::test::tempDir("msgbad");
  const auto file = orglens::test::writeFile(dir / "m.csv",
                                             "time,sender,recipient,message_id\n"
                                             "2025-03-03 09:00,ann,bob,m1\n"
                                             "2025-03-03 09:01,cid,bob,m1\n"  // line 3
                                             "soon,ann,bob,m2\n"              // line 4
                                             ",ann,bob,m3\n"                  // line 5
                                             "2025-03-03 09:02,ann\n");       // line 6
  model::Model model;
  const auto outcome = importInto(model, file);
  CHECK(model.events().size() == 1);
  CHECK(outcome.counts.skippedRows == 4);
  REQUIRE(outcome.diagnostics.size() == 4);
  CHECK(outcome.diagnostics[0].line == 3);
  CHECK_THAT(outcome.diagnostics[0].message,
             Catch::Contains("message 'm1' was first seen on line 2"));
  CHECK(outcome.diagnostics[1].line == 4);
  CHECK_THAT(outcome.diagnostics[1].message, Catch::Contains("cannot read the time 'soon'"));
  CHECK(outcome.diagnostics[2].line == 5);
  CHECK_THAT(outcome.diagnostics[2].message, Catch::Contains("empty time"));
  CHECK(outcome.diagnostics[3].line == 6);
}
