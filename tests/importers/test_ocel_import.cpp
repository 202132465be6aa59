// OCEL 2.0 import of the real files: counts, the three serialisations giving one model, the
// mapping rules (people, actor/item, timeless initial values), and logistics.sqlite.
#include <catch2/catch.hpp>

#include <set>

#include "importers/import_file.h"
#include "model/time_format.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportOptions;

namespace {

/// The pm4py example writes its XML and SQLite times as naive local times of Central Europe
/// (e1 is 2022-01-09T14:00:00+00:00 in the JSON and "2022-01-09 15:00:00" in the SQLite), so
/// they are read with that zone; the JSON has explicit offsets and is not affected.
ImportOptions exampleOptions() {
  ImportOptions options;
  options.timezone = "Europe/Berlin";
  return options;
}

model::Model importModel(const std::filesystem::path& file, const ImportOptions& options = {},
                         importers::ImportOutcome* outcome = nullptr) {
  model::Model model;
  model::NoProgress progress;
  auto out = importers::importFile(model, file, options, progress);
  if (outcome) *outcome = out;
  return model;
}

std::size_t customTypes(const model::Model& m) {
  return m.typeNames().size() - model::kBuiltinTypeCount;
}

}  // namespace

TEST_CASE("Each OCEL 2.0 example file imports to 13 events, 9 objects, 4 types and 7 links",
          "[importers][ocel]") {
  for (const char* name : {"ocel/ocel20_example.jsonocel", "ocel/ocel20_example.xmlocel",
                           "ocel/ocel20_example.sqlite"}) {
    INFO(name);
    importers::ImportOutcome outcome;
    const auto model = importModel(test::sharedData(name), exampleOptions(), &outcome);
    CHECK(outcome.diagnostics.empty());
    CHECK(outcome.counts.skippedRows == 0);
    CHECK(model.events().size() == 13);
    CHECK(model.objects().size() == 9);
    CHECK(customTypes(model) == 4);
    CHECK(model.relations().size() == 7);
    CHECK(model.eventLinks().size() == 20);  // the rows of the SQLite event_object table
    CHECK(model.eventAttributes().size() == 13);
  }
}

TEST_CASE("The JSON, XML and SQLite example files give the same model", "[importers][ocel]") {
  const auto json = importModel(test::sharedData("ocel/ocel20_example.jsonocel"), exampleOptions());
  const auto xml = importModel(test::sharedData("ocel/ocel20_example.xmlocel"), exampleOptions());
  const auto sqlite = importModel(test::sharedData("ocel/ocel20_example.sqlite"), exampleOptions());
  CHECK(json.dump() == xml.dump());
  CHECK(json.dump() == sqlite.dump());
}

TEST_CASE("Detection picks the OCEL importers by extension and content", "[importers][ocel]") {
  for (auto [name, format] : {std::pair{"ocel/ocel20_example.jsonocel", "ocel-json"},
                              std::pair{"ocel/ocel20_example.xmlocel", "ocel-xml"},
                              std::pair{"ocel/ocel20_example.sqlite", "ocel-sqlite"},
                              std::pair{"ocel/logistics.sqlite", "ocel-sqlite"}}) {
    importers::ImportOutcome outcome;
    importModel(test::sharedData(name), {}, &outcome);
    CHECK(outcome.format == format);
  }
}

TEST_CASE("OCEL events get the first related object as item and typed, timed object attributes",
          "[importers][ocel]") {
  const auto m = importModel(test::sharedData("ocel/ocel20_example.jsonocel"));
  const auto& e3 = m.events()[2];  // Create Purchase Order: PR1 then PO1
  CHECK(m.text(e3.activity) == "Create Purchase Order");
  CHECK(model::formatIsoUtc(e3.time) == "2022-01-10T08:15:00Z");
  CHECK(m.text(m.objects()[e3.item.value()].key) == "PR1");
  CHECK(!e3.actor.valid());  // no person type in this log
  CHECK(m.text(e3.tool) == "process");
  CHECK(m.typeNames()[m.objects()[e3.item.value()].type.value()] == "Purchase Requisition");
  // PO1's quantity: an initial value without a time, then 600 from 2022-01-13T11:00Z.
  std::set<std::string> quantities;
  for (const auto& a : m.objectAttributes())
    if (m.text(a.key) == "po_quantity" && m.text(m.objects()[a.object.value()].key) == "PO1")
      quantities.insert(model::formatValue(a.value) + "@" +
                        (a.time ? model::formatIsoUtc(*a.time) : "-"));
  CHECK(quantities == std::set<std::string>{"500@-", "600@2022-01-13T11:00:00Z"});
}

