#include "reports/message_tables.h"

#include "reports/analysis_tables.h"

namespace orglens::reports {

std::string messageLogLabel(const model::MessageLog& log, std::uint32_t object,
                            const PersonNames& names) {
  if (object >= log.objectType.size()) return "-";
  if (log.objectType[object] == 0) return names(log.strings[log.objectKey[object]]);
  const auto name = log.objectName[object];
  return log.strings[name != model::MessageLog::kNone ? name : log.objectKey[object]];
}

Table latencyTable(const std::vector<analysis::LatencyGroup>& groups,
                            const model::MessageLog& log, bool pairs,
                            const TableStyle& style, const char* who,
                            std::uint64_t minCount) {
  Table t;
  if (pairs) t.columns.push_back({"asking team"});
  t.columns.push_back({who});
  const bool h = style.humanDurations;
  for (const char* c : {"replies", "median", "p90", "mean"})
    t.columns.push_back({h || std::string(c) == "replies" ? c : std::string(c) + "_s",
                         Align::Right, true,
                         std::string(c) == "replies" ? Unit::Count : Unit::Seconds});
  auto d = [&](double s) { return h ? formatDuration(s) : std::to_string(s); };
  for (const auto& g : groups) {
    if (g.latency.count < minCount) continue;
    if (style.top && t.rows.size() >= style.top) break;
    std::vector<std::string> row;
    if (pairs) row.push_back(messageLogLabel(log, g.from, *style.names));
    row.push_back(messageLogLabel(log, g.to, *style.names));
    row.insert(row.end(), {std::to_string(g.latency.count), d(g.latency.median), d(g.latency.p90),
                           d(g.latency.mean)});
    t.addRow(std::move(row));
  }
  return t;
}

}  // namespace orglens::reports
