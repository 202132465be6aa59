// OCEL 2.0 SQLite writer: the standard's tables (event, object, event_object, object_object,
// event_map_type, object_map_type, event_<map>, object_<map>) in one transaction.
#include <sqlite3.h>

#include <cctype>
#include <memory>
#include <set>

#include "importers/ocel_export_view.h"
#include "model/sqlite_util.h"
#include "model/time_format.h"

namespace orglens::importers {
namespace {

using model::Statement;

std::string sqlName(std::string_view identifier) {
  std::string out = "\"";
  for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string_view sqlType(OcelType t) {
  switch (t) {
    case OcelType::Integer:
      return "INTEGER";
    case OcelType::Float:
      return "REAL";
    case OcelType::Boolean:
      return "BOOLEAN";
    case OcelType::Time:
      return "TIMESTAMP";
    case OcelType::String:
      return "TEXT";
  }
  return "TEXT";
}

/// The table suffix of each type: its name without non-alphanumerics (as pm4py writes it),
/// made unique with a number.
std::vector<std::string> mapNames(const std::vector<OcelExportType>& types) {
  std::set<std::string> used;
  std::vector<std::string> out;
  for (const auto& t : types) {
    std::string base;
    for (char c : t.name)
      if (std::isalnum(static_cast<unsigned char>(c))) base += c;
    if (base.empty()) base = "Type";
    std::string name = base;
    for (int n = 2; used.count(name); ++n) name = base + std::to_string(n);
    used.insert(name);
    out.push_back(std::move(name));
  }
  return out;
}

void bindValue(Statement& s, int index, const model::Value& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          s.bindNull(index);
        else if constexpr (std::is_same_v<T, bool>)
          s.bind(index, std::int64_t(v ? 1 : 0));
        else if constexpr (std::is_same_v<T, model::TimeValue>)
          s.bind(index, std::string_view(model::formatIsoUtc(v.micros)));
        else if constexpr (std::is_same_v<T, std::string>)
          s.bind(index, std::string_view(v));
        else
          s.bind(index, v);
      },
      value);
}

class SqliteWriter {
 public:
  SqliteWriter(sqlite3* db, const model::Model& m, const OcelExportView& v)
      : m_db(db), m_model(m), m_view(v) {}
  void write();
  std::size_t eventObjectRows() const { return m_eventObjectRows; }

 private:
  void createTables();
  void writeTypes(const char* kind, const std::vector<OcelExportType>& types,
                  const std::vector<std::string>& maps);
  void writeObjects();
  void writeEvents();

