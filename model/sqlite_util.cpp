#include "model/sqlite_util.h"

#include <string>

#include "model/batch_writer.h"

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

BatchInsert::BatchInsert(sqlite3* db, std::string_view insert, int columns, int rows,
                         BatchWriter* writer)
    : m_db(db), m_writer(writer), m_columns(columns), m_rows(rows) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c) row += c ? ",?" : "?";
  row += ")";
  std::string sql = std::string(insert) + " VALUES " + row;
  m_single = Statement(db, sql);
  for (int r = 1; r < rows; ++r) (sql += ",") += row;
  m_full = Statement(db, sql);
  m_pending.values.reserve(static_cast<std::size_t>(columns * rows));
}

BatchInsert& BatchInsert::add(std::string_view v) {
  push({Kind::Text, static_cast<std::int64_t>(m_pending.arena.size()), 0, v.size()});
  m_pending.arena.append(v);
  return *this;
}

void BatchInsert::bindRows(Statement& s, const Rows& rows, std::size_t firstSlot, int count) {
  const int n = count * m_columns;
  for (int k = 0; k < n; ++k) {
    const Slot& slot = rows.values[firstSlot + static_cast<std::size_t>(k)];
    switch (slot.kind) {
      case Kind::Int:
        s.bind(k + 1, slot.i);
        break;
      case Kind::Real:
        s.bind(k + 1, slot.d);
        break;
      case Kind::Text:
        s.bindStatic(
            k + 1,
            std::string_view(rows.arena).substr(static_cast<std::size_t>(slot.i), slot.size));
        break;
      case Kind::Null:
        s.bindNull(k + 1);
        break;
    }
  }
  s.run();
  m_inserted += static_cast<std::uint64_t>(sqlite3_changes(m_db));
}

void BatchInsert::writeFull(const Rows& rows) {
  bindRows(m_full, rows, 0, m_rows);
}

void BatchInsert::full() {
  if (!m_writer) {
    writeFull(m_pending);
    discard();
    return;
  }
  m_writer->submit(*this, std::move(m_pending));
  m_pending = m_writer->spare();
  m_pendingRows = 0;
}

void BatchInsert::flush() {
  if (m_writer) m_writer->drain();
  writePending();
}

void BatchInsert::writePending() {
  for (int r = 0; r < m_pendingRows; ++r)
    bindRows(m_single, m_pending, static_cast<std::size_t>(r * m_columns), 1);
  discard();
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
