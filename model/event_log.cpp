#include "model/event_log.h"

#include <sqlite3.h>

#include <algorithm>
#include <exception>
#include <thread>
#include <unordered_map>

#include "model/range_reader.h"
#include "model/store.h"

namespace orglens::model {
namespace {

/// An id column read as 1-based rowid − 1: NULL reads as 0, which gives kNone (0xFFFFFFFF)
/// without asking for the column's type (a call a column a row less).
std::uint32_t idOf(const Statement& s, int column) {
  return static_cast<std::uint32_t>(s.columnInt(column) - 1);
}

void readLookups(sqlite3* db, EventLog& log) {
  Statement strings(db, "SELECT value FROM strings ORDER BY id");
  while (strings.step()) log.strings.emplace_back(strings.columnText(0));
  Statement objects(db, "SELECT type, key, name FROM objects ORDER BY id");
  while (objects.step()) {
    log.objectType.push_back(idOf(objects, 0));
    log.objectKey.push_back(idOf(objects, 1));
    log.objectName.push_back(idOf(objects, 2));
  }
  // Team of a person: its member-of relation to a team with the latest valid_from
  // (timeless memberships count as the oldest); ties go to the lowest team id.
  log.teamOf.assign(log.objectType.size(), EventLog::kNone);
  // The qualifier and the teams looked up once (indexes), not joined on every relation.
  Statement teams(db,
                  "SELECT r.from_object, r.to_object FROM relations r "
                  "WHERE r.qualifier = (SELECT id FROM strings WHERE value = 'member-of') "
                  "AND r.to_object IN (SELECT id FROM objects WHERE type = 2) "
                  "ORDER BY r.from_object, ifnull(r.valid_from, -9223372036854775808) DESC, "
                  "r.to_object ASC");
  std::uint32_t previous = EventLog::kNone;
  while (teams.step()) {
    const std::uint32_t person = idOf(teams, 0);
    if (person == previous || person >= log.teamOf.size()) continue;
    log.teamOf[person] = idOf(teams, 1);
    previous = person;
  }
}

/// The object type's id, or −1 when the store has no such type (no item matches).
std::int64_t itemTypeId(sqlite3* db, const std::string& name) {
  Statement s(db, "SELECT id FROM object_types WHERE name = ?");
  s.bind(1, std::string_view(name));
  return s.step() ? s.columnInt(0) : -1;
}

/// The events of ids [first, last) that pass the options, in id order; `typeId` as from
/// itemTypeId() when options.itemType is set. The item's type is matched by a join on the
/// objects' primary key, which costs less than reading the rows it leaves out.
std::string eventQuery(const EventLogOptions& options) {
  std::string sql =
      "SELECT e.id, e.item, e.time_us, e.activity, e.actor, e.tool, e.lifecycle, e.platform "
      "FROM events e";
  if (!options.itemType.empty()) sql += " JOIN objects i ON i.id = e.item AND i.type = ?1";
  sql += " WHERE e.id >= ?4 AND e.id < ?5";
  if (!options.includeItemless && options.itemType.empty()) sql += " AND e.item IS NOT NULL";
  if (options.from) sql += " AND e.time_us >= ?2";
  if (options.to) sql += " AND e.time_us < ?3";
  return sql;  // rowid order; load() sorts by (item, time, id) in memory
}

/// The rows of one range of event ids, in id order.
struct Rows {
  std::vector<std::uint32_t> item, eventId, activity, actor, tool;
  std::vector<MicrosUtc> time;
  std::vector<Lifecycle> lifecycle;
  std::vector<Platform> platform;
};

/// One column of all the ranges' rows, in range order (each range's column freed as it goes).
template <class T>
std::vector<T> joined(std::vector<Rows>& ranges, std::vector<T> Rows::*column) {
  if (ranges.size() == 1) return std::move(ranges.front().*column);
  std::size_t n = 0;
  for (const auto& r : ranges) n += (r.*column).size();
  std::vector<T> out;
  out.reserve(n);
  for (auto& r : ranges) {
    out.insert(out.end(), (r.*column).begin(), (r.*column).end());
    std::vector<T>().swap(r.*column);
  }
  return out;
}

void readEvents(sqlite3* db, const EventLogOptions& options, std::int64_t typeId,
                std::int64_t first, std::int64_t last, Rows& out) {
  Statement s(db, eventQuery(options));
  if (!options.itemType.empty()) s.bind(1, typeId);
  if (options.from) s.bind(2, *options.from);
  if (options.to) s.bind(3, *options.to);
  s.bind(4, first).bind(5, last);
  while (s.step()) {
    out.eventId.push_back(idOf(s, 0));
    out.item.push_back(idOf(s, 1));
    out.time.push_back(s.columnInt(2));
    out.activity.push_back(idOf(s, 3));
    out.actor.push_back(idOf(s, 4));
    out.tool.push_back(idOf(s, 5));
    out.lifecycle.push_back(static_cast<Lifecycle>(s.columnInt(6)));
    out.platform.push_back(static_cast<Platform>(s.columnInt(7)));
  }
}

}  // namespace

const std::string& EventLog::label(std::uint32_t object) const {
  if (object >= objectType.size()) return text(kNone);
  const std::uint32_t name = objectName[object];
  return strings[name != kNone ? name : objectKey[object]];
}

const std::string& EventLog::text(std::uint32_t string) const {
  static const std::string none = "-";
  return string < strings.size() ? strings[string] : none;
}

namespace {

/// Puts the rows (read in event id order) into (item, time, id) order: a stable counting sort
/// by item (item ids are dense object ids; itemless rows first), then a stable sort by time
/// within each item, which is usually sorted already. O(n + objects) plus the in-item sorts.
std::vector<std::uint32_t> itemTimeOrder(const std::vector<std::uint32_t>& item,
                                         const std::vector<MicrosUtc>& time, std::size_t objects) {
  const std::size_t n = item.size();
  // An item past the objects read (a damaged store, or objects an open import has not written
  // yet) gets its own bucket too.
  for (const auto i : item)
    if (i != EventLog::kNone) objects = std::max<std::size_t>(objects, std::size_t{i} + 1);
  std::vector<std::uint32_t> start(objects + 2, 0);  // bucket 0: no item; bucket o + 1: object o
  auto bucket = [&](std::uint32_t i) { return i == EventLog::kNone ? 0 : std::size_t{i} + 1; };
  for (auto i : item) ++start[bucket(i) + 1];
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<std::uint32_t> order(n);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::uint32_t row = 0; row < n; ++row) order[fill[bucket(item[row])]++] = row;
  for (std::size_t b = 0; b + 1 < start.size(); ++b) {
    auto first = order.begin() + start[b], last = order.begin() + start[b + 1];
    auto byTime = [&time](std::uint32_t a, std::uint32_t c) { return time[a] < time[c]; };
    if (!std::is_sorted(first, last, byTime)) std::stable_sort(first, last, byTime);
  }
  return order;
}

/// Fills log.instance from the `concept:instance` event attributes. Rows are still in event
/// id order here, so an event's row is found by binary search.
void loadInstances(sqlite3* db, EventLog& log) {
  log.instance.assign(log.eventId.size(), EventLog::kNone);
  Statement s(db,
              "SELECT ea.event, ea.value FROM event_attributes ea JOIN strings k ON k.id = ea.key "
              "AND k.value = 'concept:instance'");
  std::unordered_map<std::string, std::uint32_t> ids;
  while (s.step()) {
    const auto event = static_cast<std::uint32_t>(s.columnInt(0) - 1);
    auto it = std::lower_bound(log.eventId.begin(), log.eventId.end(), event);
    if (it == log.eventId.end() || *it != event) continue;  // outside the loaded window
    auto [entry, inserted] =
        ids.try_emplace(std::string(s.columnText(1)), static_cast<std::uint32_t>(ids.size()));
    log.instance[static_cast<std::size_t>(it - log.eventId.begin())] = entry->second;
  }
}

template <class T>
void permute(std::vector<T>& column, const std::vector<std::uint32_t>& order) {
  std::vector<T> out(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) out[i] = column[order[i]];
  column.swap(out);
}

}  // namespace

