// A varied generated EventLog and plain, obviously-correct reference implementations of the
// handoff tables and the flow figures (handoffs/1, flow/1 in docs/metrics.md): maps, full
// sorts, no parallelism. The tests compare the fast passes to them figure by figure.
#pragma once

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <vector>

#include "analysis/activity_instances.h"
#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "model/event_log.h"
#include "model/splitmix.h"

namespace orglens::test {

using model::EventLog;
constexpr std::uint32_t kNone = EventLog::kNone;

/// A small deterministic generator (SplitMix64).
struct Rand {
  std::uint64_t s;
  std::uint64_t next() { return model::splitMix64(s); }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
};

/// Objects: people 0..people-1 (some without a team), teams, then items. Strings: activities
/// first. Items mix completions only, start/complete pairs (some starts never completed,
/// some completions without a start), assign events, unknown actors, equal times and long
/// waits; the itemless events come first, as in a loaded log. An item has fewer than
/// `instances` activity instances.
inline EventLog variedLog(std::uint64_t seed, std::uint32_t items, std::uint32_t activities = 9,
                          std::uint32_t people = 40, std::uint32_t instances = 12) {
  constexpr std::uint32_t kTeams = 5;
  Rand rng{seed};
  EventLog log;
  for (std::uint32_t a = 0; a < activities; ++a) log.strings.push_back("a" + std::to_string(a));
  const std::uint32_t firstItem = people + kTeams;
  const std::uint32_t objects = firstItem + items;
  log.objectType.assign(objects, 2);
  log.objectKey.assign(objects, 0);
  log.objectName.assign(objects, kNone);
  log.teamOf.assign(objects, kNone);
  for (std::uint32_t p = 0; p < people; ++p) {
    log.objectType[p] = 0;
    if (p % 7 != 3) log.teamOf[p] = people + p % kTeams;
  }
  for (std::uint32_t t = 0; t < kTeams; ++t) log.objectType[people + t] = 1;
  auto push = [&](std::int64_t time, std::uint32_t act, std::uint32_t actor, model::Lifecycle l) {
    log.time.push_back(time);
    log.activity.push_back(act);
    log.actor.push_back(actor);
    log.tool.push_back(kNone);
    log.lifecycle.push_back(l);
    log.platform.push_back(model::Platform::Unknown);
    log.eventId.push_back(static_cast<std::uint32_t>(log.eventId.size()));
  };
  log.item.push_back(kNone);  // itemless events: no sequence
  log.itemBegin.push_back(0);
  for (int e = 0; e < 3; ++e) push(1000 * e, e, e, model::Lifecycle::Complete);
  for (std::uint32_t i = 0; i < items; ++i) {
    log.item.push_back(firstItem + i);
    log.itemBegin.push_back(static_cast<std::uint32_t>(log.time.size()));
    const std::uint32_t kind = rng.below(3), n = rng.below(instances);
    std::int64_t t = 1'700'000'000'000'000 + std::int64_t{rng.below(1000)} * 60'000'000;
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t act = rng.below(activities);
      const std::uint32_t actor = rng.below(10) == 0 ? kNone : rng.below(people);
      // Equal times now and then; waits from seconds to weeks.
      if (rng.below(6) != 0) t += 1 + std::int64_t{rng.below(1 << 20)} * (1 + rng.below(4000));
      if (kind == 0) {
        push(t, act, actor, model::Lifecycle::Complete);
        continue;
      }
      if (kind == 2 && rng.below(3) == 0) push(t, act, actor, model::Lifecycle::Assign), ++t;
      const std::uint32_t shape = rng.below(8);
      if (shape != 0) push(t, act, actor, model::Lifecycle::Start);
      t += std::int64_t{rng.below(1 << 24)};
      if (shape != 1) push(t, act, actor, model::Lifecycle::Complete);
    }
  }
  log.itemBegin.push_back(static_cast<std::uint32_t>(log.time.size()));
  return log;
}

/// Statistics from a full sort (numpy median and "linear" p90).
inline analysis::DurationStats referenceStats(std::vector<std::int64_t> v) {
  analysis::DurationStats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  std::int64_t total = 0;
  for (auto x : v) total += x;
  s.count = v.size();
  s.sum = static_cast<double>(total) * analysis::kMicrosToSeconds;
  s.mean = s.sum / static_cast<double>(s.count);
  s.min = static_cast<double>(v.front()) * analysis::kMicrosToSeconds;
  s.max = static_cast<double>(v.back()) * analysis::kMicrosToSeconds;
  s.median = analysis::quantileSorted(v, 0.5) * analysis::kMicrosToSeconds;
  s.p90 = analysis::quantileSorted(v, 0.9) * analysis::kMicrosToSeconds;
  return s;
}

