// What the handoff tables share (analysis/handoff_tables.cpp, analysis/handoff_people.cpp): the
// handoff columns with the keys they group by, the activity pairs with their baselines, and a
// group's figures. Internal to analysis/; not part of its public API.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "analysis/handoff_list.h"
#include "analysis/handoff_tables.h"
#include "analysis/stats.h"
#include "analysis/wait_groups.h"

namespace orglens::analysis::detail {

/// Whether dense people `from` and `to` are in one team (teamOf: dense person → team or kNoTeam).
inline bool sameTeam(const std::uint32_t* teamOf, std::uint32_t from, std::uint32_t to) {
  const std::uint32_t a = teamOf[from];
  return a != kNoTeam && a == teamOf[to];
}

/// The handoffs' columns (HandoffList::Columns) with the keys the tables group by.
struct HandoffColumns {
  const HandoffList::Columns& h;
  const std::vector<std::uint32_t>& teamOf;  // dense person → dense team or kNoTeam
  std::uint64_t nA, nP, nT;
  const Buffer<std::int64_t>& wait;
  bool anyQueue;
  std::size_t size() const { return wait.size(); }
  /// The dense sender (from) and receiver (to).
  std::uint32_t from(std::size_t i) const { return h.sender(i); }
  std::uint32_t to(std::size_t i) const { return h.receiver(i); }
  /// (from, to) activity pair.
  std::uint64_t act(std::size_t i) const { return h.pair(i); }
  /// (from, to) team pair, kSkipRow when a team is unknown.
  std::uint64_t team(std::size_t i) const {
    const std::uint32_t a = teamOf[from(i)], b = teamOf[to(i)];
    return a == kNoTeam || b == kNoTeam ? kSkipRow : std::uint64_t{a} * nT + b;
  }
  /// Both people in one team.
  bool inside(std::size_t i) const { return sameTeam(teamOf.data(), from(i), to(i)); }
  std::int64_t queue(std::size_t i) const { return h.queue[i]; }
};

/// The rows' sender, receiver and activity pair read from the packed code (HandoffList::Columns
/// `packed`) through a copy of its layout: where a loop reads them through HandoffColumns, each
/// store of a 32-bit count makes the compiler load the layout's widths and the `packed` flag
/// again (they may alias), and test the flag, on every row; a copy in a closure taken by value
/// stays in registers.
struct PackedRows {
  const std::uint32_t* code;
  const std::uint32_t* teamOf;
  RowLayout layout;
  std::uint32_t from(std::size_t i) const { return layout.sender(code[i]); }
  std::uint32_t to(std::size_t i) const { return layout.receiver(code[i]); }
  std::uint64_t act(std::size_t i) const { return layout.pair(code[i]); }
  bool inside(std::size_t i) const { return sameTeam(teamOf, from(i), to(i)); }
};

/// f(rows) with rows a PackedRows where the columns are packed, else the columns themselves
/// (which have the same from(), to(), act() and inside()), so that a loop over the rows is
/// compiled once for each form.
template <class F>
void withRows(const HandoffColumns& c, F f) {
  if (!c.h.packed) return f(c);
  f(PackedRows{c.h.code.data(), c.teamOf.data(), c.h.layout});
}

inline HandoffColumns columnsOf(const HandoffList::Columns& h, const HandoffDims& d) {
  return {h,      d.teamOfPerson,  d.activities.size(), d.people.size(), d.teams.size(),
          h.wait, !h.queue.empty()};
}

/// Queue times of a group: their sum (µs) and how many handoffs had one (−1: none).
struct Queue {
  ExactMicros micros = 0;
  std::uint64_t count = 0;
  void add(const std::int64_t* first, const std::int64_t* last) {
    for (auto* p = first; p != last; ++p)
      if (*p >= 0) micros += *p, ++count;
  }
  void add(const Queue& o) { micros += o.micros, count += o.count; }
};

/// A group's figures from its waits [first, last) (reordered by the selection).
HandoffGroup groupOf(std::int64_t* first, std::int64_t* last, ExactMicros excess2,
                     const Queue& queue);
/// The same, giving the sum and extremes of the waits in `totals` too.
HandoffGroup groupOf(std::int64_t* first, std::int64_t* last, ExactMicros excess2,
                     const Queue& queue, Totals& totals);
/// The same with the excess, Σ max(0, 2·wait − base2) in half microseconds over twice the
/// baseline `base2`, added up in the statistics' first pass rather than a pass of its own; the
/// sum also into `excess2` (exact).
HandoffGroup groupOver(std::int64_t* first, std::int64_t* last, std::int64_t base2,
                       const Queue& queue, ExactMicros& excess2);
/// The same, giving the sum and extremes of the waits in `totals` too.
HandoffGroup groupOver(std::int64_t* first, std::int64_t* last, std::int64_t base2,
                       const Queue& queue, ExactMicros& excess2, Totals& totals);
/// groupOf() of waits whose sum and extremes are known (summarizeKnown()): a team pair's, from
/// its team × activity groups, without a pass over them for those.
HandoffGroup groupKnown(std::int64_t* first, std::int64_t* last, const Totals& totals,
                        ExactMicros excess2, const Queue& queue);

/// The activity pairs: waits grouped by (pair, crossing a team boundary), so that each pair's
/// inside-team waits come first in its range. Pair p has the waits [first, last) of `g`,
/// inside-team ones [first, inside).
struct ActivityPairs {
  WaitGroups g;
  std::vector<std::uint64_t> key;  // dense pair from * nA + to, ascending
  std::vector<std::uint32_t> first, inside, last;
  std::vector<std::int64_t> base2;        // per pair: twice its baseline (µs)
  std::vector<std::uint32_t> indexByKey;  // pair key → pair, when nA² <= 2^22
  std::size_t size() const { return key.size(); }
  /// The rows of the pairs before pair k (k <= size()), for parallelChunksByWork().
  auto workBefore() const {
    return [this](std::size_t k) { return k < size() ? first[k] : (k ? last.back() : 0u); };
  }
  std::uint32_t indexOf(std::uint64_t pairKey) const {
    if (!indexByKey.empty()) return indexByKey[pairKey];
    return static_cast<std::uint32_t>(std::lower_bound(key.begin(), key.end(), pairKey) -
                                      key.begin());
  }
};

/// The team × activity groups k in [first, last) of a grouping by (team pair, activity pair):
/// keys[k] = team pair · max(1, pairs.size()) + activity pair (an index into `pairs`), ascending,
/// with the waits [begin[k], begin[k + 1]) of `values` (and of `queue`, unless null). Appends
/// each activity pair's figures to `teamActivities` (selections inside its range) and, after a
/// team pair's last, the team pair's to `teams`, on the union of their ranges, its excess, queue
/// time, sum and extremes those of theirs (no pass of its own for them). setTeams(teamPair,
/// group) names a group's teams.
template <class Key, class SetTeams>
void teamPairGroups(const ActivityPairs& pairs, const DenseIds& activities, const Key* keys,
                    const std::uint32_t* begin, std::size_t first, std::size_t last,
                    std::int64_t* values, const std::int64_t* queue, SetTeams setTeams,
                    std::vector<HandoffGroup>& teams, std::vector<HandoffGroup>& teamActivities) {
  const std::uint64_t nPairs = std::max<std::size_t>(1, pairs.size()), nA = activities.size();
  for (std::size_t k = first; k < last;) {
    const std::uint64_t teamPair = keys[k] / nPairs;
    ExactMicros excess2 = 0;
    Queue queueSum;
    Totals all;
    std::size_t end = k;
    for (; end < last && keys[end] / nPairs == teamPair; ++end) {
      const std::uint64_t pair = keys[end] % nPairs;
      std::int64_t *f = values + begin[end], *l = values + begin[end + 1];
      Queue q;
      if (queue) q.add(queue + begin[end], queue + begin[end + 1]);
      ExactMicros e;
      Totals t;
      HandoffGroup& g = teamActivities.emplace_back(groupOver(f, l, pairs.base2[pair], q, e, t));
      if (end == k)
        all = t;
      else
        all.add(t);
      setTeams(teamPair, g);
      g.fromActivity = activities.id(static_cast<std::uint32_t>(pairs.key[pair] / nA));
      g.toActivity = activities.id(static_cast<std::uint32_t>(pairs.key[pair] % nA));
      excess2 += e;
      queueSum.add(q);
    }
    setTeams(teamPair, teams.emplace_back(groupKnown(values + begin[k], values + begin[end], all,
                                                     excess2, queueSum)));
    k = end;
  }
}

}  // namespace orglens::analysis::detail