EventLog EventLog::loadLookups(const Store& store) {
  EventLog log;
  readLookups(store.db(), log);
  return log;
}

EventLog EventLog::load(const Store& store, const EventLogOptions& options) {
  EventLog log;
  sqlite3* db = store.db();
  const std::int64_t typeId = options.itemType.empty() ? 0 : itemTypeId(db, options.itemType);
  // Big stores are read in parallel: the events in ranges of ids, the lookups meanwhile (15 M
  // events, 4.5 M of them tasks: 3.3 s by one thread, 1.6 s by two).
  const detail::RangeReader reader(store, options.threads, options.eventsPerThread);
  std::vector<Rows> rows(reader.ranges());
  reader.run(
      [&](const Store& connection, std::int64_t first, std::int64_t last, std::size_t r) {
        readEvents(connection.db(), options, typeId, first, last, rows[r]);
      },
      [&log](const Store& connection) { readLookups(connection.db(), log); });
  std::vector<std::uint32_t> rowItem = joined(rows, &Rows::item);
  log.time = joined(rows, &Rows::time);
  log.eventId = joined(rows, &Rows::eventId);
  loadInstances(db, log);
  const auto order = itemTimeOrder(rowItem, log.time, log.objectType.size());
  // The other columns joined and put in order by two threads (the gathers wait on memory).
  const auto first = [&] {
    log.activity = joined(rows, &Rows::activity);
    log.actor = joined(rows, &Rows::actor);
    log.tool = joined(rows, &Rows::tool);
    for (auto* column : {&log.activity, &log.actor, &log.tool}) permute(*column, order);
  };
  const auto second = [&] {
    log.lifecycle = joined(rows, &Rows::lifecycle);
    log.platform = joined(rows, &Rows::platform);
    permute(log.lifecycle, order);
    permute(log.platform, order);
    permute(log.time, order);
    permute(log.eventId, order);
    permute(log.instance, order);
    permute(rowItem, order);
  };
  if (options.threads == 1 || static_cast<std::int64_t>(rowItem.size()) < kRowsPerReaderThread) {
    first();
    second();
  } else {
    std::exception_ptr error;
    {
      std::jthread other([&] {
        try {
          first();
        } catch (...) {
          error = std::current_exception();
        }
      });
      second();
    }
    if (error) std::rethrow_exception(error);
  }
  for (std::size_t row = 0; row < rowItem.size(); ++row) {
    if (row == 0 || rowItem[row] != rowItem[row - 1]) {
      log.item.push_back(rowItem[row]);
      log.itemBegin.push_back(static_cast<std::uint32_t>(row));
    }
  }
  log.itemBegin.push_back(static_cast<std::uint32_t>(rowItem.size()));
  return log;
}

}  // namespace orglens::model
