#include "analysis/handoff_tables.h"

#include <algorithm>
#include <utility>

#include "analysis/handoff_people.h"
#include "analysis/handoff_ranking.h"
#include "analysis/parallel.h"
#include "analysis/wait_groups.h"

namespace orglens::analysis::detail {

HandoffDims::HandoffDims(const model::EventLog& log)
    : activities(log.strings.size()), people(log.objectType.size()), teams(log.objectType.size()) {
  activities.markAll(log.activity);
  people.markAll(log.actor);
  activities.finish();
  people.finish();
  for (std::uint32_t i = 0; i < people.size(); ++i) teams.mark(teamOf(log, people.id(i)));
  teams.finish();
  teamOfPerson.resize(people.size());
  for (std::uint32_t i = 0; i < people.size(); ++i) {
    const auto team = teamOf(log, people.id(i));
    teamOfPerson[i] = team == model::EventLog::kNone ? kNoTeam : teams[team];
  }
}

namespace {

/// A group from its statistics, its excess (half microseconds) and its queue time.
HandoffGroup groupFrom(const DurationStats& wait, ExactMicros excess2, const Queue& queue) {
  HandoffGroup h;
  h.wait = wait;
  h.excessDelay = static_cast<double>(excess2) * 0.5 * kMicrosToSeconds;
  h.queue = static_cast<double>(queue.micros) * kMicrosToSeconds;
  h.withQueue = queue.count;
  return h;
}

}  // namespace

HandoffGroup groupOf(std::int64_t* first, std::int64_t* last, ExactMicros excess2,
                     const Queue& queue) {
  return groupFrom(summarize(first, last), excess2, queue);
}

HandoffGroup groupOf(std::int64_t* first, std::int64_t* last, ExactMicros excess2,
                     const Queue& queue, Totals& totals) {
  return groupFrom(summarize(first, last, nullptr, totals), excess2, queue);
}

HandoffGroup groupOver(std::int64_t* first, std::int64_t* last, std::int64_t base2,
                       const Queue& queue, ExactMicros& excess2) {
  Totals unused;
  return groupOver(first, last, base2, queue, excess2, unused);
}

HandoffGroup groupOver(std::int64_t* first, std::int64_t* last, std::int64_t base2,
                       const Queue& queue, ExactMicros& excess2, Totals& totals) {
  ExcessOver excess{base2};
  const DurationStats wait = summarize(first, last, &excess, totals);
  excess2 = excess.sum2;
  return groupFrom(wait, excess2, queue);
}

HandoffGroup groupKnown(std::int64_t* first, std::int64_t* last, const Totals& totals,
                        ExactMicros excess2, const Queue& queue) {
  return groupFrom(summarizeKnown(first, last, totals), excess2, queue);
}

namespace {

constexpr auto kNone = model::EventLog::kNone;

/// Twice the median (exact in integers: a median of integers is a whole or a half number).
std::int64_t twiceMedian(std::int64_t* first, std::int64_t* last) {
  return static_cast<std::int64_t>(2 * quantileOf(first, last, 0.5));
}

constexpr std::int64_t kUnset = -1;

void groupPairs(const HandoffColumns& c, ActivityPairs& p, unsigned threads) {
  withRows(c, [&](const auto& rows) {
    groupWaits(
        c.size(), 2 * c.nA * c.nA,
        [rows](std::size_t i) { return rows.act(i) * 2 + (rows.inside(i) ? 0 : 1); }, c.wait,
        c.anyQueue ? &c.h.queue : nullptr, p.g, threads);
  });
  for (std::size_t k = 0; k < p.g.size(); ++k) {
    const std::uint64_t pair = p.g.key[k] >> 1;
    if (p.key.empty() || p.key.back() != pair) {
      p.key.push_back(pair);
      p.first.push_back(p.g.begin[k]);
      p.inside.push_back(p.g.begin[k]);
      p.last.push_back(p.g.begin[k]);
    }
    if ((p.g.key[k] & 1) == 0) p.inside.back() = p.g.begin[k + 1];
    p.last.back() = p.g.begin[k + 1];
  }
  if (c.nA * c.nA <= (std::uint64_t{1} << 22)) {
    p.indexByKey.assign(c.nA * c.nA, 0);
    for (std::uint32_t i = 0; i < p.size(); ++i) p.indexByKey[p.key[i]] = i;
  }
}

/// The inside-team waits of the pairs `which` (indexes) gathered into `out`.
void gatherInside(ActivityPairs& p, const std::vector<std::uint32_t>& which,
                  Buffer<std::int64_t>& out) {
  out.clear();
  for (const auto k : which)
    out.insert(out.end(), p.g.wait.data() + p.first[k], p.g.wait.data() + p.inside[k]);
}

/// Twice the baseline wait (µs) of each activity pair: the usual wait when nothing crosses a
/// team boundary. The first of these that has handoffs (handoffs/1):
///  1. the median wait of the pair's handoffs inside one team;
///  2. the median wait of inside-team handoffs into the pair's target activity;
///  3. the median wait of all inside-team handoffs;
///  4. the median wait of the pair's handoffs (a log without teams).
/// Levels 2 and 3 keep a pair that only ever crosses teams from being its own baseline. A
/// level is computed only when a pair needs it. Selections reorder only inside a pair's
/// inside-team range (or, at level 4, its whole range); levels 2 and 3 work on copies.
void baselines(const HandoffColumns& c, ActivityPairs& p, unsigned threads) {
  p.base2.assign(p.size(), kUnset);
  parallelChunksByWork<int>(
      0, p.size(), threads, p.workBefore(), [&](std::size_t begin, std::size_t end, int&) {
        for (std::size_t k = begin; k < end; ++k)
          if (p.inside[k] > p.first[k])
            p.base2[k] = twiceMedian(p.g.wait.data() + p.first[k], p.g.wait.data() + p.inside[k]);
      });
  std::vector<std::uint32_t> unset;
  for (std::uint32_t k = 0; k < p.size(); ++k)
    if (p.base2[k] == kUnset) unset.push_back(k);
  if (unset.empty()) return;
  Buffer<std::int64_t> scratch;
  std::vector<std::vector<std::uint32_t>> byTarget(c.nA);  // pairs with inside waits
  for (std::uint32_t k = 0; k < p.size(); ++k)
    if (p.inside[k] > p.first[k]) byTarget[p.key[k] % c.nA].push_back(k);
  std::vector<std::int64_t> targetBase(c.nA, kUnset);
  for (const auto k : unset) {
    const auto t = p.key[k] % c.nA;
    if (targetBase[t] == kUnset && !byTarget[t].empty()) {
      gatherInside(p, byTarget[t], scratch);
      targetBase[t] = twiceMedian(scratch.data(), scratch.data() + scratch.size());
    }
    p.base2[k] = targetBase[t];
  }
  std::erase_if(unset, [&](std::uint32_t k) { return p.base2[k] != kUnset; });
  if (unset.empty()) return;
  std::vector<std::uint32_t> all;
  for (const auto& pairs : byTarget) all.insert(all.end(), pairs.begin(), pairs.end());
  if (!all.empty()) {
    gatherInside(p, all, scratch);
    const auto base = twiceMedian(scratch.data(), scratch.data() + scratch.size());
    for (const auto k : unset) p.base2[k] = base;
    return;
  }
  for (const auto k : unset)
    p.base2[k] = twiceMedian(p.g.wait.data() + p.first[k], p.g.wait.data() + p.last[k]);
}

/// The parts' groups one after the other (the only part moved, not copied).
std::vector<HandoffGroup> concatenated(std::vector<std::vector<HandoffGroup>>&& parts) {
  if (parts.size() == 1) return std::move(parts.front());
  std::vector<HandoffGroup> all;
  std::size_t total = 0;
  for (const auto& part : parts) total += part.size();
  all.reserve(total);
  for (auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

/// The activity-pair table: each pair's figures from its whole range, in parallel.
template <class SetKeys>
std::vector<HandoffGroup> activityTable(ActivityPairs& p, unsigned threads, SetKeys setKeys) {
  auto parts = parallelChunksByWork<std::vector<HandoffGroup>>(
      0, p.size(), threads, p.workBefore(), [&](std::size_t begin, std::size_t end, auto& out) {
        for (std::size_t k = begin; k < end; ++k) {
          std::int64_t* first = p.g.wait.data() + p.first[k];
          std::int64_t* last = p.g.wait.data() + p.last[k];
          Queue q;
          if (!p.g.queue.empty())
            q.add(p.g.queue.data() + p.first[k], p.g.queue.data() + p.last[k]);
          ExactMicros excess2;
          out.push_back(groupOver(first, last, p.base2[k], q, excess2));
          setKeys(p.key[k], out.back());
        }
      });
  return concatenated(std::move(parts));
}

/// The team tables when the person table's blocks could not build them (personTables(): a team
/// cut across blocks, or too many team × activity pairs): one grouping by (team pair, activity
/// pair), in which a team pair's groups are consecutive, so its range is the union of its
/// activity pairs' ranges. The key numbers the activity pairs that occur (ActivityPairs, in key
/// order) rather than all nA² of them, so that the key space stays small enough for the counting
/// pass: 40 teams and 100 activities would be 16 M keys, past the hash-map threshold for 9 M
/// handoffs. This is the grouping, into `g`.
void groupTeamWaits(const HandoffColumns& c, const ActivityPairs& p, WaitGroups& g,
                    Buffer<std::uint32_t>& keyCache) {
  const std::uint64_t nPairs = std::max<std::uint64_t>(1, p.size());
  groupWaits(
      c.size(), c.nT * c.nT * nPairs,
      [&](std::size_t i) {
        const auto team = c.team(i);
        return team == kSkipRow ? kSkipRow : team * nPairs + p.indexOf(c.act(i));
      },
      c.wait, c.anyQueue ? &c.h.queue : nullptr, g, 1, kGroupRowsPerThread,
      keyCache.capacity() >= c.size() ? &keyCache : nullptr);
}

/// The two team tables from the grouping `g` of groupTeamWaits(), by teamPairGroups() on the
/// team pairs in parallel, one part per thread.
template <class SetTeams>
void teamTables(const ActivityPairs& p, const DenseIds& activities, WaitGroups& g, unsigned threads,
                GroupParts& byTeam, GroupParts& byTeamActivity, SetTeams setTeams) {
  const std::uint64_t nPairs = std::max<std::uint64_t>(1, p.size());
  std::vector<std::uint32_t> teamStart;  // first group of each team pair, + the end
  for (std::uint32_t k = 0; k < g.size(); ++k)
    if (k == 0 || g.key[k] / nPairs != g.key[k - 1] / nPairs) teamStart.push_back(k);
  teamStart.push_back(static_cast<std::uint32_t>(g.size()));
  struct Part {
    std::vector<HandoffGroup> teams, teamActivities;
  };
  auto parts = parallelChunksByWork<Part>(
      0, teamStart.size() - 1, threads, [&](std::size_t t) { return g.begin[teamStart[t]]; },
      [&](std::size_t begin, std::size_t end, Part& out) {
        teamPairGroups(p, activities, g.key.data(), g.begin.data(), teamStart[begin],
                       teamStart[end], g.wait.data(), g.queue.empty() ? nullptr : g.queue.data(),
                       setTeams, out.teams, out.teamActivities);
      });
  for (auto& part : parts) {
    byTeam.push_back(std::move(part.teams));
    byTeamActivity.push_back(std::move(part.teamActivities));
  }
}

std::vector<IncomingWait> incoming(const std::vector<std::uint64_t>& count,
                                   const std::vector<std::int64_t>& micros, const DenseIds& ids) {
  std::vector<IncomingWait> out;
  for (std::uint32_t i = 0; i < ids.size(); ++i)
    if (count[i] > 0 && ids.id(i) != kNone)
      out.push_back({ids.id(i), count[i], static_cast<double>(micros[i]) * kMicrosToSeconds});
  std::stable_sort(out.begin(), out.end(), [](const IncomingWait& a, const IncomingWait& b) {
    return a.totalWait > b.totalWait;
  });
  return out;
}

}  // namespace

void buildHandoffTables(const HandoffDims& d, const HandoffOptions& options, HandoffResult& r,
                        model::Progress& progress,
                        const std::function<void(const ActivityPairWaits&)>& withPairWaits) {
  const auto stopped = [&] { return r.cancelled = progress.cancelled(); };
  progress.report(0.4, "activity pairs");
  const HandoffColumns c = columnsOf(r.handoffs.columns(), d);
  const std::uint64_t nA = c.nA, nT = c.nT;
  const auto threads = options.threads;
  ActivityPairs pairs;
  groupPairs(c, pairs, threads);
  baselines(c, pairs, threads);
  const auto setActivities = [&](std::uint64_t key, HandoffGroup& g) {
    g.fromActivity = d.activities.id(static_cast<std::uint32_t>(key / nA));
    g.toActivity = d.activities.id(static_cast<std::uint32_t>(key % nA));
  };
  const auto setTeams = [&](std::uint64_t key, HandoffGroup& g) {
    g.from = d.teams.id(static_cast<std::uint32_t>(key / nT));
    g.to = d.teams.id(static_cast<std::uint32_t>(key % nT));
  };
  std::vector<HandoffGroup> byActivity = activityTable(pairs, threads, setActivities);
  if (withPairWaits) {
    std::vector<DurationStats> stats;
    stats.reserve(byActivity.size());
    for (const auto& g : byActivity) stats.push_back(g.wait);
    withPairWaits({pairs.key, pairs.first, pairs.last, pairs.g.wait.data(), stats});
  }
  r.byActivity = ranked(std::move(byActivity));
  if (stopped()) return;
  progress.report(0.55, "person pairs");
  // The person table, with the team tables where its blocks hold whole teams, on all the
  // threads; then its serial steps side by side: the ranking of the person groups (a sort), and
  // the ranking of the team groups or, when the blocks did not build them, the grouping of the
  // team waits (a counting pass, into the activity pairs' buffers, which are done with).
  Buffer<std::uint32_t> codes;  // the person table's, then the team grouping's key cache
  PersonTables people = personTables(c, pairs, d, threads, pairs.g.wait, codes);
  parallelChunks<int>(0, 2, threads, [&](std::size_t begin, std::size_t end, int&) {
    for (std::size_t task = begin; task < end; ++task) {
      if (task == 0) {
        r.byPerson = rankedInPlace(std::move(people.people), people.keyOrder);
      } else if (people.teamTables) {
        r.byTeam = ranked(std::move(people.byTeam));
        r.byTeamActivity = ranked(std::move(people.byTeamActivity));
      } else {
        groupTeamWaits(c, pairs, pairs.g, codes);
      }
    }
  });
  if (stopped()) return;
  progress.report(0.85, "team pairs");
  if (!people.teamTables) {
    teamTables(pairs, d.activities, pairs.g, threads, people.byTeam, people.byTeamActivity,
               setTeams);
    r.byTeam = ranked(std::move(people.byTeam));
    r.byTeamActivity = ranked(std::move(people.byTeamActivity));
  }
  if (stopped()) return;
  for (const auto& g : r.byTeam)
    if (g.wait.count >= options.minCount) r.slowTeamPairs.push_back(g);
  // "Everyone waits on": the teams' sums are their people's.
  std::vector<std::uint64_t> teamCount(nT, 0);
  std::vector<std::int64_t> teamMicros(nT, 0);
  const Received& got = people.received;
  for (std::uint32_t p = 0; p < got.count.size(); ++p)
    if (const auto team = d.teamOfPerson[p]; team != kNoTeam)
      teamCount[team] += got.count[p], teamMicros[team] += got.micros[p];
  r.waitsOnPerson = incoming(got.count, got.micros, d.people);
  r.waitsOnTeam = incoming(teamCount, teamMicros, d.teams);
}

}  // namespace orglens::analysis::detail
