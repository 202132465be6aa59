#include "analysis/handoffs.h"

#include <algorithm>
#include <map>
#include <thread>
#include <tuple>

#include "analysis/activity_instances.h"
#include "analysis/parallel.h"

namespace orglens::analysis {
namespace {

using model::EventLog;
constexpr auto kNone = EventLog::kNone;

/// What one chunk of items yields; chunks are merged in item order.
struct ChunkResult {
  std::vector<Handoff> handoffs;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> pingPong;
  std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> rework;  // repeats, redos
  std::uint64_t instances = 0;
};

std::uint32_t teamOf(const EventLog& log, std::uint32_t person) {
  return person < log.teamOf.size() ? log.teamOf[person] : kNone;
}

void scanItem(const EventLog& log, std::size_t itemIndex, std::vector<ActivityInstance>& instances,
              ChunkResult& out) {
  buildInstances(log, log.itemBegin[itemIndex], log.itemBegin[itemIndex + 1], instances);
  out.instances += instances.size();
  const std::uint32_t item = log.item[itemIndex];
  std::map<std::uint32_t, std::uint32_t> lastActor;  // activity → actor of its last instance
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const auto& cur = instances[i];
    if (auto [it, fresh] = lastActor.try_emplace(cur.activity, cur.actor); !fresh) {
      auto& counts = out.rework[cur.activity];
      (it->second == cur.actor ? counts.first : counts.second) += 1;
      it->second = cur.actor;
    }
    if (i == 0) continue;
    const auto& prev = instances[i - 1];
    if (prev.actor == kNone || cur.actor == kNone || prev.actor == cur.actor) continue;
    const std::int64_t queue =
        cur.assigned ? std::max<std::int64_t>(0, cur.start - *cur.assigned) : -1;
    out.handoffs.push_back({item, prev.actor, cur.actor, teamOf(log, prev.actor),
                            teamOf(log, cur.actor), prev.activity, cur.activity,
                            std::max<std::int64_t>(0, cur.start - prev.complete), queue});
    if (i >= 2 && instances[i - 2].actor == cur.actor) ++out.pingPong[{cur.actor, prev.actor}];
  }
}

using GroupKey = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>;

double medianOf(std::vector<std::int64_t>& v) {
  std::sort(v.begin(), v.end());
  return quantileSorted(v, 0.5);
}

/// Baseline wait (µs) of each activity pair: the usual wait when nothing crosses a team
/// boundary. The first of these that has handoffs (definition handoffs/1):
///  1. the median wait of the pair's handoffs inside one team;
///  2. the median wait of inside-team handoffs into the pair's target activity;
///  3. the median wait of all inside-team handoffs;
///  4. the median wait of the pair's handoffs (a log without teams).
/// Levels 2 and 3 keep a pair that only ever crosses teams from being its own baseline.
std::map<std::pair<std::uint32_t, std::uint32_t>, double> baselines(
    const std::vector<Handoff>& hs) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::int64_t>> pairInside, pairAll;
  std::map<std::uint32_t, std::vector<std::int64_t>> targetInside;
  std::vector<std::int64_t> allInside;
  for (const auto& h : hs) {
    pairAll[{h.fromActivity, h.toActivity}].push_back(h.waitMicros);
    if (h.fromTeam == kNone || h.fromTeam != h.toTeam) continue;
    pairInside[{h.fromActivity, h.toActivity}].push_back(h.waitMicros);
    targetInside[h.toActivity].push_back(h.waitMicros);
    allInside.push_back(h.waitMicros);
  }
  std::map<std::uint32_t, double> targetMedian;
  for (auto& [activity, waits] : targetInside) targetMedian[activity] = medianOf(waits);
  const double insideMedian = allInside.empty() ? 0 : medianOf(allInside);
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> out;
  for (auto& [pair, waits] : pairAll) {
    if (auto inside = pairInside.find(pair); inside != pairInside.end())
      out[pair] = medianOf(inside->second);
    else if (auto target = targetMedian.find(pair.second); target != targetMedian.end())
      out[pair] = target->second;
    else
      out[pair] = allInside.empty() ? medianOf(waits) : insideMedian;
  }
  return out;
}

template <class KeyFn>
std::vector<HandoffGroup> aggregate(const std::vector<Handoff>& hs,
                                    const std::vector<double>& excess, KeyFn key) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < hs.size(); ++i)
    if (std::get<0>(key(hs[i])) != kNone || std::get<2>(key(hs[i])) != kNone) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::make_pair(key(hs[a]), a) < std::make_pair(key(hs[b]), b);
  });
  std::vector<HandoffGroup> out;
  std::vector<std::int64_t> waits;
  for (std::size_t i = 0; i < order.size();) {
    const GroupKey k = key(hs[order[i]]);
    HandoffGroup g{std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), {}, 0, 0, 0};
    waits.clear();
    double excessMicros = 0, queueMicros = 0;
    for (; i < order.size() && key(hs[order[i]]) == k; ++i) {
      const auto& h = hs[order[i]];
      waits.push_back(h.waitMicros);
      excessMicros += excess[order[i]];
      if (h.queueMicros >= 0) {
        queueMicros += static_cast<double>(h.queueMicros);
        ++g.withQueue;
      }
    }
    g.wait = summarize(waits);
    g.excessDelay = excessMicros * kMicrosToSeconds;
    g.queue = queueMicros * kMicrosToSeconds;
    out.push_back(g);
  }
  std::stable_sort(out.begin(), out.end(), [](const HandoffGroup& a, const HandoffGroup& b) {
    if (a.excessDelay != b.excessDelay) return a.excessDelay > b.excessDelay;
    return a.wait.count > b.wait.count;
  });
  return out;
}

