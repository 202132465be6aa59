// OCEL 2.0 bad input: row-level problems are diagnostics naming the line (or table and row) and
// skipped rows; --strict makes them fatal; structural problems are an ImportError.
#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportError;
using importers::ImportOptions;

namespace {

importers::ImportOutcome importText(const std::filesystem::path& file, model::Model& model,
                                    bool strict = false) {
  ImportOptions options;
  options.strict = strict;
  model::NoProgress progress;
  return importers::importFile(model, file, options, progress);
}

bool hasDiagnostic(const importers::ImportOutcome& o, std::uint64_t line, const std::string& text) {
  for (const auto& d : o.diagnostics)
    if (d.line == line && d.message.find(text) != std::string::npos) return true;
  return false;
}

constexpr const char* kHeader =
    R"({"objectTypes": [{"name": "Order", "attributes": [{"name": "qty", "type": "integer"}]}],
"eventTypes": [{"name": "Ship", "attributes": []}],
)";

}  // namespace

TEST_CASE("Bad OCEL JSON rows are diagnosed with their line and skipped", "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-bad-json");
  const auto file = test::writeFile(dir / "bad.jsonocel", std::string(kHeader) + R"("objects": [
  {"id": "o1", "type": "Order", "attributes": [{"name": "qty", "time": "1970-01-01T00:00:00Z", "value": "7"}]},
  {"id": "o1", "type": "Order"},
  {"id": 17, "type": "Order"}
],
"events": [
  {"id": "e1", "type": "Ship", "time": "2024-01-01T10:00:00Z", "relationships": [{"objectId": "o9", "qualifier": "x"}]},
  {"id": "e2", "type": "Ship", "time": "yesterday", "relationships": []},
  {"id": "e3", "type": "Ship", "time": "2024-01-02T10:00:00Z", "relationships": [{"objectId": "o1", "qualifier": "ships"}]}
]})");
  model::Model model;
  const auto outcome = importText(file, model);
  CHECK(model.objects().size() == 1);
  CHECK(model.events().size() == 2);  // e1 (without its dangling link) and e3
  CHECK(model.eventLinks().size() == 1);
  CHECK(hasDiagnostic(outcome, 5, "duplicate object id 'o1'"));
  CHECK(hasDiagnostic(outcome, 6, "object id must be a string, found a number"));
  CHECK(hasDiagnostic(outcome, 9, "event 'e1' refers to unknown object 'o9'"));
  CHECK(hasDiagnostic(outcome, 10, "cannot read the time 'yesterday'"));
  CHECK(outcome.counts.skippedRows == 4);
  model::Model strictModel;
  CHECK_THROWS_WITH(importText(file, strictModel, true),
                    Catch::Contains("bad.jsonocel:5") && Catch::Contains("duplicate object id"));
}

TEST_CASE("Truncated or non-OCEL JSON is a fatal error naming the file", "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-truncated");
  const std::string whole =
      std::string(kHeader) + R"("objects": [{"id": "o1", "type": "Order"}], "events": []})";
  const auto truncated = test::writeFile(dir / "cut.jsonocel", whole.substr(0, whole.size() - 20));
  model::Model model;
  CHECK_THROWS_WITH(importText(truncated, model),
                    Catch::Contains("cut.jsonocel") && Catch::Contains("not valid JSON"));
  const auto array = test::writeFile(dir / "array.jsonocel", "[1, 2]");
  CHECK_THROWS_WITH(importText(array, model), Catch::Contains("array.jsonocel:1") &&
                                                  Catch::Contains("not an OCEL 2.0 JSON log"));
  const auto other = test::writeFile(dir / "other.jsonocel", R"({"events": []})");
  CHECK_THROWS_WITH(importText(other, model), Catch::Contains("no 'objectTypes'"));
}

