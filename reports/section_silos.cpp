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

/// The most central people (by betweenness, then degree), grouped by team, laid out.
Chart networkPicture(const analysis::CollaborationGraph& cg, const analysis::BetweennessResult& b,
                     const EventLog& log, const PersonNames& names) {
  const auto& g = cg.graph;
  std::vector<std::uint32_t> order(g.nodeCount());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return b.raw[x] != b.raw[y] ? b.raw[x] > b.raw[y] : g.degree(x) > g.degree(y);
  });
  if (order.size() > kPictureNodes) order.resize(kPictureNodes);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return teamLabel(log, cg.team[x]) < teamLabel(log, cg.team[y]);
  });
  std::vector<std::uint32_t> index(g.nodeCount(), EventLog::kNone);
  for (std::uint32_t i = 0; i < order.size(); ++i) index[order[i]] = i;
  Chart c;
  c.key = "collaboration_network";
  c.kind = ChartKind::Network;
  c.title = "Who works with whom";
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    const auto v = order[i];
    for (auto e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      const auto j = index[g.targets[e]];
      if (j == EventLog::kNone || j <= i) continue;
      edges.emplace_back(i, j);
      c.edges.push_back({i, j, g.weights[e]});
    }
  }
  const auto xy = forceLayout(order.size(), edges);
  const double top = order.empty() ? 1 : std::max(b.raw[order.front()], 1e-9);
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    const auto v = order[i];
    c.nodes.push_back({personLabel(log, cg.person[v], &names), teamLabel(log, cg.team[v]),
                       1 + 4 * std::max(b.raw[v], 0.0) / std::max(top, 1e-9), xy[i].first,
                       xy[i].second});
  }
  c.description = "The " + std::to_string(order.size()) + " most central of " +
                  std::to_string(g.nodeCount()) +
                  " people; colour = team, size = betweenness, line width = tie strength.";
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
  const auto& log = in.log;
  const unsigned k = in.options.privacy.minGroup;
  const auto mail = model::InteractionLog::load(in.store, in.from, in.to);
  analysis::CollaborationOptions options;
  options.threads = in.options.threads;
  const auto cg = analysis::buildCollaborationGraph(log, mail, options, in.progress);
  const auto s = analysis::analyseSilos(cg, log);
  const auto b = analysis::computeBetweenness(cg.graph, {false, in.options.threads}, in.progress);
  const auto communities = analysis::leiden(cg.graph);
  SectionOutput out;
  out.section = {"silos", "Silos and brokers", {}};
  out.section.blocks.push_back(Paragraph{
      "People are tied when they exchanged messages, worked on the same item or handed work to "
      "each other at least twice. " +
      groupDigits(cg.graph.nodeCount()) + " people, " + groupDigits(cg.graph.edgeCount()) +
      " ties. Krackhardt's E-I index: (ties across − ties inside) / all ties of the team."});
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
  if (!brokers.rows.empty())
    out.findings.push_back({"silos", brokers.rows[0][0] + " (" + brokers.rows[0][1] +
                                         ") carries the most cross-team ties: " +
                                         brokers.rows[0][2] + ", reaching " + brokers.rows[0][3] +
                                         " other teams."});
  out.section.blocks.push_back(std::move(brokers));
  out.section.blocks.push_back(networkPicture(cg, b, log, in.names));
  return out;
}

}  // namespace orglens::reports::detail
