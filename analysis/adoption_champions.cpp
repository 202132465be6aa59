#include "analysis/adoption_champions.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace orglens::analysis {
namespace {

using model::EventLog;

std::uint32_t teamOf(const EventLog& events, std::uint32_t person) {
  return person < events.teamOf.size() ? events.teamOf[person] : EventLog::kNone;
}

bool crossTeam(std::uint32_t a, std::uint32_t b) {
  return a != EventLog::kNone && b != EventLog::kNone && a != b;
}

}  // namespace

ChampionNetwork championNetwork(const model::AdoptionLog& log, const CollaborationGraph& graph,
                                const BetweennessResult& betweenness,
                                const model::InteractionLog& messages,
                                const model::EventLog& events) {
  ChampionNetwork out;
  const std::size_t n = log.people.size();
  out.crossTeamTies.assign(n, 0);
  out.betweenness.assign(n, 0.0);
  out.crossTeamInteractions.assign(n, 0);
  std::unordered_map<std::uint32_t, std::uint32_t> index;  // person ObjectId -> log person
  for (std::size_t p = 0; p < n; ++p)
    if (log.people[p].object != model::AdoptionLog::kNone)
      index.emplace(log.people[p].object, static_cast<std::uint32_t>(p));
  const auto& g = graph.graph;
  out.useBetweenness = g.edgeCount() > 0;
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v) {
    const auto it = index.find(graph.person[v]);
    if (it == index.end()) continue;
    if (v < betweenness.raw.size()) out.betweenness[it->second] = betweenness.raw[v];
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
      out.crossTeamTies[it->second] += crossTeam(graph.team[v], graph.team[g.targets[k]]);
  }
  for (std::size_t i = 0; i < messages.size(); ++i) {
    const auto s = messages.sender[i], r = messages.recipient[i];
    if (!crossTeam(teamOf(events, s), teamOf(events, r))) continue;
    if (const auto it = index.find(s); it != index.end()) ++out.crossTeamInteractions[it->second];
    if (const auto it = index.find(r); it != index.end()) ++out.crossTeamInteractions[it->second];
  }
  return out;
}

std::vector<Champion> findChampions(const model::AdoptionLog& log, const AdoptionResult& result,
                                    const ChampionNetwork& network) {
  std::vector<Champion> out;
  for (std::size_t p = 0; p < log.people.size() && p < result.people.size(); ++p) {
    const auto& a = result.people[p];
    if (a.segment != Segment::Power && a.segment != Segment::Habitual) continue;
    if (!a.activeLast28) continue;
    Champion c;
    c.person = static_cast<std::uint32_t>(p);
    c.department = log.people[p].department.empty() ? "(no department)" : log.people[p].department;
    c.segment = a.segment;
    if (p < network.crossTeamTies.size()) c.crossTeamTies = network.crossTeamTies[p];
    if (p < network.betweenness.size()) c.betweenness = network.betweenness[p];
    if (p < network.crossTeamInteractions.size())
      c.crossTeamInteractions = network.crossTeamInteractions[p];
    if (network.useBetweenness ? c.crossTeamTies == 0 : c.crossTeamInteractions == 0) continue;
    c.score = network.useBetweenness ? c.betweenness : static_cast<double>(c.crossTeamInteractions);
    out.push_back(std::move(c));
  }
  const auto key = [&log](const Champion& c) {
    return std::make_tuple(
        std::cref(c.department), -c.score, -static_cast<std::int64_t>(c.crossTeamTies),
        -static_cast<std::int64_t>(c.crossTeamInteractions), std::cref(log.people[c.person].key));
  };
  std::sort(out.begin(), out.end(),
            [&key](const Champion& x, const Champion& y) { return key(x) < key(y); });
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i].rank = i > 0 && out[i - 1].department == out[i].department ? out[i - 1].rank + 1 : 1;
  return out;
}

}  // namespace orglens::analysis
