// Champions, under-used tools and work moving into the tools on hand-built inputs: every figure
// below is computed by hand in the comments; the last test checks the shift on a larger random
// log against a plain reference computation, for several thread counts.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <tuple>

#include "analysis/adoption_champions.h"
#include "analysis/adoption_tools.h"
#include "analysis/graph.h"
#include "model/time_format.h"

using namespace orglens;
using analysis::Segment;

namespace {

model::MicrosUtc at(std::int64_t day, int hour = 12, int second = 0) {
  return (day * 86400 + hour * 3600 + second) * 1'000'000;
}

std::uint32_t addPerson(model::AdoptionLog& log, const std::string& key,
                        const std::string& department = "D", std::uint32_t object = 0) {
  model::AdoptionPerson p;
  p.key = key;
  p.department = department;
  p.object = object;
  log.people.push_back(p);
  return static_cast<std::uint32_t>(log.people.size() - 1);
}

}  // namespace

TEST_CASE("Adoption champions: network figures from a graph and messages", "[analysis][adoption]") {
  // Objects 0..3: 0 and 1 in team 10, 2 in team 11, 3 without a team. Path 0-1-2-3.
  model::AdoptionLog log;
  for (std::uint32_t o = 0; o < 4; ++o) addPerson(log, "p" + std::to_string(o), "D", o);
  model::EventLog events;
  events.teamOf = {10, 10, 11, model::EventLog::kNone};
  analysis::CollaborationGraph cg;
  cg.graph = analysis::buildGraph(4, {{0, 1}, {1, 2}, {2, 3}});
  cg.person = {0, 1, 2, 3};
  cg.team = events.teamOf;
  analysis::BetweennessResult b;
  b.raw = {0, 2, 2, 0};  // node 1 lies on {0,2}, {0,3}; node 2 on {0,3}, {1,3}
  model::InteractionLog messages;
  // 0 -> 2 crosses teams; 0 -> 1 stays inside; 3 -> 2 does not count (3 has no team).
  messages.sender = {0, 0, 3};
  messages.recipient = {2, 1, 2};
  messages.eventId = {1, 2, 3};
  messages.time = {0, 0, 0};
  messages.recipientCount = {1, 1, 1};
  const auto n = analysis::championNetwork(log, cg, b, messages, events);
  CHECK(n.useBetweenness);
  CHECK(n.crossTeamTies == std::vector<std::uint32_t>{0, 1, 1, 0});  // only the tie 1-2
  CHECK(n.betweenness == std::vector<double>{0, 2, 2, 0});
  CHECK(n.crossTeamInteractions == std::vector<std::uint64_t>{1, 0, 1, 0});
  // No ties: the fallback.
  cg.graph = analysis::buildGraph(4, {});
  CHECK_FALSE(analysis::championNetwork(log, cg, b, messages, events).useBetweenness);
}

TEST_CASE("Adoption champions qualify by segment, recent activity and cross-team ties",
          "[analysis][adoption]") {
  model::AdoptionLog log;
  for (const char* k : {"a", "b", "c", "d", "e", "f"}) addPerson(log, k, "Sales");
  log.people[5].department = "Ops";
  analysis::AdoptionResult r;
  const Segment segments[] = {Segment::Power,    Segment::Habitual, Segment::Novice,
                              Segment::Habitual, Segment::Power,    Segment::Habitual};
  for (std::uint32_t p = 0; p < 6; ++p) {
    analysis::PersonAdoption a;
    a.person = p;
    a.segment = segments[p];
    a.activeLast28 = p != 3;  // d: habitual but not active in the last 4 weeks
    r.people.push_back(a);
  }
  analysis::ChampionNetwork n;
  n.useBetweenness = true;
  n.crossTeamTies = {3, 2, 5, 4, 0, 1};  // e: no cross-team tie
  n.betweenness = {10.0, 12.5, 40.0, 50.0, 60.0, 1.0};
  n.crossTeamInteractions = {7, 0, 9, 9, 9, 2};
  // Qualifying: a, b (Sales), f (Ops); c is a novice, d inactive, e without cross-team ties.
  auto c = analysis::findChampions(log, r, n);
  REQUIRE(c.size() == 3);
  CHECK(c[0].department == "Ops");
  CHECK(log.people[c[0].person].key == "f");
  CHECK(c[0].rank == 1);
  CHECK(log.people[c[1].person].key == "b");  // betweenness 12.5 > 10
  CHECK(c[1].rank == 1);
  CHECK(c[1].score == 12.5);
  CHECK(c[1].segment == Segment::Habitual);
  CHECK(log.people[c[2].person].key == "a");
  CHECK(c[2].rank == 2);
  CHECK(c[2].crossTeamTies == 3);
  // Fallback: score = cross-team interactions; b (none) drops out, e (9, no tie) comes in.
  n.useBetweenness = false;
  c = analysis::findChampions(log, r, n);
  REQUIRE(c.size() == 3);
  CHECK(log.people[c[1].person].key == "e");
  CHECK(c[1].score == 9.0);
  CHECK(log.people[c[2].person].key == "a");
  CHECK(c[2].score == 7.0);
  CHECK(c[2].rank == 2);
}

