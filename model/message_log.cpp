#include "model/message_log.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

#include "model/range_reader.h"
#include "model/store.h"

namespace orglens::model {
namespace {

std::uint32_t idOrNone(const Statement& s, int column) {
  return s.columnIsNull(column) ? MessageLog::kNone : static_cast<std::uint32_t>(s.columnInt(column) - 1);
}

}  // namespace

MessageLog MessageLog::load(const Store& store, const MessageLoadOptions& options) {
  const auto& from = options.from;
  const auto& to = options.to;
  const EventLog* lookups = options.lookups;
  MessageLog log;
  // The caller's lookups are copied, lookups read here are moved.
  const auto take = [&log](auto&& from) {
    using From = decltype(from);
    log.strings = std::forward<From>(from).strings;
    log.objectType = std::forward<From>(from).objectType;
    log.objectKey = std::forward<From>(from).objectKey;
    log.objectName = std::forward<From>(from).objectName;
    log.teamOf = std::forward<From>(from).teamOf;
  };
  // The messages in ranges of rows by several threads over their own connections for a big
  // store (detail::RangeReader), each range sorted by its thread; meanwhile another reads the
  // lookups (when the caller has none), the time zones and the replies.
  struct Row {
    std::uint32_t message, author, thread;
    MicrosUtc time;
    std::int64_t event;
  };
  // The message last: the order does not depend on the order the rows were read in.
  const auto before = [](const Row& a, const Row& b) {
    return std::tie(a.thread, a.time, a.event, a.message) <
           std::tie(b.thread, b.time, b.event, b.message);
  };
  std::string sql =
      "SELECT eo.object, e.time_us, e.actor, e.item, e.id FROM events e "
      "JOIN event_objects eo ON eo.event = e.id JOIN strings q ON q.id = eo.qualifier AND "
      "q.value = 'sent' WHERE eo.rowid >= ?3 AND eo.rowid < ?4";
  if (from) sql += " AND e.time_us >= ?1";
  if (to) sql += " AND e.time_us < ?2";
  std::optional<EventLog> own;
  std::vector<std::pair<std::uint32_t, std::string>> zones;      // (person, IANA name)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> replies;  // (message, its parent)
  // Ranges of event_objects' rowids: the query scans them in order (event id ranges took the
  // index on event, a second lookup a row).
  const detail::RangeReader reader(store, options.threads, options.rowsPerThread, "event_objects");
  std::vector<std::vector<Row>> ranges(reader.ranges());
  reader.run(
      [&](const Store& connection, std::int64_t first, std::int64_t last, std::size_t r) {
        Statement s(connection.db(), sql);
        if (from) s.bind(1, *from);
        if (to) s.bind(2, *to);
        s.bind(3, first).bind(4, last);
        auto& out = ranges[r];
        while (s.step())
          out.push_back(
              {idOrNone(s, 0), idOrNone(s, 2), idOrNone(s, 3), s.columnInt(1), s.columnInt(4)});
        std::sort(out.begin(), out.end(), before);
      },
      [&](const Store& connection) {
        if (!lookups) own = EventLog::loadLookups(connection);
        Statement tz(connection.db(),
                     "SELECT a.object, a.value FROM object_attributes a JOIN strings k ON "
                     "k.id = a.key AND k.value = 'timezone' ORDER BY a.object, "
                     "ifnull(a.time_us, 0)");
        while (tz.step()) zones.emplace_back(idOrNone(tz, 0), std::string(tz.columnText(1)));
        Statement reply(connection.db(),
                        "SELECT r.from_object, r.to_object FROM relations r WHERE r.qualifier = "
                        "(SELECT id FROM strings WHERE value = 'reply-to')");
        while (reply.step()) replies.emplace_back(idOrNone(reply, 0), idOrNone(reply, 1));
      });
  // The sorted ranges merged pairwise, as in a merge sort.
  while (ranges.size() > 1) {
    std::vector<std::vector<Row>> merged;
    for (std::size_t r = 0; r + 1 < ranges.size(); r += 2) {
      std::vector<Row> both(ranges[r].size() + ranges[r + 1].size());
      std::merge(ranges[r].begin(), ranges[r].end(), ranges[r + 1].begin(), ranges[r + 1].end(),
                 both.begin(), before);
      merged.push_back(std::move(both));
      std::vector<Row>().swap(ranges[r]), std::vector<Row>().swap(ranges[r + 1]);
    }
    if (ranges.size() % 2 == 1) merged.push_back(std::move(ranges.back()));
    ranges = std::move(merged);
  }
  const std::vector<Row> rows = ranges.empty() ? std::vector<Row>{} : std::move(ranges.front());
  if (lookups)
    take(*lookups);
  else
    take(std::move(*own));
  log.timezoneOf.assign(log.objectType.size(), std::string());
  for (auto& [object, zone] : zones)
    if (object < log.timezoneOf.size()) log.timezoneOf[object] = std::move(zone);
  // A message's index by its object id (dense ids: a vector, not a hash map).
  std::uint32_t highest = 0;
  for (const auto& r : rows) highest = std::max(highest, r.message == kNone ? 0 : r.message + 1);
  std::vector<std::uint32_t> indexOf(highest, kNone);
  for (const auto& r : rows) {
    if (r.message == kNone || indexOf[r.message] != kNone) continue;
    indexOf[r.message] = static_cast<std::uint32_t>(log.message.size());
    log.message.push_back(r.message);
    log.time.push_back(r.time);
    log.author.push_back(r.author);
    log.thread.push_back(r.thread);
  }
  log.parent.assign(log.message.size(), kNone);
  const auto index = [&indexOf](std::uint32_t object) {
    return object < indexOf.size() ? indexOf[object] : kNone;
  };
  for (const auto& [child, parent] : replies)
    if (index(child) != kNone && index(parent) != kNone) log.parent[index(child)] = index(parent);
  return log;
}

}  // namespace orglens::model
