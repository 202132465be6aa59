// The person-pair table of the handoff analysis, and with it, where the blocks allow, the team
// and team × activity tables: one partition of the handoffs into blocks of whole sending teams.
// Internal to analysis/handoff_tables.cpp.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/handoff_ranking.h"
#include "analysis/handoff_table_parts.h"

namespace orglens::analysis::detail {

/// What receivers got, per dense person: the handoffs and their waits (µs), added up from the
/// person groups' sums ("everyone waits on"), not a handoff at a time in the scan.
struct Received {
  std::vector<std::uint64_t> count;
  std::vector<std::int64_t> micros;
  explicit Received(std::size_t people = 0) : count(people, 0), micros(people, 0) {}
  /// Integer sums: the same in any order.
  void add(const Received& o) {
    for (std::size_t p = 0; p < count.size(); ++p) count[p] += o.count[p], micros[p] += o.micros[p];
  }
};

struct PersonTables {
  /// The person-pair groups in block order (blocks of whole teams: not key order), and their
  /// places in `people` in (from, to) dense key order: rankedInPlace() takes both.
  std::vector<HandoffGroup> people;
  std::vector<std::uint32_t> keyOrder;
  /// Whether byTeam and byTeamActivity were filled (one part per block, in key order, not
  /// ranked); if not, the caller groups the team waits itself.
  bool teamTables = false;
  GroupParts byTeam, byTeamActivity;
  Received received;
};

/// How personTables() cuts its blocks. Tests change them (and put them back) to reach, on small
/// logs, what only big ones would: many blocks, teams cut for the code's sender field, and the
/// team tables left to the caller.
struct BlockLimits {
  /// A block's rows, about: blocks hold whole teams, a bigger team alone.
  std::uint64_t rows = std::uint64_t{1} << 18;
  /// A block's people at most: a team with more is cut (and its team tables left to the caller).
  std::uint64_t senders = ~std::uint64_t{0};
  /// false: the team tables are always left to the caller.
  bool teamTables = true;
};
inline BlockLimits& blockLimits() {
  static BlockLimits limits;
  return limits;
}

/// The person-pair groups, and the team tables where the blocks allow (blockLimits()). The
/// handoffs are partitioned into blocks of senders, whole teams to a block: each block is then
/// ordered by sender in the cache, each sender's rows grouped by receiver and each team's rows
/// by (receiving team, activity pair), with each group's figures computed right away. Blocks in
/// parallel; the result does not depend on the thread count. The blocks' waits borrow `spare`
/// (a buffer done with); their 32-bit codes are left in `codes` (a key cache for the caller's
/// team grouping).
PersonTables personTables(const HandoffColumns& c, const ActivityPairs& pairs, const HandoffDims& d,
                          unsigned threads, Buffer<std::int64_t>& spare,
                          Buffer<std::uint32_t>& codes);

}  // namespace orglens::analysis::detail