TEST_CASE("Adoption: under-used tools against the average department", "[analysis][adoption]") {
  // Shares: D1 {a 1, b 0.25, c 0}, D2 {0.5, 0.5, 0}, D3 {0, 0.75, 0}. Averages: a 0.5, b 0.5;
  // c is used by nobody and left out. Ratios: D1 a 2, b 0.5 (not < 0.5); D2 1, 1; D3 a 0, b 1.5.
  analysis::AdoptionResult r;
  r.tools = {"a", "b", "c"};
  r.departmentTools = {{"D1", 4, {1.0, 0.25, 0.0}, {"c"}},
                       {"D2", 2, {0.5, 0.5, 0.0}, {"c"}},
                       {"D3", 4, {0.0, 0.75, 0.0}, {"a", "c"}}};
  const auto u = analysis::underusedTools(r);
  REQUIRE(u.size() == 6);
  CHECK(u[0].department == "D1");
  CHECK(u[0].tool == 1);
  CHECK(u[0].ratio == 0.5);
  CHECK_FALSE(u[0].underused);
  CHECK(u[1].ratio == 2.0);
  CHECK(u[2].averageShare == 0.5);
  CHECK(u[4].department == "D3");
  CHECK(u[4].tool == 0);
  CHECK(u[4].ratio == 0.0);
  CHECK(u[4].underused);
  CHECK(u[5].ratio == 1.5);
  std::size_t flagged = 0;
  for (const auto& x : u) flagged += x.underused;
  CHECK(flagged == 1);
}

TEST_CASE("Adoption shift: share of each tool in the interactions of e-mail and tool users",
          "[analysis][adoption]") {
  const std::int64_t monday = model::daysFromCivil(2025, 3, 3);
  model::AdoptionLog log;
  const auto p0 = addPerson(log, "p0"), p1 = addPerson(log, "p1"), p2 = addPerson(log, "p2");
  // p0: e-mail and chat; p1: chat only (left out); p2: e-mail and tracker.
  log.add(at(monday, 10), p0, "email", "sent");
  log.add(at(monday + 1, 10), p0, "chat", "post");
  log.add(at(monday + 1, 10), p0, "chat", "post");  // the same second: a duplicate
  log.add(at(monday + 1, 11), p0, "chat", "reply");
  log.add(at(monday + 2, 10), p0, "email", "read");  // not an interaction
  log.add(at(monday + 8), p0, "chat", "post");
  log.add(at(monday + 1), p1, "chat", "post");
  log.add(at(monday + 8), p1, "chat", "post");
  log.add(at(monday + 2), p2, "email", "sent");
  log.add(at(monday + 9), p2, "tracker", "comment");
  log.add(at(monday + 9, 13), p2, "email", "replied");
  log.sortActions();
  // Week of 03-03: p0 email 1, chat 2; p2 email 1 -> 4: email 2 (2 people), chat 2 (1), tracker 0.
  // Week of 03-10: p0 chat 1; p2 tracker 1, email 1 -> 3: a third each, 1 person each.
  const auto w = analysis::interactionShift(log, analysis::ShiftPeriod::Week);
  CHECK(w.people == std::vector<std::uint32_t>{p0, p2});
  REQUIRE(w.tools.size() == 3);
  CHECK(log.tools[w.tools[0]] == "email");
  CHECK(log.tools[w.tools[2]] == "tracker");
  REQUIRE(w.rows.size() == 6);
  CHECK(model::formatDateUtc(w.rows[0].periodStart) == "2025-03-03");
  CHECK(w.rows[0].people == 2);
  CHECK(w.rows[0].toolPeople == 2);
  CHECK(w.rows[0].interactions == 2);
  CHECK(w.rows[0].share == 0.5);
  CHECK(w.rows[1].interactions == 2);
  CHECK(w.rows[1].toolPeople == 1);
  CHECK(w.rows[2].interactions == 0);
  CHECK(w.rows[2].share == 0.0);
  CHECK(model::formatDateUtc(w.rows[3].periodStart) == "2025-03-10");
  for (std::size_t i = 3; i < 6; ++i) {
    CHECK(w.rows[i].interactions == 1);
    CHECK(w.rows[i].share == Approx(1.0 / 3));
  }
  // One month: 7 interactions, email 3, chat 3, tracker 1.
  const auto m = analysis::interactionShift(log, analysis::ShiftPeriod::Month);
  REQUIRE(m.rows.size() == 3);
  CHECK(model::formatDateUtc(m.rows[0].periodStart) == "2025-03-01");
  CHECK(m.rows[0].share == Approx(3.0 / 7));
  CHECK(m.rows[2].share == Approx(1.0 / 7));
  CHECK(m.rows[2].people == 2);
  // Without an e-mail tool, nobody qualifies.
  model::AdoptionLog chatOnly;
  addPerson(chatOnly, "x");
  chatOnly.add(at(monday), 0, "chat", "post");
  chatOnly.sortActions();
  CHECK(analysis::interactionShift(chatOnly, analysis::ShiftPeriod::Week).rows.empty());
}

