// Collaboration graph: people as nodes, undirected weighted ties from handoffs, co-working on
// the same work item and messages (definition "network/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/graph.h"
#include "model/event_log.h"
#include "model/interaction_log.h"
#include "model/progress.h"

namespace orglens::analysis {

inline constexpr const char* kNetworkDefinition = "network/1";

struct CollaborationOptions {
  /// Weight each handoff a → b adds to the tie {a, b}.
  double handoffWeight = 1.0;
  /// Weight each work item shared by a and b (both acted on it) adds to {a, b}.
  double coworkWeight = 1.0;
  /// A message from s adds messageWeight / (number of recipients) to {s, r} for each
  /// recipient r: a message to many people weighs less per tie.
  double messageWeight = 1.0;
  /// A tie needs at least this many interactions (handoffs + shared items + messages).
  std::uint32_t minInteractions = 2;
  /// Worker threads for the handoff pass (0 = hardware concurrency); no effect on results.
  unsigned threads = 0;
  /// Returns a message naming the bad field, or an empty string.
  std::string validate() const;
};

struct CollaborationGraph {
  std::string definition = kNetworkDefinition;
  Graph graph;
  /// Per node: the person's ObjectId value. Nodes are sorted by the person's key (roster id
  /// or e-mail), then ObjectId: the numbering does not depend on the input order.
  std::vector<std::uint32_t> person;
  /// Per node: the team ObjectId value (EventLog::teamOf) or kNone.
  std::vector<std::uint32_t> team;
  // Interactions counted per source (before the minInteractions threshold).
  std::uint64_t handoffs = 0, sharedItems = 0, messageLinks = 0;
  bool cancelled = false;
};

/// Builds the graph from the log's work items (handoffs, shared items) and the messages
/// (empty InteractionLog = no message ties). The time window is the loaders': load the
/// EventLog and the InteractionLog with the same [from, to). Every person who acted on an
/// item or sent/received a message is a node, with or without ties. O(n log n + Σ k²) for n
/// events and k people per item.
/// Throws std::invalid_argument when the options are invalid.
CollaborationGraph buildCollaborationGraph(const model::EventLog& log,
                                           const model::InteractionLog& messages,
                                           const CollaborationOptions& options,
                                           model::Progress& progress);

}  // namespace orglens::analysis
