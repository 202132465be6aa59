#include "analysis/handoff_people.h"

#include <algorithm>
#include <bit>
#include <iterator>
#include <new>
#include <type_traits>
#include <utility>

#include "analysis/parallel.h"

namespace orglens::analysis::detail {
namespace {

/// A row of a sender block is packed into one integer (RowLayout): its sender within the block,
/// its receiver and its activity pair (an index into ActivityPairs). 12 bytes a row with the wait
/// where 32 bits hold them (10 M events: 2,000 people, 119 pairs, ~100 senders a block), 16
/// otherwise: less to write, read and fault in than separate columns.

/// (Receiving team, activity pair) counters a thread holds for the team tables at most; more:
/// the caller groups the team waits.
constexpr std::uint64_t kMaxTeamKeys = std::uint64_t{1} << 20;

/// The senders in block order: people by (team, dense id), people without a team last, in blocks
/// of whole teams of about blockLimits().rows rows (a bigger team alone). Only when a team has more
/// people than the code's sender field holds are blocks cut inside it (teamAligned false).
struct SenderPlan {
  std::vector<std::uint32_t> person;            // by position: dense person
  std::vector<std::uint32_t> blockStart;        // per block + 1: its first position
  std::vector<std::uint32_t> blockOf, localOf;  // per dense person: block, position in it
  bool teamAligned = true;
  std::size_t blocks() const { return blockStart.size() - 1; }
};

SenderPlan planSenders(const HandoffColumns& c, const std::vector<std::uint64_t>& rowsOf,
                       std::uint64_t maxSenders) {
  SenderPlan plan;
  const auto nP = static_cast<std::uint32_t>(c.nP);
  const auto slot = [&](std::uint32_t p) {  // the team, people without one last
    const std::uint32_t t = c.teamOf[p];
    return t == kNoTeam ? static_cast<std::uint32_t>(c.nT) : t;
  };
  std::vector<std::uint32_t> next(c.nT + 2, 0);
  for (std::uint32_t p = 0; p < nP; ++p) ++next[slot(p) + 1];
  for (std::size_t t = 1; t < next.size(); ++t) next[t] += next[t - 1];
  plan.person.resize(nP);
  for (std::uint32_t p = 0; p < nP; ++p) plan.person[next[slot(p)]++] = p;
  plan.blockStart = {0};
  std::uint64_t rows = 0;  // in the open block
  for (std::uint32_t a = 0; a < nP;) {
    std::uint32_t b = a;
    std::uint64_t teamRows = 0;
    while (b < nP && slot(plan.person[b]) == slot(plan.person[a]))
      teamRows += rowsOf[plan.person[b++]];
    const std::uint32_t open = plan.blockStart.back();
    if (a > open && (rows + teamRows > blockLimits().rows || b - open > maxSenders)) {
      plan.blockStart.push_back(a);
      rows = 0;
    }
    while (b - plan.blockStart.back() > maxSenders) {  // a team too big for the sender field
      plan.blockStart.push_back(static_cast<std::uint32_t>(plan.blockStart.back() + maxSenders));
      plan.teamAligned = false;
      rows = 0;
    }
    rows += teamRows;
    a = b;
  }
  if (nP > 0) plan.blockStart.push_back(nP);
  plan.blockOf.resize(nP);
  plan.localOf.resize(nP);
  for (std::uint32_t k = 0; k < plan.blocks(); ++k)
    for (std::uint32_t at = plan.blockStart[k]; at < plan.blockStart[k + 1]; ++at) {
      plan.blockOf[plan.person[at]] = k;
      plan.localOf[plan.person[at]] = at - plan.blockStart[k];
    }
  return plan;
}

/// The rows partitioned into the plan's blocks (a stable counting sort by block): few write
/// streams, so that their pages stay in the TLB (one stream per sender, 2,000 of them, missed it
/// on every row), and blocks small enough to be ordered by sender in the cache afterwards. Each
/// row's code (RowLayout), wait and queue time.
template <class Code>
struct SenderBlocks {
  RowLayout layout;
  std::vector<std::uint32_t> begin;  // per block + 1
  Buffer<Code> code;
  Buffer<std::int64_t> wait, queue;  // queue: only when the log has assign events
  std::size_t size() const { return begin.size() - 1; }
};

/// Rows are partitioned by `ranges` workers, each over its own contiguous range of rows, from its
/// own offset inside each block (its rows per person, `perPerson[r * nP + p]`, were counted), so
/// that a block holds its rows in row order whatever the number of workers.
template <class Code>
void partition(const HandoffColumns& c, const ActivityPairs& pairs, const SenderPlan& plan,
               const std::vector<std::uint32_t>& perPerson, unsigned ranges,
               SenderBlocks<Code>& t) {
  const std::size_t n = c.size(), blocks = plan.blocks();
  const auto rangeBegin = [&](unsigned r) { return n * r / ranges; };
  // at[r * blocks + b]: the next row of range r in block b (first its count).
  std::vector<std::uint32_t> at(std::size_t{ranges} * blocks, 0);
  for (unsigned r = 0; r < ranges; ++r)
    for (std::uint32_t p = 0; p < c.nP; ++p)
      at[r * blocks + plan.blockOf[p]] += perPerson[r * c.nP + p];
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
  populate(t.code, 0, n);  // the waits' buffer is borrowed, already backed
  populate(t.queue, 0, t.queue.size());
  const RowLayout layout = t.layout;  // a local: the stores below cannot change it
  withRows(c, [&](const auto& rows) {
    parallelChunks<int>(0, ranges, ranges, [&](std::size_t first, std::size_t last, int&) {
      for (std::size_t r = first; r < last; ++r) {
        std::uint32_t* next = at.data() + r * blocks;
        const auto row = rows;  // a local copy: the stores below cannot change what it reads
        const std::size_t end = rangeBegin(static_cast<unsigned>(r + 1));
        for (std::size_t i = rangeBegin(static_cast<unsigned>(r)); i < end; ++i) {
          const std::uint32_t from = row.from(i);
          const std::uint32_t j = next[plan.blockOf[from]]++;
          t.code[j] =
              layout.template pack<Code>(plan.localOf[from], row.to(i), pairs.indexOf(row.act(i)));
          t.wait[j] = c.wait[i];
          if (c.anyQueue) t.queue[j] = c.queue(i);
        }
      }
    });
  });
}

/// Per-thread buffers of the block pass, reused from block to block.
template <class Code>
struct Scratch {
  Scratch(std::size_t people, std::size_t teamKeys)
      : count(people, 0), at(people), group(people), teamCount(teamKeys, 0), teamAt(teamKeys) {}
  std::vector<std::uint32_t> count, at, group, receivers, groupBegin, senderBegin;
  std::vector<ExactMicros> excess2;
  std::vector<Queue> queue;
  Buffer<Code> code;  // the block's rows in sender order
  Buffer<std::int64_t> wait, queueTime, values;
  std::vector<std::uint32_t> teamCount, teamAt, teamKeys, teamBegin, rowKey;
  Buffer<std::int64_t> teamValues, teamQueue;
};

/// What a block yields when the team tables are built here: its teams' groups (in key order).
/// Its person groups go into its thread's vector.
struct BlockOut {
  std::vector<HandoffGroup> teams, teamActivities;
};

/// Room in `groups` for the person groups of `rows` rows from `senders` senders to `people`
/// people, at most: virtual memory only (one group a row, or one a sender and receiver), so
/// that the vector does not grow by copies into fresh pages (a block's 1.5 MB of groups took
/// 2.9 MB and 1.4 MB of copies), and the groups of all blocks end up in one vector that the
/// ranking orders in place (no fresh 40 MB for a copy in rank order). Where the memory cannot
/// be reserved, the vector grows as it must.
void reserveGroups(std::vector<HandoffGroup>& groups, std::uint64_t rows, std::uint64_t senders,
                   std::uint64_t people) {
  const std::uint64_t most = std::min(rows, senders * people);
  try {
    if (most <= groups.max_size()) groups.reserve(static_cast<std::size_t>(most));
    adviseHuge(groups.data(), groups.capacity() * sizeof(HandoffGroup));
  } catch (const std::bad_alloc&) {
  }
}

/// The block's rows [first, last) of `t` in sender order into s.code, s.wait and s.queueTime;
/// s.senderBegin[k] is where the block's k-th sender starts.
template <class Code>
void orderBySender(const SenderBlocks<Code>& t, std::size_t first, std::size_t last,
                   std::uint32_t senders, Scratch<Code>& s) {
  const RowLayout layout = t.layout;  // a local: the stores below cannot change it
  s.senderBegin.assign(senders + 1, 0);
  for (std::size_t j = first; j < last; ++j) ++s.senderBegin[layout.sender(t.code[j]) + 1];
  for (std::uint32_t k = 0; k < senders; ++k) s.senderBegin[k + 1] += s.senderBegin[k];
  std::vector<std::uint32_t>& at = s.groupBegin;  // free until the senders are grouped
  at.assign(s.senderBegin.begin(), s.senderBegin.end() - 1);
  s.code.resize(last - first);
  s.wait.resize(last - first);
  s.queueTime.resize(t.queue.empty() ? 0 : last - first);
  for (std::size_t j = first; j < last; ++j) {
    const std::uint32_t to = at[layout.sender(t.code[j])]++;
    s.code[to] = t.code[j];
    s.wait[to] = t.wait[j];
    if (!t.queue.empty()) s.queueTime[to] = t.queue[j];
  }
}

/// The slots of a counting sort over the keys that occur (`keys`, each counted in `count`):
/// sorts `keys` (groups in ascending key order), sets each one's first slot in `at` and its
/// start in `begin` (and the end after the last), calls onKey(k, key) for the k-th, and leaves
/// its count at 0 for the next use. Returns the rows counted. Where the keys are many for their
/// space (a sender's ~200 receivers of 2,000 people), they come in order from a walk over the
/// counts instead of a sort (0.01 s less for 10 M events).
template <class OnKey>
std::uint32_t slotsOf(std::vector<std::uint32_t>& keys, std::vector<std::uint32_t>& count,
                      std::vector<std::uint32_t>& at, std::vector<std::uint32_t>& begin,
                      OnKey onKey) {
  if (count.size() <= 4 * keys.size() * static_cast<std::size_t>(std::bit_width(keys.size()))) {
    keys.clear();
    for (std::uint32_t key = 0; key < count.size(); ++key)
      if (count[key] != 0) keys.push_back(key);
  } else {
    std::sort(keys.begin(), keys.end());
  }
  begin.clear();
  std::uint32_t offset = 0;
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const std::uint32_t key = keys[k];
    onKey(k, key);
    begin.push_back(offset);
    at[key] = offset;
    offset += count[key];
    count[key] = 0;
  }
  begin.push_back(offset);
  return offset;
}

/// The groups of sender p, whose rows are [first, last) of the scratch's ordered rows, in
/// ascending receiver order, appended to `out`; each group's count and sum added to its receiver's
/// in `received`.
template <class Code>
void senderGroups(const HandoffColumns& c, const ActivityPairs& pairs, const HandoffDims& d,
                  RowLayout layout, std::uint32_t p, std::uint32_t first, std::uint32_t last,
                  Scratch<Code>& s, std::vector<HandoffGroup>& out, Received& received) {
  s.receivers.clear();
  for (std::uint32_t j = first; j < last; ++j) {
    const auto to = layout.receiver(s.code[j]);
    if (s.count[to]++ == 0) s.receivers.push_back(to);
  }
  const std::uint32_t rows = slotsOf(s.receivers, s.count, s.at, s.groupBegin,
                                     [&](std::uint32_t k, std::uint32_t to) { s.group[to] = k; });
  s.values.resize(rows);
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
    Totals totals;
    out.push_back(groupOf(s.values.data() + s.groupBegin[k], s.values.data() + s.groupBegin[k + 1],
                          s.excess2[k], s.queue[k], totals));
    const std::uint32_t to = s.receivers[k];
    out.back().from = d.people.id(p);
    out.back().to = d.people.id(to);
    received.count[to] += s.groupBegin[k + 1] - s.groupBegin[k];
    received.micros[to] += static_cast<std::int64_t>(totals.total);
  }
}

