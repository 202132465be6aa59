// OCEL 2.0 SQLite (`.sqlite`, `.db`): tables event, object, event_object, object_object,
// event_map_type, object_map_type and one event_<map>/object_<map> table per type. Opened
// read-only. Event times and attributes live in the per-type tables, so they are read into a
// map by event id first (O(events) memory), then the events are written in `event` row order.
#include <sqlite3.h>

#include <cstring>
#include <memory>

#include "importers/ocel_mapping.h"
#include "importers/registry.h"
#include "model/sqlite_util.h"

namespace orglens::importers {
namespace {

using model::Statement;

constexpr std::int64_t kOrglensApplicationId = 0x4F52474C;  // docs/store.md
constexpr const char* kRequiredTables[] = {"event",         "object",         "event_object",
                                           "object_object", "event_map_type", "object_map_type"};

std::string sqlQuoted(std::string_view identifier) {
  std::string out = "\"";
  for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

using Db = std::unique_ptr<sqlite3, int (*)(sqlite3*)>;

Db openReadOnly(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  Db out(db, &sqlite3_close);
  if (rc != SQLITE_OK) return Db(nullptr, &sqlite3_close);
  return out;
}

bool hasTable(sqlite3* db, std::string_view name) {
  Statement s(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?");
  s.bind(1, name);
  return s.step();
}

/// The value of a cell as the mapper wants it: NULL → monostate, numbers typed, text as text.
model::Value cell(const Statement& s, int column) {
  switch (s.columnType(column)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return s.columnInt(column);
    case SQLITE_FLOAT:
      return s.columnReal(column);
    default:
      return std::string(s.columnText(column));
  }
}

/// OCEL type from a column's declared SQL type (SQLite affinity rules, plus TIMESTAMP/BOOLEAN).
OcelType typeOfColumn(std::string_view declared) {
  std::string t(declared);
  for (auto& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (t.find("INT") != std::string::npos) return OcelType::Integer;
  if (t.find("REAL") != std::string::npos || t.find("FLOA") != std::string::npos ||
      t.find("DOUB") != std::string::npos || t.find("NUMERIC") != std::string::npos)
    return OcelType::Float;
  if (t.find("BOOL") != std::string::npos) return OcelType::Boolean;
  if (t.find("TIME") != std::string::npos || t.find("DATE") != std::string::npos)
    return OcelType::Time;
  return OcelType::String;
}

struct TypeTable {
  std::string type;   // OCEL type name
  std::string table;  // event_<map> / object_<map>; empty when absent
  std::vector<OcelAttributeDecl> attributes;
  bool hasChangedField = false;
};

struct EventData {
  std::string time;
  std::vector<std::pair<std::string, model::Value>> attributes;
  std::int64_t row = 0;
};

class OcelSqliteRun {
 public:
  explicit OcelSqliteRun(ImportContext& ctx) : m_ctx(ctx), m_map(ctx) {}
  void run();

 private:
  std::string file() const { return "'" + m_ctx.path.string() + "'"; }
  std::vector<TypeTable> readTypes(const char* mapTable, const char* prefix);
  void readObjects();
  void readObjectAttributes(const TypeTable& t);
  void readObjectRelations();
  std::unordered_map<std::string, EventData> readEventTables();
  void readEvents();

  ImportContext& m_ctx;
  OcelMapper m_map;
  Db m_db{nullptr, &sqlite3_close};
  std::vector<TypeTable> m_objectTypes, m_eventTypes;
};

std::vector<TypeTable> OcelSqliteRun::readTypes(const char* mapTable, const char* prefix) {
  std::vector<TypeTable> out;
  Statement s(m_db.get(), std::string("SELECT rowid, ocel_type, ocel_type_map FROM ") + mapTable +
                              " ORDER BY rowid");
  while (s.step()) {
    TypeTable t;
    t.type = std::string(s.columnText(1));
    const std::string table = prefix + std::string(s.columnText(2));
    if (t.type.empty()) {
      m_map.skip({0, mapTable, s.columnInt(0)}, "a type without a name; skipped");
      continue;
    }
    if (hasTable(m_db.get(), table)) {
      t.table = table;
      Statement columns(m_db.get(), "SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
      columns.bind(1, table);
      while (columns.step()) {
        const std::string name(columns.columnText(0));
        if (name == "ocel_changed_field") t.hasChangedField = true;
        if (name == "ocel_id" || name == "ocel_time" || name == "ocel_changed_field") continue;
        t.attributes.push_back({name, typeOfColumn(columns.columnText(1))});
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

void OcelSqliteRun::readObjects() {
  Statement s(m_db.get(), "SELECT rowid, ocel_id, ocel_type FROM object ORDER BY rowid");
  while (s.step()) m_map.addObject(s.columnText(1), s.columnText(2), {0, "object", s.columnInt(0)});
}

void OcelSqliteRun::readObjectAttributes(const TypeTable& t) {
  if (t.table.empty()) return;
  std::string sql = "SELECT rowid, ocel_id, ocel_time, " +
                    std::string(t.hasChangedField ? "ocel_changed_field" : "NULL");
  for (const auto& a : t.attributes) sql += ", " + sqlQuoted(a.name);
  Statement s(m_db.get(), sql + " FROM " + sqlQuoted(t.table) + " ORDER BY rowid");
  while (s.step()) {
    const OcelPlace place{0, t.table, s.columnInt(0)};
    const std::string id(s.columnText(1));
    const std::string time(s.columnText(2));
    const std::string changed(s.columnText(3));
    bool found = changed.empty();
    for (std::size_t i = 0; i < t.attributes.size(); ++i) {
      // A change row carries the changed field only; an initial row every non-NULL value.
      if (!changed.empty() && t.attributes[i].name != changed) continue;
      found = true;
      const int column = static_cast<int>(i) + 4;
      if (s.columnIsNull(column)) continue;
      m_map.addObjectAttribute(id, t.attributes[i].name, cell(s, column), time, place);
    }
    if (!found)
      m_map.skip(place,
                 "ocel_changed_field names '" + changed + "', which is not a column; skipped");
  }
}

void OcelSqliteRun::readObjectRelations() {
  Statement s(m_db.get(),
              "SELECT rowid, ocel_source_id, ocel_target_id, ocel_qualifier FROM object_object "
              "ORDER BY rowid");
  while (s.step()) {
    OcelPlace place{0, "object_object", s.columnInt(0)};
    m_map.addObjectRelation(s.columnText(1),
                            {std::string(s.columnText(2)), std::string(s.columnText(3)), place});
  }
}

std::unordered_map<std::string, EventData> OcelSqliteRun::readEventTables() {
  std::unordered_map<std::string, EventData> out;
  for (const auto& t : m_eventTypes) {
    if (t.table.empty()) continue;
    std::string sql = "SELECT rowid, ocel_id, ocel_time";
    for (const auto& a : t.attributes) sql += ", " + sqlQuoted(a.name);
    Statement s(m_db.get(), sql + " FROM " + sqlQuoted(t.table) + " ORDER BY rowid");
    while (s.step()) {
      EventData data;
      data.row = s.columnInt(0);
      data.time = std::string(s.columnText(2));
      for (std::size_t i = 0; i < t.attributes.size(); ++i)
        if (!s.columnIsNull(static_cast<int>(i) + 3))
          data.attributes.emplace_back(t.attributes[i].name, cell(s, static_cast<int>(i) + 3));
      out.insert_or_assign(std::string(s.columnText(1)), std::move(data));
    }
  }
  return out;
}

void OcelSqliteRun::readEvents() {
  auto data = readEventTables();
  std::unordered_map<std::string, std::vector<OcelRelationshipIn>> links;
  Statement l(m_db.get(),
              "SELECT rowid, ocel_event_id, ocel_object_id, ocel_qualifier FROM event_object ORDER "
              "BY rowid");
  while (l.step())
    links[std::string(l.columnText(1))].push_back({std::string(l.columnText(2)),
                                                   std::string(l.columnText(3)),
                                                   {0, "event_object", l.columnInt(0)}});
  Statement s(m_db.get(), "SELECT rowid, ocel_id, ocel_type FROM event ORDER BY rowid");
  std::uint64_t n = 0;
  while (s.step()) {
    if ((++n & 0xFFF) == 0 && m_ctx.progress.cancelled()) return;
    OcelEventIn event{std::string(s.columnText(1)),
                      std::string(s.columnText(2)),
                      {},
                      {0, "event", s.columnInt(0)},
                      {},
                      {}};
    if (auto d = data.find(event.id); d != data.end()) {
      event.time = std::move(d->second.time);
      event.attributes = std::move(d->second.attributes);
    }
    if (auto r = links.find(event.id); r != links.end()) {
      event.relationships = std::move(r->second);
      links.erase(r);
    }
    // An event without a row in its type table has no time: the mapper reports it.
    m_map.addEvent(std::move(event));
  }
  for (const auto& [eventId, rels] : links)
    for (const auto& rel : rels)
      m_map.skip(rel.place, "unknown event '" + eventId + "'; the link is skipped");
}

void OcelSqliteRun::run() {
  m_db = openReadOnly(m_ctx.path);
  if (!m_db) throw ImportError("cannot open " + file() + " as an SQLite database");
  try {
    if (model::queryInt(m_db.get(), "PRAGMA application_id").value_or(0) == kOrglensApplicationId)
      throw ImportError(file() + " is an orglens store, not an OCEL 2.0 log");
    for (const char* table : kRequiredTables)
      if (!hasTable(m_db.get(), table))
        throw ImportError(file() + " is not an OCEL 2.0 SQLite log: table '" + table +
                          "' is missing");
    m_objectTypes = readTypes("object_map_type", "object_");
    m_eventTypes = readTypes("event_map_type", "event_");
    for (const auto& t : m_objectTypes) m_map.declareObjectType(t.type, t.attributes);
    for (const auto& t : m_eventTypes) m_map.declareEventType(t.type, t.attributes);
    readObjects();
    for (const auto& t : m_objectTypes) readObjectAttributes(t);
    readObjectRelations();
    m_map.objectsDone();
    m_ctx.progress.report(0.3, "events");
    readEvents();
    m_map.finish();
  } catch (const model::StoreError& e) {
    throw ImportError(file() + ": " + e.what());
  }
}

class OcelSqliteImporter final : public Importer {
 public:
  std::string_view name() const override { return "ocel-sqlite"; }
  std::string_view description() const override {
    return "OCEL 2.0 SQLite object-centric event log (.sqlite)";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override;
  void run(ImportContext& ctx) const override { OcelSqliteRun(ctx).run(); }
};

int OcelSqliteImporter::sniff(const std::filesystem::path& path, std::string_view head) const {
  static constexpr std::string_view kMagic("SQLite format 3\0", 16);
  if (head.substr(0, kMagic.size()) != kMagic) return 0;
  // The table names are not reliably in the first bytes: ask SQLite.
  Db db = openReadOnly(path);
  if (!db) return 0;
  try {
    if (model::queryInt(db.get(), "PRAGMA application_id").value_or(0) == kOrglensApplicationId)
      return 0;
    int present = 0;
    for (const char* table : kRequiredTables) present += hasTable(db.get(), table);
    // Some of the tables: probably a damaged OCEL log; run() then names the missing table.
    if (present < 6) return present >= 2 && hasTable(db.get(), "event") ? 30 : 0;
  } catch (const model::StoreError&) {
    return 0;
  }
  const auto ext = path.extension().string();
  return ext == ".sqlite" || ext == ".db" || ext == ".sqlite3" ? 100 : 80;
}

}  // namespace

std::unique_ptr<Importer> makeOcelSqliteImporter() {
  return std::make_unique<OcelSqliteImporter>();
}

}  // namespace orglens::importers
