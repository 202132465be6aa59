// One import into the store: a single SQLite transaction that implements ModelSink with
// prepared bulk statements. Nothing is visible until commit(); destroying an uncommitted
// session rolls everything back, so a failed import leaves the store exactly as it was.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/batch_writer.h"
#include "model/model_sink.h"
#include "model/session_cache.h"
#include "model/sqlite_util.h"

namespace orglens::model {

class Store;

class ImportSession final : public ModelSink {
 public:
  ~ImportSession() override;

  StringId intern(std::string_view text) override;
  /// Text of an id. A view stays valid for at least kCacheCapacity further strings (the
  /// session keeps only recent strings in memory; older ones are read back from the store).
  std::string_view text(StringId id) const override;
  TypeId objectType(std::string_view name) override;
  ObjectId object(TypeId type, std::string_view key, std::string_view name = {}) override;
  std::optional<ObjectId> findObject(TypeId type, std::string_view key) const override;
  TypeId typeOf(ObjectId object) const override;
  EventId addEvent(const EventRecord& event) override;
  void addEventLink(EventId event, const EventLink& link) override;
  void addRelation(const Relation& relation) override;
  /// A target that does not exist yet is written to `pending_relations`; see
  /// resolvePendingRelations().
  void addRelationTo(ObjectId from, TypeId type, std::string_view key, StringId qualifier) override;
  /// Turns every pending relation (of this import or an earlier one) whose target now exists
  /// into a relation, and forgets it. Called once at the end of an import, before counts().
  /// O(pending rows), each an index lookup.
  void resolvePendingRelations();
  void setEventAttribute(EventId event, StringId key, const Value& value) override;
  void setObjectAttribute(ObjectId object, StringId key, const Value& value,
                          std::optional<MicrosUtc> time = std::nullopt) override;
  std::optional<PersonId> findAlias(AliasKind kind, std::string_view normalised) const override;
  void addAlias(AliasKind kind, std::string_view normalised, PersonId person) override;
  void mergePeople(PersonId from, PersonId into) override;
  SourceId currentSource() const override { return m_source; }

  /// What this session has added so far (objects, events, ...); importers add skipped rows.
  /// Writes the pending batches first (relations are counted when SQLite inserts them).
  const ImportCounts& counts();
  /// Rewrites the text values of the event and object attributes this session wrote:
  /// `rewrite` returns the new text, or nullopt to keep the value. One pass over them; used
  /// to pseudonymise values that name an identity seen only later in the import.
  void rewriteTextAttributes(
      const std::function<std::optional<std::string>(std::string_view)>& rewrite);
  /// Sets a meta value (`pseudonym_key_id`) inside the import's transaction, so that it is
  /// written only if the import commits.
  void setMeta(std::string_view key, std::string_view value);
  /// The source's fingerprint, when it was not known at the start (it is computed beside the
  /// import); written with the source record at commit.
  void setFingerprint(std::string sha256) { m_record.sha256 = std::move(sha256); }
  /// Writes the source record (with `counts` and diagnostics) and commits.
  SourceId commit(const ImportCounts& counts, const std::vector<Diagnostic>& diagnostics);
  /// Discards everything (also done by the destructor when not committed).
  void rollback();

 private:
  friend class Store;
  ImportSession(Store& store, SourceRecord source);
  void loadLookups();
  void flushBatches();
  /// Interns `text`; `created` tells whether the string is new to the store.
  StringId internString(std::string_view text, bool& created);
  std::optional<StringId> storedString(std::string_view text) const;
  /// The stored string's id; the caller holds the connection after the strings' batches.
  std::optional<StringId> findStoredString(std::string_view text) const;
  /// Puts every stored string into m_stringFilter (one scan of the strings table).
  void loadStringFilter() const;
  /// Counts a probe of the strings index while the filter is not complete, and loads the
  /// filter once the probes it would have saved outnumber a quarter of the stored strings.
  /// True when it has just loaded it.
  bool probeLoadsFilter() const;
  std::optional<CachedObject> storedObject(TypeId type, StringId key) const;
  /// False when the object (type, key) cannot be in the store unless it is cached: the store
  /// need not be asked (see ObjectCache::mayHaveDropped).
  bool mayBeStored(std::uint64_t cacheKey, StringId key) const;

  Store& m_store;
  sqlite3* m_db;  // the store's connection, for use under a BatchWriter::Hold (not m_store.db())
  SourceRecord m_record;
  SourceId m_source;
  bool m_open = false;
  ImportCounts m_counts;

  // Memory does not grow with the import: recent strings and objects are cached (two
  // generations of kCacheCapacity each), the rest is looked up in the store's unique indexes.
  // Object types and aliases (one per identity, not per record) are kept whole.
  static constexpr std::size_t kCacheCapacity = std::size_t{1} << 16;
  mutable StringCache m_strings{kCacheCapacity};
  mutable ObjectCache m_objects{kCacheCapacity};
  std::uint32_t m_nextString = 0, m_nextObject = 0;  // model indexes of the next new rows
  // Every string of the store (once complete) and of this session: see internString().
  // Mutable: const look-ups (findObject) load the filter too, once probes pay for it.
  mutable StringFilter m_stringFilter;
  mutable bool m_stringFilterComplete = false;
  std::uint32_t m_stringsBefore = 0;         // strings in the store when the session began
  mutable std::uint64_t m_stringProbes = 0;  // probes of the strings index while not complete
  std::vector<std::string> m_typeNames;
  std::unordered_map<std::string, PersonId> m_aliases;  // "<kind>\x1f<value>" -> person
  std::uint32_t m_nextEvent = 0;
  // Attribute rowids at the start: rows above them were written (or replaced) by this session.
  std::int64_t m_eventAttributesBefore = 0, m_objectAttributesBefore = 0;

  mutable Statement m_findString, m_stringText, m_findObject, m_objectType;  // cache misses
  Statement m_insertString, m_setObjectName, m_insertPending, m_insertAlias;
  // Append-only rows go in batches (flushBatches() before anything reads or updates them).
  BatchInsert m_objectRows, m_eventRows, m_linkRows, m_relationRows, m_eventAttributeRows,
      m_objectAttributeRows;
  mutable BatchInsert m_stringRows;     // new strings; flushed before any read of the table
  std::uint64_t m_relationsBefore = 0;  // m_relationRows.inserted() already counted
  // Writes the full batches above on its own thread; held (hold()) or drained (m_store.db())
  // before this session uses the connection itself. Declared last: it stops before the
  // batches go.
  mutable BatchWriter m_writer;
};

}  // namespace orglens::model
