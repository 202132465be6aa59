// OCEL 2.0 export: import → export (SQLite, JSON) → import gives the same model; the SQLite
// file has the standard's tables and columns; existing files are not overwritten by accident.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "importers/ocel_export.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportOptions;

namespace {

model::Model importModel(const std::filesystem::path& file, const ImportOptions& options = {}) {
  model::Model model;
  model::NoProgress progress;
  const auto outcome = importers::importFile(model, file, options, progress);
  INFO(file.string());
  CHECK(outcome.counts.skippedRows == 0);
  return model;
}

ImportOptions exampleOptions() {
  ImportOptions options;
  options.timezone = "Europe/Berlin";  // the example's XML/SQLite times are naive CET
  return options;
}

std::vector<std::string> column(sqlite3* db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  while (sqlite3_step(s) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(s, 0);
    out.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
  }
  sqlite3_finalize(s);
  return out;
}

}  // namespace

TEST_CASE("Import, export to OCEL SQLite and JSON, and import again gives the same model",
          "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-roundtrip");
  for (const char* name : {"ocel/ocel20_example.jsonocel", "ocel/ocel20_example.sqlite"}) {
    INFO(name);
    const auto original = importModel(test::sharedData(name), exampleOptions());
    const auto sqlite = dir / (std::string(std::filesystem::path(name).stem()) + "-out.sqlite");
    const auto json = dir / (std::string(std::filesystem::path(name).stem()) + "-out.jsonocel");
    const auto countsSqlite = importers::exportOcelSqlite(original, sqlite, true);
    const auto countsJson = importers::exportOcelJson(original, json, true);
    CHECK(countsSqlite.events == 13);
    CHECK(countsSqlite.objects == 9);
    CHECK(countsSqlite.objectTypes == 4);
    CHECK(countsSqlite.eventTypes == 8);
    CHECK(countsSqlite.eventObjectLinks == 20);
    CHECK(countsSqlite.objectObjectLinks == 7);
    CHECK(countsJson.eventObjectLinks == 20);
    CHECK(importModel(sqlite).dump() == original.dump());
    CHECK(importModel(json).dump() == original.dump());
  }
}

