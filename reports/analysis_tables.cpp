#include "reports/analysis_tables.h"

#include <cstdio>
#include <stdexcept>

namespace orglens::reports {
namespace {

using model::EventLog;

std::string duration(double seconds, const TableStyle& style) {
  return style.humanDurations ? formatDuration(seconds) : formatFixed(seconds, 3);
}

std::string objectLabel(const EventLog& log, std::uint32_t object, const PersonNames* names) {
  if (object == EventLog::kNone || object >= log.objectType.size()) return "-";
  return log.objectType[object] == 0 ? personLabel(log, object, names) : log.label(object);
}

bool full(const Table& t, const TableStyle& style) {
  return style.top && t.rows.size() >= style.top;
}

std::vector<Column> statColumns(const TableStyle& style) {
  const bool h = style.humanDurations;
  return {{"count", Align::Right, true, Unit::Count},
          {h ? "median" : "median_s", Align::Right, true, Unit::Seconds},
          {h ? "p90" : "p90_s", Align::Right, true, Unit::Seconds},
          {h ? "mean" : "mean_s", Align::Right, true, Unit::Seconds},
          {h ? "total" : "total_s", Align::Right, true, Unit::Seconds}};
}

std::vector<std::string> statCells(const analysis::DurationStats& s, const TableStyle& style) {
  return {std::to_string(s.count), duration(s.median, style), duration(s.p90, style),
          duration(s.mean, style), duration(s.sum, style)};
}

}  // namespace

std::string formatDuration(double seconds) {
  const double a = seconds < 0 ? -seconds : seconds;
  if (a < 60) return formatFixed(seconds, 0) + " s";
  if (a < 3600) return formatFixed(seconds / 60, 1) + " min";
  if (a < 86400) return formatFixed(seconds / 3600, 1) + " h";
  return formatFixed(seconds / 86400, 1) + " d";
}

std::string personLabel(const EventLog& log, std::uint32_t person, const PersonNames* names) {
  if (person == EventLog::kNone || person >= log.objectKey.size()) return "-";
  const auto& key = log.strings[log.objectKey[person]];
  return names ? (*names)(key) : key;
}

HandoffGrouping parseHandoffGrouping(const std::string& text) {
  if (text == "person") return HandoffGrouping::Person;
  if (text == "team") return HandoffGrouping::Team;
  if (text == "activity") return HandoffGrouping::Activity;
  if (text == "team-activity") return HandoffGrouping::TeamActivity;
  throw std::invalid_argument("unknown grouping '" + text +
                              "' (use person, team, activity or team-activity)");
}

Table handoffTable(const analysis::HandoffResult& r, const EventLog& log, HandoffGrouping by,
                   std::uint64_t minCount, const TableStyle& style) {
  Table t;
  const auto& groups = by == HandoffGrouping::Person     ? r.byPerson
                       : by == HandoffGrouping::Team     ? r.byTeam
                       : by == HandoffGrouping::Activity ? r.byActivity
                                                         : r.byTeamActivity;
  const bool parties = by != HandoffGrouping::Activity,
             activities = by != HandoffGrouping::Person && by != HandoffGrouping::Team;
  if (parties) t.columns.insert(t.columns.end(), {{"from"}, {"to"}});
  if (activities) t.columns.insert(t.columns.end(), {{"from activity"}, {"to activity"}});
  for (auto& c : statColumns(style)) t.columns.push_back(c);
  t.columns.push_back(
      {style.humanDurations ? "excess delay" : "excess_delay_s", Align::Right, true, Unit::Seconds});
  for (const auto& g : groups) {
    if (g.wait.count < minCount) continue;
    if (full(t, style)) break;
    std::vector<std::string> row;
    if (parties) {
      row.push_back(objectLabel(log, g.from, style.names));
      row.push_back(objectLabel(log, g.to, style.names));
    }
    if (activities) {
      row.push_back(log.text(g.fromActivity));
      row.push_back(log.text(g.toActivity));
    }
    for (auto& c : statCells(g.wait, style)) row.push_back(c);
    row.push_back(duration(g.excessDelay, style));
    t.addRow(std::move(row));
  }
  return t;
}

Table pingPongTable(const analysis::HandoffResult& r, const EventLog& log,
                    const TableStyle& style) {
  Table t;
  t.columns = {{"a"}, {"b"}, {"a → b → a", Align::Right, true}};
  for (const auto& p : r.pingPong) {
    if (full(t, style)) break;
    t.addRow({personLabel(log, p.a, style.names), personLabel(log, p.b, style.names), std::to_string(p.count)});
  }
  return t;
}

Table reworkTable(const analysis::HandoffResult& r, const EventLog& log, const TableStyle& style) {
  Table t;
  t.columns = {{"activity"}, {"repeats", Align::Right, true}, {"redos", Align::Right, true}};
  for (const auto& w : r.rework) {
    if (full(t, style)) break;
    t.addRow({log.text(w.activity), std::to_string(w.repeats), std::to_string(w.redos)});
  }
  return t;
}

Table waitsOnTable(const analysis::HandoffResult& r, const EventLog& log, bool teams,
                   const TableStyle& style) {
  Table t;
  t.columns = {{teams ? "team" : "person"},
               {"handoffs in", Align::Right, true},
               {style.humanDurations ? "total wait" : "total_wait_s", Align::Right, true, Unit::Seconds}};
  for (const auto& w : teams ? r.waitsOnTeam : r.waitsOnPerson) {
    if (full(t, style)) break;
    t.addRow({objectLabel(log, w.who, style.names), std::to_string(w.handoffs), duration(w.totalWait, style)});
  }
  return t;
}

Table dfgTable(const analysis::FlowResult& r, const EventLog& log, const TableStyle& style) {
  Table t;
  const bool h = style.humanDurations;
  t.columns = {{"from activity"},
               {"to activity"},
               {"count", Align::Right, true},
               {h ? "mean" : "mean_s", Align::Right, true, Unit::Seconds},
               {h ? "median" : "median_s", Align::Right, true, Unit::Seconds},
               {h ? "p90" : "p90_s", Align::Right, true, Unit::Seconds},
               {h ? "min" : "min_s", Align::Right, true, Unit::Seconds},
               {h ? "max" : "max_s", Align::Right, true, Unit::Seconds},
               {h ? "sum" : "sum_s", Align::Right, true, Unit::Seconds}};
  for (const auto& e : r.edges) {
    if (full(t, style)) break;
    const auto& d = e.duration;
    t.addRow({log.text(e.from), log.text(e.to), std::to_string(d.count), duration(d.mean, style),
              duration(d.median, style), duration(d.p90, style), duration(d.min, style),
              duration(d.max, style), duration(d.sum, style)});
  }
  return t;
}

Table variantsTable(const analysis::FlowResult& r, const EventLog& log, const TableStyle& style) {
  Table t;
  t.columns = {{"items", Align::Right, true, Unit::Count},
               {"share", Align::Right, true, Unit::Percent},
               {"activities"}};
  for (const auto& v : r.topVariants) {
    if (full(t, style)) break;
    std::string path;
    for (auto a : v.activities) path += (path.empty() ? "" : " → ") + log.text(a);
    t.addRow({std::to_string(v.items),
              formatFixed(v.share * 100, 1) + (style.humanDurations ? "%" : ""), path});
  }
  return t;
}

Table flowSummaryTable(const analysis::FlowResult& r, const TableStyle& style) {
  Table t;
  t.columns = {{"measure"}};
  for (auto& c : statColumns(style)) t.columns.push_back(c);
  auto add = [&](const char* name, const analysis::DurationStats& s) {
    std::vector<std::string> row{name};
    for (auto& c : statCells(s, style)) row.push_back(c);
    t.addRow(std::move(row));
  };
  add("throughput time per item", r.throughput);
  if (r.hasLifecycle) {
    add("service time per item", r.serviceTime);
    add("waiting time per item", r.waitingTime);
  }
  return t;
}

Table handoverOfWorkTable(const analysis::Pm4pyMatrices& m, const EventLog& log,
                          const TableStyle& style) {
  Table t;
  t.columns = {{"from"}, {"to"}, {"count", Align::Right, true}, {"value", Align::Right, true}};
  for (const auto& p : m.handoverOfWork) {
    if (full(t, style)) break;
    t.addRow({personLabel(log, p.from, style.names), personLabel(log, p.to, style.names), std::to_string(p.count),
              formatFixed(p.value, 6)});
  }
  return t;
}

Table workingTogetherTable(const analysis::Pm4pyMatrices& m, const EventLog& log,
                           const TableStyle& style) {
  Table t;
  t.columns = {{"a"}, {"b"}, {"items", Align::Right, true}, {"value", Align::Right, true}};
  for (const auto& p : m.workingTogether) {
    if (full(t, style)) break;
    t.addRow({personLabel(log, p.from, style.names), personLabel(log, p.to, style.names), std::to_string(p.count),
              formatFixed(p.value, 6)});
  }
  return t;
}

Table timedHandoverTable(const analysis::Pm4pyMatrices& m, const EventLog& log,
                         const TableStyle& style) {
  Table t;
  const bool h = style.humanDurations;
  t.columns = {{"from"},
               {"to"},
               {"count", Align::Right, true},
               {h ? "mean" : "mean_s", Align::Right, true, Unit::Seconds},
               {h ? "median" : "median_s", Align::Right, true, Unit::Seconds},
               {h ? "sum" : "sum_s", Align::Right, true, Unit::Seconds}};
  for (const auto& p : m.timedHandovers) {
    if (full(t, style)) break;
    const auto& d = p.duration;
    t.addRow({personLabel(log, p.from, style.names), personLabel(log, p.to, style.names), std::to_string(d.count),
              duration(d.mean, style), duration(d.median, style), duration(d.sum, style)});
  }
  return t;
}

Table workloadTable(const std::vector<analysis::HolderLoad>& loads, const EventLog& log,
                    bool people, bool busy, const TableStyle& style) {
  Table t;
  t.columns = {{people ? "person" : "team"},
               {"average WIP", Align::Right, true},
               {"peak WIP", Align::Right, true, Unit::Count}};
  if (busy) t.columns.push_back({"busy h/week", Align::Right, true});
  for (const auto& l : loads) {
    if (full(t, style)) break;
    std::vector<std::string> row{people ? personLabel(log, l.who, style.names) : log.label(l.who),
                                 formatFixed(l.averageWip, 2), std::to_string(l.peakWip)};
    if (busy) row.push_back(formatFixed(l.busyHoursPerWeek, 1));
    t.addRow(std::move(row));
  }
  return t;
}

}  // namespace orglens::reports
