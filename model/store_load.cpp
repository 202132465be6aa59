// Store::loadModel(), Store::sources(), Store::diagnostics(): reading the tables back.
#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "model/event_log.h"
#include "model/range_reader.h"
#include "model/seen_ids.h"
#include "model/store.h"

namespace orglens::model {
namespace {

Value readValue(const Statement& s, int typeColumn, int valueColumn) {
  switch (static_cast<ValueType>(s.columnInt(typeColumn))) {
    case ValueType::Null:
      return std::monostate{};
    case ValueType::Int:
      return s.columnInt(valueColumn);
    case ValueType::Real:
      return s.columnReal(valueColumn);
    case ValueType::Bool:
      return s.columnInt(valueColumn) != 0;
    case ValueType::String:
      return std::string(s.columnText(valueColumn));
    case ValueType::Time:
      return TimeValue{s.columnInt(valueColumn)};
  }
  return std::monostate{};
}

template <class IdType>
IdType idColumn(const Statement& s, int column) {
  return s.columnIsNull(column) ? IdType() : IdType::fromRowid(s.columnInt(column));
}

SourceRecord readSource(const Statement& s) {
  SourceRecord r;
  r.path = s.columnText(1);
  r.format = s.columnText(2);
  r.sha256 = s.columnText(3);
  r.importedAt = s.columnInt(4);
  r.options = s.columnText(5);
  auto n = [&s](int c) { return static_cast<std::uint64_t>(s.columnInt(c)); };
  r.counts = {n(6), n(7), n(8), n(9), n(10), n(11), n(12), n(13), n(14)};
  return r;
}

constexpr std::string_view kSourceColumns =
    "SELECT id, path, format, sha256, imported_at, options, events, objects, people, relations, "
    "attributes, aliases, skipped_rows, warnings, errors FROM sources";

void loadObjects(sqlite3* db, Model& model) {
  // Types beyond the built-in ones, in id order.
  Statement types(db, "SELECT name FROM object_types WHERE id > 7 ORDER BY id");
  while (types.step()) model.objectType(types.columnText(0));
  Statement objects(db,
                    "SELECT o.type, k.value, n.value FROM objects o JOIN strings k ON k.id = o.key "
                    "LEFT JOIN strings n ON n.id = o.name ORDER BY o.id");
  while (objects.step())
    model.object(TypeId::fromRowid(objects.columnInt(0)), objects.columnText(1),
                 objects.columnText(2));
}

void loadEvents(sqlite3* db, Model& model) {
  Statement events(db,
                   "SELECT time_us, activity, actor, item, lifecycle, tool, platform, source "
                   "FROM events ORDER BY id");
  while (events.step()) {
    EventRecord e;
    e.time = events.columnInt(0);
    e.activity = idColumn<StringId>(events, 1);
    e.actor = idColumn<PersonId>(events, 2);
    e.item = idColumn<ObjectId>(events, 3);
    e.lifecycle = static_cast<Lifecycle>(events.columnInt(4));
    e.tool = idColumn<StringId>(events, 5);
    e.platform = static_cast<Platform>(events.columnInt(6));
    e.source = idColumn<SourceId>(events, 7);
    model.addEvent(e);
  }
  Statement links(db, "SELECT event, object, qualifier FROM event_objects ORDER BY rowid");
  while (links.step())
    model.addEventLink(EventId::fromRowid(links.columnInt(0)),
                       {ObjectId::fromRowid(links.columnInt(1)), idColumn<StringId>(links, 2)});
}

void loadRelationsAndAttributes(sqlite3* db, Model& model) {
  Statement relations(db,
                      "SELECT from_object, to_object, qualifier, valid_from, valid_to "
                      "FROM relations ORDER BY rowid");
  while (relations.step())
    model.addRelation({ObjectId::fromRowid(relations.columnInt(0)),
                       ObjectId::fromRowid(relations.columnInt(1)),
                       StringId::fromRowid(relations.columnInt(2)), relations.columnOptional(3),
                       relations.columnOptional(4)});
  Statement eattrs(db, "SELECT event, key, type, value FROM event_attributes ORDER BY rowid");
  while (eattrs.step())
    model.setEventAttribute(EventId::fromRowid(eattrs.columnInt(0)),
                            StringId::fromRowid(eattrs.columnInt(1)), readValue(eattrs, 2, 3));
  Statement oattrs(
      db, "SELECT object, key, type, value, time_us FROM object_attributes ORDER BY rowid");
  while (oattrs.step())
    model.setObjectAttribute(ObjectId::fromRowid(oattrs.columnInt(0)),
                             StringId::fromRowid(oattrs.columnInt(1)), readValue(oattrs, 2, 3),
                             oattrs.columnOptional(4));
  Statement aliases(db, "SELECT kind, value, person FROM aliases");
  while (aliases.step())
    model.addAlias(static_cast<AliasKind>(aliases.columnInt(0)), aliases.columnText(1),
                   PersonId::fromRowid(aliases.columnInt(2)));
}

}  // namespace

Model Store::loadModel() const {
  Model model;
  // Strings first, in id order, so that the model's StringIds equal the store's.
  Statement strings(connection(), "SELECT value FROM strings ORDER BY id");
  while (strings.step()) model.intern(strings.columnText(0));
  for (const auto& s : sources()) model.addSource(s);
  loadObjects(connection(), model);
  loadEvents(connection(), model);
  loadRelationsAndAttributes(connection(), model);
  return model;
}

std::vector<SourceRecord> Store::sources() const {
  std::vector<SourceRecord> out;
  Statement s(connection(), std::string(kSourceColumns) + " ORDER BY id");
  while (s.step()) out.push_back(readSource(s));
  return out;
}

std::vector<Diagnostic> Store::diagnostics(SourceId source, std::size_t limit) const {
  std::vector<Diagnostic> out;
  Statement s(connection(),
              "SELECT severity, file, line, message FROM diagnostics WHERE source = ? "
              "ORDER BY rowid LIMIT ?");
  s.bind(1, source.rowid()).bind(2, static_cast<std::int64_t>(limit));
  while (s.step())
    out.push_back({static_cast<Severity>(s.columnInt(0)), std::string(s.columnText(1)),
                   static_cast<std::uint64_t>(s.columnInt(2)), std::string(s.columnText(3))});
  return out;
}

namespace {

/// The event figures of one range of event ids.
struct EventFigures {
  std::uint64_t events = 0, withoutActor = 0;
  std::optional<MicrosUtc> first, last;
  std::vector<char> activities, actors;  // seen ids
};

/// The summary's figures of objects, people, aliases and relations.
void countObjects(sqlite3* db, StoreSummary& out) {
  Statement types(db,
                  "SELECT t.name, count(o.id) FROM object_types t LEFT JOIN objects o "
                  "ON o.type = t.id GROUP BY t.id ORDER BY t.id");
  while (types.step())
    out.objectsByType.push_back(
        {std::string(types.columnText(0)), static_cast<std::uint64_t>(types.columnInt(1))});
  const auto count = [db](std::string_view sql) {
    return static_cast<std::uint64_t>(queryInt(db, sql).value_or(0));
  };
  out.people = count("SELECT count(*) FROM objects WHERE type = 1");
  out.teams = count("SELECT count(*) FROM objects WHERE type = 2");
  out.peopleWithoutTeam = count(
      "SELECT count(*) FROM objects p WHERE p.type = 1 AND NOT EXISTS (SELECT 1 FROM relations r "
      "JOIN objects t ON t.id = r.to_object AND t.type = 2 WHERE r.from_object = p.id) AND NOT "
      "EXISTS (SELECT 1 FROM relations m JOIN strings q ON q.id = m.qualifier AND "
      "q.value = 'merged-into' WHERE m.from_object = p.id)");
  // aliases has no index on person: NOT IN builds one over the roster's people once, where
  // NOT EXISTS scanned every alias for every person (0.65 s at 5,000 people, 21,581 aliases).
  if (count("SELECT count(*) FROM aliases WHERE kind = 0") > 0)
    out.peopleNotInRoster = count(
        "SELECT count(*) FROM objects p WHERE p.type = 1 AND p.id NOT IN (SELECT person FROM "
        "aliases WHERE kind = 0) AND NOT EXISTS (SELECT 1 FROM relations m JOIN strings q "
        "ON q.id = m.qualifier AND q.value = 'merged-into' WHERE m.from_object = p.id)");
  out.aliases = count("SELECT count(*) FROM aliases");
  out.relations = count("SELECT count(*) FROM relations");
}

std::uint64_t marked(const std::vector<char>& seen) {
  return static_cast<std::uint64_t>(std::count(seen.begin(), seen.end(), 1));
}

}  // namespace

/// The event figures of the summary in one pass over the events table (it has no index on
/// these columns: six aggregate queries were six scans, noticeable on million-event stores).
void Store::scanEvents(StoreSummary& out) const {
  // A big store in ranges of ids by several threads (detail::RangeReader), the figures merged.
  const detail::RangeReader reader(*this, 0, kRowsPerReaderThread);
  std::vector<EventFigures> ranges(reader.ranges());
  reader.run(
      [&ranges](const Store& store, std::int64_t first, std::int64_t last, std::size_t r) {
        Statement s(store.db(),
                    "SELECT time_us, activity, actor FROM events WHERE id >= ?1 AND id < ?2");
        s.bind(1, first).bind(2, last);
        EventFigures& f = ranges[r];
        while (s.step()) {
          ++f.events;
          const auto t = s.columnInt(0);
          if (!f.first || t < *f.first) f.first = t;
          if (!f.last || t > *f.last) f.last = t;
          if (!s.columnIsNull(1)) detail::markSeen(f.activities, s.columnInt(1));
          if (s.columnIsNull(2))
            ++f.withoutActor;
          else
            detail::markSeen(f.actors, s.columnInt(2));
        }
      },
      [&out](const Store& store) { countObjects(store.db(), out); });
  std::vector<char> activities, actors;
  for (const auto& f : ranges) {
    out.events += f.events;
    out.eventsWithoutActor += f.withoutActor;
    if (f.first && (!out.firstEvent || *f.first < *out.firstEvent)) out.firstEvent = f.first;
    if (f.last && (!out.lastEvent || *f.last > *out.lastEvent)) out.lastEvent = f.last;
    detail::addSeen(activities, f.activities);
    detail::addSeen(actors, f.actors);
  }
  out.activities = marked(activities);
  out.activePeople = marked(actors);
}

StoreSummary Store::summary() const {
  StoreSummary out;
  out.schemaVersion = schemaVersion();
  out.pseudonymKeyId = metaValue("pseudonym_key_id").value_or("");
  Statement s(connection(), std::string(kSourceColumns) + " ORDER BY id");
  while (s.step()) out.sources.push_back({SourceId::fromRowid(s.columnInt(0)), readSource(s)});
  scanEvents(out);  // with the object counts (countObjects) beside the scan
  return out;
}

}  // namespace orglens::model
