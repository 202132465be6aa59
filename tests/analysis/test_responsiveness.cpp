#include <catch2/catch.hpp>

#include "analysis/responsiveness.h"
#include "importers/timestamp.h"
#include "model/identity.h"
#include "model/import_session.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens;
constexpr double kHour = 3600.0;

namespace {

model::MicrosUtc at(const char* iso) { return *importers::TimestampParser().parse(iso); }

/// ann (Legal, Berlin) and bob (Ops, New York) write in three threads:
///   T1: m1 ann Mon 09:00Z; m2 bob replies 11:00Z (2 h); m3 ann replies to m2 12:00Z (1 h)
///   T2: m4 bob Fri 16:00Z; m5 bob follows up 17:00Z (his own: no answer)
///   T3: m6 ann Fri 15:00Z; m7 bob replies Mon 15:00Z (72 h elapsed; in New York working
///       hours 10:00–17:00 Friday + 09:00–10:00 Monday = 8 h)
std::unique_ptr<model::Store> buildStore(const std::filesystem::path& dir) {
  auto store = model::Store::open(dir / "m.orglens", model::Store::Mode::Create);
  auto s = store->beginImport({"test", "test", "h", "", 0, {}});
  model::IdentityResolver people(*s);
  const auto ann = people.resolve(model::AliasKind::Email, "ann@example.org");
  const auto bob = people.resolve(model::AliasKind::Email, "bob@example.org");
  const auto memberOf = s->intern("member-of");
  s->addRelation({ann.object(), s->object(model::typeId(model::BuiltinType::Team), "Legal"), memberOf, {}, {}});
  s->addRelation({bob.object(), s->object(model::typeId(model::BuiltinType::Team), "Ops"), memberOf, {}, {}});
  s->setObjectAttribute(ann.object(), s->intern("timezone"), std::string("Europe/Berlin"));
  s->setObjectAttribute(bob.object(), s->intern("timezone"), std::string("America/New_York"));
  std::map<std::string, model::ObjectId> messages;
  auto send = [&](const char* id, const char* thread, model::PersonId who, const char* time, const char* parent) {
    const auto message = s->object(model::typeId(model::BuiltinType::Message), id);
    messages[id] = message;
    model::EventRecord e;
    e.time = at(time);
    e.activity = s->intern("sent");
    e.actor = who;
    e.item = s->object(model::typeId(model::BuiltinType::Thread), thread);
    e.tool = s->intern("email");
    const auto event = s->addEvent(e);
    s->addEventLink(event, {message, s->intern("sent")});
    if (parent) s->addRelation({message, messages.at(parent), s->intern("reply-to"), {}, {}});
  };
  send("m1", "T1", ann, "2025-01-06T09:00:00Z", nullptr);
  send("m2", "T1", bob, "2025-01-06T11:00:00Z", "m1");
  send("m3", "T1", ann, "2025-01-06T12:00:00Z", "m2");
  send("m4", "T2", bob, "2025-01-10T16:00:00Z", nullptr);
  send("m5", "T2", bob, "2025-01-10T17:00:00Z", "m4");
  send("m6", "T3", ann, "2025-01-10T15:00:00Z", nullptr);
  send("m7", "T3", bob, "2025-01-13T15:00:00Z", "m6");
  s->commit(s->counts(), {});
  return store;
}

}  // namespace

TEST_CASE("Reply latency, first response and unanswered threads match a hand-computed case",
          "[analysis][responsiveness]") {
  const auto store = buildStore(test::tempDir("resp"));
  const auto log = model::MessageLog::load(*store);
  REQUIRE(log.size() == 7);
  model::NoProgress progress;
  const auto r = analysis::analyseResponsiveness(log, {}, progress);
  CHECK(r.replies == 3);
  CHECK(r.threads == 3);
  CHECK(r.unansweredThreads == 1);
  CHECK(r.unansweredShare == Approx(1.0 / 3.0));
  CHECK(r.replyLatency.median == Approx(2 * kHour));
  CHECK(r.firstResponse.count == 2);
  CHECK(r.firstResponse.mean == Approx(37 * kHour));
  REQUIRE(r.byPerson.size() == 2);
  CHECK(log.strings[log.objectKey[r.byPerson[0].to]] == "bob@example.org");
  CHECK(r.byPerson[0].latency.median == Approx(37 * kHour));
  REQUIRE(r.byTeamPair.size() == 2);
  CHECK(log.strings[log.objectKey[r.byTeamPair[0].from]] == "Legal");
  CHECK(r.byTeamPair[0].latency.sum == Approx(74 * kHour));
}

TEST_CASE("In working hours, latency counts only the responder's local working time",
          "[analysis][responsiveness]") {
  const auto store = buildStore(test::tempDir("resp-wh"));
  const auto log = model::MessageLog::load(*store);
  analysis::ResponsivenessOptions options;
  options.workingHoursOnly = true;
  model::NoProgress progress;
  const auto r = analysis::analyseResponsiveness(log, options, progress);
  // m2: 04:00–06:00 in New York, before work: 0 h; m3: 12:00–13:00 in Berlin: 1 h; m7: 8 h.
  CHECK(r.replyLatency.sum == Approx(9 * kHour));
  CHECK(r.replyLatency.max == Approx(8 * kHour));
  CHECK(r.replyLatency.min == Approx(0));
}
