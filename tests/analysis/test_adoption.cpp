// Adoption on hand-built logs: every figure below is computed by hand in the comments.
#include <catch2/catch.hpp>

#include "analysis/adoption.h"
#include "model/time_format.h"

using namespace orglens;
using model::Platform;

namespace {

model::MicrosUtc at(std::int64_t day, int hour = 12, int second = 0) {
  return (day * 86400 + hour * 3600 + second) * 1'000'000;
}

std::uint32_t addPerson(model::AdoptionLog& log, const std::string& key,
                        const std::string& team = "T") {
  model::AdoptionPerson p;
  p.key = key;
  p.team = team;
  p.department = "D";
  log.people.push_back(p);
  return static_cast<std::uint32_t>(log.people.size() - 1);
}

}  // namespace

TEST_CASE("Segments, DAU/WAU/MAU, stickiness, funnel and involvement", "[analysis][adoption]") {
  // Last day L = 2025-03-31; the 12 segment weeks run from L-83 to L; the MAU window L-29..L.
  const std::int64_t L = model::daysFromCivil(2025, 3, 31);
  const std::vector<std::string> tools = {"chat", "docs", "email", "wiki"};
  model::AdoptionLog log;
  const auto a = addPerson(log, "a"), b = addPerson(log, "b"), c = addPerson(log, "c"),
             d = addPerson(log, "d");
  addPerson(log, "e");          // registered, never active
  for (int k = 0; k < 12; ++k)  // a: 20 actions on day L-7k, 4 tools: power (20/week, 12 weeks)
    for (int i = 0; i < 20; ++i)
      log.add(at(L - 7 * k, 10, i), a, tools[static_cast<std::size_t>(i % 4)],
              i == 0 ? "replied" : "posted");
  log.add(at(L, 10, 1), a, "docs",
          "post");  // the same second, tool and depth as a row above: a duplicate
  for (int k = 0; k < 10; ++k)
    log.add(at(L - 7 * k), b, "chat", "read");  // habitual: 10 of 12 weeks
  for (int i = 0; i < 12; ++i) log.add(at(L - 40, 9, i), c, "chat", "read");  // novice: 12 = 1/week
  log.add(at(L - 50), d, "chat", "view");                                     // low: one action
  log.sortActions();
  model::NoProgress progress;
  const auto r = analysis::analyseAdoption(log, {}, progress);
  CHECK(r.duplicates == 1);
  CHECK(r.actions == 240 + 10 + 12 + 1);
  CHECK(r.segments == std::array<std::uint64_t, 5>{1, 1, 1, 1, 1});
  CHECK(r.people[a].segment == analysis::Segment::Power);
  CHECK(r.people[b].activeWeeks12 == 10);
  CHECK(r.people[c].segment == analysis::Segment::Novice);
  CHECK(r.people[d].segment == analysis::Segment::Low);
  // DAU: a and b on L; WAU and MAU: a and b too (c at L-40, d at L-50 are outside).
  CHECK(r.overall.registered == 5);
  CHECK(r.overall.dau == 2);
  CHECK(r.overall.wau == 2);
  CHECK(r.overall.mau == 2);
  CHECK(r.overall.mauShare == Approx(0.4));
  CHECK(r.overall.everActive == 4);
  // a and b are each active on 5 days of the 30 (L, L-7, L-14, L-21, L-28): (10 / 30) / 2.
  CHECK(r.overall.stickiness == Approx(1.0 / 6.0));
  // Funnel: 5 registered, 4 ever active, 1 posted (a), 1 posted and replied, 1 active lately.
  std::vector<std::uint64_t> funnel;
  for (const auto& s : r.funnel) funnel.push_back(s.people);
  CHECK(funnel == std::vector<std::uint64_t>{5, 4, 1, 1, 1});
  CHECK(r.involved == 1);  // a uses 4 tools
  CHECK(r.involvement == Approx(0.2));
  // By tool: chat is used by a, b, c, d; its MAU is a and b.
  const auto chat = std::find_if(r.byTool.begin(), r.byTool.end(),
                                 [](const auto& g) { return g.name == "chat"; });
  REQUIRE(chat != r.byTool.end());
  CHECK(chat->counts.everActive == 4);
  CHECK(chat->counts.mau == 2);
  CHECK(r.depth[static_cast<std::size_t>(analysis::Depth::Replying)] == 12);
  CHECK(r.depth[static_cast<std::size_t>(analysis::Depth::Reading)] == 10 + 12 + 1);
  // Every week has a and b active except where b stopped: week of L-70 and L-77 have only a.
  REQUIRE_FALSE(r.weeks.empty());
  CHECK(r.weeks.back().activePeople == 2);
  CHECK(r.departmentTools.size() == 1);
  CHECK(r.departmentTools[0].unusedTools.empty());
}