std::vector<IncomingWait> incoming(const std::vector<Handoff>& hs, bool byTeam) {
  std::map<std::uint32_t, IncomingWait> sums;
  for (const auto& h : hs) {
    const auto who = byTeam ? h.toTeam : h.to;
    if (who == kNone) continue;
    auto& s = sums.try_emplace(who, IncomingWait{who, 0, 0}).first->second;
    ++s.handoffs;
    s.totalWait += static_cast<double>(h.waitMicros) * kMicrosToSeconds;
  }
  std::vector<IncomingWait> out;
  for (auto& [who, s] : sums) out.push_back(s);
  std::stable_sort(out.begin(), out.end(), [](const IncomingWait& a, const IncomingWait& b) {
    return a.totalWait > b.totalWait;
  });
  return out;
}

void mergeChunks(std::vector<ChunkResult>& chunks, HandoffResult& r) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> pingPong;
  std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> rework;
  for (auto& c : chunks) {
    r.handoffs.insert(r.handoffs.end(), c.handoffs.begin(), c.handoffs.end());
    r.instances += c.instances;
    for (const auto& [k, n] : c.pingPong) pingPong[k] += n;
    for (const auto& [k, n] : c.rework) {
      rework[k].first += n.first;
      rework[k].second += n.second;
    }
  }
  for (const auto& [k, n] : pingPong) r.pingPong.push_back({k.first, k.second, n});
  std::stable_sort(r.pingPong.begin(), r.pingPong.end(),
                   [](const CountByPair& a, const CountByPair& b) { return a.count > b.count; });
  for (const auto& [k, n] : rework) r.rework.push_back({k, n.first, n.second});
  std::stable_sort(r.rework.begin(), r.rework.end(), [](const Rework& a, const Rework& b) {
    return a.repeats + a.redos > b.repeats + b.redos;
  });
}

}  // namespace

std::string HandoffOptions::validate() const {
  if (minCount == 0) return "minCount must be at least 1";
  return {};
}

HandoffResult findHandoffs(const EventLog& log, const HandoffOptions& options,
                           model::Progress& progress) {
  HandoffResult r;
  r.items = log.itemCount();
  // Items without an id (itemless events) form no sequence.
  const std::size_t firstItem = !log.item.empty() && log.item[0] == kNone ? 1 : 0;
  std::vector<ChunkResult> chunks =
      parallelChunks<ChunkResult>(firstItem, log.itemCount(), options.threads,
                                  [&](std::size_t begin, std::size_t end, ChunkResult& out) {
                                    std::vector<ActivityInstance> instances;
                                    for (std::size_t i = begin; i < end; ++i)
                                      scanItem(log, i, instances, out);
                                  });
  if (progress.cancelled()) {
    r.cancelled = true;
    return r;
  }
  progress.report(0.5, "aggregating");
  mergeChunks(chunks, r);
  const auto base = baselines(r.handoffs);
  std::vector<double> excess(r.handoffs.size());
  for (std::size_t i = 0; i < r.handoffs.size(); ++i) {
    const auto& h = r.handoffs[i];
    excess[i] =
        std::max(0.0, static_cast<double>(h.waitMicros) - base.at({h.fromActivity, h.toActivity}));
  }
  r.byPerson = aggregate(r.handoffs, excess, [](const Handoff& h) {
    return GroupKey{h.from, h.to, kNone, kNone};
  });
  r.byTeam = aggregate(r.handoffs, excess, [](const Handoff& h) {
    return h.fromTeam == kNone || h.toTeam == kNone ? GroupKey{kNone, kNone, kNone, kNone}
                                                    : GroupKey{h.fromTeam, h.toTeam, kNone, kNone};
  });
  r.byActivity = aggregate(r.handoffs, excess, [](const Handoff& h) {
    return GroupKey{kNone, kNone, h.fromActivity, h.toActivity};
  });
  r.byTeamActivity = aggregate(r.handoffs, excess, [](const Handoff& h) {
    return h.fromTeam == kNone || h.toTeam == kNone
               ? GroupKey{kNone, kNone, kNone, kNone}
               : GroupKey{h.fromTeam, h.toTeam, h.fromActivity, h.toActivity};
  });
  for (const auto& g : r.byTeam)
    if (g.wait.count >= options.minCount) r.slowTeamPairs.push_back(g);
  r.waitsOnPerson = incoming(r.handoffs, false);
  r.waitsOnTeam = incoming(r.handoffs, true);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