/// The team-pair and team-pair × activity-pair groups of sending team `fromTeam`, whose rows are
/// [first, last) of the scratch's ordered rows, appended to `out` in key order: the rows grouped
/// by (receiving team, activity pair), leaving out receivers without a team, and the groups'
/// figures by teamPairGroups().
template <class Code>
void teamGroups(const HandoffColumns& c, const ActivityPairs& pairs, const HandoffDims& d,
                RowLayout layout, std::uint32_t fromTeam, std::uint32_t first, std::uint32_t last,
                Scratch<Code>& s, BlockOut& out) {
  const auto nPairs = static_cast<std::uint32_t>(std::max<std::size_t>(1, pairs.size()));
  s.teamKeys.clear();
  s.rowKey.resize(last - first);  // each row's key, kNoGroup for a receiver without a team
  for (std::uint32_t j = first; j < last; ++j) {
    const std::uint32_t team = c.teamOf[layout.receiver(s.code[j])];
    const std::uint32_t key = team == kNoTeam ? kNoGroup : team * nPairs + layout.pair(s.code[j]);
    s.rowKey[j - first] = key;
    if (key != kNoGroup && s.teamCount[key]++ == 0) s.teamKeys.push_back(key);
  }
  const std::uint32_t rows =
      slotsOf(s.teamKeys, s.teamCount, s.teamAt, s.teamBegin, [](std::uint32_t, std::uint32_t) {});
  s.teamValues.resize(rows);
  s.teamQueue.resize(c.anyQueue ? rows : 0);
  for (std::uint32_t j = first; j < last; ++j) {
    const std::uint32_t key = s.rowKey[j - first];
    if (key == kNoGroup) continue;
    const std::uint32_t at = s.teamAt[key]++;
    s.teamValues[at] = s.wait[j];
    if (c.anyQueue) s.teamQueue[at] = s.queueTime[j];
  }
  teamPairGroups(
      pairs, d.activities, s.teamKeys.data(), s.teamBegin.data(), 0, s.teamKeys.size(),
      s.teamValues.data(), c.anyQueue ? s.teamQueue.data() : nullptr,
      [&](std::uint64_t toTeam, HandoffGroup& g) {
        g.from = d.teams.id(fromTeam);
        g.to = d.teams.id(static_cast<std::uint32_t>(toTeam));
      },
      out.teams, out.teamActivities);
}

