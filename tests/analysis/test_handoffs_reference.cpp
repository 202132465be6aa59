// The fast handoff and flow passes against plain reference implementations
// (tests/analysis/reference_handoffs.h) on varied generated logs: every figure must be equal,
// for any thread count (tests/analysis/same_results.h compares them).
#include <catch2/catch.hpp>
#include <initializer_list>
#include <map>
#include <utility>

#include "analysis/handoff_people.h"
#include "tests/analysis/reference_handoffs.h"
#include "tests/analysis/same_results.h"

using namespace orglens;
using test::kNone;

namespace {

void checkHandoffsOn(const model::EventLog& log, unsigned threads) {
  model::NoProgress progress;
  analysis::HandoffOptions options;
  options.threads = threads;
  const auto r = analysis::findHandoffs(log, options, progress);
  std::uint64_t instances = 0;
  const auto hs = test::referenceHandoffs(log, instances);
  CHECK(r.instances == instances);
  REQUIRE(r.handoffs.size() == hs.size());
  for (std::size_t i = 0; i < hs.size(); ++i) {
    const auto &a = r.handoffs[i], &b = hs[i];
    REQUIRE((a.item == b.item && a.from == b.from && a.to == b.to && a.fromTeam == b.fromTeam &&
             a.toTeam == b.toTeam && a.fromActivity == b.fromActivity &&
             a.toActivity == b.toActivity && a.waitMicros == b.waitMicros &&
             a.queueMicros == b.queueMicros));
  }
  const auto base2 = test::referenceBaselines(hs);
  using H = analysis::Handoff;
  using K = std::optional<test::Key>;
  test::checkSameGroups(r.byPerson, test::referenceTable(hs, base2, [](const H& h) {
                          return K{{h.from, h.to, kNone, kNone}};
                        }));
  const auto byTeam = test::referenceTable(hs, base2, [](const H& h) {
    return h.fromTeam == kNone || h.toTeam == kNone ? K{} : K{{h.fromTeam, h.toTeam, kNone, kNone}};
  });
  test::checkSameGroups(r.byTeam, byTeam);
  test::checkSameGroups(r.byActivity, test::referenceTable(hs, base2, [](const H& h) {
                          return K{{kNone, kNone, h.fromActivity, h.toActivity}};
                        }));
  test::checkSameGroups(r.byTeamActivity, test::referenceTable(hs, base2, [](const H& h) {
                          return h.fromTeam == kNone || h.toTeam == kNone
                                     ? K{}
                                     : K{{h.fromTeam, h.toTeam, h.fromActivity, h.toActivity}};
                        }));
  std::vector<analysis::HandoffGroup> slow;
  for (const auto& g : byTeam)
    if (g.wait.count >= options.minCount) slow.push_back(g);
  test::checkSameGroups(r.slowTeamPairs, slow);
  const auto patterns = test::referencePatterns(log);
  CHECK(r.items == patterns.items);
  REQUIRE(r.rework.size() == patterns.rework.size());
  for (const auto& w : r.rework) {
    INFO("rework of activity " << w.activity);
    CHECK(std::pair(w.repeats, w.redos) == patterns.rework.at(w.activity));
  }
  REQUIRE(r.pingPong.size() == patterns.pingPong.size());
  for (const auto& p : r.pingPong) CHECK(p.count == patterns.pingPong.at({p.a, p.b}));
  // Everyone waits on: handoffs received and their waits, per person and per known team.
  std::map<std::uint32_t, std::pair<std::uint64_t, std::int64_t>> person, team;
  for (const auto& h : hs) {
    auto& [n, micros] = person[h.to];
    ++n, micros += h.waitMicros;
    if (h.toTeam == kNone) continue;
    auto& [tn, tmicros] = team[h.toTeam];
    ++tn, tmicros += h.waitMicros;
  }
  for (const auto& [got, want] :
       {std::pair{&r.waitsOnPerson, &person}, std::pair{&r.waitsOnTeam, &team}}) {
    REQUIRE(got->size() == want->size());
    for (const auto& w : *got) {
      const auto& [n, micros] = want->at(w.who);
      CHECK(w.handoffs == n);
      CHECK(w.totalWait == static_cast<double>(micros) * analysis::kMicrosToSeconds);
    }
  }
}

/// checkHandoffsOn() with each of the thread counts.
void checkHandoffs(const model::EventLog& log, std::initializer_list<unsigned> threadCounts) {
  for (const unsigned threads : threadCounts) {
    INFO("threads " << threads);
    checkHandoffsOn(log, threads);
  }
}

void checkFlow(const model::EventLog& log, unsigned threads) {
  model::NoProgress progress;
  analysis::FlowOptions options;
  options.threads = threads;
  const auto r = analysis::analyseFlow(log, options, progress);
  test::checkSameFlow(r, test::referenceFlow(log, options.topVariants));
}

}  // namespace

TEST_CASE("Handoff tables equal a plain reference implementation on varied logs",
          "[analysis][handoffs]") {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    // 3,000 items: groups large enough for the selection paths, not only the small sorts. 40
    // people and 9 activities: the handoff list packs each row's people and pair in 32 bits.
    const auto log = test::variedLog(seed, seed == 3 ? 30'000 : 3'000);
    model::NoProgress progress;
    REQUIRE(analysis::findHandoffs(log, {}, progress).handoffs.columns().packed);
    INFO("seed " << seed);
    checkHandoffs(log, {1, 2, 5});
  }
}

