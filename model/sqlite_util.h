// Thin RAII helpers over the SQLite C API (model layer only).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace orglens::model {

/// Error from the store: the message names the file and says what to do.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A prepared statement; reset() after each step keeps it reusable for bulk inserts.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  ~Statement() { sqlite3_finalize(m_stmt); }
  Statement(Statement&& o) noexcept : m_stmt(o.m_stmt), m_db(o.m_db) { o.m_stmt = nullptr; }
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t v) {
    sqlite3_bind_int64(m_stmt, index, v);
    return *this;
  }
  Statement& bind(int index, double v) {
    sqlite3_bind_double(m_stmt, index, v);
    return *this;
  }
  Statement& bind(int index, std::string_view v) {
    sqlite3_bind_text(m_stmt, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
  }
  Statement& bindOptional(int index, const std::optional<std::int64_t>& v) {
    return v ? bind(index, *v) : bindNull(index);
  }
  /// Steps once; true when a row is available. Throws StoreError on failure.
  bool step();
  /// Steps to completion (for INSERT/UPDATE) and resets the statement for reuse.
  void run();
  void reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
  }

  std::int64_t columnInt(int i) const { return sqlite3_column_int64(m_stmt, i); }
  double columnReal(int i) const { return sqlite3_column_double(m_stmt, i); }
  bool columnIsNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }
  int columnType(int i) const { return sqlite3_column_type(m_stmt, i); }
  std::string_view columnText(int i) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)))
             : std::string_view();
  }
  std::optional<std::int64_t> columnOptional(int i) const {
    return columnIsNull(i) ? std::nullopt : std::optional<std::int64_t>(columnInt(i));
  }

 private:
  sqlite3_stmt* m_stmt = nullptr;
  sqlite3* m_db = nullptr;
};

/// Runs one or more SQL statements without results; throws StoreError on failure.
void execute(sqlite3* db, std::string_view sql);
/// First column of the first row of a query, or nullopt when there is no row.
std::optional<std::int64_t> queryInt(sqlite3* db, std::string_view sql);

}  // namespace orglens::model