TEST_CASE("Invalid OCEL XML is a fatal error with its line; bad XML rows are diagnosed",
          "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-bad-xml");
  const auto broken = test::writeFile(dir / "broken.xmlocel",
                                      "<log>\n<object-types>\n<object-type name=\"A\">\n</log>\n");
  model::Model model;
  CHECK_THROWS_WITH(importText(broken, model),
                    Catch::Contains("broken.xmlocel:4") && Catch::Contains("invalid XML"));
  const auto rows = test::writeFile(dir / "rows.xmlocel", R"(<?xml version="1.0"?>
<log>
  <object-types><object-type name="Order"><attributes/></object-type></object-types>
  <event-types><event-type name="Ship"><attributes/></event-type></event-types>
  <objects>
    <object id="o1" type="Order"><objects><relationship object-id="nope" qualifier="q"/></objects></object>
    <object id="o1" type="Order"/>
  </objects>
  <events>
    <event id="e1" type="Ship" time="2024-13-45T10:00:00Z"/>
    <event id="e2" type="Ship" time="2024-01-01T10:00:00Z"><objects><relationship object-id="o2" qualifier=""/></objects></event>
  </events>
</log>
)");
  const auto outcome = importText(rows, model);
  CHECK(hasDiagnostic(outcome, 7, "duplicate object id 'o1'"));
  CHECK(hasDiagnostic(outcome, 6, "unknown object 'nope'"));
  CHECK(hasDiagnostic(outcome, 10, "cannot read the time '2024-13-45T10:00:00Z'"));
  CHECK(hasDiagnostic(outcome, 11, "refers to unknown object 'o2'"));
  CHECK(outcome.counts.skippedRows == 4);
  CHECK(model.events().size() == 1);
}

TEST_CASE("An OCEL SQLite file without a required table is refused; bad rows name table and row",
          "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-bad-sqlite");
  const auto file = dir / "log.sqlite";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(
              db,
              "CREATE TABLE event (ocel_id TEXT, ocel_type TEXT);"
              "CREATE TABLE object (ocel_id TEXT, ocel_type TEXT);"
              "CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT, ocel_qualifier "
              "TEXT);"
              "CREATE TABLE event_map_type (ocel_type TEXT, ocel_type_map TEXT);"
              "CREATE TABLE object_map_type (ocel_type TEXT, ocel_type_map TEXT);"
              "INSERT INTO object_map_type VALUES ('Order', 'Order');"
              "INSERT INTO event_map_type VALUES ('Ship', 'Ship');"
              "CREATE TABLE object_Order (ocel_id TEXT, ocel_time TEXT, ocel_changed_field TEXT);"
              "CREATE TABLE event_Ship (ocel_id TEXT, ocel_time TEXT);"
              "INSERT INTO object VALUES ('o1', 'Order'), ('o1', 'Order');"
              "INSERT INTO event VALUES ('e1', 'Ship'), ('e2', 'Ship');"
              "INSERT INTO event_Ship VALUES ('e1', '2024-01-01 10:00:00'), ('e2', 'soon');"
              "INSERT INTO event_object VALUES ('e1', 'o1', 'q'), ('e1', 'o7', 'q');",
              nullptr, nullptr, nullptr) == SQLITE_OK);
  model::Model model;
  CHECK_THROWS_WITH(
      importText(file, model),
      Catch::Contains("log.sqlite") && Catch::Contains("table 'object_object' is missing"));
  REQUIRE(sqlite3_exec(db,
                       "CREATE TABLE object_object (ocel_source_id TEXT, ocel_target_id TEXT, "
                       "ocel_qualifier TEXT);",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const auto outcome = importText(file, model);
  CHECK(outcome.format == "ocel-sqlite");
  CHECK(hasDiagnostic(outcome, 0, "table 'object' row 2: duplicate object id 'o1'"));
  CHECK(hasDiagnostic(outcome, 0,
                      "table 'event_object' row 2: event 'e1' refers to unknown object 'o7'"));
  CHECK(hasDiagnostic(outcome, 0, "table 'event' row 2: cannot read the time 'soon'"));
  CHECK(outcome.counts.skippedRows == 3);
  CHECK(model.events().size() == 1);
}

TEST_CASE("An orglens store is not mistaken for an OCEL SQLite log", "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-store");
  const auto path = dir / "org.sqlite";
  model::Store::open(path, model::Store::Mode::Create);
  model::Model model;
  CHECK_THROWS_WITH(importText(path, model), Catch::Contains("cannot tell the format"));
}
