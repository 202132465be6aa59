// One import into the store: a single SQLite transaction that implements ModelSink with
// prepared bulk statements. Nothing is visible until commit(); destroying an uncommitted
// session rolls everything back, so a failed import leaves the store exactly as it was.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/model_sink.h"
#include "model/sqlite_util.h"
#include "model/string_pool.h"

namespace orglens::model {

class Store;

class ImportSession final : public ModelSink {
 public:
  ~ImportSession() override;

  StringId intern(std::string_view text) override;
  std::string_view text(StringId id) const override { return m_strings.text(id); }
  TypeId objectType(std::string_view name) override;
  ObjectId object(TypeId type, std::string_view key, std::string_view name = {}) override;
  std::optional<ObjectId> findObject(TypeId type, std::string_view key) const override;
  TypeId typeOf(ObjectId object) const override;
  EventId addEvent(const EventRecord& event) override;
  void addEventLink(EventId event, const EventLink& link) override;
  void addRelation(const Relation& relation) override;
  void setEventAttribute(EventId event, StringId key, const Value& value) override;
  void setObjectAttribute(ObjectId object, StringId key, const Value& value,
                          std::optional<MicrosUtc> time = std::nullopt) override;
  std::optional<PersonId> findAlias(AliasKind kind, std::string_view normalised) const override;
  void addAlias(AliasKind kind, std::string_view normalised, PersonId person) override;
  void mergePeople(PersonId from, PersonId into) override;
  SourceId currentSource() const override { return m_source; }

  /// What this session has added so far (objects, events, ...); importers add skipped rows.
  const ImportCounts& counts() const { return m_counts; }
  /// Rewrites the text values of the event and object attributes this session wrote:
  /// `rewrite` returns the new text, or nullopt to keep the value. One pass over them; used
  /// to pseudonymise values that name an identity seen only later in the import.
  void rewriteTextAttributes(
      const std::function<std::optional<std::string>(std::string_view)>& rewrite);
  /// Sets a meta value (`pseudonym_key_id`) inside the import's transaction, so that it is
  /// written only if the import commits.
  void setMeta(std::string_view key, std::string_view value);
  /// Writes the source record (with `counts` and diagnostics) and commits.
  SourceId commit(const ImportCounts& counts, const std::vector<Diagnostic>& diagnostics);
  /// Discards everything (also done by the destructor when not committed).
  void rollback();

 private:
  friend class Store;
  ImportSession(Store& store, SourceRecord source);
  void loadLookups();
  void bindValue(Statement& s, int typeIndex, int valueIndex, const Value& value);

  Store& m_store;
  SourceRecord m_record;
  SourceId m_source;
  bool m_open = false;
  ImportCounts m_counts;

  StringPool m_strings;
  std::uint32_t m_storedStrings = 0;  // strings below this index are already in the table
  std::vector<std::string> m_typeNames;
  std::vector<TypeId> m_objectTypes;                          // type of every object, by index
  std::unordered_map<std::uint64_t, ObjectId> m_objectIndex;  // (type << 32 | key) -> object
  std::vector<bool> m_objectHasName;
  std::unordered_map<std::string, PersonId> m_aliases;  // "<kind>\x1f<value>" -> person
  std::uint32_t m_nextEvent = 0;
  // Attribute rowids at the start: rows above them were written (or replaced) by this session.
  std::int64_t m_eventAttributesBefore = 0, m_objectAttributesBefore = 0;

  Statement m_insertString, m_insertObject, m_setObjectName, m_insertEvent, m_insertLink,
      m_insertRelation, m_insertEventAttribute, m_insertObjectAttribute, m_insertAlias;
};

}  // namespace orglens::model
