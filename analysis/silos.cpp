#include "analysis/silos.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

namespace orglens::analysis {
namespace {

using model::EventLog;

double eiOf(double external, double internal) {
  return external + internal > 0 ? (external - internal) / (external + internal) : 0.0;
}

std::vector<std::uint32_t> sortedTeams(const CollaborationGraph& cg, const EventLog& log) {
  std::vector<std::uint32_t> teams;
  for (auto t : cg.team)
    if (t != EventLog::kNone) teams.push_back(t);
  std::sort(teams.begin(), teams.end());
  teams.erase(std::unique(teams.begin(), teams.end()), teams.end());
  std::sort(teams.begin(), teams.end(), [&](std::uint32_t a, std::uint32_t b) {
    const int k = log.strings[log.objectKey[a]].compare(log.strings[log.objectKey[b]]);
    return k != 0 ? k < 0 : a < b;
  });
  return teams;
}

}  // namespace

SiloResult analyseSilos(const CollaborationGraph& cg, const EventLog& log) {
  SiloResult r;
  r.teams = sortedTeams(cg, log);
  const auto t = static_cast<Eigen::Index>(r.teams.size());
  std::unordered_map<std::uint32_t, Eigen::Index> index;
  for (Eigen::Index i = 0; i < t; ++i) index.emplace(r.teams[static_cast<std::size_t>(i)], i);
  r.matrix = Eigen::MatrixXd::Zero(t, t);
  r.perTeam.resize(r.teams.size());
  for (std::size_t i = 0; i < r.teams.size(); ++i) r.perTeam[i].team = r.teams[i];
  const Graph& g = cg.graph;
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v) {
    if (cg.team[v] == EventLog::kNone) continue;
    const auto tv = index.at(cg.team[v]);
    auto& silo = r.perTeam[static_cast<std::size_t>(tv)];
    ++silo.size;
    Broker b{v, 0, 0, 0};
    std::set<std::uint32_t> reached;
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (cg.team[u] == EventLog::kNone) continue;
      const auto tu = index.at(cg.team[u]);
      if (tu == tv) {
        // An internal tie is seen from both ends: count it at its smaller end.
        if (v < u) {
          ++silo.internalTies;
          silo.internalWeight += g.weights[k];
          r.matrix(tv, tv) += g.weights[k];
        }
        continue;
      }
      ++silo.externalTies;
      silo.externalWeight += g.weights[k];
      r.matrix(tv, tu) += g.weights[k];  // (tu, tv) is added from u's side
      ++b.crossTeamTies;
      b.crossTeamWeight += g.weights[k];
      reached.insert(cg.team[u]);
    }
    if (b.crossTeamTies == 0) continue;
    b.teamsReached = static_cast<std::uint32_t>(reached.size());
    ++silo.crossTeamShare;  // a count for now, a share below
    r.brokers.push_back(b);
  }
  for (auto& s : r.perTeam) {
    s.eiIndex = eiOf(s.externalTies, s.internalTies);
    s.eiWeighted = eiOf(s.externalWeight, s.internalWeight);
    s.crossTeamShare = s.size ? s.crossTeamShare / s.size : 0.0;
  }
  std::sort(r.brokers.begin(), r.brokers.end(), [](const Broker& a, const Broker& b) {
    return std::make_tuple(-static_cast<std::int64_t>(a.crossTeamTies), -a.crossTeamWeight,
                           a.node) <
           std::make_tuple(-static_cast<std::int64_t>(b.crossTeamTies), -b.crossTeamWeight, b.node);
  });
  return r;
}

}  // namespace orglens::analysis