/// The handoffs of every item, straight from the definition.
inline std::vector<analysis::Handoff> referenceHandoffs(const EventLog& log,
                                                        std::uint64_t& instances) {
  std::vector<analysis::Handoff> out;
  std::vector<analysis::ActivityInstance> xs;
  instances = 0;
  auto team = [&](std::uint32_t p) { return p == kNone ? kNone : log.teamOf[p]; };
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    if (log.item[i] == kNone) continue;
    analysis::buildInstances(log, log.itemBegin[i], log.itemBegin[i + 1], xs);
    instances += xs.size();
    for (std::size_t k = 1; k < xs.size(); ++k) {
      const auto& a = xs[k - 1];
      const auto& b = xs[k];
      if (a.actor == kNone || b.actor == kNone || a.actor == b.actor) continue;
      out.push_back({log.item[i], a.actor, b.actor, team(a.actor), team(b.actor), a.activity,
                     b.activity, std::max<std::int64_t>(0, b.start - a.complete),
                     b.assigned ? std::max<std::int64_t>(0, b.start - *b.assigned) : -1});
    }
  }
  return out;
}

/// Rework per activity (repeats, redos) and ping-pong per ordered pair (a, b), straight from the
/// definitions: an activity again in an item is a repeat when its previous occurrence had the
/// same known actor; a, b, a on three consecutive instances with a ≠ b both known.
struct ReferencePatterns {
  std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> rework;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> pingPong;
  std::uint64_t items = 0;  // with at least one instance
};

inline ReferencePatterns referencePatterns(const EventLog& log) {
  ReferencePatterns r;
  std::vector<analysis::ActivityInstance> xs;
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    if (log.item[i] == kNone) continue;
    analysis::buildInstances(log, log.itemBegin[i], log.itemBegin[i + 1], xs);
    if (!xs.empty()) ++r.items;
    std::map<std::uint32_t, std::uint32_t> lastActor;  // activity → actor of its last instance
    for (std::size_t k = 0; k < xs.size(); ++k) {
      const auto& x = xs[k];
      if (const auto seen = lastActor.find(x.activity); seen != lastActor.end()) {
        const bool repeat = x.actor != kNone && seen->second == x.actor;
        auto& [repeats, redos] = r.rework[x.activity];
        ++(repeat ? repeats : redos);
      }
      lastActor[x.activity] = x.actor;
      if (k >= 2 && x.actor != kNone && xs[k - 1].actor != kNone && xs[k - 1].actor != x.actor &&
          xs[k - 2].actor == x.actor)
        ++r.pingPong[{x.actor, xs[k - 1].actor}];
    }
  }
  return r;
}

using Key = std::array<std::uint32_t, 4>;  // from, to, fromActivity, toActivity

/// One table of handoffs/1: groups by keyOf (rows with nullopt left out), baselines given as
/// twice the median per activity pair, ranked by excess, then count, then key.
template <class KeyOf>
std::vector<analysis::HandoffGroup> referenceTable(const std::vector<analysis::Handoff>& hs,
                                                   const std::map<Key, std::int64_t>& base2,
                                                   KeyOf keyOf) {
  struct Acc {
    std::vector<std::int64_t> waits;
    std::int64_t excess2 = 0, queue = 0;
    std::uint64_t withQueue = 0;
  };
  std::map<Key, Acc> groups;
  for (const auto& h : hs) {
    const auto key = keyOf(h);
    if (!key) continue;
    auto& g = groups[*key];
    g.waits.push_back(h.waitMicros);
    g.excess2 += std::max<std::int64_t>(
        0, 2 * h.waitMicros - base2.at({kNone, kNone, h.fromActivity, h.toActivity}));
    if (h.queueMicros >= 0) g.queue += h.queueMicros, ++g.withQueue;
  }
  std::vector<analysis::HandoffGroup> out;
  for (const auto& [k, g] : groups)
    out.push_back({k[0], k[1], k[2], k[3], referenceStats(g.waits),
                   static_cast<double>(g.excess2) * 0.5 * analysis::kMicrosToSeconds,
                   static_cast<double>(g.queue) * analysis::kMicrosToSeconds, g.withQueue});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.excessDelay != b.excessDelay) return a.excessDelay > b.excessDelay;
    return a.wait.count > b.wait.count;
  });
  return out;
}

