// Tables of the collaboration graph's measures, shared by `orglens network|silos` and the
// report (definition network/1, docs/metrics.md).
#pragma once

#include <cstddef>

#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "analysis/communities.h"
#include "analysis/silos.h"
#include "model/event_log.h"
#include "reports/privacy.h"
#include "reports/table.h"

namespace orglens::reports {

/// Teams by E-I index (most inward first): people, E-I, ties inside and across, cross-team
/// share.
Table siloTeamTable(const analysis::SiloResult& s, const model::EventLog& log);

/// People carrying the most cross-team ties (top rows; 0 = all).
Table brokerTable(const analysis::SiloResult& s, const analysis::CollaborationGraph& cg,
                  const model::EventLog& log, const PersonNames* names, std::size_t top);

/// Tie weight between teams (diagonal: inside the team).
Table teamMatrixTable(const analysis::SiloResult& s, const model::EventLog& log);

/// Normalised mutual information of `communities` with the formal teams, over people with a
/// team.
double teamAgreement(const analysis::CollaborationGraph& cg,
                     const analysis::CommunityResult& communities);

/// Count, modularity and NMI with the teams of the communities.
Table communityTable(const analysis::CollaborationGraph& cg,
                     const analysis::CommunityResult& communities);

/// "-" for a team-less node, else the team's label.
std::string teamLabel(const model::EventLog& log, std::uint32_t team);

}  // namespace orglens::reports
