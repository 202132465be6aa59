#include "model/import_session.h"

#include <sqlite3.h>

#include "model/store.h"
#include "model/time_format.h"

namespace orglens::model {
namespace {

std::string aliasKey(AliasKind kind, std::string_view value) {
  std::string key(1, static_cast<char>('0' + static_cast<int>(kind)));
  key += '\x1f';
  key += value;
  return key;
}

}  // namespace

ImportSession::ImportSession(Store& store, SourceRecord source)
    : m_store(store), m_db(store.db()), m_record(std::move(source)) {
  sqlite3* db = m_db;
  // A bulk import touches the unique indexes (strings, objects, relations) all over: a 32 MiB
  // page cache (bounded, whatever the input size) keeps more of their pages from being spilled
  // and read back mid-transaction.
  execute(db, "PRAGMA cache_size = -32768");
  execute(db, "BEGIN IMMEDIATE");
  m_open = true;
  store.m_inImport = true;
  store.m_importWriter = &m_writer;
  try {
    m_source =
        SourceId::fromRowid(queryInt(db, "SELECT ifnull(max(id), 0) + 1 FROM sources").value());
    loadLookups();
    m_findString = Statement(db, "SELECT id FROM strings WHERE value = ?");
    m_stringText = Statement(db, "SELECT value FROM strings WHERE id = ?");
    m_findObject =
        Statement(db, "SELECT id, name IS NOT NULL FROM objects WHERE type = ? AND key = ?");
    m_objectType = Statement(db, "SELECT type FROM objects WHERE id = ?");
    // 256 rows per statement: a Slack import ran 8% faster than with 64; past that the gain
    // is small and the statements (prepared once per import) get long.
    constexpr int kBatch = 256;
    m_insertString =
        Statement(db, "INSERT INTO strings(id, value) VALUES (?, ?) ON CONFLICT(value) DO NOTHING");
    // No ON CONFLICT: a batched string is known to be new, and a conflict would be a bug.
    m_stringRows = BatchInsert(db, "INSERT INTO strings(id, value)", 2, kBatch, &m_writer);
    m_objectRows =
        BatchInsert(db, "INSERT INTO objects(id, type, key, name, source)", 5, kBatch, &m_writer);
    m_setObjectName = Statement(db, "UPDATE objects SET name = ? WHERE id = ?");
    m_insertPending = Statement(db,
                                "INSERT INTO pending_relations(from_object, to_type, to_key, "
                                "qualifier) VALUES (?,?,?,?)");
    m_eventRows = BatchInsert(db,
                              "INSERT INTO events(id, time_us, activity, actor, item, lifecycle, "
                              "tool, platform, source)",
                              9, kBatch, &m_writer);
    m_linkRows = BatchInsert(db, "INSERT INTO event_objects(event, object, qualifier)", 3, kBatch,
                             &m_writer);
    m_relationRows = BatchInsert(db,
                                 "INSERT OR IGNORE INTO relations(from_object, to_object, "
                                 "qualifier, valid_from, valid_to, source)",
                                 6, kBatch, &m_writer);
    m_eventAttributeRows = BatchInsert(db, "INSERT INTO event_attributes(event, key, type, value)",
                                       4, kBatch, &m_writer);
    m_objectAttributeRows = BatchInsert(
        db, "INSERT OR REPLACE INTO object_attributes(object, key, type, value, time_us)", 5,
        kBatch, &m_writer);
    m_insertAlias =
        Statement(db, "INSERT OR REPLACE INTO aliases(kind, value, person) VALUES (?,?,?)");
  } catch (...) {
    rollback();
    throw;
  }
}

ImportSession::~ImportSession() {
  if (m_open) rollback();
}

void ImportSession::loadLookups() {
  sqlite3* db = m_store.db();
  // Rows are never deleted, so the next ids follow the largest ones.
  m_nextString =
      static_cast<std::uint32_t>(queryInt(db, "SELECT ifnull(max(id), 0) FROM strings").value());
  m_stringsBefore = m_nextString;  // ids are dense: as many strings as the largest id
  m_stringFilterComplete = m_stringsBefore == 0;
  m_nextObject =
      static_cast<std::uint32_t>(queryInt(db, "SELECT ifnull(max(id), 0) FROM objects").value());
  Statement types(db, "SELECT name FROM object_types ORDER BY id");
  while (types.step()) m_typeNames.emplace_back(types.columnText(0));
  Statement aliases(db, "SELECT kind, value, person FROM aliases");
  while (aliases.step())
    m_aliases.emplace(aliasKey(static_cast<AliasKind>(aliases.columnInt(0)), aliases.columnText(1)),
                      PersonId::fromRowid(aliases.columnInt(2)));
  m_nextEvent =
      static_cast<std::uint32_t>(queryInt(db, "SELECT ifnull(max(id), 0) FROM events").value());
  m_eventAttributesBefore =
      queryInt(db, "SELECT ifnull(max(rowid), 0) FROM event_attributes").value();
  m_objectAttributesBefore =
      queryInt(db, "SELECT ifnull(max(rowid), 0) FROM object_attributes").value();
}

std::optional<StringId> ImportSession::storedString(std::string_view text) const {
  // A string the complete filter rules out is neither stored nor batched: no flush, which
  // would wait for the batch writer, and no query (an e-mail's Message-ID, looked up to tell
  // a duplicate, is such a string).
  probeLoadsFilter();
  if (m_stringFilterComplete && !m_stringFilter.mayContain(text)) return std::nullopt;
  const auto held = m_writer.hold(m_stringRows);
  m_stringRows.writePending();  // the strings table must hold every string of the session
  return findStoredString(text);
}

std::optional<StringId> ImportSession::findStoredString(std::string_view text) const {
  m_findString.bind(1, text);
  std::optional<StringId> id;
  if (m_findString.step()) id = StringId::fromRowid(m_findString.columnInt(0));
  m_findString.reset();
  return id;
}

bool ImportSession::probeLoadsFilter() const {
  if (m_stringFilterComplete || ++m_stringProbes <= m_stringsBefore / 4 + 1024) return false;
  loadStringFilter();
  return true;
}

void ImportSession::loadStringFilter() const {
  m_stringRows.flush();
  Statement all(m_store.db(), "SELECT value FROM strings");
  while (all.step()) m_stringFilter.add(all.columnText(0));
  m_stringFilterComplete = true;
}

StringId ImportSession::internString(std::string_view text, bool& created) {
  created = false;
  // Once the filter holds every stored string, a string it rules out is new: neither cached
  // nor stored, so it is appended in a batch without a cache lookup or an index probe (a
  // Slack message's key is such a string). The filter is loaded from the store when the
  // probes it would have saved outnumber a quarter of the stored strings (a new store starts
  // with it complete).
  const std::uint64_t hash = StringFilter::hashOf(text);
  if (m_stringFilterComplete && !m_stringFilter.mayContainHash(hash)) {
    const StringId id(m_nextString++);
    m_stringRows.add(id.rowid()).add(text).endRow();
    m_stringFilter.addHash(hash);
    m_strings.add(text, id);
    created = true;
    return id;
  }
  if (auto id = m_strings.find(text)) return *id;
  if (probeLoadsFilter()) return internString(text, created);
  // Maybe stored: try the insert, which probes the unique index once; only a string that is
  // already stored (an earlier import, or evicted from the cache) needs the second lookup. The
  // connection is held once the strings' batches are written, without waiting for the other
  // tables' (a store with many strings probes for every new one until the filter is loaded).
  const auto held = m_writer.hold(m_stringRows);
  m_stringRows.writePending();  // the probe must see the batched strings
  const StringId id(m_nextString);
  m_insertString.bind(1, id.rowid()).bind(2, text).run();
  if (sqlite3_changes(m_db) == 0) {
    const auto stored = findStoredString(text);
    if (!stored) throw StoreError("cannot intern a string in " + m_store.path().string());
    m_strings.add(text, *stored);
    return *stored;
  }
  ++m_nextString;
  m_stringFilter.addHash(hash);
  m_strings.add(text, id);
  created = true;
  return id;
}

StringId ImportSession::intern(std::string_view text) {
  bool created = false;
  return internString(text, created);
}

std::string_view ImportSession::text(StringId id) const {
  if (!id.valid()) return {};
  if (const auto cached = m_strings.text(id)) return *cached;
  const auto held = m_writer.hold(m_stringRows);
  m_stringRows.writePending();
  m_stringText.bind(1, id.rowid());
  if (!m_stringText.step()) {
    m_stringText.reset();
    return {};
  }
  const std::string_view cached = m_strings.add(m_stringText.columnText(0), id);
  m_stringText.reset();
  return cached;
}

TypeId ImportSession::objectType(std::string_view name) {
  for (std::uint32_t t = 0; t < m_typeNames.size(); ++t)
    if (m_typeNames[t] == name) return TypeId(t);
  m_typeNames.emplace_back(name);
  TypeId id(static_cast<std::uint32_t>(m_typeNames.size() - 1));
  Statement insert(m_store.db(), "INSERT INTO object_types(id, name) VALUES (?, ?)");
  insert.bind(1, id.rowid()).bind(2, name).run();
  return id;
}

bool ImportSession::mayBeStored(std::uint64_t cacheKey, StringId key) const {
  // A key this session interned names no object of an earlier import; an object this session
  // made is cached unless the cache dropped it. (The Slack importer makes a thread and then
  // its parent message with the same key: the message's look-up would have waited for the
  // batch writer.)
  return key.value() < m_stringsBefore || m_objects.mayHaveDropped(cacheKey);
}

std::optional<CachedObject> ImportSession::storedObject(TypeId type, StringId key) const {
  // Objects still in the pending batch are cached; the written ones are what a look-up finds.
  const auto held = m_writer.hold(m_objectRows);
  m_findObject.bind(1, type.rowid()).bind(2, key.rowid());
  std::optional<CachedObject> found;
  if (m_findObject.step())
    found = CachedObject{ObjectId::fromRowid(m_findObject.columnInt(0)), type,
                         m_findObject.columnInt(1) != 0};
  m_findObject.reset();
  if (found) m_objects.add(ObjectCache::keyOf(type, key), *found);
  return found;
}

ObjectId ImportSession::object(TypeId type, std::string_view key, std::string_view name) {
  // `key` and `name` may be views from text(): they stay valid for kCacheCapacity more strings.
  bool newKey = false;
  const StringId keyId = internString(key, newKey);
  const std::uint64_t cacheKey = ObjectCache::keyOf(type, keyId);
  // A key string new to the store cannot belong to a stored object: no lookup needed.
  CachedObject* found = newKey ? nullptr : m_objects.find(cacheKey);
  std::optional<CachedObject> stored;
  if (!newKey && !found && mayBeStored(cacheKey, keyId) && (stored = storedObject(type, keyId)))
    found = m_objects.find(cacheKey);
  if (found) {
    if (!name.empty() && !found->hasName) {
      const StringId nameId = intern(name);  // adds no object: `found` stays valid
      const auto held = m_writer.hold(m_objectRows);
      m_objectRows.writePending();  // the object may still be in the batch
      m_setObjectName.bind(1, nameId.rowid()).bind(2, found->id.rowid()).run();
      found->hasName = true;
    }
    return found->id;
  }
  const ObjectId id(m_nextObject++);
  m_objects.add(cacheKey, {id, type, !name.empty()});
  m_objectRows.add(id.rowid()).add(type.rowid()).add(keyId.rowid());
  if (name.empty())
    m_objectRows.addNull();
  else
    m_objectRows.add(intern(name).rowid());
  m_objectRows.add(m_source.rowid()).endRow();
  ++m_counts.objects;
  if (type == typeId(BuiltinType::Person)) ++m_counts.people;
  return id;
}

std::optional<ObjectId> ImportSession::findObject(TypeId type, std::string_view key) const {
  auto keyId = m_strings.findConst(key);
  if (!keyId) keyId = storedString(key);
  if (!keyId) return std::nullopt;
  const auto cacheKey = ObjectCache::keyOf(type, *keyId);
  if (const CachedObject* cached = m_objects.findConst(cacheKey)) return cached->id;
  if (!mayBeStored(cacheKey, *keyId)) return std::nullopt;
  if (auto stored = storedObject(type, *keyId)) return stored->id;
  return std::nullopt;
}

TypeId ImportSession::typeOf(ObjectId object) const {
  if (auto type = m_objects.typeOf(object)) return *type;
  const auto held = m_writer.hold(m_objectRows);
  m_objectType.bind(1, object.rowid());
  if (!m_objectType.step()) {
    m_objectType.reset();
    throw StoreError("no object " + std::to_string(object.rowid()) + " in the store");
  }
  const TypeId type = TypeId::fromRowid(m_objectType.columnInt(0));
  m_objectType.reset();
  return type;
}

EventId ImportSession::addEvent(const EventRecord& e) {
  EventId id(m_nextEvent++);
  auto& rows = m_eventRows;
  auto addId = [&rows](auto value) {
    if (value.valid())
      rows.add(value.rowid());
    else
      rows.addNull();
  };
  rows.add(id.rowid()).add(e.time);
  addId(e.activity);
  addId(e.actor);
  addId(e.item);
  rows.add(static_cast<std::int64_t>(e.lifecycle));
  addId(e.tool);
  rows.add(static_cast<std::int64_t>(e.platform));
  rows.add((e.source.valid() ? e.source : m_source).rowid());
  rows.endRow();
  ++m_counts.events;
  return id;
}

void ImportSession::addEventLink(EventId event, const EventLink& link) {
  m_linkRows.add(event.rowid()).add(link.object.rowid());
  if (link.qualifier.valid())
    m_linkRows.add(link.qualifier.rowid());
  else
    m_linkRows.addNull();
  m_linkRows.endRow();
}

void ImportSession::addRelation(const Relation& r) {
  // A relation always has a qualifier; a missing one is the empty string (OCEL allows it).
  const StringId qualifier = r.qualifier.valid() ? r.qualifier : intern("");
  m_relationRows.add(r.from.rowid()).add(r.to.rowid()).add(qualifier.rowid());
  m_relationRows.addOptional(r.validFrom).addOptional(r.validTo).add(m_source.rowid());
  m_relationRows.endRow();  // counted when written (OR IGNORE drops duplicates)
}

void ImportSession::addRelationTo(ObjectId from, TypeId type, std::string_view key,
                                  StringId qualifier) {
  if (auto found = findObject(type, key)) {
    addRelation({from, *found, qualifier, std::nullopt, std::nullopt});
    return;
  }
  const auto held = m_writer.hold();
  m_insertPending.bind(1, from.rowid()).bind(2, type.rowid()).bind(3, key);
  m_insertPending.bind(4, qualifier.rowid()).run();
}

void ImportSession::resolvePendingRelations() {
  flushBatches();
  sqlite3* db = m_store.db();
  // Targets are found through the unique indexes strings(value) and objects(type, key).
  constexpr std::string_view kTarget =
      "FROM strings s JOIN objects o ON o.key = s.id AND o.type = p.to_type "
      "WHERE s.value = p.to_key";
  Statement add(db,
                "INSERT OR IGNORE INTO relations(from_object, to_object, qualifier, source) "
                "SELECT p.from_object, (SELECT o.id " +
                    std::string(kTarget) +
                    "), p.qualifier, ? FROM pending_relations p WHERE EXISTS (SELECT 1 " +
                    std::string(kTarget) + ") ORDER BY p.rowid");
  add.bind(1, m_source.rowid()).run();
  m_counts.relations += static_cast<std::uint64_t>(sqlite3_changes(db));
  execute(db, "DELETE FROM pending_relations AS p WHERE EXISTS (SELECT 1 " + std::string(kTarget) +
                  ")");
}

void ImportSession::flushBatches() {
  for (auto* batch : {&m_stringRows, &m_objectRows, &m_eventRows, &m_linkRows, &m_relationRows,
                      &m_eventAttributeRows, &m_objectAttributeRows})
    batch->flush();
  m_counts.relations += m_relationRows.inserted() - m_relationsBefore;
  m_relationsBefore = m_relationRows.inserted();
}

const ImportCounts& ImportSession::counts() {
  flushBatches();
  return m_counts;
}

namespace {

/// A typed value as the (type, value) columns of an attribute row.
void addValue(BatchInsert& rows, const Value& value) {
  rows.add(static_cast<std::int64_t>(valueType(value)));
  std::visit(
      [&rows](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          rows.addNull();
        else if constexpr (std::is_same_v<T, bool>)
          rows.add(std::int64_t(v ? 1 : 0));
        else if constexpr (std::is_same_v<T, TimeValue>)
          rows.add(v.micros);
        else if constexpr (std::is_same_v<T, std::string>)
          rows.add(std::string_view(v));
        else
          rows.add(v);
      },
      value);
}

}  // namespace

void ImportSession::setEventAttribute(EventId event, StringId key, const Value& value) {
  m_eventAttributeRows.add(event.rowid()).add(key.rowid());
  addValue(m_eventAttributeRows, value);
  m_eventAttributeRows.endRow();
  ++m_counts.attributes;
}

void ImportSession::setObjectAttribute(ObjectId object, StringId key, const Value& value,
                                       std::optional<MicrosUtc> time) {
  // OR REPLACE row by row, in order, also within a batch: the last value of (object, key,
  // time) wins, as with one statement per call.
  m_objectAttributeRows.add(object.rowid()).add(key.rowid());
  addValue(m_objectAttributeRows, value);
  m_objectAttributeRows.addOptional(time).endRow();
  ++m_counts.attributes;
}

std::optional<PersonId> ImportSession::findAlias(AliasKind kind,
                                                 std::string_view normalised) const {
  auto it = m_aliases.find(aliasKey(kind, normalised));
  if (it == m_aliases.end()) return std::nullopt;
  return it->second;
}

void ImportSession::addAlias(AliasKind kind, std::string_view normalised, PersonId person) {
  auto [it, inserted] = m_aliases.try_emplace(aliasKey(kind, normalised), person);
  if (!inserted && it->second == person) return;
  it->second = person;
  const auto held = m_writer.hold();
  m_insertAlias.bind(1, static_cast<std::int64_t>(kind))
      .bind(2, normalised)
      .bind(3, person.rowid());
  m_insertAlias.run();
  ++m_counts.aliases;
}

void ImportSession::mergePeople(PersonId from, PersonId into) {
  if (from == into) return;
  flushBatches();  // the updates below must see every row
  sqlite3* db = m_store.db();
  auto update = [&](std::string_view sql) {
    Statement s(db, sql);
    s.bind(1, into.rowid()).bind(2, from.rowid()).run();
  };
  update("UPDATE events SET actor = ? WHERE actor = ?");
  update("UPDATE event_objects SET object = ? WHERE object = ?");
  update("UPDATE OR IGNORE relations SET from_object = ? WHERE from_object = ?");
  update("UPDATE OR IGNORE relations SET to_object = ? WHERE to_object = ?");
  Statement drop(db, "DELETE FROM relations WHERE from_object = ?1 OR to_object = ?1");
  drop.bind(1, from.rowid()).run();  // leftovers that duplicated one of `into`'s relations
  update("UPDATE aliases SET person = ? WHERE person = ?");
  for (auto& [key, person] : m_aliases)
    if (person == from) person = into;
  addRelation({from.object(), into.object(), intern("merged-into"), std::nullopt, std::nullopt});
}

void ImportSession::rewriteTextAttributes(
    const std::function<std::optional<std::string>(std::string_view)>& rewrite) {
  flushBatches();
  const auto text = static_cast<std::int64_t>(ValueType::String);
  for (const auto& [table, before] :
       {std::pair{std::string("event_attributes"), m_eventAttributesBefore},
        std::pair{std::string("object_attributes"), m_objectAttributesBefore}}) {
    // Collected first: updating rows while a SELECT steps over the same table is unsafe.
    std::vector<std::pair<std::int64_t, std::string>> changes;
    Statement rows(m_store.db(),
                   "SELECT rowid, value FROM " + table + " WHERE rowid > ? AND type = ?");
    rows.bind(1, before).bind(2, text);
    while (rows.step())
      if (auto changed = rewrite(rows.columnText(1)))
        changes.emplace_back(rows.columnInt(0), *changed);
    Statement update(m_store.db(), "UPDATE " + table + " SET value = ? WHERE rowid = ?");
    for (const auto& [rowid, value] : changes) update.bind(1, value).bind(2, rowid).run();
  }
}

void ImportSession::setMeta(std::string_view key, std::string_view value) {
  Statement s(m_store.db(), "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
  s.bind(1, key).bind(2, value).run();
}

SourceId ImportSession::commit(const ImportCounts& counts,
                               const std::vector<Diagnostic>& diagnostics) {
  flushBatches();
  sqlite3* db = m_store.db();
  Statement source(db,
                   "INSERT INTO sources(id, path, format, sha256, imported_at, events, objects, "
                   "options, people, relations, attributes, aliases, skipped_rows, warnings, "
                   "errors) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  source.bind(1, m_source.rowid()).bind(2, m_record.path).bind(3, m_record.format);
  source.bind(4, m_record.sha256).bind(5, m_record.importedAt);
  source.bind(6, static_cast<std::int64_t>(counts.events))
      .bind(7, static_cast<std::int64_t>(counts.objects));
  source.bind(8, m_record.options).bind(9, static_cast<std::int64_t>(counts.people));
  source.bind(10, static_cast<std::int64_t>(counts.relations));
  source.bind(11, static_cast<std::int64_t>(counts.attributes));
  source.bind(12, static_cast<std::int64_t>(counts.aliases));
  source.bind(13, static_cast<std::int64_t>(counts.skippedRows));
  source.bind(14, static_cast<std::int64_t>(counts.warnings))
      .bind(15, static_cast<std::int64_t>(counts.errors));
  source.run();
  Statement diag(
      db, "INSERT INTO diagnostics(source, severity, file, line, message) VALUES (?,?,?,?,?)");
  for (const auto& d : diagnostics) {
    diag.bind(1, m_source.rowid()).bind(2, static_cast<std::int64_t>(d.severity)).bind(3, d.file);
    diag.bind(4, static_cast<std::int64_t>(d.line)).bind(5, d.message).run();
  }
  // The secret behind the reports' pseudonyms (reports/privacy.h): random, once per store.
  execute(db,
          "INSERT OR IGNORE INTO meta(key, value) VALUES ('pseudonym_salt', hex(randomblob(32)))");
  execute(db, "COMMIT");
  m_open = false;
  m_store.m_inImport = false;
  m_store.m_importWriter = nullptr;
  return m_source;
}

void ImportSession::rollback() {
  if (!m_open) return;
  m_writer.abandon();
  m_store.m_importWriter = nullptr;
  for (auto* batch : {&m_stringRows, &m_objectRows, &m_eventRows, &m_linkRows, &m_relationRows,
                      &m_eventAttributeRows, &m_objectAttributeRows})
    batch->discard();
  m_open = false;
  m_store.m_inImport = false;
  try {
    execute(m_store.db(), "ROLLBACK");
  } catch (const StoreError&) {
    // The transaction may already be gone (SQLite rolls back on some errors itself).
  }
}

}  // namespace orglens::model
