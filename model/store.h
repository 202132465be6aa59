// The SQLite store (*.orglens): one file per organisation. See docs/store.md.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/sqlite_util.h"

struct sqlite3;

namespace orglens::model {

class BatchWriter;
class ImportSession;

/// Counts shown by `orglens info`.
struct StoreSummary {
  struct TypeCount {
    std::string type;
    std::uint64_t objects = 0;
  };
  std::vector<TypeCount> objectsByType;
  std::uint64_t events = 0;
  std::uint64_t eventsWithoutActor = 0;
  std::uint64_t activities = 0;
  std::optional<MicrosUtc> firstEvent;
  std::optional<MicrosUtc> lastEvent;
  std::uint64_t people = 0;
  std::uint64_t activePeople = 0;  // people who are the actor of at least one event
  std::uint64_t teams = 0;
  std::uint64_t peopleWithoutTeam = 0;
  /// People with no roster id among their aliases (identities no roster resolves), counted
  /// only when the store holds a roster; merged identities are not counted.
  std::uint64_t peopleNotInRoster = 0;
  std::uint64_t aliases = 0;
  std::uint64_t relations = 0;
  struct SourceLine {
    SourceId id;
    SourceRecord record;
  };
  std::vector<SourceLine> sources;
  int schemaVersion = 0;
  /// The public id of the key people were pseudonymised with at import (meta
  /// `pseudonym_key_id`); empty when the store holds identities as imported.
  std::string pseudonymKeyId;
};

class Store {
 public:
  enum class Mode { ReadOnly, ReadWrite, Create };

  /// Opens (Create: creates when missing) a store. A store from an older schema version is
  /// migrated (ReadWrite/Create); one from a newer version is refused. Throws StoreError with
  /// a message naming the file and what to do.
  static std::unique_ptr<Store> open(const std::filesystem::path& path, Mode mode);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  int schemaVersion() const;
  /// The connection. During an import it first waits until the import's batch writer has
  /// written everything queued (a connection is never used by two threads at once).
  sqlite3* db() const { return connection(); }

  /// The source already imported with the same content hash, format and options, if any.
  std::optional<SourceId> findSource(const std::string& sha256, const std::string& format,
                                     const std::string& options) const;
  std::vector<SourceRecord> sources() const;
  std::vector<Diagnostic> diagnostics(SourceId source, std::size_t limit = 1000) const;
  /// A value of the meta table (`schema_version`, `pseudonym_key_id`, ...), if set.
  std::optional<std::string> metaValue(const std::string& key) const;
  /// True when the store holds at least one person object.
  bool holdsPeople() const;

  /// Another read-only connection to the same file, for loading in parallel threads (each
  /// thread its own connection); null when it would not see what this one sees: during an
  /// import, inside an open transaction, or when the file cannot be opened again.
  std::unique_ptr<Store> openReader() const;

  /// Starts an import transaction; nothing is visible until ImportSession::commit().
  std::unique_ptr<ImportSession> beginImport(const SourceRecord& source);

  /// Loads every table into an in-memory Model. O(size of the store).
  Model loadModel() const;
  StoreSummary summary() const;

 private:
  Store(std::filesystem::path path, sqlite3* db);
  void prepareSchema(Mode mode);
  void scanEvents(StoreSummary& out) const;
  sqlite3* connection() const;  // every query goes through it (see db())
  std::filesystem::path m_path;
  sqlite3* m_db = nullptr;
  bool m_inImport = false;
  BatchWriter* m_importWriter = nullptr;  // the running import's, drained before queries
  friend class ImportSession;
};

}  // namespace orglens::model