TEST_CASE("Object types that are people become persons with their OCEL type kept",
          "[importers][ocel]") {
  const auto dir = test::tempDir("ocel-people");
  const auto file = test::writeFile(dir / "people.jsonocel", R"({
  "objectTypes": [{"name": "Employees", "attributes": [{"name": "name", "type": "string"}]},
                  {"name": "task", "attributes": [{"name": "cost", "type": "float"}]}],
  "eventTypes": [{"name": "Close", "attributes": [{"name": "n", "type": "integer"}]}],
  "objects": [
    {"id": "u1", "type": "Employees", "attributes": [{"name": "name", "time": "1970-01-01T00:00:00Z", "value": "Ann Lee"}]},
    {"id": "t1", "type": "task", "attributes": [{"name": "cost", "time": "2024-05-01T10:00:00Z", "value": "2"}]}
  ],
  "events": [{"id": "e1", "type": "Close", "time": "2024-05-02T10:00:00+02:00",
              "attributes": [{"name": "n", "value": "7"}],
              "relationships": [{"objectId": "u1", "qualifier": ""}, {"objectId": "t1", "qualifier": "closes"}]}]
})");
  importers::ImportOutcome outcome;
  const auto m = importModel(file, {}, &outcome);
  CHECK(outcome.diagnostics.empty());
  REQUIRE(m.events().size() == 1);
  const auto& e = m.events()[0];
  REQUIRE(e.actor.valid());
  const auto& person = m.objects()[e.actor.value()];
  CHECK(person.type == model::typeId(model::BuiltinType::Person));
  CHECK(m.text(person.key) == "u1");
  CHECK(m.text(person.name) == "Ann Lee");
  CHECK(m.objects()[e.item.value()].type == model::typeId(model::BuiltinType::Task));
  CHECK(customTypes(m) == 0);  // Employees → person, task → the built-in task
  CHECK(m.aliases().size() == 1);
  CHECK(model::formatIsoUtc(e.time) == "2024-05-02T08:00:00Z");
  CHECK(m.eventAttributes()[0].value == model::Value(std::int64_t{7}));
  const auto dump = m.dump();
  CHECK_THAT(dump, Catch::Contains("oattr person:u1 ocel:type=Employees"));
  CHECK_THAT(dump, Catch::Contains("oattr task:t1 cost=2 type=2 at 2024-05-01T10:00:00Z"));
  CHECK_THAT(dump, Catch::Contains("link 0 person:u1 \n"));  // empty qualifier
}

TEST_CASE("The --person-type option names the people types explicitly", "[importers][ocel]") {
  ImportOptions options;
  options.personTypes = {"Truck"};
  const auto m = importModel(test::sharedData("ocel/logistics.sqlite"), options);
  std::size_t people = 0;
  for (const auto& o : m.objects()) people += o.type == model::typeId(model::BuiltinType::Person);
  CHECK(people == 6);
}

TEST_CASE("logistics.sqlite imports every event, object and type", "[importers][ocel]") {
  // Figures checked with the sqlite3 CLI on the file itself:
  //   SELECT count(*) FROM event;                    -- 8727
  //   SELECT count(*) FROM object;                   -- 970
  //   SELECT count(DISTINCT ocel_type) FROM event;   -- 13
  //   SELECT count(*) FROM object_map_type;          -- 7 (Handling Unit has no objects)
  //   SELECT count(*) FROM event_object;             -- 16738
  //   SELECT count(*) FROM object_object;            -- 3960
  // The log names 2540 handling units ("hu1", ...) that its object table lacks:
  //   SELECT count(*) FROM event_object WHERE ocel_object_id NOT IN (SELECT ocel_id FROM object);
  //     -- 5080 dangling event-to-object rows
  //   SELECT count(*) FROM object_object WHERE ocel_source_id NOT IN (SELECT ocel_id FROM object)
  //     OR ocel_target_id NOT IN (SELECT ocel_id FROM object);  -- 2540 dangling relations
  // Each is a skipped row with a diagnostic (16738 - 5080 links, 3960 - 2540 relations remain).
  importers::ImportOutcome outcome;
  const auto m = importModel(test::sharedData("ocel/logistics.sqlite"), {}, &outcome);
  CHECK(outcome.counts.skippedRows == 5080 + 2540);
  CHECK(outcome.counts.errors == 0);
  REQUIRE(!outcome.diagnostics.empty());
  CHECK_THAT(outcome.diagnostics[0].message,
             Catch::Contains("table 'object_object' row") && Catch::Contains("unknown object 'hu"));
  CHECK(m.events().size() == 8727);
  CHECK(m.objects().size() == 970);
  std::set<std::string> activities;
  for (const auto& e : m.events()) activities.insert(std::string(m.text(e.activity)));
  CHECK(activities.size() == 13);
  CHECK(customTypes(m) == 7);
  CHECK(m.eventLinks().size() == 16738 - 5080);
  CHECK(m.relations().size() == 3960 - 2540);
  // SELECT ocel_time FROM event_RegisterCustomerOrder WHERE ocel_id = 'reg_co2' (first event row)
  CHECK(model::formatIsoUtc(m.events()[0].time) == "2023-05-26T18:26:40Z");
}
