// Full batches written on the BatchWriter's thread: in the order they were filled, all of them
// before the connection is used again, and a failed one stops the rest and is reported.
#include <catch2/catch.hpp>

#include "model/batch_writer.h"
#include "model/import_session.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens::model;

namespace {

struct Db {
  sqlite3* db = nullptr;
  Db() {
    REQUIRE(sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            nullptr) == SQLITE_OK);
    execute(db, "CREATE TABLE a(x INTEGER PRIMARY KEY, t TEXT); CREATE TABLE b(y INTEGER UNIQUE)");
  }
  ~Db() { sqlite3_close_v2(db); }
  std::string rows(const char* sql) const {
    Statement s(db, sql);
    std::string out;
    while (s.step()) (out += std::string(s.columnText(0))) += ' ';
    return out;
  }
};

}  // namespace

TEST_CASE("A batch writer writes full batches in order, and flush() waits for them",
          "[model][store]") {
  Db d;
  std::string expected;
  {
    BatchWriter writer(2);  // a short queue: submit() also waits for room
    BatchInsert a(d.db, "INSERT INTO a(x, t)", 2, 4, &writer);
    BatchInsert b(d.db, "INSERT INTO b(y)", 1, 3, &writer);
    for (std::int64_t i = 1; i <= 1000; ++i) {
      const std::string text = "v" + std::to_string(i);  // gone after add(): copied
      a.add(i).add(text).endRow();
      expected += text + ' ';
      if (i % 7 == 0) b.add(i).endRow();  // interleaved with the other table's batches
    }
    a.flush();  // the last, partial batch of a; waits for every batch of both tables
    CHECK(queryInt(d.db, "SELECT count(*) FROM b") == 141);  // 47 full batches of 3
    b.flush();
    CHECK(a.inserted() == 1000);
    CHECK(b.inserted() == 142);
  }
  CHECK(d.rows("SELECT t FROM a ORDER BY rowid") == expected);
  CHECK(queryInt(d.db, "SELECT max(y) FROM b") == 994);
}

TEST_CASE("A failed batch stops the batch writer and is reported; abandon() forgets it",
          "[model][store]") {
  Db d;
  BatchWriter writer;
  BatchInsert b(d.db, "INSERT INTO b(y)", 1, 2, &writer);
  b.add(std::int64_t{1}).endRow();
  b.add(std::int64_t{1}).endRow();  // a full batch that violates UNIQUE(y)
  bool reported = false;
  try {
    for (std::int64_t i = 2; i < 100; ++i) b.add(i).endRow();
    b.flush();
  } catch (const StoreError& e) {
    reported = std::string(e.what()).find("UNIQUE") != std::string::npos;
  }
  CHECK(reported);
  CHECK_THROWS_AS(writer.drain(), StoreError);  // reported again until abandoned
  writer.abandon();
  b.discard();
  CHECK_NOTHROW(writer.drain());
  CHECK(queryInt(d.db, "SELECT count(*) FROM b") == 0);  // nothing after the failed batch
  b.add(std::int64_t{5}).endRow();
  b.add(std::int64_t{6}).endRow();
  b.flush();
  CHECK(queryInt(d.db, "SELECT count(*) FROM b") == 2);
}

TEST_CASE("An import's queries see the rows its batch writer still held", "[model][store]") {
  const auto dir = orglens::test::tempDir("batch-writer-session");
  auto store = Store::open(dir / "s.orglens", Store::Mode::Create);
  auto session = store->beginImport({"x", "test", "0", "", 0, {}});
  EventRecord e;
  e.activity = session->intern("posted");
  for (int i = 0; i < 5000; ++i) {  // many full batches of events, objects and strings
    e.time = MicrosUtc{i};
    const auto event = session->addEvent(e);
    session->addEventLink(
        event, {session->object(typeId(BuiltinType::Message), "m" + std::to_string(i)), {}});
  }
  // Store queries during the import wait for the writer: they see every batch written so far.
  CHECK(queryInt(store->db(), "SELECT count(*) FROM events") >= 4864);  // 19 full batches
  CHECK_FALSE(store->findSource("0", "test", "").has_value());
  // A look-up through the session sees an object whose batch the writer may still hold.
  CHECK(session->findObject(typeId(BuiltinType::Message), "m4000").has_value());
  session->commit(session->counts(), {});
  CHECK(queryInt(store->db(), "SELECT count(*) FROM event_objects") == 5000);
}

TEST_CASE("An object the session cache dropped is found again in the store, not made twice",
          "[model][store]") {
  const auto dir = orglens::test::tempDir("batch-writer-dropped");
  auto store = Store::open(dir / "s.orglens", Store::Mode::Create);
  auto session = store->beginImport({"x", "test", "0", "", 0, {}});
  const auto message = typeId(BuiltinType::Message), thread = typeId(BuiltinType::Thread);
  // A thread and then a message with the same key (as the Slack importer makes a thread
  // parent): one key string, two objects.
  const auto t = session->object(thread, "C1/100.5");
  const auto m = session->object(message, "C1/100.5");
  CHECK(t != m);
  const auto first = session->object(message, "m0");
  for (int i = 1; i < 300000; ++i)  // past two cache generations: "m0" is dropped
    session->object(message, "m" + std::to_string(i));
  CHECK(session->object(message, "m0") == first);
  CHECK(session->findObject(message, "m0") == first);
  CHECK(session->object(message, "C1/100.5") == m);
  CHECK(session->object(thread, "C1/100.5") == t);
  CHECK_FALSE(session->findObject(thread, "m0").has_value());  // a key of another type
  session->commit(session->counts(), {});
  CHECK(queryInt(store->db(), "SELECT count(*) FROM objects") == 300002);
}

TEST_CASE("Strings looked up in a store that has some while the writer is busy keep their ids",
          "[model][store]") {
  const auto dir = orglens::test::tempDir("batch-writer-strings");
  auto store = Store::open(dir / "s.orglens", Store::Mode::Create);
  std::vector<StringId> before;
  {
    auto session = store->beginImport({"a", "test", "1", "", 0, {}});
    for (int i = 0; i < 10000; ++i) before.push_back(session->intern("s" + std::to_string(2 * i)));
    session->commit(session->counts(), {});
  }
  // The second session does not know the stored strings (its filter is loaded only once probes
  // pay for it): every string is probed in the store, between the event batches the writer
  // writes meanwhile.
  auto session = store->beginImport({"b", "test", "2", "", 0, {}});
  EventRecord e;
  std::size_t same = 0;
  for (int i = 0; i < 20000; ++i) {
    const auto id = session->intern("s" + std::to_string(i));
    if (i % 2 == 0) same += id == before[static_cast<std::size_t>(i / 2)];
    e.activity = id;
    e.time = MicrosUtc{i};
    session->addEvent(e);
  }
  CHECK(same == 10000);
  CHECK(session->text(before[1234]) == "s2468");
  session->commit(session->counts(), {});
  CHECK(queryInt(store->db(), "SELECT count(*) FROM strings") == 20000);
  CHECK(queryInt(store->db(), "SELECT count(*) FROM events") == 20000);
}
