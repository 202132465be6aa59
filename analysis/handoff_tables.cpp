#include "analysis/handoff_tables.h"

#include <algorithm>

#include "analysis/parallel.h"

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

std::vector<std::int64_t> twiceMedians(const RowGroups& g, const Buffer<std::int64_t>& wait,
                                       Buffer<std::int64_t>& buffer) {
  groupedValues(g, wait, buffer);
  std::vector<std::int64_t> out(g.size());
  for (std::size_t k = 0; k < g.size(); ++k)
    out[k] = twiceMedian(buffer.data() + g.begin[k], buffer.data() + g.begin[k + 1]);
  return out;
}

constexpr std::int64_t kUnset = -1;

/// Sets base[g] for the unset groups g of `byPair` whose key maps (through `keyOf`) to a
/// group of `level`, to that group's value; true when some group is still unset afterwards.
template <class KeyOf>
bool fill(std::vector<std::int64_t>& base, const RowGroups& byPair, const RowGroups& level,
          const std::vector<std::int64_t>& values, KeyOf keyOf) {
  bool unset = false;
  for (std::size_t g = 0; g < byPair.size(); ++g) {
    if (base[g] != kUnset) continue;
    const auto key = keyOf(byPair.key[g]);
    const auto at = std::lower_bound(level.key.begin(), level.key.end(), key);
    if (at != level.key.end() && *at == key)
      base[g] = values[static_cast<std::size_t>(at - level.key.begin())];
    else
      unset = true;
  }
  return unset;
}

/// Twice the baseline wait (µs) of each activity pair (a group of `byPair`): the usual wait
/// when nothing crosses a team boundary. The first of these that has handoffs (handoffs/1):
///  1. the median wait of the pair's handoffs inside one team;
///  2. the median wait of inside-team handoffs into the pair's target activity;
///  3. the median wait of all inside-team handoffs;
///  4. the median wait of the pair's handoffs (a log without teams).
/// Levels 2 and 3 keep a pair that only ever crosses teams from being its own baseline. A
/// level is computed only when a pair needs it.
std::vector<std::int64_t> baselines(const Columns& c, const RowGroups& byPair) {
  // Levels 1-3 look at inside-team handoffs only: their pairs and waits, gathered once.
  Buffer<std::uint64_t> act;
  Buffer<std::int64_t> wait, buffer;
  for (std::size_t i = 0; i < c.size(); ++i)
    if (c.inside(i)) act.push_back(c.act(i)), wait.push_back(c.wait[i]);
  const std::size_t n = act.size();
  std::vector<std::int64_t> base(byPair.size(), kUnset);
  const auto same = [](std::uint64_t key) { return key; };
  auto level = groupRows(n, c.nA * c.nA, [&](std::size_t i) { return act[i]; });
  if (!fill(base, byPair, level, twiceMedians(level, wait, buffer), same)) return base;
  level = groupRows(
      n, c.nA, [&](std::size_t i) { return act[i] % c.nA; }, std::move(level));
  const auto target = [&](std::uint64_t key) { return key % c.nA; };
  if (!fill(base, byPair, level, twiceMedians(level, wait, buffer), target)) return base;
  level = groupRows(
      n, 1, [](std::size_t) { return std::uint64_t{0}; }, std::move(level));
  const auto zero = [](std::uint64_t) { return std::uint64_t{0}; };
  if (!fill(base, byPair, level, twiceMedians(level, wait, buffer), zero)) return base;
  fill(base, byPair, byPair, twiceMedians(byPair, c.wait, buffer), same);
  return base;
}

/// Per group: the waits (grouped into `values`), excess in half microseconds (exact integer
/// sums), queue time and the handoffs with an assign event. One pass over the rows.
struct Sums {
  std::vector<std::int64_t> excess2, queue;
  std::vector<std::uint64_t> withQueue;
  Buffer<std::int64_t> values;
};

Sums sums(const RowGroups& g, const Columns& c, const RowGroups& byPair,
          const std::vector<std::int64_t>& base2, Buffer<std::int64_t>&& values) {
  values.resize(g.begin.back());
  Sums s{std::vector<std::int64_t>(g.size(), 0), std::vector<std::int64_t>(g.size(), 0),
         std::vector<std::uint64_t>(g.size(), 0), std::move(values)};
  std::vector<std::uint32_t> at(g.begin.begin(), g.begin.end() - 1);
  for (std::size_t i = 0; i < g.gid.size(); ++i) {
    const auto k = g.gid[i];
    if (k == kNoGroup) continue;
    s.values[at[k]++] = c.wait[i];
    s.excess2[k] += std::max<std::int64_t>(0, 2 * c.wait[i] - base2[byPair.gid[i]]);
    if (!c.anyQueue) continue;
    if (const auto q = c.queue(i); q >= 0) s.queue[k] += q, ++s.withQueue[k];
  }
  return s;
}