TEST_CASE("Handoff tables equal the reference when only some activity pairs occur",
          "[analysis][handoffs]") {
  // 120 activities: of 14,400 pairs a few thousand occur, so a pair's number among those that
  // occur differs from its key (the team tables group by that number).
  const auto log = test::variedLog(7, 3'000, 120);
  checkHandoffs(log, {1, 2});
}

TEST_CASE("Handoff tables equal the reference with tens of thousands of person pairs",
          "[analysis][handoffs]") {
  // 250 people: ~50,000 person pairs, enough for the radix sort that ranks big tables, many of
  // them with equal excess delays (ties broken by count, then key).
  const auto log = test::variedLog(11, 30'000, 9, 250);
  model::NoProgress progress;
  REQUIRE(analysis::findHandoffs(log, {}, progress).byPerson.size() > 20'000);
  checkHandoffs(log, {2});
}

TEST_CASE("Handoff tables equal the reference when a row's fields need more than 32 bits",
          "[analysis][handoffs]") {
  // 2,000 people (11 bits for a receiver, as many for a sender within its block of so few rows)
  // and thousands of the 14,400 activity pairs (14 bits): the person table packs its rows into
  // 64-bit codes, and the handoff list keeps people and pairs in columns of their own.
  const auto log = test::variedLog(13, 3'000, 120, 2'000);
  model::NoProgress progress;
  REQUIRE_FALSE(analysis::findHandoffs(log, {}, progress).handoffs.columns().packed);
  checkHandoffs(log, {1, 2});
}

TEST_CASE("Handoff tables equal the reference with more than 65,535 activities",
          "[analysis][handoffs]") {
  // 100,000 activities, of which ~89,000 occur: activity pairs past 32 bits, so the handoff
  // list keeps the two activities in two columns, which the threads' chunks join side by side.
  const auto log = test::variedLog(17, 40'000, 100'000);
  model::NoProgress progress;
  REQUIRE(analysis::findHandoffs(log, {}, progress).handoffs.columns().wide);
  checkHandoffs(log, {1, 3});
}

TEST_CASE("Handoff tables equal the reference however the person table cuts its blocks",
          "[analysis][handoffs]") {
  // Small limits reach on a small log what only big ones would: many blocks of whole teams (each
  // building its teams' tables), teams cut for the code's sender field (the team tables then
  // come from a grouping of their own), and that grouping on its own. The log's people are in
  // teams by id modulo 5, so a block's senders are not in id order: the person table is ranked
  // by key all the same.
  using analysis::detail::BlockLimits;
  struct Restore {
    BlockLimits saved = analysis::detail::blockLimits();
    ~Restore() { analysis::detail::blockLimits() = saved; }
  } restore;
  const auto log = test::variedLog(19, 3'000);
  const std::pair<const char*, BlockLimits> cases[] = {
      {"blocks of about 500 rows", {500, ~std::uint64_t{0}, true}},
      {"at most 3 senders a block", {500, 3, true}},
      {"the team tables by their own grouping", {std::uint64_t{1} << 18, ~std::uint64_t{0}, false}},
  };
  for (const auto& [name, limits] : cases) {
    analysis::detail::blockLimits() = limits;
    INFO(name);
    checkHandoffs(log, {1, 3});
  }
}

TEST_CASE("Flow figures equal a plain reference implementation on varied logs",
          "[analysis][flow]") {
  for (const std::uint64_t seed : {4u, 5u}) {
    const auto log = test::variedLog(seed, seed == 5 ? 30'000 : 3'000);
    for (const unsigned threads : {1u, 2u, 5u}) {
      INFO("seed " << seed << ", threads " << threads);
      checkFlow(log, threads);
    }
  }
}

TEST_CASE("Flow variants equal the reference when some are too long for a key",
          "[analysis][flow]") {
  // 30 activities: a variant of up to 24 is counted as a key (VariantCodes), a longer one in the
  // table (VariantTable); items of up to 39 instances have both kinds, and every variant is
  // asked for, so that the list merged from both is compared whole, ties included.
  const auto log = test::variedLog(23, 3'000, 30, 40, 40);
  model::NoProgress progress;
  analysis::FlowOptions options;
  options.topVariants = 100'000;
  std::size_t longest = 0;
  for (const auto& v : analysis::analyseFlow(log, options, progress).topVariants)
    longest = std::max(longest, v.activities.size());
  REQUIRE(longest > 24);
  for (const unsigned threads : {1u, 2u, 5u}) {
    INFO("threads " << threads);
    options.threads = threads;
    test::checkSameFlow(analysis::analyseFlow(log, options, progress),
                        test::referenceFlow(log, options.topVariants));
  }
}

TEST_CASE("Flow figures equal the reference on completions only, and with lifecycles late",
          "[analysis][flow]") {
  // Completions only: each item's service time is 0 and its waiting time its throughput, which
  // the pass does not store item by item. Then the same log with lifecycles in its last items
  // only: the items before get their service and waiting times filled in, in whichever chunk.
  auto log = test::variedLog(6, 3'000);
  auto completionsOnly = log;
  for (auto& l : completionsOnly.lifecycle) l = model::Lifecycle::Complete;
  auto lateLifecycle = log;
  const std::size_t lastItems = log.itemBegin[log.itemCount() - 20];
  for (std::size_t e = 0; e < lastItems; ++e)
    lateLifecycle.lifecycle[e] = model::Lifecycle::Complete;
  for (const unsigned threads : {1u, 2u, 5u}) {
    INFO("threads " << threads);
    checkFlow(completionsOnly, threads);
    checkFlow(lateLifecycle, threads);
  }
  model::NoProgress progress;
  const auto r = analysis::analyseFlow(completionsOnly, {}, progress);
  CHECK_FALSE(r.hasLifecycle);
  CHECK(r.serviceTime.count == r.throughput.count);
  CHECK(r.serviceTime.max == 0);
  CHECK(analysis::analyseFlow(lateLifecycle, {}, progress).serviceTime.max > 0);
}
