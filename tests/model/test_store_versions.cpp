#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "model/store.h"
#include "model/store_schema.h"
#include "tests/support/test_support.h"

using namespace orglens::model;

namespace {

void runSql(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("A new store carries the current schema version", "[model][store]") {
  const auto dir = orglens::test::tempDir("version");
  auto store = Store::open(dir / "x.orglens", Store::Mode::Create);
  CHECK(store->schemaVersion() == currentSchemaVersion());
  CHECK(currentSchemaVersion() == 3);
}

TEST_CASE("A store from a newer orglens is refused with a clear message", "[model][store]") {
  const auto dir = orglens::test::tempDir("newer");
  const auto path = dir / "x.orglens";
  Store::open(path, Store::Mode::Create);
  runSql(path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  for (auto mode : {Store::Mode::ReadOnly, Store::Mode::ReadWrite}) {
    try {
      Store::open(path, mode);
      FAIL("a newer store was opened");
    } catch (const StoreError& e) {
      const std::string message = e.what();
      CHECK_THAT(message, Catch::Contains("newer orglens"));
      CHECK_THAT(message, Catch::Contains("schema version 99"));
      CHECK_THAT(message, Catch::Contains(path.string()));
      CHECK_THAT(message, Catch::Contains("upgrade orglens"));
    }
  }
}

TEST_CASE("A version 1 store is migrated to the current version and keeps its data",
          "[model][store]") {
  const auto dir = orglens::test::tempDir("older");
  const auto path = dir / "v1.orglens";
  // Build a store exactly as version 1 of orglens wrote it.
  runSql(path, "PRAGMA application_id = " + std::to_string(kApplicationId) + ";" +
                   std::string(migrations().front().sql) +
                   "INSERT INTO meta VALUES('schema_version','1');"
                   "INSERT INTO strings VALUES(1,'p1'),(2,'Submit');"
                   "INSERT INTO objects VALUES(1,1,1,NULL,1);"
                   "INSERT INTO events VALUES(1,1000000,2,1,NULL,0,NULL,0,1);"
                   "INSERT INTO sources VALUES(1,'/old.csv','event-csv','aa',5,1,1);");
  SECTION("read-only opening asks for a migration") {
    CHECK_THROWS_WITH(Store::open(path, Store::Mode::ReadOnly),
                      Catch::Contains("older schema version 1"));
  }
  SECTION("read-write opening migrates") {
    auto store = Store::open(path, Store::Mode::ReadWrite);
    CHECK(store->schemaVersion() == currentSchemaVersion());
    const auto sources = store->sources();
    REQUIRE(sources.size() == 1);
    CHECK(sources[0].path == "/old.csv");
    CHECK(sources[0].options.empty());
    CHECK(store->summary().events == 1);
    CHECK(store->findSource("aa", "event-csv", "").has_value());
  }
}

TEST_CASE("A version 2 store opens read-only as it is and migrates on a read-write open",
          "[model][store]") {
  const auto dir = orglens::test::tempDir("v2");
  const auto path = dir / "v2.orglens";
  runSql(path, "PRAGMA application_id = " + std::to_string(kApplicationId) + ";" +
                   std::string(migrations()[0].sql) + std::string(migrations()[1].sql) +
                   "INSERT INTO meta VALUES('schema_version','2');"
                   "INSERT INTO strings VALUES(1,'p1'),(2,'Submit');"
                   "INSERT INTO objects VALUES(1,1,1,NULL,1);"
                   "INSERT INTO events VALUES(1,1000000,2,1,NULL,0,NULL,0,1);");
  {
    auto store = Store::open(path, Store::Mode::ReadOnly);
    CHECK(store->schemaVersion() == 2);
    CHECK(store->summary().events == 1);
    CHECK(store->loadModel().events().size() == 1);
  }
  auto store = Store::open(path, Store::Mode::ReadWrite);
  CHECK(store->schemaVersion() == currentSchemaVersion());
  CHECK(queryInt(store->db(), "SELECT count(*) FROM pending_relations") == 0);
}

TEST_CASE("Files that are not orglens stores are refused by name", "[model][store]") {
  const auto dir = orglens::test::tempDir("notastore");
  const auto text =
      orglens::test::writeFile(dir / "notes.orglens", "this is not a database at all, sorry\n");
  CHECK_THROWS_WITH(Store::open(text, Store::Mode::ReadWrite),
                    Catch::Contains("not an orglens store"));
  const auto other = dir / "other.sqlite";
  runSql(other, "CREATE TABLE t(x)");
  CHECK_THROWS_WITH(Store::open(other, Store::Mode::ReadWrite),
                    Catch::Contains("not an orglens store"));
  CHECK_THROWS_WITH(Store::open(dir / "missing.orglens", Store::Mode::ReadOnly),
                    Catch::Contains("does not exist"));
}