/// Groups ordered by excess delay, then count, then key (their order in `all`).
std::vector<HandoffGroup> ranked(std::vector<HandoffGroup>&& all) {
  struct Rank {
    double excess;
    std::uint64_t count;
    std::uint32_t index;
  };
  std::vector<Rank> ranks(all.size());
  for (std::uint32_t i = 0; i < all.size(); ++i)
    ranks[i] = {all[i].excessDelay, all[i].wait.count, i};
  std::sort(ranks.begin(), ranks.end(), [](const Rank& a, const Rank& b) {
    if (a.excess != b.excess) return a.excess > b.excess;
    if (a.count != b.count) return a.count > b.count;
    return a.index < b.index;
  });
  std::vector<HandoffGroup> out;
  out.reserve(all.size());
  for (const auto& r : ranks) out.push_back(all[r.index]);
  return out;
}

/// The buffers of a table, reused for the next one: fresh pages cost page faults.
struct Scratch {
  RowGroups groups;
  Buffer<std::int64_t> values;
};

/// The table of `g`: figures per group, computed in parallel and merged in key order;
/// `setKeys(key, group)` turns a group key back into ids.
template <class SetKeys>
std::vector<HandoffGroup> table(const RowGroups& g, Sums&& s, unsigned threads,
                                Buffer<std::int64_t>& scratch, SetKeys setKeys) {
  auto& values = s.values;  // each thread reorders only its own groups' ranges
  auto parts = parallelChunks<std::vector<HandoffGroup>>(
      0, g.size(), threads, [&](std::size_t begin, std::size_t end, auto& out) {
        for (std::size_t k = begin; k < end; ++k) {
          HandoffGroup h;
          setKeys(g.key[k], h);
          h.wait = summarize(values.data() + g.begin[k], values.data() + g.begin[k + 1]);
          h.excessDelay = static_cast<double>(s.excess2[k]) * 0.5 * kMicrosToSeconds;
          h.queue = static_cast<double>(s.queue[k]) * kMicrosToSeconds;
          h.withQueue = s.withQueue[k];
          out.push_back(h);
        }
      });
  scratch = std::move(s.values);
  std::vector<HandoffGroup> all;
  all.reserve(g.size());
  for (auto& p : parts) all.insert(all.end(), p.begin(), p.end());
  return ranked(std::move(all));
}

template <class SetKeys>
std::vector<HandoffGroup> table(const RowGroups& g, const Columns& c, const RowGroups& byPair,
                                const std::vector<std::int64_t>& base2, unsigned threads,
                                Buffer<std::int64_t>& scratch, SetKeys setKeys) {
  return table(g, sums(g, c, byPair, base2, std::move(scratch)), threads, scratch, setKeys);
}

/// The rows in sender order (a stable counting sort by `from`): each row's receiver and
/// activity-pair group, wait and queue time.
struct BySender {
  std::vector<std::uint32_t> begin;    // per sender + 1
  Buffer<std::uint64_t> receiverPair;  // receiver << 32 | activity-pair group
  Buffer<std::int64_t> wait, queue;    // queue: only when the log has assign events
};

