#include "model/interaction_log.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "model/sqlite_util.h"
#include "model/store.h"

namespace orglens::model {

InteractionLog InteractionLog::load(const Store& store, std::optional<MicrosUtc> from,
                                    std::optional<MicrosUtc> to) {
  std::string sql =
      "SELECT e.id, e.time_us, e.actor, eo.object FROM events e "
      "JOIN event_objects eo ON eo.event = e.id "
      "JOIN strings q ON q.id = eo.qualifier AND q.value IN ('to', 'cc') "
      "WHERE e.actor IS NOT NULL AND eo.object <> e.actor";
  if (from) sql += " AND e.time_us >= ?1";
  if (to) sql += " AND e.time_us < ?2";
  Statement s(store.db(), sql);
  if (from) s.bind(1, *from);
  if (to) s.bind(2, *to);
  struct Row {
    std::uint32_t event, sender, recipient;
    MicrosUtc time;
  };
  std::vector<Row> rows;
  // Store ids are 1-based row ids; model ids are 0-based indexes.
  const auto id = [&](int c) { return static_cast<std::uint32_t>(s.columnInt(c) - 1); };
  while (s.step()) rows.push_back({id(0), id(2), id(3), s.columnInt(1)});
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.event, a.recipient) < std::tie(b.event, b.recipient);
  });
  // A person both in "to" and "cc" of one message counts once.
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const Row& a, const Row& b) {
                           return a.event == b.event && a.recipient == b.recipient;
                         }),
             rows.end());
  InteractionLog log;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j < rows.size() && rows[j].event == rows[i].event) ++j;
    for (std::size_t k = i; k < j; ++k) {
      log.eventId.push_back(rows[k].event);
      log.time.push_back(rows[k].time);
      log.sender.push_back(rows[k].sender);
      log.recipient.push_back(rows[k].recipient);
      log.recipientCount.push_back(static_cast<std::uint32_t>(j - i));
    }
    i = j;
  }
  return log;
}

}  // namespace orglens::model
