#include "model/message_log.h"

#include <sqlite3.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "model/store.h"

namespace orglens::model {
namespace {

std::uint32_t idOrNone(const Statement& s, int column) {
  return s.columnIsNull(column) ? MessageLog::kNone : static_cast<std::uint32_t>(s.columnInt(column) - 1);
}

}  // namespace

MessageLog MessageLog::load(const Store& store, std::optional<MicrosUtc> from,
                            std::optional<MicrosUtc> to, const EventLog* lookups) {
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
  // Without the caller's lookups, they are read by another thread over its own connection
  // while this one reads the messages (each about half of a load).
  std::optional<EventLog> own;
  std::exception_ptr lookupError;
  std::jthread lookupThread;
  if (!lookups) {
    if (auto reader = store.openReader())
      lookupThread = std::jthread([&own, &lookupError, reader = std::move(reader)] {
        try {
          own = EventLog::loadLookups(*reader);
        } catch (...) {
          lookupError = std::current_exception();
        }
      });
  }
  sqlite3* db = store.db();
  std::string sql =
      "SELECT eo.object, e.time_us, e.actor, e.item, e.id FROM events e "
      "JOIN event_objects eo ON eo.event = e.id JOIN strings q ON q.id = eo.qualifier AND q.value = 'sent'";
  if (from) sql += " AND e.time_us >= ?1";
  if (to) sql += " AND e.time_us < ?2";
  Statement s(db, sql);
  if (from) s.bind(1, *from);
  if (to) s.bind(2, *to);
  struct Row {
    std::uint32_t message, author, thread;
    MicrosUtc time;
    std::int64_t event;
  };
  std::vector<Row> rows;
  while (s.step())
    rows.push_back({idOrNone(s, 0), idOrNone(s, 2), idOrNone(s, 3), s.columnInt(1), s.columnInt(4)});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.thread, a.time, a.event) < std::tie(b.thread, b.time, b.event);
  });
  if (lookupThread.joinable()) lookupThread.join();
  if (lookupError) std::rethrow_exception(lookupError);
  if (lookups)
    take(*lookups);
  else if (own)
    take(std::move(*own));
  else
    take(EventLog::loadLookups(store));
  log.timezoneOf.assign(log.objectType.size(), std::string());
  Statement tz(db, "SELECT a.object, a.value FROM object_attributes a JOIN strings k ON k.id = a.key "
                   "AND k.value = 'timezone' ORDER BY a.object, ifnull(a.time_us, 0)");
  while (tz.step()) {
    const auto object = idOrNone(tz, 0);
    if (object < log.timezoneOf.size()) log.timezoneOf[object] = std::string(tz.columnText(1));
  }
  std::unordered_map<std::uint32_t, std::uint32_t> indexOf;
  for (const auto& r : rows) {
    if (!indexOf.emplace(r.message, static_cast<std::uint32_t>(log.message.size())).second) continue;
    log.message.push_back(r.message);
    log.time.push_back(r.time);
    log.author.push_back(r.author);
    log.thread.push_back(r.thread);
  }
  log.parent.assign(log.message.size(), kNone);
  Statement replies(db, "SELECT r.from_object, r.to_object FROM relations r "
                        "WHERE r.qualifier = (SELECT id FROM strings WHERE value = 'reply-to')");
  while (replies.step()) {
    auto child = indexOf.find(idOrNone(replies, 0));
    auto parent = indexOf.find(idOrNone(replies, 1));
    if (child != indexOf.end() && parent != indexOf.end()) log.parent[child->second] = parent->second;
  }
  return log;
}

}  // namespace orglens::model