/// personTables() with rows packed into `Code`; t.layout set.
template <class Code>
PersonTables tablesOf(const HandoffColumns& c, const ActivityPairs& pairs, const HandoffDims& d,
                      unsigned threads, const SenderPlan& plan,
                      const std::vector<std::uint32_t>& perPerson, unsigned ranges, bool teams,
                      SenderBlocks<Code>& t) {
  partition(c, pairs, plan, perPerson, ranges, t);
  const std::size_t teamKeys = teams ? c.nT * std::max<std::size_t>(1, pairs.size()) : 0;
  // Per sender: its first group in its part's vector, and how many.
  std::vector<std::uint32_t> senderFirst(c.nP, 0), senderGroupCount(c.nP, 0);
  struct Part {
    std::size_t firstBlock = 0;
    std::vector<HandoffGroup> people;  // by block, sender, receiver
    std::vector<BlockOut> blocks;
    Received received;
  };
  auto parts = parallelChunksByWork<Part>(
      0, t.size(), threads, [&](std::size_t b) { return t.begin[b]; },
      [&](std::size_t begin, std::size_t end, Part& out) {
        out.firstBlock = begin;
        // The first part's vector takes the others' groups too (tablesOf() joins them): room
        // for all blocks' groups, so that the join appends without moving it.
        const std::size_t last = begin == 0 ? t.size() : end;
        reserveGroups(out.people, t.begin[last] - t.begin[begin],
                      plan.blockStart[last] - plan.blockStart[begin], c.nP);
        Scratch<Code> s(c.nP, teamKeys);
        out.received = Received(c.nP);
        for (std::size_t b = begin; b < end; ++b) {
          const std::uint32_t firstAt = plan.blockStart[b],
                              senders = plan.blockStart[b + 1] - firstAt;
          orderBySender(t, t.begin[b], t.begin[b + 1], senders, s);
          auto& block = out.blocks.emplace_back();
          for (std::uint32_t k = 0; k < senders; ++k) {
            const std::uint32_t p = plan.person[firstAt + k];
            senderFirst[p] = static_cast<std::uint32_t>(out.people.size());
            senderGroups(c, pairs, d, t.layout, p, s.senderBegin[k], s.senderBegin[k + 1], s,
                         out.people, out.received);
            senderGroupCount[p] = static_cast<std::uint32_t>(out.people.size()) - senderFirst[p];
          }
          if (!teams) continue;
          for (std::uint32_t k = 0; k < senders;) {  // each team's senders are consecutive
            const std::uint32_t team = c.teamOf[plan.person[firstAt + k]];
            std::uint32_t e = k + 1;
            while (e < senders && c.teamOf[plan.person[firstAt + e]] == team) ++e;
            if (team != kNoTeam)
              teamGroups(c, pairs, d, t.layout, team, s.senderBegin[k], s.senderBegin[e], s, block);
            k = e;
          }
        }
      });
  PersonTables out;
  out.teamTables = teams;
  // The parts joined in block order into the first part's vector (one thread: no copy; more:
  // the others' groups appended into its room), each part's place in it by its first block.
  std::vector<std::pair<std::size_t, std::uint32_t>> partAt;  // (first block, first group)
  out.received = Received(c.nP);
  for (auto& part : parts) {
    if (part.received.count.size() == c.nP) out.received.add(part.received);
    partAt.emplace_back(part.firstBlock, static_cast<std::uint32_t>(out.people.size()));
    if (out.people.empty())
      out.people = std::move(part.people);
    else
      out.people.insert(out.people.end(), part.people.begin(), part.people.end());
    for (auto& block : part.blocks) {
      out.byTeam.push_back(std::move(block.teams));
      out.byTeamActivity.push_back(std::move(block.teamActivities));
    }
  }
  out.keyOrder.reserve(out.people.size());
  for (std::uint32_t p = 0; p < c.nP; ++p) {
    const auto part = std::upper_bound(partAt.begin(), partAt.end(),
                                       std::pair<std::size_t, std::uint32_t>(plan.blockOf[p], ~0u));
    const std::uint32_t first = std::prev(part)->second + senderFirst[p];
    for (std::uint32_t k = 0; k < senderGroupCount[p]; ++k) out.keyOrder.push_back(first + k);
  }
  return out;
}

}  // namespace