namespace {

/// The shift as docs/metrics.md words it, computed the plain way (maps, no chunks): the
/// reference of the test below.
std::map<std::pair<model::MicrosUtc, std::uint32_t>, std::pair<std::uint64_t, std::uint64_t>>
referenceShift(const model::AdoptionLog& log, std::uint32_t email,
               std::vector<std::uint32_t>& qualifying) {
  std::vector<std::vector<std::size_t>> interactions(log.people.size());
  std::set<std::tuple<std::uint32_t, std::int64_t, std::uint32_t, analysis::Depth>> seen;
  for (std::size_t i = 0; i < log.size(); ++i) {
    if (log.tool[i] == model::AdoptionLog::kNone) continue;
    const auto d = analysis::depthOf(log.activities[log.activity[i]]);
    if (!analysis::isInteraction(d)) continue;
    const std::int64_t second = log.time[i] / 1'000'000;  // times after 1970
    if (seen.insert({log.person[i], second, log.tool[i], d}).second)
      interactions[log.person[i]].push_back(i);
  }
  std::map<std::pair<model::MicrosUtc, std::uint32_t>, std::pair<std::uint64_t, std::uint64_t>>
      cells;  // (monday, tool) -> (interactions, people)
  for (std::uint32_t p = 0; p < interactions.size(); ++p) {
    bool inEmail = false, elsewhere = false;
    for (const auto i : interactions[p]) (log.tool[i] == email ? inEmail : elsewhere) = true;
    if (!inEmail || !elsewhere) continue;
    qualifying.push_back(p);
    std::set<std::pair<model::MicrosUtc, std::uint32_t>> mine;
    for (const auto i : interactions[p]) {
      const std::int64_t day = log.time[i] / 86'400'000'000;
      const std::pair<model::MicrosUtc, std::uint32_t> key{(day - (day + 3) % 7) * 86'400'000'000,
                                                           log.tool[i]};
      ++cells[key].first;
      if (mine.insert(key).second) ++cells[key].second;
    }
  }
  return cells;
}

}  // namespace

TEST_CASE("Adoption shift: the same rows for any thread count, as a plain reference computes",
          "[analysis][adoption]") {
  // 300,000 actions of 500 people over 20 weeks: enough for several chunks of work.
  model::AdoptionLog log;
  for (int p = 0; p < 500; ++p) addPerson(log, "p" + std::to_string(1000 + p));
  const char* tools[] = {"email", "chat", "tracker", "wiki"};
  const char* actions[] = {"sent", "post", "replied", "read", "comment", "view"};
  std::uint64_t x = 12345;
  const auto next = [&x](std::uint64_t n) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return (x >> 33) % n;
  };
  for (int i = 0; i < 300'000; ++i) {
    const auto p = static_cast<std::uint32_t>(next(500));
    // Seconds drawn from a few per day so that same-second duplicates occur.
    const model::MicrosUtc t =
        at(20'089 + static_cast<std::int64_t>(next(140)), 9, static_cast<int>(next(40))) +
        static_cast<model::MicrosUtc>(next(1000));
    // Person p uses the first 1 + p % 4 tools: people 0, 4, 8, ... only e-mail.
    log.add(t, p, tools[next(1 + p % 4)], actions[next(6)]);
  }
  log.sortActions();
  const auto one = analysis::interactionShift(log, analysis::ShiftPeriod::Week, 1);
  std::vector<std::uint32_t> qualifying;
  const auto reference = referenceShift(log, one.emailTool, qualifying);
  CHECK(one.people == qualifying);
  CHECK(one.people.size() == 375);  // everyone but the e-mail-only quarter
  std::uint64_t compared = 0;
  for (const auto& row : one.rows) {
    const auto it = reference.find({row.periodStart, row.tool});
    const std::pair<std::uint64_t, std::uint64_t> want =
        it == reference.end() ? std::pair<std::uint64_t, std::uint64_t>{0, 0} : it->second;
    CHECK(row.interactions == want.first);
    CHECK(row.toolPeople == want.second);
    compared += row.interactions > 0;
  }
  CHECK(compared == reference.size());
  for (const unsigned threads : {2u, 3u, 8u}) {
    for (const auto period : {analysis::ShiftPeriod::Week, analysis::ShiftPeriod::Month}) {
      const auto a = analysis::interactionShift(log, period, 1);
      const auto b = analysis::interactionShift(log, period, threads);
      CHECK(a.people == b.people);
      CHECK(a.tools == b.tools);
      REQUIRE(a.rows.size() == b.rows.size());
      for (std::size_t i = 0; i < a.rows.size(); ++i) {
        CHECK(a.rows[i].periodStart == b.rows[i].periodStart);
        CHECK(a.rows[i].tool == b.rows[i].tool);
        CHECK(a.rows[i].people == b.rows[i].people);
        CHECK(a.rows[i].toolPeople == b.rows[i].toolPeople);
        CHECK(a.rows[i].interactions == b.rows[i].interactions);
        CHECK(a.rows[i].share == b.rows[i].share);
      }
    }
  }
}
