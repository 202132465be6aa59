#include "model/event_log.h"

#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>

#include "model/store.h"

namespace orglens::model {
namespace {

std::uint32_t idOrNone(const Statement& s, int column) {
  return s.columnIsNull(column) ? EventLog::kNone
                                : static_cast<std::uint32_t>(s.columnInt(column) - 1);
}

void readLookups(sqlite3* db, EventLog& log) {
  Statement strings(db, "SELECT value FROM strings ORDER BY id");
  while (strings.step()) log.strings.emplace_back(strings.columnText(0));
  Statement objects(db, "SELECT type, key, name FROM objects ORDER BY id");
  while (objects.step()) {
    log.objectType.push_back(idOrNone(objects, 0));
    log.objectKey.push_back(idOrNone(objects, 1));
    log.objectName.push_back(idOrNone(objects, 2));
  }
  // Team of a person: its member-of relation to a team with the latest valid_from
  // (timeless memberships count as the oldest); ties go to the lowest team id.
  log.teamOf.assign(log.objectType.size(), EventLog::kNone);
  Statement teams(db,
                  "SELECT r.from_object, r.to_object FROM relations r "
                  "JOIN objects t ON t.id = r.to_object AND t.type = 2 "
                  "JOIN strings q ON q.id = r.qualifier AND q.value = 'member-of' "
                  "ORDER BY r.from_object, ifnull(r.valid_from, -9223372036854775808) DESC, "
                  "r.to_object ASC");
  std::uint32_t previous = EventLog::kNone;
  while (teams.step()) {
    const std::uint32_t person = idOrNone(teams, 0);
    if (person == previous || person >= log.teamOf.size()) continue;
    log.teamOf[person] = idOrNone(teams, 1);
    previous = person;
  }
}

std::string eventQuery(const EventLogOptions& options) {
  std::string sql =
      "SELECT e.id, e.item, e.time_us, e.activity, e.actor, e.tool, e.lifecycle, e.platform "
      "FROM events e";
  std::vector<std::string> where;
  if (!options.itemType.empty())
    sql +=
        " JOIN objects i ON i.id = e.item JOIN object_types it ON it.id = i.type AND it.name = ?1";
  if (!options.includeItemless && options.itemType.empty()) where.push_back("e.item IS NOT NULL");
  if (options.from) where.push_back("e.time_us >= ?2");
  if (options.to) where.push_back("e.time_us < ?3");
  for (std::size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
  return sql;  // rowid order; load() sorts by (item, time, id) in memory
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
  readLookups(db, log);
  const auto total =
      static_cast<std::size_t>(queryInt(db, "SELECT count(*) FROM events").value_or(0));
  std::vector<std::uint32_t> rowItem;
  rowItem.reserve(total);
  log.time.reserve(total);
  Statement s(db, eventQuery(options));
  if (!options.itemType.empty()) s.bind(1, std::string_view(options.itemType));
  if (options.from) s.bind(2, *options.from);
  if (options.to) s.bind(3, *options.to);
  while (s.step()) {
    rowItem.push_back(idOrNone(s, 1));
    log.eventId.push_back(static_cast<std::uint32_t>(s.columnInt(0) - 1));
    log.time.push_back(s.columnInt(2));
    log.activity.push_back(idOrNone(s, 3));
    log.actor.push_back(idOrNone(s, 4));
    log.tool.push_back(idOrNone(s, 5));
    log.lifecycle.push_back(static_cast<Lifecycle>(s.columnInt(6)));
    log.platform.push_back(static_cast<Platform>(s.columnInt(7)));
  }
  loadInstances(db, log);
  const auto order = itemTimeOrder(rowItem, log.time, log.objectType.size());
  for (auto* column : {&log.eventId, &log.activity, &log.actor, &log.tool, &log.instance})
    permute(*column, order);
  permute(log.time, order);
  permute(log.lifecycle, order);
  permute(log.platform, order);
  permute(rowItem, order);
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
