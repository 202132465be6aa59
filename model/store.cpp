#include "model/store.h"

#include <sqlite3.h>

#include "model/batch_writer.h"
#include "model/import_session.h"
#include "model/store_schema.h"

namespace orglens::model {
namespace {

std::string describe(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

}  // namespace

Store::Store(std::filesystem::path path, sqlite3* db) : m_path(std::move(path)), m_db(db) {}

Store::~Store() {
  sqlite3_close_v2(m_db);
}

std::unique_ptr<Store> Store::open(const std::filesystem::path& path, Mode mode) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && mode != Mode::Create)
    throw StoreError("store " + describe(path) +
                     " does not exist: create it with `orglens import FILE --db " + path.string() +
                     "` or check the path");
  if (exists && std::filesystem::is_directory(path, ec))
    throw StoreError("store " + describe(path) + " is a folder, not an .orglens file");
  if (!exists && path.has_parent_path() && !std::filesystem::exists(path.parent_path(), ec))
    std::filesystem::create_directories(path.parent_path(), ec);
  const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                    : mode == Mode::Create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                           : SQLITE_OPEN_READWRITE;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    throw StoreError("cannot open store " + describe(path) + ": " + message);
  }
  std::unique_ptr<Store> store(new Store(path, db));
  sqlite3_busy_timeout(db, 5000);
  store->prepareSchema(mode);
  return store;
}

void Store::prepareSchema(Mode mode) {
  std::optional<std::int64_t> appId;
  try {
    appId = queryInt(m_db, "PRAGMA application_id");
  } catch (const StoreError&) {
    throw StoreError("store " + describe(m_path) +
                     " is not an orglens store (not an SQLite database); give an .orglens file");
  }
  const auto tables = queryInt(m_db, "SELECT count(*) FROM sqlite_master").value_or(0);
  if (tables == 0) {
    if (mode == Mode::ReadOnly)
      throw StoreError("store " + describe(m_path) + " is empty: import something into it first");
    execute(m_db, "PRAGMA application_id = " + std::to_string(kApplicationId));
    execute(m_db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 8192");
  } else if (appId.value_or(0) != kApplicationId) {
    throw StoreError("store " + describe(m_path) +
                     " is an SQLite file but not an orglens store; give an .orglens file");
  }
  const int version = tables == 0 ? 0 : schemaVersion();
  const int current = currentSchemaVersion();
  if (version > current)
    throw StoreError("store " + describe(m_path) +
                     " was written by a newer orglens (schema version " + std::to_string(version) +
                     "; this orglens reads up to version " + std::to_string(current) +
                     "): upgrade orglens to open it");
  if (version < current && !(mode == Mode::ReadOnly && version >= kOldestReadableVersion)) {
    if (mode == Mode::ReadOnly)
      throw StoreError("store " + describe(m_path) + " has the older schema version " +
                       std::to_string(version) +
                       ": open it once read-write (e.g. `orglens import`) "
                       "to migrate it to version " +
                       std::to_string(current));
    execute(m_db, "BEGIN IMMEDIATE");
    try {
      for (const auto& m : migrations())
        if (m.toVersion > version) execute(m_db, m.sql);
      Statement set(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)");
      set.bind(1, std::to_string(current)).run();
      execute(m_db, "COMMIT");
    } catch (...) {
      execute(m_db, "ROLLBACK");
      throw;
    }
  }
  execute(m_db, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -8192");
}

std::unique_ptr<Store> Store::openReader() const {
  if (m_inImport || sqlite3_get_autocommit(m_db) == 0) return nullptr;
  try {
    return open(m_path, Mode::ReadOnly);
  } catch (const StoreError&) {
    return nullptr;
  }
}

sqlite3* Store::connection() const {
  if (m_importWriter) m_importWriter->drain();
  return m_db;
}

int Store::schemaVersion() const {
  Statement s(connection(), "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!s.step())
    throw StoreError("store " + describe(m_path) + " has no schema version: it is damaged");
  return std::stoi(std::string(s.columnText(0)));
}

std::optional<SourceId> Store::findSource(const std::string& sha256, const std::string& format,
                                          const std::string& options) const {
  Statement s(connection(),
              "SELECT id FROM sources WHERE sha256 = ? AND format = ? AND options = ?");
  s.bind(1, sha256).bind(2, format).bind(3, options);
  if (!s.step()) return std::nullopt;
  return SourceId::fromRowid(s.columnInt(0));
}

std::optional<std::string> Store::metaValue(const std::string& key) const {
  Statement s(connection(), "SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  return std::string(s.columnText(0));
}

bool Store::holdsPeople() const {
  return queryInt(connection(), "SELECT EXISTS (SELECT 1 FROM objects WHERE type = 1)")
             .value_or(0) != 0;
}

std::unique_ptr<ImportSession> Store::beginImport(const SourceRecord& source) {
  if (m_inImport) throw StoreError("an import into " + describe(m_path) + " is already running");
  return std::unique_ptr<ImportSession>(new ImportSession(*this, source));
}

}  // namespace orglens::model
