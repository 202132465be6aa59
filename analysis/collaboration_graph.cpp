#include "analysis/collaboration_graph.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "analysis/handoffs.h"

namespace orglens::analysis {

std::string CollaborationOptions::validate() const {
  const auto bad = [](double w) { return !std::isfinite(w) || w < 0; };
  if (bad(handoffWeight)) return "handoffWeight must be finite and >= 0";
  if (bad(coworkWeight)) return "coworkWeight must be finite and >= 0";
  if (bad(messageWeight)) return "messageWeight must be finite and >= 0";
  if (handoffWeight + coworkWeight + messageWeight <= 0)
    return "at least one of handoffWeight, coworkWeight, messageWeight must be > 0";
  if (minInteractions < 1) return "minInteractions must be >= 1";
  return {};
}

namespace {

using model::EventLog;

/// Raw interactions between people (ObjectId values); a weight of 0 still counts as an
/// interaction but adds nothing (a source switched off by weight 0 is skipped instead).
struct Collector {
  std::vector<std::uint32_t> a, b;
  std::vector<double> w;
  void add(std::uint32_t x, std::uint32_t y, double weight) {
    if (x == y || x == EventLog::kNone || y == EventLog::kNone) return;
    a.push_back(x);
    b.push_back(y);
    w.push_back(weight);
  }
};

void addSharedItems(const EventLog& log, double weight, Collector& c, std::uint64_t& count) {
  std::vector<std::uint32_t> people;
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    if (log.item[i] == EventLog::kNone) continue;  // itemless events share nothing
    people.assign(log.actor.begin() + log.itemBegin[i], log.actor.begin() + log.itemBegin[i + 1]);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    if (!people.empty() && people.back() == EventLog::kNone) people.pop_back();
    for (std::size_t x = 0; x < people.size(); ++x)
      for (std::size_t y = x + 1; y < people.size(); ++y) {
        c.add(people[x], people[y], weight);
        ++count;
      }
  }
}

bool isPerson(const EventLog& log, std::uint32_t object) {
  return object < log.objectType.size() &&
         log.objectType[object] == static_cast<std::uint32_t>(model::BuiltinType::Person);
}

}  // namespace

CollaborationGraph buildCollaborationGraph(const EventLog& log,
                                           const model::InteractionLog& messages,
                                           const CollaborationOptions& options,
                                           model::Progress& progress) {
  if (auto problem = options.validate(); !problem.empty()) throw std::invalid_argument(problem);
  CollaborationGraph r;
  Collector c;
  if (options.handoffWeight > 0) {
    HandoffOptions ho;
    ho.threads = options.threads;
    const auto handoffs = findHandoffs(log, ho, progress);
    if (handoffs.cancelled) {
      r.cancelled = true;
      return r;
    }
    for (const auto& h : handoffs.handoffs) c.add(h.from, h.to, options.handoffWeight);
    r.handoffs = c.a.size();
  }
  if (options.coworkWeight > 0) addSharedItems(log, options.coworkWeight, c, r.sharedItems);
  if (options.messageWeight > 0)
    for (std::size_t i = 0; i < messages.size(); ++i) {
      if (!isPerson(log, messages.sender[i]) || !isPerson(log, messages.recipient[i])) continue;
      c.add(messages.sender[i], messages.recipient[i],
            options.messageWeight / static_cast<double>(messages.recipientCount[i]));
      ++r.messageLinks;
    }
  progress.report(0.8, "graph");
  // Nodes: every actor and every message participant, by (key text, ObjectId).
  std::vector<std::uint32_t> people(log.actor.begin(), log.actor.end());
  people.insert(people.end(), c.a.begin(), c.a.end());
  people.insert(people.end(), c.b.begin(), c.b.end());
  std::erase_if(people, [&](std::uint32_t p) { return !isPerson(log, p); });
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  const auto key = [&](std::uint32_t p) -> const std::string& {
    return log.strings[log.objectKey[p]];
  };
  std::sort(people.begin(), people.end(), [&](std::uint32_t x, std::uint32_t y) {
    const int k = key(x).compare(key(y));
    return k != 0 ? k < 0 : x < y;
  });
  std::unordered_map<std::uint32_t, std::uint32_t> node;
  for (std::uint32_t v = 0; v < people.size(); ++v) node.emplace(people[v], v);
  std::vector<WeightedEdge> edges;
  edges.reserve(c.a.size());
  for (std::size_t i = 0; i < c.a.size(); ++i) {
    const auto x = node.find(c.a[i]), y = node.find(c.b[i]);
    if (x != node.end() && y != node.end() && c.w[i] > 0)
      edges.push_back({x->second, y->second, c.w[i], 1});
  }
  r.graph = buildGraph(people.size(), std::move(edges), options.minInteractions);
  r.person = std::move(people);
  for (auto p : r.person) r.team.push_back(p < log.teamOf.size() ? log.teamOf[p] : EventLog::kNone);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
