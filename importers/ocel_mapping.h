// The mapping of an OCEL 2.0 log onto the orglens model, shared by the JSON, XML and SQLite
// readers: they only parse and hand over declarations, objects and events, so that the three
// serialisations of one log give the same model.
//
// Rules (also in README.md, "OCEL 2.0"):
//  - Object types whose objects are people (ImportOptions::personTypes, or when that is empty
//    a name in isPersonTypeName()) become `person` objects: key = the OCEL object id, alias
//    PersonKey = the id; the OCEL type name is kept in the
//    timeless object attribute `ocel:type` (unless it is "person") so that the export writes it
//    back. Built-in type names (task, document, ...) map to themselves; every other type is
//    declared as a custom type with its OCEL name. An object's display name comes from a
//    `name`-like attribute (name, full name, display name), which is kept as an attribute too.
//  - Events: activity = event type, tool "process", lifecycle complete. Every event-to-object
//    relationship is an event link with its qualifier; actor = the first related person, item =
//    the first related object that is not a person.
//  - Qualifiers: an empty or missing qualifier is the interned empty string (never an invalid
//    id), for links and relations alike, so that store, dump and export agree.
//  - Object attribute values carry their time, except OCEL's "initial value" marker: no time,
//    or a time within the UTC offsets of 1970-01-01T00:00:00Z (pm4py writes the epoch in local
//    time, e.g. "1970-01-01 01:00:00" in SQLite), which is stored without a time.
//  - Attribute values are converted to the type the log declares (string, integer, float,
//    boolean, time); a value that does not fit is kept as text with a warning.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "importers/importer.h"
#include "importers/timestamp.h"

namespace orglens::importers {

enum class OcelType : std::uint8_t { String, Integer, Float, Boolean, Time };
/// "string", "integer", "float", "boolean", "time" (and the aliases int, double, real, bool,
/// date, datetime, timestamp); nullopt otherwise.
std::optional<OcelType> parseOcelType(std::string_view text);
std::string_view toString(OcelType type);
/// The OCEL type of a model value (null and text: string).
OcelType ocelTypeOf(const model::Value& value);

/// The object attribute holding the OCEL type name of a person object.
inline constexpr std::string_view kOcelTypeAttribute = "ocel:type";
/// The time the exporters write for a timeless (initial) object attribute value.
inline constexpr std::string_view kOcelInitialTime = "1970-01-01T00:00:00Z";

/// employee(s), resource(s), person, people, user(s), staff, worker(s), case-insensitive.
bool isPersonTypeName(std::string_view name);
/// True for OCEL's "initial value" time: within [-12 h, +14 h] of the epoch (every UTC offset).
bool isInitialOcelTime(model::MicrosUtc time);

struct OcelAttributeDecl {
  std::string name;
  OcelType type = OcelType::String;
};

/// Where a record was read: a line (JSON, XML) or a table row (SQLite); for diagnostics.
struct OcelPlace {
  std::uint64_t line = 0;
  std::string table;
  std::int64_t row = 0;
};
inline OcelPlace atLine(std::uint64_t line) {
  OcelPlace p;
  p.line = line;
  return p;
}

struct OcelRelationshipIn {
  std::string objectId;
  std::string qualifier;
  OcelPlace place;
};

struct OcelEventIn {
  std::string id;
  std::string type;
  std::string time;
  OcelPlace place;
  std::vector<std::pair<std::string, model::Value>> attributes;  // raw values
  std::vector<OcelRelationshipIn> relationships;
};

/// Receives a parsed OCEL log and writes it into ctx.sink. Objects must be complete (objectsDone)
/// before events can be written: events that arrive earlier are queued, object-to-object
/// relations wait until every object is known (they may point forward).
class OcelMapper {
 public:
  explicit OcelMapper(ImportContext& ctx);
  void declareObjectType(std::string_view name, const std::vector<OcelAttributeDecl>& attributes);
  void declareEventType(std::string_view name, const std::vector<OcelAttributeDecl>& attributes);
  /// False (with a diagnostic) when the id is empty or a duplicate: skip the object's content.
  bool addObject(std::string_view id, std::string_view type, const OcelPlace& place);
  /// `time` empty = timeless. Unknown objects get a diagnostic.
  void addObjectAttribute(std::string_view objectId, std::string_view name, const model::Value& raw,
                          std::string_view time, const OcelPlace& place);
  void addObjectRelation(std::string_view fromId, OcelRelationshipIn to);
  /// Every object has been seen: writes the relations and any queued events.
  void objectsDone();
  void addEvent(OcelEventIn event);
  /// End of the log (calls objectsDone() when needed).
  void finish();

  /// "line 12: " / "table 'event_object' row 3: " prefixes and the skipped-row count.
  void warn(const OcelPlace& place, const std::string& message);
  void skip(const OcelPlace& place, const std::string& message);

 private:
  struct TypeInfo {
    model::TypeId type;
    bool person = false;
    std::unordered_map<std::string, OcelType> attributes;
  };
  struct ObjectInfo {
    model::ObjectId id;
    const TypeInfo* type = nullptr;
    bool created = true;  // false: an existing person found by its key (do not rename)
  };
  TypeInfo& objectTypeInfo(std::string_view name);
  std::unordered_map<std::string, OcelType>& eventTypeInfo(std::string_view name);
  bool isPersonType(std::string_view name) const;
  std::optional<model::Value> convert(const model::Value& raw, OcelType type, std::string_view what,
                                      const OcelPlace& place);
  std::optional<std::optional<model::MicrosUtc>> readTime(std::string_view text,
                                                          std::string_view what,
                                                          const OcelPlace& place);
  void writeEvent(const OcelEventIn& event);
  void writeLinks(const OcelEventIn& event, model::EventRecord& record,
                  std::vector<model::EventLink>& links);

  ImportContext& m_ctx;
  TimestampParser m_time;
  std::unordered_map<std::string, std::unique_ptr<TypeInfo>> m_objectTypes;
  std::unordered_map<std::string, std::unordered_map<std::string, OcelType>> m_eventTypes;
  std::unordered_map<std::string, ObjectInfo> m_objects;
  std::unordered_set<std::string> m_eventIds;
  std::vector<std::pair<std::string, OcelRelationshipIn>> m_pendingRelations;
  std::vector<OcelEventIn> m_pendingEvents;
  bool m_objectsDone = false;
  model::StringId m_process, m_ocelType, m_empty;
};

}  // namespace orglens::importers