  sqlite3* m_db;
  const model::Model& m_model;
  const OcelExportView& m_view;
  std::vector<std::string> m_objectMaps, m_eventMaps;
  std::size_t m_eventObjectRows = 0;
};

void SqliteWriter::createTables() {
  model::execute(
      m_db,
      "CREATE TABLE event_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT);"
      "CREATE TABLE object_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT);"
      "CREATE TABLE event (ocel_id TEXT PRIMARY KEY, ocel_type TEXT);"
      "CREATE TABLE object (ocel_id TEXT PRIMARY KEY, ocel_type TEXT);"
      "CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT, ocel_qualifier TEXT,"
      " PRIMARY KEY (ocel_event_id, ocel_object_id, ocel_qualifier));"
      "CREATE TABLE object_object (ocel_source_id TEXT, ocel_target_id TEXT, ocel_qualifier TEXT,"
      " PRIMARY KEY (ocel_source_id, ocel_target_id, ocel_qualifier));");
  for (std::size_t t = 0; t < m_view.objectTypes.size(); ++t) {
    std::string sql = "CREATE TABLE " + sqlName("object_" + m_objectMaps[t]) +
                      " (ocel_id TEXT, ocel_time TIMESTAMP, ocel_changed_field TEXT";
    for (const auto& a : m_view.objectTypes[t].attributes)
      sql += ", " + sqlName(a.name) + " " + std::string(sqlType(a.type));
    model::execute(m_db, sql + ")");
  }
  for (std::size_t t = 0; t < m_view.eventTypes.size(); ++t) {
    std::string sql = "CREATE TABLE " + sqlName("event_" + m_eventMaps[t]) +
                      " (ocel_id TEXT PRIMARY KEY, ocel_time TIMESTAMP";
    for (const auto& a : m_view.eventTypes[t].attributes)
      sql += ", " + sqlName(a.name) + " " + std::string(sqlType(a.type));
    model::execute(m_db, sql + ")");
  }
}

void SqliteWriter::writeTypes(const char* kind, const std::vector<OcelExportType>& types,
                              const std::vector<std::string>& maps) {
  Statement s(m_db, std::string("INSERT INTO ") + kind +
                        "_map_type (ocel_type, ocel_type_map) VALUES (?, ?)");
  for (std::size_t t = 0; t < types.size(); ++t) s.bind(1, types[t].name).bind(2, maps[t]).run();
}

void SqliteWriter::writeObjects() {
  Statement object(m_db, "INSERT INTO object (ocel_id, ocel_type) VALUES (?, ?)");
  std::vector<Statement> rows;
  for (std::size_t t = 0; t < m_view.objectTypes.size(); ++t) {
    const auto n = m_view.objectTypes[t].attributes.size();
    std::string sql = "INSERT INTO " + sqlName("object_" + m_objectMaps[t]) + " VALUES (?, ?, ?";
    for (std::size_t a = 0; a < n; ++a) sql += ", ?";
    rows.emplace_back(m_db, sql + ")");
  }
  for (std::size_t i = 0; i < m_view.objectIds.size(); ++i) {
    const auto& type = m_view.objectTypes[m_view.objectType[i]];
    object.bind(1, m_view.objectIds[i]).bind(2, type.name).run();
    auto& row = rows[m_view.objectType[i]];
    // The initial row holds every timeless value; each timed value is a change row of its own.
    row.reset();  // run() keeps bindings: clear the previous object's values
    row.bind(1, m_view.objectIds[i]).bind(2, std::string_view(kOcelInitialTime));
    for (const auto& a : m_view.objectAttributes[i])
      if (!a.time)
        bindValue(row, static_cast<int>(type.index.at(a.name)) + 4,
                  exportValue(a.value, type.typeOf(a.name)));
    row.run();
    for (const auto& a : m_view.objectAttributes[i]) {
      if (!a.time) continue;
      row.reset();
      row.bind(1, m_view.objectIds[i]).bind(2, exportTime(a.time)).bind(3, a.name);
      bindValue(row, static_cast<int>(type.index.at(a.name)) + 4,
                exportValue(a.value, type.typeOf(a.name)));
      row.run();
    }
  }
  Statement rel(m_db, "INSERT OR IGNORE INTO object_object VALUES (?, ?, ?)");
  for (const auto& r : m_view.relations)
    rel.bind(1, m_view.objectIds[r.from.value()])
        .bind(2, m_view.objectIds[r.to.value()])
        .bind(3, r.qualifier)
        .run();
}

void SqliteWriter::writeEvents() {
  Statement event(m_db, "INSERT INTO event (ocel_id, ocel_type) VALUES (?, ?)");
  Statement link(m_db, "INSERT OR IGNORE INTO event_object VALUES (?, ?, ?)");
  std::vector<Statement> rows;
  for (std::size_t t = 0; t < m_view.eventTypes.size(); ++t) {
    std::string sql = "INSERT INTO " + sqlName("event_" + m_eventMaps[t]) + " VALUES (?, ?";
    for (std::size_t a = 0; a < m_view.eventTypes[t].attributes.size(); ++a) sql += ", ?";
    rows.emplace_back(m_db, sql + ")");
  }
  for (std::size_t i = 0; i < m_model.events().size(); ++i) {
    const std::string id = ocelEventId(i);
    const auto& type = m_view.eventTypes[m_view.eventType[i]];
    event.bind(1, id).bind(2, type.name).run();
    auto& row = rows[m_view.eventType[i]];
    row.reset();  // run() keeps bindings: clear the previous event's attributes
    row.bind(1, id).bind(2, model::formatIsoUtc(m_model.events()[i].time));
    for (const auto& a : m_view.eventAttributes[i])
      bindValue(row, static_cast<int>(type.index.at(a.name)) + 3,
                exportValue(a.value, type.typeOf(a.name)));
    row.run();
    for (const auto& l : m_view.eventLinks[i]) {
      link.bind(1, id).bind(2, m_view.objectIds[l.object.value()]).bind(3, l.qualifier).run();
      m_eventObjectRows += static_cast<std::size_t>(sqlite3_changes(m_db));
    }
  }
}

void SqliteWriter::write() {
  m_objectMaps = mapNames(m_view.objectTypes);
  m_eventMaps = mapNames(m_view.eventTypes);
  model::execute(m_db, "BEGIN");
  createTables();
  writeTypes("object", m_view.objectTypes, m_objectMaps);
  writeTypes("event", m_view.eventTypes, m_eventMaps);
  writeObjects();
  writeEvents();
  model::execute(m_db, "COMMIT");
}

}  // namespace

OcelExportCounts exportOcelSqlite(const model::Model& m, const std::filesystem::path& path,
                                  bool force) {
  const auto temp = prepareOutput(path, force);
  const OcelExportView view = buildExportView(m);
  OcelExportCounts counts = countsOf(view, m.events().size());
  try {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> db(raw, &sqlite3_close);
    if (rc != SQLITE_OK) throw model::StoreError(raw ? sqlite3_errmsg(raw) : "out of memory");
    SqliteWriter writer(db.get(), m, view);
    writer.write();
    counts.eventObjectLinks = writer.eventObjectRows();
  } catch (const model::StoreError& e) {
    std::error_code ec;
    std::filesystem::remove(temp, ec);
    throw ImportError("cannot write '" + path.string() + "': " + e.what());
  }
  commitOutput(temp, path);
  return counts;
}

}  // namespace orglens::importers
