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

std::uint64_t objectKey(TypeId type, StringId key) {
  return (static_cast<std::uint64_t>(type.value()) << 32) | key.value();
}

}  // namespace

ImportSession::ImportSession(Store& store, SourceRecord source)
    : m_store(store), m_record(std::move(source)) {
  sqlite3* db = store.db();
  execute(db, "BEGIN IMMEDIATE");
  m_open = true;
  store.m_inImport = true;
  try {
    m_source =
        SourceId::fromRowid(queryInt(db, "SELECT ifnull(max(id), 0) + 1 FROM sources").value());
    loadLookups();
    m_insertString = Statement(db, "INSERT INTO strings(id, value) VALUES (?, ?)");
    m_insertObject =
        Statement(db, "INSERT INTO objects(id, type, key, name, source) VALUES (?,?,?,?,?)");
    m_setObjectName = Statement(db, "UPDATE objects SET name = ? WHERE id = ?");
    m_insertEvent = Statement(db,
                              "INSERT INTO events(id, time_us, activity, actor, item, lifecycle, "
                              "tool, platform, source) VALUES (?,?,?,?,?,?,?,?,?)");
    m_insertLink =
        Statement(db, "INSERT INTO event_objects(event, object, qualifier) VALUES (?,?,?)");
    m_insertRelation = Statement(db,
                                 "INSERT OR IGNORE INTO relations(from_object, to_object, "
                                 "qualifier, valid_from, valid_to, source) VALUES (?,?,?,?,?,?)");
    m_insertEventAttribute =
        Statement(db, "INSERT INTO event_attributes(event, key, type, value) VALUES (?,?,?,?)");
    m_insertObjectAttribute = Statement(db,
                                        "INSERT OR REPLACE INTO object_attributes(object, key, "
                                        "type, value, time_us) VALUES (?,?,?,?,?)");
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
  Statement strings(db, "SELECT id, value FROM strings ORDER BY id");
  while (strings.step()) {
    if (StringId::fromRowid(strings.columnInt(0)).value() != m_strings.size())
      throw StoreError("store '" + m_store.path().string() + "' has a gap in its strings table");
    m_strings.appendLoaded(std::string(strings.columnText(1)));
  }
  m_storedStrings = static_cast<std::uint32_t>(m_strings.size());
  Statement types(db, "SELECT name FROM object_types ORDER BY id");
  while (types.step()) m_typeNames.emplace_back(types.columnText(0));
  Statement objects(db, "SELECT id, type, key, name IS NOT NULL FROM objects ORDER BY id");
  while (objects.step()) {
    ObjectId id = ObjectId::fromRowid(objects.columnInt(0));
    TypeId type = TypeId::fromRowid(objects.columnInt(1));
    m_objectTypes.push_back(type);
    m_objectHasName.push_back(objects.columnInt(3) != 0);
    m_objectIndex.emplace(objectKey(type, StringId::fromRowid(objects.columnInt(2))), id);
  }
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

StringId ImportSession::intern(std::string_view text) {
  const std::size_t before = m_strings.size();
  StringId id = m_strings.intern(text);
  if (m_strings.size() != before) m_insertString.bind(1, id.rowid()).bind(2, text).run();
  return id;
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

ObjectId ImportSession::object(TypeId type, std::string_view key, std::string_view name) {
  const StringId keyId = intern(key);
  auto [it, inserted] = m_objectIndex.try_emplace(objectKey(type, keyId), ObjectId());
  if (!inserted) {
    if (!name.empty() && !m_objectHasName[it->second.value()]) {
      m_setObjectName.bind(1, intern(name).rowid()).bind(2, it->second.rowid()).run();
      m_objectHasName[it->second.value()] = true;
    }
    return it->second;
  }
  ObjectId id(static_cast<std::uint32_t>(m_objectTypes.size()));
  it->second = id;
  m_objectTypes.push_back(type);
  m_objectHasName.push_back(!name.empty());
  m_insertObject.bind(1, id.rowid()).bind(2, type.rowid()).bind(3, keyId.rowid());
  if (name.empty())
    m_insertObject.bindNull(4);
  else
    m_insertObject.bind(4, intern(name).rowid());
  m_insertObject.bind(5, m_source.rowid()).run();
  ++m_counts.objects;
  if (type == typeId(BuiltinType::Person)) ++m_counts.people;
  return id;
}

std::optional<ObjectId> ImportSession::findObject(TypeId type, std::string_view key) const {
  auto keyId = m_strings.find(key);
  if (!keyId) return std::nullopt;
  auto it = m_objectIndex.find(objectKey(type, *keyId));
  if (it == m_objectIndex.end()) return std::nullopt;
  return it->second;
}

TypeId ImportSession::typeOf(ObjectId object) const {
  return m_objectTypes.at(object.value());
}

EventId ImportSession::addEvent(const EventRecord& e) {
  EventId id(m_nextEvent++);
  auto& s = m_insertEvent;
  s.bind(1, id.rowid()).bind(2, e.time);
  auto bindId = [&s](int index, auto value) {
    if (value.valid())
      s.bind(index, value.rowid());
    else
      s.bindNull(index);
  };
  bindId(3, e.activity);
  bindId(4, e.actor);
  bindId(5, e.item);
  s.bind(6, static_cast<std::int64_t>(e.lifecycle));
  bindId(7, e.tool);
  s.bind(8, static_cast<std::int64_t>(e.platform));
  s.bind(9, (e.source.valid() ? e.source : m_source).rowid());
  s.run();
  ++m_counts.events;
  return id;
}

void ImportSession::addEventLink(EventId event, const EventLink& link) {
  m_insertLink.bind(1, event.rowid()).bind(2, link.object.rowid());
  if (link.qualifier.valid())
    m_insertLink.bind(3, link.qualifier.rowid());
  else
    m_insertLink.bindNull(3);
  m_insertLink.run();
}

void ImportSession::addRelation(const Relation& r) {
  // A relation always has a qualifier; a missing one is the empty string (OCEL allows it).
  const StringId qualifier = r.qualifier.valid() ? r.qualifier : intern("");
  m_insertRelation.bind(1, r.from.rowid()).bind(2, r.to.rowid()).bind(3, qualifier.rowid());
  m_insertRelation.bindOptional(4, r.validFrom)
      .bindOptional(5, r.validTo)
      .bind(6, m_source.rowid());
  m_insertRelation.run();
  m_counts.relations += static_cast<std::uint64_t>(sqlite3_changes(m_store.db()));
}

void ImportSession::bindValue(Statement& s, int typeIndex, int valueIndex, const Value& value) {
  s.bind(typeIndex, static_cast<std::int64_t>(valueType(value)));
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          s.bindNull(valueIndex);
        else if constexpr (std::is_same_v<T, bool>)
          s.bind(valueIndex, std::int64_t(v ? 1 : 0));
        else if constexpr (std::is_same_v<T, TimeValue>)
          s.bind(valueIndex, v.micros);
        else if constexpr (std::is_same_v<T, std::string>)
          s.bind(valueIndex, std::string_view(v));
        else
          s.bind(valueIndex, v);
      },
      value);
}

void ImportSession::setEventAttribute(EventId event, StringId key, const Value& value) {
  m_insertEventAttribute.bind(1, event.rowid()).bind(2, key.rowid());
  bindValue(m_insertEventAttribute, 3, 4, value);
  m_insertEventAttribute.run();
  ++m_counts.attributes;
}

void ImportSession::setObjectAttribute(ObjectId object, StringId key, const Value& value,
                                       std::optional<MicrosUtc> time) {
  m_insertObjectAttribute.bind(1, object.rowid()).bind(2, key.rowid());
  bindValue(m_insertObjectAttribute, 3, 4, value);
  m_insertObjectAttribute.bindOptional(5, time).run();
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
  m_insertAlias.bind(1, static_cast<std::int64_t>(kind))
      .bind(2, normalised)
      .bind(3, person.rowid());
  m_insertAlias.run();
  ++m_counts.aliases;
}

void ImportSession::mergePeople(PersonId from, PersonId into) {
  if (from == into) return;
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
  return m_source;
}

void ImportSession::rollback() {
  if (!m_open) return;
  m_open = false;
  m_store.m_inImport = false;
  try {
    execute(m_store.db(), "ROLLBACK");
  } catch (const StoreError&) {
    // The transaction may already be gone (SQLite rolls back on some errors itself).
  }
}

}  // namespace orglens::model
