#include "model/sqlite_util.h"

#include <string>

namespace orglens::model {

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &m_stmt, nullptr) != SQLITE_OK)
    throw StoreError("SQL error: " + std::string(sqlite3_errmsg(db)) + " in: " + std::string(sql));
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(m_stmt);
    m_stmt = o.m_stmt;
    m_db = o.m_db;
    o.m_stmt = nullptr;
  }
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const std::string message = sqlite3_errmsg(m_db);
  sqlite3_reset(m_stmt);
  throw StoreError("SQLite error: " + message);
}

void Statement::run() {
  step();
  sqlite3_reset(m_stmt);
}

void execute(sqlite3* db, std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError("SQLite error: " + message);
  }
}

std::optional<std::int64_t> queryInt(sqlite3* db, std::string_view sql) {
  Statement s(db, sql);
  if (!s.step() || s.columnIsNull(0)) return std::nullopt;
  return s.columnInt(0);
}

}  // namespace orglens::model
