#include "analysis/handoff_tables.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <type_traits>
#include <utility>

#include "analysis/handoff_ranking.h"
#include "analysis/parallel.h"
#include "analysis/wait_groups.h"

namespace orglens::analysis::detail {

HandoffDims::HandoffDims(const model::EventLog& log)
    : activities(log.strings.size()), people(log.objectType.size()), teams(log.objectType.size()) {
  for (const auto a : log.activity) activities.mark(a);
  for (const auto p : log.actor) people.mark(p);
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

void Incoming::add(const Incoming& o) {
  for (std::size_t i = 0; i < people.size(); ++i)
    people[i] += o.people[i], peopleMicros[i] += o.peopleMicros[i];
  for (std::size_t i = 0; i < teams.size(); ++i)
    teams[i] += o.teams[i], teamsMicros[i] += o.teamsMicros[i];
}

namespace {

constexpr auto kNone = model::EventLog::kNone;

/// The handoffs' columns (HandoffList::Columns) with the keys the tables group by.
struct Columns {
  const HandoffList::Columns& h;
  const std::vector<std::uint32_t>& teamOf;  // dense person → dense team or kNoTeam
  std::uint64_t nA, nP, nT;
  const detail::Buffer<std::int64_t>& wait;
  const detail::Buffer<std::uint32_t>& from;
  const detail::Buffer<std::uint32_t>& to;
  bool anyQueue;
  std::size_t size() const { return wait.size(); }
  /// (from, to) activity pair.
  std::uint64_t act(std::size_t i) const { return h.pair(i); }
  /// (from, to) team pair, kSkipRow when a team is unknown.
  std::uint64_t team(std::size_t i) const {
    const std::uint32_t a = teamOf[from[i]], b = teamOf[to[i]];
    return a == kNoTeam || b == kNoTeam ? kSkipRow : std::uint64_t{a} * nT + b;
  }
  /// Both people in one team.
  bool inside(std::size_t i) const {
    const std::uint32_t a = teamOf[from[i]];
    return a != kNoTeam && a == teamOf[to[i]];
  }
  std::int64_t queue(std::size_t i) const { return h.queue[i]; }
};

Columns columns(const HandoffList::Columns& h, const HandoffDims& d) {
  return {h,      d.teamOfPerson, d.activities.size(), d.people.size(), d.teams.size(), h.wait,
          h.from, h.to,           !h.queue.empty()};
}

/// Twice the median (exact in integers: a median of integers is a whole or a half number).
std::int64_t twiceMedian(std::int64_t* first, std::int64_t* last) {
  return static_cast<std::int64_t>(2 * quantileOf(first, last, 0.5));
}

constexpr std::int64_t kUnset = -1;

/// Σ max(0, 2·wait − base2) over [first, last): the excess in half microseconds (exact).
ExactMicros excess2Of(const std::int64_t* first, const std::int64_t* last, std::int64_t base2) {
  ExactMicros sum = 0;
  for (auto* p = first; p != last; ++p) sum += std::max<std::int64_t>(0, 2 * *p - base2);
  return sum;
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
                     const Queue& queue) {
  HandoffGroup h;
  h.wait = summarize(first, last);
  h.excessDelay = static_cast<double>(excess2) * 0.5 * kMicrosToSeconds;
  h.queue = static_cast<double>(queue.micros) * kMicrosToSeconds;
  h.withQueue = queue.count;
  return h;
}

/// The activity pairs: waits grouped by (pair, crossing a team boundary), so that each pair's
/// inside-team waits come first in its range. Pair p has the waits [first, last) of `g`,
/// inside-team ones [first, inside).
struct Pairs {
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

void groupPairs(const Columns& c, Pairs& p, unsigned threads) {
  groupWaits(
      c.size(), 2 * c.nA * c.nA,
      [&](std::size_t i) { return c.act(i) * 2 + (c.inside(i) ? 0 : 1); }, c.wait,
      c.anyQueue ? &c.h.queue : nullptr, p.g, threads);
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
void gatherInside(Pairs& p, const std::vector<std::uint32_t>& which, Buffer<std::int64_t>& out) {
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
void baselines(const Columns& c, Pairs& p, unsigned threads) {
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
std::vector<HandoffGroup> activityTable(Pairs& p, unsigned threads, SetKeys setKeys) {
  auto parts = parallelChunksByWork<std::vector<HandoffGroup>>(
      0, p.size(), threads, p.workBefore(), [&](std::size_t begin, std::size_t end, auto& out) {
        for (std::size_t k = begin; k < end; ++k) {
          std::int64_t* first = p.g.wait.data() + p.first[k];
          std::int64_t* last = p.g.wait.data() + p.last[k];
          Queue q;
          if (!p.g.queue.empty())
            q.add(p.g.queue.data() + p.first[k], p.g.queue.data() + p.last[k]);
          out.push_back(groupOf(first, last, excess2Of(first, last, p.base2[k]), q));
          setKeys(p.key[k], out.back());
        }
      });
  return concatenated(std::move(parts));
}

/// The team-pair and team-pair × activity-pair tables come from one grouping by (team pair,
/// activity pair): a team pair's groups are consecutive, so its range is the union of its
/// activity pairs' ranges. The grouping key numbers the activity pairs that occur (Pairs, in key
/// order) rather than all nA² of them, so that the key space stays small enough for the counting
/// pass: 40 teams and 100 activities would be 16 M keys, past the hash-map threshold for 9 M
/// handoffs. This is the grouping, into `g`.
void groupTeamWaits(const Columns& c, const Pairs& p, WaitGroups& g,
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

/// The two team tables from the grouping `g` of groupTeamWaits(): each activity pair's figures
/// first (selections inside its range), then the team pair's on the union; its excess and queue
/// time are the sums of its parts'.
template <class SetTeams, class SetActivities>
void teamTables(const Pairs& p, WaitGroups& g, unsigned threads, std::vector<HandoffGroup>& byTeam,
                std::vector<HandoffGroup>& byTeamActivity, SetTeams setTeams,
                SetActivities setActivities) {
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
        for (std::size_t t = begin; t < end; ++t) {
          ExactMicros excess2 = 0;
          Queue queue;
          for (std::uint32_t k = teamStart[t]; k < teamStart[t + 1]; ++k) {
            Queue q;
            if (!g.queue.empty())
              q.add(g.queue.data() + g.begin[k], g.queue.data() + g.begin[k + 1]);
            const auto pair = g.key[k] % nPairs;
            const auto e = excess2Of(g.first(k), g.last(k), p.base2[pair]);
            out.teamActivities.push_back(groupOf(g.first(k), g.last(k), e, q));
            setTeams(g.key[k] / nPairs, out.teamActivities.back());
            setActivities(p.key[pair], out.teamActivities.back());
            excess2 += e;
            queue.add(q);
          }
          out.teams.push_back(
              groupOf(g.first(teamStart[t]), g.last(teamStart[t + 1] - 1), excess2, queue));
          setTeams(g.key[teamStart[t]] / nPairs, out.teams.back());
        }
      });
  for (auto& part : parts) {
    byTeam.insert(byTeam.end(), part.teams.begin(), part.teams.end());
    byTeamActivity.insert(byTeamActivity.end(), part.teamActivities.begin(),
                          part.teamActivities.end());
  }
}

/// A row of a sender block packed into one integer, in bit fields: its sender within the block
/// (highest), its receiver and its activity pair (an index into Pairs). 12 bytes a row with the
/// wait where 32 bits hold them (10 M events: 2,000 people, 119 pairs, ~60 senders a block), 16
/// otherwise, against 20 for separate columns: less to write, read and fault in.
struct RowLayout {
  int pairBits = 0, receiverBits = 0;
  int senderShift() const { return pairBits + receiverBits; }
  template <class Code>
  Code pack(std::uint64_t sender, std::uint64_t receiver, std::uint64_t pair) const {
    const std::uint64_t low = receiver << pairBits | pair;
    return static_cast<Code>(senderShift() < 64 ? sender << senderShift() | low : low);
  }
  template <class Code>
  std::uint32_t sender(Code code) const {
    return senderShift() < std::numeric_limits<Code>::digits
               ? static_cast<std::uint32_t>(code >> senderShift())
               : 0;
  }
  template <class Code>
  std::uint32_t receiver(Code code) const {
    return static_cast<std::uint32_t>((std::uint64_t{code} >> pairBits) &
                                      ((std::uint64_t{1} << receiverBits) - 1));
  }
  template <class Code>
  std::uint32_t pair(Code code) const {
    return static_cast<std::uint32_t>(std::uint64_t{code} & ((std::uint64_t{1} << pairBits) - 1));
  }
};

/// The rows partitioned into blocks of consecutive senders (a stable counting sort by block):
/// few write streams, so that their pages stay in the TLB (one stream per sender, 2,000 of
/// them, missed it on every row), and blocks small enough to be ordered by sender in the
/// cache afterwards. Each row's code (RowLayout), wait and queue time.
template <class Code>
struct SenderBlocks {
  std::uint32_t senders = 1;  // per block
  RowLayout layout;
  std::vector<std::uint32_t> begin;  // per block + 1
  Buffer<Code> code;
  Buffer<std::int64_t> wait, queue;  // queue: only when the log has assign events
  std::size_t size() const { return begin.size() - 1; }
};

constexpr std::uint64_t kBlockRows = 1 << 18;  // rows of a block on average

/// Senders a block: kBlockRows rows on average (all of them for fewer rows).
std::uint64_t sendersPerBlock(const Columns& c) {
  const std::uint64_t senders = c.nP * kBlockRows / std::max<std::size_t>(1, c.size());
  return std::clamp<std::uint64_t>(senders, 1, std::max<std::uint64_t>(1, c.nP));
}

/// Rows are partitioned by `threads` workers, each over its own contiguous range of rows: one pass
/// counts each range's rows per block, a second writes them, each range from its own offset inside
/// each block, so that a block holds its rows in row order whatever the number of workers.
/// t.senders and t.layout are set by the caller.
template <class Code>
void partitionBySenderBlock(const Columns& c, const Pairs& pairs, unsigned threads,
                            SenderBlocks<Code>& t) {
  const std::size_t n = c.size();
  const std::size_t blocks = (c.nP + t.senders - 1) / t.senders;
  std::vector<std::uint32_t> blockOf(c.nP);
  for (std::uint32_t p = 0; p < c.nP; ++p) blockOf[p] = p / t.senders;
  const unsigned ranges = threadCount(threads, n);
  const auto rangeBegin = [&](unsigned r) { return n * r / ranges; };
  // at[r * blocks + b]: the next row of range r in block b (first its count).
  std::vector<std::uint32_t> at(std::size_t{ranges} * blocks, 0);
  parallelChunks<int>(0, ranges, ranges, [&](std::size_t first, std::size_t last, int&) {
    for (std::size_t r = first; r < last; ++r) {
      std::uint32_t* count = at.data() + r * blocks;
      const std::size_t end = rangeBegin(r + 1);
      for (std::size_t i = rangeBegin(r); i < end; ++i) ++count[blockOf[c.from[i]]];
    }
  });
  t.begin.assign(blocks + 1, 0);
  std::uint32_t offset = 0;
  for (std::size_t b = 0; b < blocks; ++b) {
    t.begin[b] = offset;
    for (unsigned r = 0; r < ranges; ++r) {
      const std::uint32_t count = at[r * blocks + b];
      at[r * blocks + b] = offset;
      offset += count;
    }
  }
  t.begin[blocks] = offset;
  t.code.resize(n);
  t.wait.resize(n);
  t.queue.resize(c.anyQueue ? n : 0);
  parallelChunks<int>(0, ranges, ranges, [&](std::size_t first, std::size_t last, int&) {
    for (std::size_t r = first; r < last; ++r) {
      std::uint32_t* next = at.data() + r * blocks;
      const std::size_t end = rangeBegin(r + 1);
      for (std::size_t i = rangeBegin(r); i < end; ++i) {
        const std::uint32_t from = c.from[i], block = blockOf[from];
        const std::uint32_t j = next[block]++;
        t.code[j] = t.layout.template pack<Code>(from - block * t.senders, c.to[i],
                                                 pairs.indexOf(c.act(i)));
        t.wait[j] = c.wait[i];
        if (c.anyQueue) t.queue[j] = c.queue(i);
      }
    }
  });
}

/// Per-thread buffers of personTable(), reused from block to block.
template <class Code>
struct PersonScratch {
  explicit PersonScratch(std::size_t people) : count(people, 0), at(people), group(people) {}
  std::vector<std::uint32_t> count, at, group, receivers, groupBegin, senderBegin;
  std::vector<ExactMicros> excess2;
  std::vector<Queue> queue;
  Buffer<Code> code;  // the block's rows in sender order
  Buffer<std::int64_t> wait, queueTime, values;
};

/// The block's rows [first, last) of `t` in sender order into s.code, s.wait and s.queueTime;
/// s.senderBegin[k] is where the block's k-th sender starts.
template <class Code>
void orderBySender(const SenderBlocks<Code>& t, std::size_t first, std::size_t last,
                   std::uint32_t senders, PersonScratch<Code>& s) {
  s.senderBegin.assign(senders + 1, 0);
  for (std::size_t j = first; j < last; ++j) ++s.senderBegin[t.layout.sender(t.code[j]) + 1];
  for (std::uint32_t k = 0; k < senders; ++k) s.senderBegin[k + 1] += s.senderBegin[k];
  std::vector<std::uint32_t>& at = s.groupBegin;  // free until the senders are grouped
  at.assign(s.senderBegin.begin(), s.senderBegin.end() - 1);
  s.code.resize(last - first);
  s.wait.resize(last - first);
  s.queueTime.resize(t.queue.empty() ? 0 : last - first);
  for (std::size_t j = first; j < last; ++j) {
    const std::uint32_t to = at[t.layout.sender(t.code[j])]++;
    s.code[to] = t.code[j];
    s.wait[to] = t.wait[j];
    if (!t.queue.empty()) s.queueTime[to] = t.queue[j];
  }
}

/// The groups of sender p, whose rows are [first, last) of the scratch's ordered rows, in
/// ascending receiver order, appended to `out`.
template <class Code, class SetKeys>
void senderGroups(const Columns& c, const Pairs& pairs, const RowLayout& layout, std::uint64_t p,
                  std::uint32_t first, std::uint32_t last, PersonScratch<Code>& s,
                  std::vector<HandoffGroup>& out, SetKeys& setKeys) {
  s.receivers.clear();
  for (std::uint32_t j = first; j < last; ++j) {
    const auto to = layout.receiver(s.code[j]);
    if (s.count[to]++ == 0) s.receivers.push_back(to);
  }
  std::sort(s.receivers.begin(), s.receivers.end());  // groups in ascending key order
  s.groupBegin.clear();
  std::uint32_t offset = 0;
  for (std::uint32_t k = 0; k < s.receivers.size(); ++k) {
    const auto to = s.receivers[k];
    s.group[to] = k;
    s.groupBegin.push_back(offset);
    s.at[to] = offset;
    offset += s.count[to];
    s.count[to] = 0;
  }
  s.groupBegin.push_back(offset);
  s.values.resize(offset);
  s.excess2.assign(s.receivers.size(), 0);
  s.queue.assign(s.receivers.size(), {});
  for (std::uint32_t j = first; j < last; ++j) {
    const auto to = layout.receiver(s.code[j]);
    const std::uint32_t k = s.group[to];
    const std::int64_t w = s.wait[j];
    s.values[s.at[to]++] = w;
    s.excess2[k] += std::max<std::int64_t>(0, 2 * w - pairs.base2[layout.pair(s.code[j])]);
    if (c.anyQueue && s.queueTime[j] >= 0) s.queue[k].micros += s.queueTime[j], ++s.queue[k].count;
  }
  for (std::uint32_t k = 0; k < s.receivers.size(); ++k) {
    out.push_back(groupOf(s.values.data() + s.groupBegin[k], s.values.data() + s.groupBegin[k + 1],
                          s.excess2[k], s.queue[k]));
    setKeys(p * c.nP + s.receivers[k], out.back());
  }
}

/// personTable() with rows packed into `Code`; t.senders and t.layout set.
template <class Code, class SetKeys>
GroupParts personTableOf(const Columns& c, const Pairs& pairs, unsigned threads,
                         SenderBlocks<Code>& t, SetKeys& setKeys) {
  partitionBySenderBlock(c, pairs, threads, t);
  auto parts = parallelChunks<GroupParts>(
      0, t.size(), threads, [&](std::size_t begin, std::size_t end, GroupParts& out) {
        PersonScratch<Code> s(c.nP);
        for (std::size_t b = begin; b < end; ++b) {
          const auto firstSender = static_cast<std::uint32_t>(b * t.senders);
          const auto senders =
              static_cast<std::uint32_t>(std::min<std::uint64_t>(t.senders, c.nP - firstSender));
          orderBySender(t, t.begin[b], t.begin[b + 1], senders, s);
          out.emplace_back();
          for (std::uint32_t k = 0; k < senders; ++k)
            senderGroups(c, pairs, t.layout, firstSender + k, s.senderBegin[k],
                         s.senderBegin[k + 1], s, out.back(), setKeys);
        }
      });
  GroupParts blocks;
  for (auto& part : parts)
    for (auto& block : part) blocks.push_back(std::move(block));
  return blocks;
}

/// The person-pair table: the same groups as a grouping by from * nP + to, without its cost: a
/// counting sort over nP² keys (16 MB of counters at 2,000 people, beyond the L2 cache) misses
/// the cache on every row of every pass. The rows are partitioned into blocks of senders; in
/// each block they are ordered by sender, each sender's rows grouped by receiver and each
/// group's figures computed right away, all in buffers that stay in the cache (no second pass
/// over all the waits). Blocks in parallel, groups in key order. O(n + g log g) for g groups, in
/// one part per block (~1 MB, which the heap recycles). The blocks' waits borrow `spare` (the
/// activity pairs' waits, done with); their 32-bit codes are left in `codes` (a key cache).
template <class SetKeys>
GroupParts personTable(const Columns& c, const Pairs& pairs, unsigned threads,
                       Buffer<std::int64_t>& spare, Buffer<std::uint32_t>& codes, SetKeys setKeys) {
  const auto bitsFor = [](std::uint64_t values) {  // to tell apart 0 .. values - 1
    return static_cast<int>(std::bit_width(std::max<std::uint64_t>(1, values) - 1));
  };
  const RowLayout layout{bitsFor(pairs.size()), bitsFor(c.nP)};
  std::uint64_t senders = sendersPerBlock(c);
  const auto run = [&](auto t) {
    t.senders = static_cast<std::uint32_t>(senders);
    t.layout = layout;
    t.wait.swap(spare);  // pages already faulted in: no fresh ones
    GroupParts groups = personTableOf(c, pairs, threads, t, setKeys);
    t.wait.swap(spare);
    if constexpr (std::is_same_v<decltype(t.code), Buffer<std::uint32_t>>) t.code.swap(codes);
    return groups;
  };
  if (layout.senderShift() + bitsFor(senders) <= 32) return run(SenderBlocks<std::uint32_t>{});
  // Fewer senders a block when the fields would not fit 64 bits (more, smaller blocks).
  const int room = 64 - layout.senderShift();
  if (room < 32) senders = std::min<std::uint64_t>(senders, std::uint64_t{1} << room);
  return run(SenderBlocks<std::uint64_t>{});
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

void buildHandoffTables(const HandoffDims& d, const HandoffOptions& options, const Incoming& in,
                        HandoffResult& r, model::Progress& progress,
                        const std::function<void(const ActivityPairWaits&)>& withPairWaits) {
  const auto stopped = [&] { return r.cancelled = progress.cancelled(); };
  progress.report(0.4, "activity pairs");
  const Columns c = columns(r.handoffs.columns(), d);
  const std::uint64_t nA = c.nA, nP = c.nP, nT = c.nT;
  const auto threads = options.threads;
  Pairs pairs;
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
  r.byActivity = ranked(activityTable(pairs, threads, setActivities));
  if (withPairWaits) withPairWaits({pairs.key, pairs.first, pairs.last, pairs.g.wait.data()});
  if (stopped()) return;
  progress.report(0.55, "person pairs");
  // The person table and the team tables one after the other, each on all the threads; their
  // two serial steps, the ranking of the person groups (a sort) and the grouping of the team
  // waits (a counting pass), side by side. The team grouping reuses the activity pairs' buffers,
  // which are done with.
  Buffer<std::uint32_t> codes;  // the person table's, then the team grouping's key cache
  GroupParts people =
      personTable(c, pairs, threads, pairs.g.wait, codes, [&](std::uint64_t key, HandoffGroup& g) {
        g.from = d.people.id(static_cast<std::uint32_t>(key / nP));
        g.to = d.people.id(static_cast<std::uint32_t>(key % nP));
      });
  parallelChunks<int>(0, 2, threads, [&](std::size_t begin, std::size_t end, int&) {
    for (std::size_t task = begin; task < end; ++task) {
      if (task == 0)
        r.byPerson = ranked(std::move(people));
      else
        groupTeamWaits(c, pairs, pairs.g, codes);
    }
  });
  if (stopped()) return;
  progress.report(0.85, "team pairs");
  std::vector<HandoffGroup> teams, teamActivities;
  teamTables(pairs, pairs.g, threads, teams, teamActivities, setTeams,
             [&](std::uint64_t key, HandoffGroup& g) { setActivities(key, g); });
  r.byTeam = ranked(std::move(teams));
  r.byTeamActivity = ranked(std::move(teamActivities));
  if (stopped()) return;
  for (const auto& g : r.byTeam)
    if (g.wait.count >= options.minCount) r.slowTeamPairs.push_back(g);
  r.waitsOnPerson = incoming(in.people, in.peopleMicros, d.people);
  r.waitsOnTeam = incoming(in.teams, in.teamsMicros, d.teams);
}

}  // namespace orglens::analysis::detail