PersonTables personTables(const HandoffColumns& c, const ActivityPairs& pairs, const HandoffDims& d,
                          unsigned threads, Buffer<std::int64_t>& spare,
                          Buffer<std::uint32_t>& codes) {
  const std::size_t n = c.size();
  const unsigned ranges = threadCount(threads, n);
  const auto rangeBegin = [&](unsigned r) { return n * r / ranges; };
  // perPerson[r * nP + p]: the rows range r has from sender p.
  std::vector<std::uint32_t> perPerson(std::size_t{ranges} * c.nP, 0);
  withRows(c, [&](const auto& rows) {
    parallelChunks<int>(0, ranges, ranges, [&](std::size_t first, std::size_t last, int&) {
      for (std::size_t r = first; r < last; ++r) {
        std::uint32_t* count = perPerson.data() + r * c.nP;
        const auto row = rows;  // a local copy, as in partition()
        const std::size_t end = rangeBegin(static_cast<unsigned>(r + 1));
        for (std::size_t i = rangeBegin(static_cast<unsigned>(r)); i < end; ++i)
          ++count[row.from(i)];
      }
    });
  });
  std::vector<std::uint64_t> rowsOf(c.nP, 0);
  for (unsigned r = 0; r < ranges; ++r)
    for (std::uint32_t p = 0; p < c.nP; ++p) rowsOf[p] += perPerson[r * c.nP + p];
  const RowLayout layout{bitsFor(pairs.size()), bitsFor(c.nP)};
  const int room = 64 - layout.senderShift();
  const std::uint64_t maxSenders = std::max<std::uint64_t>(
      1, std::min(blockLimits().senders,
                  room >= 32 ? std::uint64_t{1} << 32 : std::uint64_t{1} << room));
  const SenderPlan plan = planSenders(c, rowsOf, maxSenders);
  std::uint64_t mostSenders = 1;
  for (std::size_t b = 0; b < plan.blocks(); ++b)
    mostSenders = std::max<std::uint64_t>(mostSenders, plan.blockStart[b + 1] - plan.blockStart[b]);
  const bool teams = plan.teamAligned && blockLimits().teamTables && c.nT > 0 &&
                     c.nT * std::max<std::size_t>(1, pairs.size()) <= kMaxTeamKeys;
  const auto run = [&](auto t) {
    t.layout = layout;
    t.wait.swap(spare);  // pages already faulted in: no fresh ones
    PersonTables out = tablesOf(c, pairs, d, threads, plan, perPerson, ranges, teams, t);
    t.wait.swap(spare);
    if constexpr (std::is_same_v<decltype(t.code), Buffer<std::uint32_t>>) t.code.swap(codes);
    return out;
  };
  if (layout.senderShift() + bitsFor(mostSenders) <= 32) return run(SenderBlocks<std::uint32_t>{});
  return run(SenderBlocks<std::uint64_t>{});
}

}  // namespace orglens::analysis::detail
