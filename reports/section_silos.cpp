// Report section "silos": E-I index per team, communities against teams, brokers and a small
// picture of the collaboration network (definition network/1).
#include <algorithm>
#include <map>
#include <numeric>

#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "analysis/communities.h"
#include "analysis/silos.h"
#include "model/interaction_log.h"
#include "reports/analysis_tables.h"
#include "reports/network_layout.h"
#include "reports/network_tables.h"
#include "reports/report_sections.h"

namespace orglens::reports::detail {
namespace {

using model::EventLog;
constexpr std::size_t kPictureNodes = 120;  // the picture shows the most central people
constexpr std::size_t kEdgesPerNode = 3;    // and their strongest ties, so it stays readable

/// The most central people (by betweenness, then degree), grouped by team, laid out.
Chart networkPicture(const analysis::CollaborationGraph& cg, const analysis::BetweennessResult& b,
                     const EventLog& log, const PersonNames& names) {
  const auto& g = cg.graph;
  std::vector<std::uint32_t> ranked(g.nodeCount());
  std::iota(ranked.begin(), ranked.end(), 0u);
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::uint32_t x, std::uint32_t y) {
    return b.raw[x] != b.raw[y] ? b.raw[x] > b.raw[y] : g.degree(x) > g.degree(y);
  });
  // Every team gets an equal share of the picture (its most central people), so that a
  // silo team shows up even when its people are not central overall.
  std::map<std::uint32_t, std::size_t> perTeam;
  for (auto t : cg.team) perTeam[t] = 0;
  const std::size_t share = std::max<std::size_t>(1, kPictureNodes / std::max<std::size_t>(1, perTeam.size()));
  std::vector<std::uint32_t> order;
  for (auto v : ranked)
    if (order.size() < kPictureNodes && perTeam[cg.team[v]]++ < share) order.push_back(v);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return teamLabel(log, cg.team[x]) < teamLabel(log, cg.team[y]);
  });
  std::vector<std::uint32_t> index(g.nodeCount(), EventLog::kNone);
  for (std::uint32_t i = 0; i < order.size(); ++i) index[order[i]] = i;
  Chart c;
  c.key = "collaboration_network";
  c.kind = ChartKind::Network;
  c.title = "Who works with whom";
  // Each person's strongest ties to others in the picture: enough to show the structure
  // (and to lay it out) without drawing thousands of lines.
  std::vector<std::vector<NetworkEdge>> ties(order.size());
  std::size_t allTies = 0;
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    const auto v = order[i];
    for (auto e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
      if (const auto j = index[g.targets[e]]; j != EventLog::kNone) {
        ties[i].push_back({std::min(i, j), std::max(i, j), g.weights[e]});
        allTies += j > i;
      }
    std::stable_sort(ties[i].begin(), ties[i].end(),
                     [](const NetworkEdge& x, const NetworkEdge& y) { return x.weight > y.weight; });
    if (ties[i].size() > kEdgesPerNode) ties[i].resize(kEdgesPerNode);
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> kept;
  for (const auto& list : ties)
    for (const auto& e : list) kept[{e.a, e.b}] = e.weight;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (const auto& [pair, weight] : kept) {
    edges.push_back(pair);
    c.edges.push_back({pair.first, pair.second, weight});
  }
  const auto xy = forceLayout(order.size(), edges);
  const double top = ranked.empty() ? 1 : std::max(b.raw[ranked.front()], 1e-9);
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    const auto v = order[i];
    c.nodes.push_back({personLabel(log, cg.person[v], &names), teamLabel(log, cg.team[v]),
                       1 + 4 * std::max(b.raw[v], 0.0) / std::max(top, 1e-9), xy[i].first,
                       xy[i].second});
  }
  c.description = "The " + std::to_string(order.size()) + " most central of " +
                  std::to_string(g.nodeCount()) + " people and the " +
                  std::to_string(c.edges.size()) + " strongest of their " + std::to_string(allTies) +
                  " ties (each person's three strongest); colour = team, size = betweenness, line width = tie strength.";
  return c;
}

