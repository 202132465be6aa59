// Thin RAII helpers over the SQLite C API (model layer only).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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
  /// Binds text that stays unchanged until the statement has run (no copy).
  Statement& bindStatic(int index, std::string_view v) {
    sqlite3_bind_text(m_stmt, index, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
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

class BatchWriter;

/// Appends rows to one table through a multi-row `INSERT ... VALUES (...), (...)` of
/// `rows` rows: bulk imports spend most of their time in SQLite's per-statement work (cursor
/// set-up, halt, allocations), which a batch pays once per `rows` rows. Rows are written
/// when a batch fills and on flush(); until then SQL does not see them. Text values are kept
/// in an arena of the batch, so callers' views need not outlive add(). With a BatchWriter,
/// full batches are written on its thread while the caller goes on filling the next one.
class BatchInsert {
 public:
  enum class Kind : std::uint8_t { Int, Real, Text, Null };
  struct Slot {
    Kind kind;
    std::int64_t i;  // integer, or the text's offset in the arena
    double d;
    std::size_t size;  // text length
  };
  /// The values of pending rows.
  struct Rows {
    std::vector<Slot> values;
    std::string arena;
    void clear() {
      values.clear();
      arena.clear();
    }
  };

  BatchInsert() = default;
  /// `insert` is the statement head, e.g. "INSERT OR IGNORE INTO t(a, b)". With a `writer`,
  /// the batch must stay where it is while the writer may hold its rows (a member of the
  /// writer's owner).
  BatchInsert(sqlite3* db, std::string_view insert, int columns, int rows,
              BatchWriter* writer = nullptr);

  BatchInsert& add(std::int64_t v) { return push({Kind::Int, v, 0, 0}); }
  BatchInsert& add(double v) { return push({Kind::Real, 0, v, 0}); }
  BatchInsert& add(std::string_view v);
  BatchInsert& addNull() { return push({Kind::Null, 0, 0, 0}); }
  BatchInsert& addOptional(const std::optional<std::int64_t>& v) { return v ? add(*v) : addNull(); }
  /// Ends a row (exactly `columns` values were added); writes the batch when it is full.
  void endRow() {
    if (++m_pendingRows == m_rows) full();
  }
  /// Writes the pending rows, after every batch the writer holds (of every table).
  void flush();
  /// Writes the pending rows now: the caller has drained the writer or holds the connection
  /// after this table's batches (BatchWriter::hold).
  void writePending();
  /// Drops the pending rows (rollback; BatchWriter::abandon() drops the writer's).
  void discard() {
    m_pending.clear();
    m_pendingRows = 0;
  }
  /// Rows SQLite inserted so far (with OR IGNORE, fewer than the rows added); complete after
  /// flush().
  std::uint64_t inserted() const { return m_inserted; }
  /// Writes a full batch (on the writer's thread, or the caller's without a writer).
  void writeFull(const Rows& rows);

 private:
  BatchInsert& push(Slot slot) {
    m_pending.values.push_back(slot);
    return *this;
  }
  void full();
  void bindRows(Statement& s, const Rows& rows, std::size_t firstSlot, int count);

  sqlite3* m_db = nullptr;
  BatchWriter* m_writer = nullptr;
  int m_columns = 0, m_rows = 0, m_pendingRows = 0;
  Statement m_full, m_single;
  Rows m_pending;
  std::uint64_t m_inserted = 0;
};

/// Runs one or more SQL statements without results; throws StoreError on failure.
void execute(sqlite3* db, std::string_view sql);
/// First column of the first row of a query, or nullopt when there is no row.
std::optional<std::int64_t> queryInt(sqlite3* db, std::string_view sql);

}  // namespace orglens::model