/// Twice the baseline of each activity pair (the four levels of handoffs/1).
inline std::map<Key, std::int64_t> referenceBaselines(const std::vector<analysis::Handoff>& hs) {
  auto twiceMedian = [](std::vector<std::int64_t> v) {
    std::sort(v.begin(), v.end());
    return static_cast<std::int64_t>(2 * analysis::quantileSorted(v, 0.5));
  };
  std::map<Key, std::vector<std::int64_t>> pair, insidePair, insideTarget;
  std::vector<std::int64_t> inside;
  for (const auto& h : hs) {
    const Key k{kNone, kNone, h.fromActivity, h.toActivity};
    pair[k].push_back(h.waitMicros);
    if (h.fromTeam == kNone || h.fromTeam != h.toTeam) continue;
    insidePair[k].push_back(h.waitMicros);
    insideTarget[{kNone, kNone, kNone, h.toActivity}].push_back(h.waitMicros);
    inside.push_back(h.waitMicros);
  }
  std::map<Key, std::int64_t> base2, targetBase2;  // targetBase2: level 2, once per target
  const std::int64_t insideBase2 = inside.empty() ? 0 : twiceMedian(inside);  // level 3
  for (const auto& [k, waits] : pair) {
    const Key target{kNone, kNone, kNone, k[3]};
    if (insidePair.count(k)) {
      base2[k] = twiceMedian(insidePair[k]);
    } else if (insideTarget.count(target)) {
      if (!targetBase2.count(target)) targetBase2[target] = twiceMedian(insideTarget[target]);
      base2[k] = targetBase2[target];
    } else if (!inside.empty()) {
      base2[k] = insideBase2;
    } else {
      base2[k] = twiceMedian(waits);
    }
  }
  return base2;
}

/// The flow figures of flow/1 from maps and full sorts.
inline analysis::FlowResult referenceFlow(const EventLog& log, std::size_t topVariants) {
  analysis::FlowResult r;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::int64_t>> edges;
  std::map<std::uint32_t, std::uint64_t> starts, ends;
  std::map<std::vector<std::uint32_t>, std::uint64_t> variants;
  std::vector<std::int64_t> throughput, service, waiting;
  std::vector<analysis::ActivityInstance> xs;
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    if (log.item[i] == kNone) continue;
    analysis::buildInstances(log, log.itemBegin[i], log.itemBegin[i + 1], xs);
    if (xs.empty()) continue;
    ++r.items;
    std::int64_t serviceTime = 0, last = xs.front().complete;
    std::vector<std::uint32_t> seq;
    for (std::size_t k = 0; k < xs.size(); ++k) {
      serviceTime += xs[k].complete - xs[k].start;
      last = std::max(last, xs[k].complete);
      r.hasLifecycle = r.hasLifecycle || xs[k].complete > xs[k].start;
      seq.push_back(xs[k].activity);
      if (k > 0)
        edges[{xs[k - 1].activity, xs[k].activity}].push_back(
            std::max<std::int64_t>(0, xs[k].start - xs[k - 1].complete));
    }
    ++starts[xs.front().activity];
    ++ends[xs.back().activity];
    ++variants[seq];
    throughput.push_back(last - xs.front().start);
    service.push_back(serviceTime);
    waiting.push_back(std::max<std::int64_t>(0, throughput.back() - serviceTime));
  }
  for (const auto& [k, v] : edges) r.edges.push_back({k.first, k.second, referenceStats(v)});
  std::stable_sort(r.edges.begin(), r.edges.end(),
                   [](const auto& a, const auto& b) { return a.duration.sum > b.duration.sum; });
  auto byCount = [](const std::map<std::uint32_t, std::uint64_t>& m) {
    std::vector<std::pair<std::uint32_t, std::uint64_t>> out(m.begin(), m.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
  };
  r.startActivities = byCount(starts);
  r.endActivities = byCount(ends);
  r.throughput = referenceStats(throughput);
  r.serviceTime = referenceStats(service);
  r.waitingTime = referenceStats(waiting);
  r.variantCount = variants.size();
  for (const auto& [seq, n] : variants)
    r.topVariants.push_back({seq, n, static_cast<double>(n) / static_cast<double>(r.items)});
  std::stable_sort(r.topVariants.begin(), r.topVariants.end(),
                   [](const auto& a, const auto& b) { return a.items > b.items; });
  r.topVariants.resize(std::min(r.topVariants.size(), topVariants));
  return r;
}

}  // namespace orglens::test