Chart eiChart(const Table& teams) {
  Chart c;
  c.key = "silos_ei_index";
  c.kind = ChartKind::Bar;
  c.title = "E-I index per team (−1: every tie inside the team, +1: every tie outside)";
  c.xLabel = "team";
  c.yLabel = "E-I index";
  Series ei{"E-I index", {}};
  for (const auto& row : teams.rows) {
    c.categories.push_back(row[0]);
    ei.values.push_back(row[2] == kSuppressedCell ? std::nan("") : std::stod(row[2]));
  }
  c.series = {ei};
  c.description = "Teams from the most inward-looking to the most outward-looking.";
  return c;
}

}  // namespace

SectionOutput silosSection(const SectionInput& in) {
  const auto& log = in.fullLog;  // silos compare teams: always the whole organisation
  const unsigned k = in.options.privacy.minGroup;
  const auto& network = in.network();
  const auto& cg = network.graph;
  const auto& b = network.betweenness;
  const auto s = analysis::analyseSilos(cg, log);
  const auto communities = analysis::leiden(cg.graph);
  SectionOutput out;
  out.section = {"silos", "Silos and brokers", {}};
  out.section.blocks.push_back(Paragraph{
      "People are tied when they exchanged messages, worked on the same item or handed work to "
      "each other at least twice. " +
      groupDigits(cg.graph.nodeCount()) + " people, " + groupDigits(cg.graph.edgeCount()) +
      " ties. Krackhardt's E-I index: (ties across − ties inside) / all ties of the team."});
  if (!in.options.team.empty())
    out.section.blocks.push_back(Paragraph{
        "The team filter (" + in.options.team +
        ") does not narrow this section: silos and brokers only make sense against the whole "
        "organisation, so every team is shown."});
  auto teams = siloTeamTable(s, log);
  teams.key = "silos_teams";
  teams.title = "Teams by E-I index (most inward first)";
  teams.columns.back().unit = Unit::Percent;
  std::vector<std::uint64_t> sizes;
  for (const auto& p : s.perTeam) sizes.push_back(p.size);
  std::vector<std::size_t> order(s.perTeam.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return s.perTeam[x].eiIndex < s.perTeam[y].eiIndex;
  });
  std::vector<std::uint64_t> rowSizes;
  for (auto i : order) rowSizes.push_back(sizes[i]);
  for (auto& row : teams.rows) row.back() = formatFixed(100 * std::stod(row.back()), 1);
  suppressSmallGroups(teams, rowSizes, k, 1, false);
  for (std::size_t r = 0; r < teams.rows.size(); ++r) {
    const auto& row = teams.rows[r];
    if (row[1] == kSuppressedCell) continue;
    out.findings.push_back({"silos", row[0] + " is the most inward-looking team: E-I index " +
                                         row[2] + ", " + row[3 + 3] +
                                         "% of its people have any tie outside it."});
    out.measures.push_back(measure("silos.min_ei", "Lowest E-I index of a team", Unit::None,
                                   true, std::stod(row[2]), row[0]));
    break;
  }
  out.section.blocks.push_back(eiChart(teams));
  out.section.blocks.push_back(std::move(teams));
  const double nmi = teamAgreement(cg, communities);
  out.measures.push_back(measure("network.nmi", "Agreement of communities with teams (NMI)",
                                 Unit::None, cg.graph.edgeCount() > 0, nmi));
  out.section.blocks.push_back(Paragraph{
      "Leiden (modularity, resolution 1, seed 1) finds " + std::to_string(communities.count) +
      " communities (Q = " + formatFixed(communities.modularity, 3) +
      "); their agreement with the formal teams is NMI = " + formatFixed(nmi, 3) +
      " (1 = the communities are the teams)."});
  auto brokers = brokerTable(s, cg, log, &in.names, in.options.top);
  brokers.key = "silos_brokers";
  brokers.title = "Brokers: people carrying the most cross-team ties";
  if (const auto top = std::max_element(b.raw.begin(), b.raw.end());
      top != b.raw.end() && *top > 0) {
    const auto v = static_cast<std::size_t>(top - b.raw.begin());
    out.findings.push_back(
        {"silos", personLabel(log, cg.person[v], &in.names) + " (" +
                      teamLabel(log, cg.team[v]) +
                      ") is the strongest broker: more shortest paths between colleagues run "
                      "through this person than through anyone else (normalised betweenness " +
                      formatFixed(b.normalised[v], 3) + ")."});
  }
  out.section.blocks.push_back(std::move(brokers));
  out.section.blocks.push_back(networkPicture(cg, b, log, in.names));
  return out;
}

}  // namespace orglens::reports::detail
