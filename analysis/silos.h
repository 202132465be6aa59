// Silos: how much each team's ties stay inside the team (definition "network/1",
// docs/metrics.md).
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/collaboration_graph.h"

namespace orglens::analysis {

struct TeamSilo {
  std::uint32_t team = model::EventLog::kNone;  // team ObjectId value
  std::uint32_t size = 0;                       // people of the team in the graph
  std::uint32_t internalTies = 0, externalTies = 0;
  double internalWeight = 0, externalWeight = 0;
  /// Krackhardt's E-I index over tie counts: (E − I) / (E + I), E = ties from the team's
  /// people to people of another team, I = ties inside the team (each counted once);
  /// −1 = every tie inside, +1 = every tie outside; 0 for a team without ties.
  double eiIndex = 0;
  /// The same over tie weights.
  double eiWeighted = 0;
  /// Share of the team's people with at least one tie to another team.
  double crossTeamShare = 0;
};

struct Broker {
  std::uint32_t node = 0;           // node of the CollaborationGraph
  std::uint32_t crossTeamTies = 0;  // ties to people of another team
  std::uint32_t teamsReached = 0;   // distinct other teams among them
  double crossTeamWeight = 0;
};

struct SiloResult {
  std::string definition = kNetworkDefinition;
  /// Teams of the matrix, sorted by the team's key text (then ObjectId).
  std::vector<std::uint32_t> teams;
  /// matrix(i, j): Σ weights of ties between teams i and j (i ≠ j, symmetric); matrix(i, i):
  /// Σ weights of ties inside team i, each tie once. Ties of people without a team are left out.
  Eigen::MatrixXd matrix;
  std::vector<TeamSilo> perTeam;  // parallel to teams
  /// People with cross-team ties, by cross-team ties, then weight (descending), then node.
  std::vector<Broker> brokers;
};

/// O(n + m + t²) for n people, m ties and t teams.
SiloResult analyseSilos(const CollaborationGraph& graph, const model::EventLog& log);

}  // namespace orglens::analysis