void partitionBySender(const Columns& c, const RowGroups& byPair, BySender& t) {
  const std::size_t n = c.size();
  t.begin.assign(c.nP + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++t.begin[c.from[i] + 1];
  for (std::size_t p = 0; p < c.nP; ++p) t.begin[p + 1] += t.begin[p];
  std::vector<std::uint32_t> at(t.begin.begin(), t.begin.end() - 1);
  t.receiverPair.resize(n);
  t.wait.resize(n);
  t.queue.resize(c.anyQueue ? n : 0);
  for (std::size_t i = 0; i < n; ++i) {  // nP write streams: their lines stay in the cache
    const std::uint32_t j = at[c.from[i]]++;
    t.receiverPair[j] = std::uint64_t{c.to[i]} << 32 | byPair.gid[i];
    t.wait[j] = c.wait[i];
    if (c.anyQueue) t.queue[j] = c.queue(i);
  }
}

/// The person-pair groups and their sums: the same groups, values and sums as groupRows and
/// sums() over the keys from * nP + to, without their cost: a counting sort over nP² keys
/// (16 MB of counters at 2,000 people, beyond the L2 cache) misses the cache on every row of
/// every pass. Here the rows are partitioned by sender, then each sender's rows are grouped
/// by receiver with counters that stay in the cache. O(n + g log g) for g groups.
Sums personSums(const Columns& c, const RowGroups& byPair, const std::vector<std::int64_t>& base2,
                RowGroups& g, Buffer<std::int64_t>&& values) {
  BySender t;
  partitionBySender(c, byPair, t);
  g.gid.clear();  // not needed by table()
  g.key.clear();
  g.begin.clear();
  values.resize(c.size());
  Sums s{{}, {}, {}, std::move(values)};
  std::vector<std::uint32_t> count(c.nP, 0), at(c.nP), group(c.nP), receivers;
  for (std::uint32_t p = 0; p < c.nP; ++p) {
    const std::uint32_t first = t.begin[p], last = t.begin[p + 1];
    receivers.clear();
    for (std::uint32_t j = first; j < last; ++j) {
      const auto to = static_cast<std::uint32_t>(t.receiverPair[j] >> 32);
      if (count[to]++ == 0) receivers.push_back(to);
    }
    std::sort(receivers.begin(), receivers.end());  // groups in ascending key order
    std::uint32_t offset = first;
    for (const auto to : receivers) {
      group[to] = static_cast<std::uint32_t>(g.key.size());
      g.key.push_back(std::uint64_t{p} * c.nP + to);
      g.begin.push_back(offset);
      at[to] = offset;
      offset += count[to];
      count[to] = 0;
    }
    s.excess2.resize(g.key.size(), 0);
    s.queue.resize(g.key.size(), 0);
    s.withQueue.resize(g.key.size(), 0);
    for (std::uint32_t j = first; j < last; ++j) {
      const auto to = static_cast<std::uint32_t>(t.receiverPair[j] >> 32);
      const std::uint32_t k = group[to];
      const std::int64_t w = t.wait[j];
      s.values[at[to]++] = w;
      s.excess2[k] += std::max<std::int64_t>(0, 2 * w - base2[t.receiverPair[j] & 0xFFFFFFFFu]);
      if (c.anyQueue && t.queue[j] >= 0) s.queue[k] += t.queue[j], ++s.withQueue[k];
    }
  }
  g.begin.push_back(static_cast<std::uint32_t>(c.size()));
  return s;
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
                        HandoffResult& r) {
  const Columns c = columns(r.handoffs.columns(), d);
  const std::size_t n = c.size();
  const std::uint64_t nA = c.nA, nP = c.nP, nT = c.nT;
  const auto threads = options.threads;
  const auto byPair = groupRows(n, nA * nA, [&](std::size_t i) { return c.act(i); });
  const auto base2 = baselines(c, byPair);
  const auto setActivities = [&](std::uint64_t key, HandoffGroup& g) {
    g.fromActivity = d.activities.id(static_cast<std::uint32_t>(key / nA));
    g.toActivity = d.activities.id(static_cast<std::uint32_t>(key % nA));
  };
  const auto setTeams = [&](std::uint64_t key, HandoffGroup& g) {
    g.from = d.teams.id(static_cast<std::uint32_t>(key / nT));
    g.to = d.teams.id(static_cast<std::uint32_t>(key % nT));
  };
  Buffer<std::int64_t> values;
  r.byActivity = table(byPair, c, byPair, base2, threads, values, setActivities);
  // A pair whose first activity is unknown has no row (as the keys of handoffs/1 say).
  std::erase_if(r.byActivity, [](const HandoffGroup& g) { return g.fromActivity == kNone; });
  // The three remaining tables are independent: one task each, spread over the threads.
  parallelChunks<int>(0, 3, threads, [&](std::size_t begin, std::size_t end, int&) {
    Scratch t;
    for (std::size_t task = begin; task < end; ++task) {
      if (task == 0) {
        Sums s = personSums(c, byPair, base2, t.groups, std::move(t.values));
        r.byPerson =
            table(t.groups, std::move(s), 1, t.values, [&](std::uint64_t key, HandoffGroup& g) {
              g.from = d.people.id(static_cast<std::uint32_t>(key / nP));
              g.to = d.people.id(static_cast<std::uint32_t>(key % nP));
            });
      } else if (task == 1) {
        t.groups = groupRows(
            n, nT * nT, [&](std::size_t i) { return c.team(i); }, std::move(t.groups));
        r.byTeam = table(t.groups, c, byPair, base2, 1, t.values, setTeams);
      } else {
        t.groups = groupRows(
            n, nT * nT * nA * nA,
            [&](std::size_t i) {
              const auto team = c.team(i);
              return team == kSkipRow ? kSkipRow : team * nA * nA + c.act(i);
            },
            std::move(t.groups));
        r.byTeamActivity =
            table(t.groups, c, byPair, base2, 1, t.values, [&](std::uint64_t key, HandoffGroup& g) {
              setTeams(key / (nA * nA), g);
              setActivities(key % (nA * nA), g);
            });
      }
    }
  });
  for (const auto& g : r.byTeam)
    if (g.wait.count >= options.minCount) r.slowTeamPairs.push_back(g);
  r.waitsOnPerson = incoming(in.people, in.peopleMicros, d.people);
  r.waitsOnTeam = incoming(in.teams, in.teamsMicros, d.teams);
}

}  // namespace orglens::analysis::detail