TEST_CASE("Tried then abandoned and struggling people", "[analysis][adoption]") {
  const std::int64_t D0 = model::daysFromCivil(2025, 1, 6), L = D0 + 89;
  model::AdoptionLog log;
  const auto f = addPerson(log, "f"), g = addPerson(log, "g"), h = addPerson(log, "h"),
             i = addPerson(log, "i");
  log.people[h].registered = at(D0, 0);
  log.people[i].registered = at(L - 10, 0);
  for (std::int64_t day = D0; day <= L; ++day) log.add(at(day), f, "chat", "read");  // every day
  for (const std::int64_t day : {D0 + 1, D0 + 5, D0 + 10}) log.add(at(day), g, "chat", "read");
  for (const std::int64_t day : {D0 + 40, D0 + 60}) log.add(at(day), h, "chat", "read");
  log.sortActions();
  model::NoProgress progress;
  const auto r = analysis::analyseAdoption(log, {}, progress);
  // g: active in its first 14 days (from its first action), none in the last 28: abandoned.
  CHECK(r.abandoned == std::vector<std::uint32_t>{g});
  // h: registered 89 days before the end, 2 active days; i registered 10 days ago: not yet.
  CHECK(r.struggling == std::vector<std::uint32_t>{h});
  CHECK(r.people[f].activeDays == 90);
  CHECK(r.weeks.size() == 13);
  CHECK(r.weeks.front().averageDau == Approx(9.0 / 7.0));  // f on 7 days, g on 2, of week 1
}

TEST_CASE("Weekend and after-hours shares are taken in the person's time zone",
          "[analysis][adoption]") {
  model::AdoptionLog log;
  const auto k = addPerson(log, "k", "Night");
  log.people[k].timezone = "America/New_York";  // UTC-5 in January
  const std::int64_t sat = model::daysFromCivil(2025, 1, 11),
                     mon = model::daysFromCivil(2025, 1, 13);
  log.add(at(sat, 3), k, "chat", "post", Platform::Mobile);    // Fri 22:00 local: after hours
  log.add(at(mon, 2), k, "chat", "post", Platform::Mobile);    // Sun 21:00 local: weekend
  log.add(at(mon, 14), k, "chat", "post", Platform::Desktop);  // Mon 09:00 local: working hours
  log.add(at(mon, 23, 1800), k, "docs", "edit", Platform::Desktop);  // Mon 18:30 local
  log.sortActions();
  model::NoProgress progress;
  const auto r = analysis::analyseAdoption(log, {}, progress);
  REQUIRE(r.teamTime.size() == 1);
  const auto& t = r.teamTime[0];
  CHECK(t.name == "Night");
  CHECK(t.weekendShare == Approx(0.25));
  CHECK(t.afterHoursShare == Approx(0.5));
  CHECK(t.offHoursMobileShare == Approx(2.0 / 3.0));  // 3 off-hours actions, 2 on mobile
  CHECK(t.mobileShare == Approx(0.5));
  CHECK(r.people[k].weekendActions == 1);  // in UTC it would have been the Saturday one
}

TEST_CASE("Depth classes come from the activity names", "[analysis][adoption]") {
  using analysis::Depth;
  CHECK(analysis::depthOf("Replied") == Depth::Replying);
  CHECK(analysis::depthOf("sent") == Depth::Posting);
  CHECK(analysis::depthOf("reacted") == Depth::Reacting);
  CHECK(analysis::depthOf("search") == Depth::Reading);
  CHECK(analysis::depthOf("login") == Depth::Other);
}

TEST_CASE("Cohort retention by registration month", "[analysis][adoption]") {
  // Log from 2025-01-06 (F) to 2025-03-31 (L). m and n register on 2025-01-06, o on 2025-03-20;
  // p registered in 2024 (before the log) belongs to no cohort.
  const std::int64_t F = model::daysFromCivil(2025, 1, 6), L = model::daysFromCivil(2025, 3, 31);
  model::AdoptionLog log;
  const auto m = addPerson(log, "m"), n = addPerson(log, "n"), o = addPerson(log, "o"),
             p = addPerson(log, "p");
  log.people[m].registered = at(F, 0);
  log.people[n].registered = at(F, 0);
  log.people[o].registered = at(L - 11, 0);
  log.people[p].registered = at(F - 200, 0);
  for (std::int64_t day = F; day <= L; ++day) log.add(at(day), p, "chat", "read");
  log.add(at(F + 2), m, "chat", "read");   // week 1
  log.add(at(F + 22), m, "chat", "read");  // week 4 (days 21..27)
  log.add(at(F + 3), n, "chat", "read");   // week 1 only
  log.add(at(L - 10), o, "chat", "read");  // week 1; weeks 4, 8, 12 not yet observed
  log.sortActions();
  model::NoProgress progress;
  const auto r = analysis::analyseAdoption(log, {}, progress);
  REQUIRE(r.cohorts.size() == 2);
  CHECK(model::formatDateUtc(r.cohorts[0].monthStart) == "2025-01-01");
  CHECK(r.cohorts[0].people == 2);
  CHECK(r.cohorts[0].active == std::array<std::uint64_t, 4>{2, 1, 0, 0});
  CHECK(r.cohorts[0].observed == std::array<std::uint64_t, 4>{2, 2, 2, 2});  // week 12 ends on L-1
  CHECK(r.cohorts[0].share[1] == Approx(0.5));
  CHECK(r.cohorts[1].people == 1);
  CHECK(r.cohorts[1].observed == std::array<std::uint64_t, 4>{1, 0, 0, 0});
  CHECK(r.cohorts[1].share[0] == Approx(1.0));
}
