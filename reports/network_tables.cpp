#include "reports/network_tables.h"

#include <algorithm>
#include <numeric>

#include "reports/analysis_tables.h"

namespace orglens::reports {

using model::EventLog;

std::string teamLabel(const EventLog& log, std::uint32_t team) {
  return team == EventLog::kNone ? "-" : log.label(team);
}

Table siloTeamTable(const analysis::SiloResult& s, const EventLog& log) {
  Table t;
  t.columns = {{"team"},
               {"people", Align::Right, true},
               {"E-I", Align::Right, true},
               {"E-I weighted", Align::Right, true},
               {"ties inside", Align::Right, true},
               {"ties across", Align::Right, true},
               {"cross-team share", Align::Right, true}};
  std::vector<std::size_t> order(s.perTeam.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return s.perTeam[x].eiIndex < s.perTeam[y].eiIndex;
  });
  for (auto i : order) {
    const auto& p = s.perTeam[i];
    t.addRow({log.label(p.team), std::to_string(p.size), formatFixed(p.eiIndex, 3),
              formatFixed(p.eiWeighted, 3), std::to_string(p.internalTies),
              std::to_string(p.externalTies), formatFixed(p.crossTeamShare, 3)});
  }
  return t;
}

Table brokerTable(const analysis::SiloResult& s, const analysis::CollaborationGraph& cg,
                  const EventLog& log, const PersonNames* names, std::size_t top) {
  Table t;
  t.columns = {{"person"},
               {"team"},
               {"cross-team ties", Align::Right, true},
               {"teams reached", Align::Right, true},
               {"cross-team weight", Align::Right, true}};
  for (const auto& b : s.brokers) {
    if (top && t.rows.size() >= top) break;
    t.addRow({personLabel(log, cg.person[b.node], names), teamLabel(log, cg.team[b.node]),
              std::to_string(b.crossTeamTies), std::to_string(b.teamsReached),
              formatFixed(b.crossTeamWeight, 3)});
  }
  return t;
}

Table teamMatrixTable(const analysis::SiloResult& s, const EventLog& log) {
  Table t;
  t.columns = {{"team"}};
  for (auto team : s.teams) t.columns.push_back({log.label(team), Align::Right, true});
  for (Eigen::Index i = 0; i < s.matrix.rows(); ++i) {
    std::vector<std::string> row{log.label(s.teams[static_cast<std::size_t>(i)])};
    for (Eigen::Index j = 0; j < s.matrix.cols(); ++j)
      row.push_back(formatFixed(s.matrix(i, j), 2));
    t.addRow(std::move(row));
  }
  return t;
}

double teamAgreement(const analysis::CollaborationGraph& cg,
                     const analysis::CommunityResult& c) {
  std::vector<std::uint32_t> found, teams;
  for (std::size_t v = 0; v < cg.team.size(); ++v)
    if (cg.team[v] != EventLog::kNone) {
      found.push_back(c.membership[v]);
      teams.push_back(cg.team[v]);
    }
  return analysis::normalisedMutualInformation(found, teams);
}

Table communityTable(const analysis::CollaborationGraph& cg, const analysis::CommunityResult& c) {
  Table t;
  t.columns = {{"communities", Align::Right, true},
               {"modularity Q", Align::Right, true},
               {"NMI with teams", Align::Right, true}};
  t.addRow({std::to_string(c.count), formatFixed(c.modularity, 4),
            formatFixed(teamAgreement(cg, c), 4)});
  return t;
}

}  // namespace orglens::reports
