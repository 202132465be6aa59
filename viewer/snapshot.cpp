#include "viewer/snapshot.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

#include "reports/analysis_tables.h"
#include "reports/report_builder.h"
#include "reports/team_filter.h"

namespace orglens::viewer {
namespace {

using model::EventLog;
constexpr std::uint32_t kNone = EventLog::kNone;
using GroupKey = std::array<std::uint32_t, 4>;

GroupKey keyOf(Grouping g, const analysis::HandoffGroup& h) {
  switch (g) {
    case Grouping::Activity: return {kNone, kNone, h.fromActivity, h.toActivity};
    case Grouping::TeamActivity: return {h.from, h.to, h.fromActivity, h.toActivity};
    default: return {h.from, h.to, kNone, kNone};
  }
}

/// The key of the group a handoff belongs to; nullopt when it belongs to none (team groupings
/// need both teams).
std::optional<GroupKey> keyOf(Grouping g, const analysis::Handoff& h) {
  const bool teams = g == Grouping::Team || g == Grouping::TeamActivity;
  if (teams && (h.fromTeam == kNone || h.toTeam == kNone)) return std::nullopt;
  switch (g) {
    case Grouping::Team: return GroupKey{h.fromTeam, h.toTeam, kNone, kNone};
    case Grouping::Person: return GroupKey{h.from, h.to, kNone, kNone};
    case Grouping::Activity: return GroupKey{kNone, kNone, h.fromActivity, h.toActivity};
    case Grouping::TeamActivity:
      return GroupKey{h.fromTeam, h.toTeam, h.fromActivity, h.toActivity};
  }
  return std::nullopt;
}

const std::vector<analysis::HandoffGroup>& groupsOf(const analysis::HandoffResult& r, Grouping g) {
  switch (g) {
    case Grouping::Team: return r.byTeam;
    case Grouping::Person: return r.byPerson;
    case Grouping::Activity: return r.byActivity;
    case Grouping::TeamActivity: return r.byTeamActivity;
  }
  return r.byTeam;
}

struct KeyHash {
  std::size_t operator()(const GroupKey& k) const {
    std::size_t h = 1469598103934665603ull;
    for (auto v : k) h = (h ^ v) * 1099511628211ull;
    return h;
  }
};

/// Distinct people (both sides) behind every group of grouping g, in the groups' order.
std::vector<std::uint64_t> peoplePerGroup(const analysis::HandoffResult& r, Grouping g) {
  const auto& groups = groupsOf(r, g);
  std::unordered_map<GroupKey, std::size_t, KeyHash> row;
  for (std::size_t i = 0; i < groups.size(); ++i) row.emplace(keyOf(g, groups[i]), i);
  std::vector<std::vector<std::uint32_t>> people(groups.size());
  for (const auto& h : r.handoffs)
    if (const auto key = keyOf(g, h))
      if (const auto it = row.find(*key); it != row.end()) {
        people[it->second].push_back(h.from);
        people[it->second].push_back(h.to);
      }
  std::vector<std::uint64_t> counts;
  for (auto& p : people) {
    std::sort(p.begin(), p.end());
    counts.push_back(static_cast<std::uint64_t>(std::unique(p.begin(), p.end()) - p.begin()));
  }
  return counts;
}

/// Team × team median wait from the (already suppressed) team table: suppressed or missing
/// pairs stay NaN, as in the report's heatmap.
reports::Chart teamHeatmap(const reports::Table& teams) {
  reports::Chart c;
  c.key = "handoff_team_heatmap";
  c.kind = reports::ChartKind::Heatmap;
  c.title = "Median wait when one team hands over to another";
  c.unit = reports::Unit::Seconds;
  c.xLabel = "to team";
  c.yLabel = "from team";
  std::map<std::string, std::size_t> index;
  for (const auto& row : teams.rows) index[row[0]] = index[row[1]] = 0;
  for (const auto& [label, i] : index) c.rows.push_back(label);
  for (std::size_t i = 0; i < c.rows.size(); ++i) index[c.rows[i]] = i;
  c.categories = c.rows;
  for (const auto& t : c.rows)
    c.series.push_back({t, std::vector<double>(c.rows.size(), std::nan(""))});
  for (const auto& row : teams.rows)
    if (row[3] != reports::kSuppressedCell)
      c.series[index[row[0]]].values[index[row[1]]] = std::stod(row[3]);
  return c;
}

}  // namespace

StoreInfo loadStoreInfo(const std::filesystem::path& path) {
  const auto store = model::Store::open(path, model::Store::Mode::ReadOnly);
  StoreInfo info;
  info.path = path;
  info.summary = store->summary();
  info.teams = reports::teamLabels(*store);
  return info;
}

std::shared_ptr<const reports::Report> computeReport(const model::Store& store,
                                                     const Filter& filter,
                                                     model::Progress& progress,
                                                     std::function<std::shared_ptr<const model::StoreSummary>()> summary) {
  reports::ReportOptions options;
  options.summary = std::move(summary);
  options.from = filter.from;
  options.to = filter.to;
  options.privacy.showPeople = !filter.privacy;
  // Without privacy mode the smallest k the rules allow: only single people are withheld.
  options.privacy.minGroup = filter.privacy ? filter.minGroup : 2;
  options.team = filter.team;
  return std::make_shared<const reports::Report>(reports::buildReport(store, options, progress));
}

model::EventLog loadWindowLog(const model::Store& store, const Filter& filter) {
  model::EventLogOptions options;
  options.itemType = "task";
  options.from = filter.from;
  options.to = filter.to;
  auto log = EventLog::load(store, options);
  return filter.team.empty() ? log : reports::itemsOfTeam(log, filter.team);
}

std::shared_ptr<const HandoffData> computeHandoffs(const model::Store& store, model::EventLog log,
                                                   const Filter& filter,
                                                   model::Progress& progress) {
  auto data = std::make_shared<HandoffData>();
  data->privacy = filter.privacy;
  data->minGroup = filter.minGroup;
  data->names = std::make_shared<const reports::PersonNames>(reports::pseudonymSalt(store),
                                                             !filter.privacy);
  data->log = std::move(log);
  data->result = analysis::findHandoffs(data->log, {}, progress);
  reports::TableStyle style;
  style.humanDurations = false;  // seconds: the models sort numerically and format themselves
  style.top = 0;
  style.names = data->names.get();
  using HG = reports::HandoffGrouping;
  constexpr HG kBy[] = {HG::Team, HG::Person, HG::Activity, HG::TeamActivity};
  for (int g = 0; g < 4; ++g) {
    // minCount 0: every group is a row, so row r is group r of the result (handoffsOfRow).
    auto table = reports::handoffTable(data->result, data->log, kBy[g], 0, style);
    for (auto& c : table.columns)  // "median_s" → "median": the model shows the unit
      if (c.unit == reports::Unit::Seconds && c.name.ends_with("_s")) {
        c.name.resize(c.name.size() - 2);
        std::replace(c.name.begin(), c.name.end(), '_', ' ');
      }
    auto people = peoplePerGroup(data->result, static_cast<Grouping>(g));
    if (filter.privacy)
      reports::suppressSmallGroups(table, people, filter.minGroup, g == 3 ? 4 : 2, true);
    data->tables.push_back(std::move(table));
    data->groupPeople.push_back(std::move(people));
  }
  data->heatmap = teamHeatmap(data->tables[0]);
  return data;
}

std::vector<std::size_t> handoffsOfRow(const HandoffData& data, Grouping g, std::size_t row) {
  std::vector<std::size_t> out;
  const auto& groups = groupsOf(data.result, g);
  if (row >= groups.size()) return out;
  const auto want = keyOf(g, groups[row]);
  std::size_t i = 0;  // iterating: indexing the list is O(log items) a handoff
  for (const auto& h : data.result.handoffs) {
    if (keyOf(g, h) == want) out.push_back(i);
    ++i;
  }
  return out;
}

std::shared_ptr<const FlowData> computeFlow(const model::EventLog& log,
                                            model::Progress& progress) {
  auto data = std::make_shared<FlowData>();
  data->result = analysis::analyseFlow(log, {}, progress);
  data->nodeOf.assign(log.strings.size() + 1, kNone);
  std::vector<double> positionSum;
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    const auto begin = log.itemBegin[i], end = log.itemBegin[i + 1];
    const double span = std::max<double>(1, end - begin - 1);
    for (auto e = begin; e < end; ++e) {
      auto& n = data->nodeOf[data->slotOf(log.activity[e])];
      if (n == kNone) {
        n = static_cast<std::uint32_t>(data->nodes.size());
        data->nodes.push_back({log.text(log.activity[e]), 0, 0});
        positionSum.push_back(0);
      }
      ++data->nodes[n].events;
      positionSum[n] += (e - begin) / span;
    }
  }
  for (std::size_t n = 0; n < data->nodes.size(); ++n)
    data->nodes[n].position = positionSum[n] / static_cast<double>(data->nodes[n].events);
  auto& t = data->edges;
  t.key = "flow_edges";
  t.title = "Directly-follows edges";
  using reports::Align;
  using reports::Unit;
  t.columns = {{"from"},
               {"to"},
               {"count", Align::Right, true, Unit::Count},
               {"median", Align::Right, true, Unit::Seconds},
               {"p90", Align::Right, true, Unit::Seconds}};
  for (const auto& e : data->result.edges)
    t.addRow({log.text(e.from), log.text(e.to), std::to_string(e.duration.count),
              reports::formatFixed(e.duration.median, 3), reports::formatFixed(e.duration.p90, 3)});
  return data;
}

}  // namespace orglens::viewer
