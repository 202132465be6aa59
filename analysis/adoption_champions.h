// Adoption champions: habitual and power users, active in the last 4 weeks, with cross-team
// ties and high brokerage, ranked per department (definition "adoption/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/adoption.h"
#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "model/adoption_log.h"
#include "model/event_log.h"
#include "model/interaction_log.h"

namespace orglens::analysis {

/// The network figures of each AdoptionLog person (vectors parallel to AdoptionLog::people).
struct ChampionNetwork {
  /// True when the collaboration graph has at least one tie: the score is the betweenness.
  /// False: the fallback, the score is the number of cross-team interactions.
  bool useBetweenness = false;
  std::vector<std::uint32_t> crossTeamTies;          // graph ties to people of another team
  std::vector<double> betweenness;                   // raw betweenness (0 outside the graph)
  std::vector<std::uint64_t> crossTeamInteractions;  // messages sent to / received from them
};

/// Maps the graph's nodes and the messages onto the AdoptionLog people (by ObjectId). Teams
/// are EventLog::teamOf; a tie or message counts as cross-team when both people have a team
/// and the teams differ (as analyseSilos counts brokers). O(n + m + r) for r message rows.
ChampionNetwork championNetwork(const model::AdoptionLog& log, const CollaborationGraph& graph,
                                const BetweennessResult& betweenness,
                                const model::InteractionLog& messages,
                                const model::EventLog& events);

struct Champion {
  std::uint32_t person = 0;  // index into AdoptionLog::people
  std::string department;    // "(no department)" when none
  Segment segment = Segment::NonUser;
  std::uint32_t crossTeamTies = 0;
  std::uint64_t crossTeamInteractions = 0;
  double betweenness = 0;
  double score = 0;   // betweenness, or cross-team interactions in the fallback
  unsigned rank = 0;  // 1 = best of the department
};

/// Qualifying people: segment power or habitual, active in the last 4 weeks, and at least one
/// cross-team tie (cross-team interaction in the fallback). Sorted by department, then rank:
/// score descending, cross-team ties descending, cross-team interactions descending, key.
/// O(p log p).
std::vector<Champion> findChampions(const model::AdoptionLog& log, const AdoptionResult& result,
                                    const ChampionNetwork& network);

}  // namespace orglens::analysis