TEST_CASE("People, native orglens events and typed attributes survive an OCEL round trip",
          "[importers][ocel]") {
  model::Model m;
  m.setCurrentSource(m.addSource({}));  // the importer's model has source 0 too
  const auto task = m.object(model::typeId(model::BuiltinType::Task), "T-1", "Fix login");
  const auto ann = m.object(model::typeId(model::BuiltinType::Person), "ann", "Ann");
  const auto bob = m.object(model::typeId(model::BuiltinType::Person), "bob");
  m.addAlias(model::AliasKind::PersonKey, "ann", model::PersonId::of(ann));
  m.addAlias(model::AliasKind::PersonKey, "bob", model::PersonId::of(bob));
  m.setObjectAttribute(ann, m.intern("name"), std::string("Ann"));
  m.setObjectAttribute(task, m.intern("name"), std::string("Fix login"));
  m.setObjectAttribute(task, m.intern("points"), std::int64_t{3});
  m.setObjectAttribute(task, m.intern("points"), std::int64_t{5}, 1'700'000'000'000'000);
  m.setObjectAttribute(task, m.intern("due"), model::TimeValue{1'700'000'000'123'456});
  model::EventRecord e;
  e.time = 1'700'000'100'000'000;
  e.activity = m.intern("Review");
  e.actor = model::PersonId::of(ann);
  e.item = task;
  e.tool = m.intern("process");
  const auto id = m.addEvent(e);
  m.addEventLink(id, {ann, m.intern("actor")});
  m.addEventLink(id, {task, m.intern("item")});
  m.addEventLink(id, {bob, m.intern("cc")});
  m.setEventAttribute(id, m.intern("ok"), true);
  m.setEventAttribute(id, m.intern("score"), 0.1);
  m.addRelation({bob, ann, m.intern("reports-to"), std::nullopt, std::nullopt});
  const auto dir = test::tempDir("ocel-native");
  for (const char* file : {"native.sqlite", "native.jsonocel"}) {
    INFO(file);
    const auto path = dir / file;
    if (std::string(file).ends_with(".sqlite"))
      importers::exportOcelSqlite(m, path);
    else
      importers::exportOcelJson(m, path);
    CHECK(importModel(path).dump() == m.dump());
  }
}

TEST_CASE("The exported SQLite file has the OCEL 2.0 tables and columns", "[importers][ocel]") {
  const auto original = importModel(test::sharedData("ocel/ocel20_example.jsonocel"));
  const auto dir = test::tempDir("ocel-tables");
  const auto out = dir / "out.sqlite";
  importers::exportOcelSqlite(original, out);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(out.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  CHECK(column(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") ==
        std::vector<std::string>{
            "event", "event_ApprovePurchaseRequisition", "event_ChangePOQuantity",
            "event_CreatePurchaseOrder", "event_CreatePurchaseRequisition", "event_InsertInvoice",
            "event_InsertPayment", "event_RemovePaymentBlock", "event_SetPaymentBlock",
            "event_map_type", "event_object", "object", "object_Invoice", "object_Payment",
            "object_PurchaseOrder", "object_PurchaseRequisition", "object_map_type",
            "object_object"});
  CHECK(column(db, "SELECT count(*) FROM event")[0] == "13");
  CHECK(column(db, "SELECT count(*) FROM object")[0] == "9");
  CHECK(column(db,
               "SELECT ocel_qualifier FROM event_object WHERE ocel_event_id = 'e3' AND "
               "ocel_object_id = 'PO1'") ==
        std::vector<std::string>{"Created order with identifier"});
  CHECK(column(db, "SELECT ocel_qualifier FROM object_object WHERE ocel_source_id = 'PR1'") ==
        std::vector<std::string>{"PO from PR"});
  CHECK(column(db,
               "SELECT ocel_type_map FROM object_map_type WHERE ocel_type = 'Purchase Order'")[0] ==
        "PurchaseOrder");
  CHECK(
      column(db, "SELECT ocel_time FROM event_CreatePurchaseRequisition WHERE ocel_id = 'e1'")[0] ==
      "2022-01-09T14:00:00Z");
  CHECK(column(db, "SELECT pr_creator FROM event_CreatePurchaseRequisition")[0] == "Mike");
  // PO1: the initial row, then one change row for the quantity.
  CHECK(column(db,
               "SELECT ocel_time || '|' || ifnull(ocel_changed_field, '') || '|' || "
               "ifnull(po_quantity, '') "
               "FROM object_PurchaseOrder WHERE ocel_id = 'PO1' ORDER BY rowid") ==
        std::vector<std::string>{"1970-01-01T00:00:00Z||500",
                                 "2022-01-13T11:00:00Z|po_quantity|600"});
  CHECK(column(db, "SELECT name FROM pragma_table_info('object_PurchaseOrder') ORDER BY cid") ==
        std::vector<std::string>{"ocel_id", "ocel_time", "ocel_changed_field", "po_product",
                                 "po_quantity"});
  sqlite3_close(db);
}

TEST_CASE("The export refuses to overwrite a file unless forced", "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-force");
  const auto out = test::writeFile(dir / "out.jsonocel", "keep me");
  model::Model m;
  CHECK_THROWS_WITH(importers::exportOcelJson(m, out),
                    Catch::Contains("out.jsonocel") && Catch::Contains("--force"));
  CHECK(test::readFile(out) == "keep me");
  importers::exportOcelJson(m, out, true);
  CHECK_THAT(test::readFile(out), Catch::Contains("\"objectTypes\""));
  CHECK_THROWS_WITH(importers::exportOcelSqlite(m, dir / "missing" / "x.sqlite"),
                    Catch::Contains("x.sqlite"));
}
