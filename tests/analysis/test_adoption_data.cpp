// Adoption on generated and real data: the facts `orglens sample` planted, and the figures of
// the houstondatavis Slack export computed independently.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "analysis/adoption.h"
#include "analysis/adoption_champions.h"
#include "analysis/adoption_tools.h"
#include "importers/import_file.h"
#include "model/adoption_log.h"
#include "model/event_log.h"
#include "model/interaction_log.h"
#include "model/store.h"
#include "model/time_format.h"
#include "samples/planted.h"
#include "samples/sample_org.h"
#include "tests/support/same_logs.h"
#include "tests/support/sample_store.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

/// The ids listed under "key": [...] in the ground truth.
std::vector<std::string> idList(const std::string& json, const std::string& key) {
  std::smatch m;
  REQUIRE(std::regex_search(json, m, std::regex("\"" + key + "\": \\[([^\\]]*)\\]")));
  std::vector<std::string> ids;
  const std::string list = m[1];
  const std::regex id("\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), id); it != std::sregex_iterator();
       ++it)
    ids.push_back((*it)[1]);
  return ids;
}

std::vector<std::string> keys(const model::AdoptionLog& log,
                              const std::vector<std::uint32_t>& people) {
  std::vector<std::string> out;
  for (const auto p : people) out.push_back(log.people[p].key);
  return out;
}

}  // namespace

TEST_CASE("The planted adoption facts of the sample are recovered",
          "[analysis][adoption][sample]") {
  const auto dir = test::tempDir("planted-adoption");
  samples::SampleOptions options;
  options.people = 120;
  options.days = 90;
  options.seed = 7;
  samples::writeSampleOrganisation(dir / "sample", options);
  const std::string truth = test::readFile(dir / "sample" / "ground-truth.json");
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  // events.csv is imported too: its process events (some in chat, also in Corporate) are work
  // items, not tool usage, and must not count.
  for (const char* file : {"roster.csv", "events.csv", "usage.csv", "slack", "mail.mbox"})
    importers::importFile(*store, dir / "sample" / file, {}, progress);
  const auto log = model::AdoptionLog::load(*store);
  // 120 roster people (the deleted Slack account and the bot are not registered).
  CHECK(log.people.size() == 120);
  const auto r = analysis::analyseAdoption(log, {}, progress);
  CHECK(r.duplicates > 0);  // usage.csv mirrors the Slack posts and the sent mail

  // The non-adopting department never uses chat; every other department does.
  const auto chat = std::find(r.tools.begin(), r.tools.end(), samples::planted::kNonAdoptedTool);
  REQUIRE(chat != r.tools.end());
  const auto t = static_cast<std::size_t>(chat - r.tools.begin());
  for (const auto& d : r.departmentTools) {
    INFO(d.department);
    if (d.department == samples::planted::kNonAdoptingDepartment) {
      CHECK(d.toolShare[t] == 0.0);
      CHECK(std::find(d.unusedTools.begin(), d.unusedTools.end(), "chat") != d.unusedTools.end());
    } else {
      CHECK(d.toolShare[t] > 0.5);
    }
  }
  // The mobile-first team has the highest mobile share, the weekend team the highest weekend share.
  const auto most = [&r](auto field) {
    return std::max_element(r.teamTime.begin(), r.teamTime.end(),
                            [field](const auto& a, const auto& b) { return a.*field < b.*field; })
        ->name;
  };
  CHECK(most(&analysis::TimeShares::mobileShare) == samples::planted::kMobileFirstTeam);
  CHECK(most(&analysis::TimeShares::weekendShare) == samples::planted::kWeekendTeam);
  // The ground truth's tried-then-abandoned and struggling people, and no one else.
  CHECK(keys(log, r.abandoned) == idList(truth, "abandoned"));
  CHECK(keys(log, r.struggling) == idList(truth, "struggling"));
  // Managers and staff are both present; managers use chat less (ground truth: 0.25 vs 0.43 of
  // rows).
  REQUIRE(r.byRole.size() == 2);
  CHECK(r.byRole[0].name == "managers");
  CHECK(r.byRole[0].counts.registered + r.byRole[1].counts.registered == 120);
  // Champions (graph as `orglens network` builds it, task items): the planted broker p0007
  // (Commercial, team Sales) is a power user and the first champion of his department (seed 7:
  // betweenness 912.4, the next in Commercial 254.5).
  std::smatch m;
  REQUIRE(
      std::regex_search(truth, m, std::regex("\"broker\": \\{\\s*\"person_id\": \"([^\"]+)\"")));
  const std::string brokerId = m[1];
  CHECK(brokerId == "p0007");
  model::EventLogOptions eventOptions;
  eventOptions.itemType = "task";
  const auto events = model::EventLog::load(*store, eventOptions);
  const auto messages = model::InteractionLog::load(*store);
  const auto graph = analysis::buildCollaborationGraph(events, messages, {}, progress);
  const auto between = analysis::computeBetweenness(graph.graph, {}, progress);
  const auto network = analysis::championNetwork(log, graph, between, messages, events);
  CHECK(network.useBetweenness);
  const auto champions = analysis::findChampions(log, r, network);
  const auto broker = std::find_if(champions.begin(), champions.end(), [&](const auto& c) {
    return log.people[c.person].key == brokerId;
  });
  REQUIRE(broker != champions.end());
  CHECK(broker->department == "Commercial");
  CHECK(broker->segment == analysis::Segment::Power);
  CHECK(broker->rank == 1);
  CHECK(broker->crossTeamTies > 0);
  // Chat is the only under-used tool, and only in the non-adopting department (share 0).
  std::size_t flagged = 0;
  for (const auto& u : analysis::underusedTools(r)) {
    if (!u.underused) continue;
    ++flagged;
    CHECK(u.department == samples::planted::kNonAdoptingDepartment);
    CHECK(r.tools[u.tool] == "chat");
    CHECK(u.share == 0.0);
  }
  CHECK(flagged == 1);
  // Work moving into the tools: people who interact in e-mail and chat are in the shift table,
  // the non-adopting department's people through the tracker; every period's shares add to 1.
  const auto shift = analysis::interactionShift(log, analysis::ShiftPeriod::Month);
  CHECK(shift.people.size() > 80);
  const auto sharesOf = [&](const std::string& tool) {
    double sum = 0;
    for (const auto& row : shift.rows) sum += log.tools[row.tool] == tool ? row.share : 0.0;
    return sum;
  };
  CHECK(std::any_of(shift.people.begin(), shift.people.end(), [&](std::uint32_t p) {
    return log.people[p].department == samples::planted::kNonAdoptingDepartment;
  }));
  CHECK(sharesOf("chat") > 0.0);
  CHECK(sharesOf("email") > 0.0);
  double total = 0;
  for (const auto& row : shift.rows) total += row.share;
  CHECK(total == Approx(static_cast<double>(shift.rows.size() / shift.tools.size())));
  // The same figures for any number of threads.
  analysis::AdoptionOptions three;
  three.threads = 3;
  const auto again = analysis::analyseAdoption(log, three, progress);
  CHECK(again.segments == r.segments);
  CHECK(again.abandoned == r.abandoned);
  CHECK(again.overall.stickiness == r.overall.stickiness);
  CHECK(again.teamTime.front().weekendShare == r.teamTime.front().weekendShare);
  // Five roster start dates fall in the log (seed 7; python3: [r['person_id'] for r in
  // csv.DictReader(open('roster.csv')) if r['start_date'] >= '2025-01-06'] gives p0014,
  // p0028, p0083, p0102, p0117), two in February and three in March.
  std::uint64_t joiners = 0;
  for (const auto& c : r.cohorts) joiners += c.people;
  CHECK(joiners == 5);
  REQUIRE(r.cohorts.size() == 2);
  CHECK(r.cohorts[0].people == 2);
  CHECK(r.cohorts[1].people == 3);
}

TEST_CASE("Adoption figures of the houstondatavis Slack export", "[analysis][adoption][slack]") {
  const auto data = test::sharedData("chat/houstondatavis-slack");
  const auto dir = test::tempDir("adoption-slack");
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::importFile(*store, data, {}, progress);
  const auto log = model::AdoptionLog::load(*store);
  const auto r = analysis::analyseAdoption(log, {}, progress);
  // Figures from an independent scan of the JSON files (Python, run in the export folder):
  //   users = json.load(open('users.json')); bots = {ids with is_bot} | {'USLACKBOT'}
  //   registered = {id for users not deleted and not is_bot}                        -> 70
  //   actions: per channels.json folder, per day file, per message whose subtype is in
  //   {'', thread_broadcast, file_share, me_message, file_comment}, without bot_id, by a
  //   non-bot user (comment.user for file_comment): the message, plus one per reacting
  //   non-bot user at the message time                                              -> 1229
  //   posted = registered authors of a message that is not a thread reply           -> 31
  //   ever active = registered people with any action                               -> 33
  //   MAU = registered people active on UTC days last-29..last (last = 2016-07-27)  -> 17
  //   active registered people per calendar month (UTC), 2015-06 .. 2016-07:
  //   11 8 7 5 9 5 4 9 7 5 6 7 12 17
  CHECK(r.overall.registered == 70);
  CHECK(r.actions + r.duplicates + log.unregisteredActions == 1229);
  CHECK(r.funnel[2].people == 31);  // registered, ever active and posted
  CHECK(r.overall.everActive == 33);
  CHECK(model::formatDateUtc(r.lastDay) == "2016-07-27");
  CHECK(r.overall.mau == 17);
  std::vector<std::uint64_t> months;
  for (const auto& m : r.months) months.push_back(m.activePeople);
  CHECK(months == std::vector<std::uint64_t>{11, 8, 7, 5, 9, 5, 4, 9, 7, 5, 6, 7, 12, 17});
  REQUIRE_FALSE(r.months.empty());
  CHECK(model::formatDateUtc(r.months.front().monthStart) == "2015-06-01");
  CHECK(r.byTool.size() == 1);  // chat only
}

TEST_CASE("AdoptionLog::load: the caller's lookups and a window give the same actions as a filter",
          "[analysis][adoption][load]") {
  auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  const auto whole = model::AdoptionLog::load(*store);
  REQUIRE(whole.size() > 1000);
  // Ordered by (person, time); people by key.
  for (std::size_t i = 1; i < whole.size(); ++i) {
    REQUIRE(whole.person[i - 1] <= whole.person[i]);
    if (whole.person[i - 1] == whole.person[i]) REQUIRE(whole.time[i - 1] <= whole.time[i]);
  }
  for (std::size_t p = 1; p < whole.people.size(); ++p)
    REQUIRE(whole.people[p - 1].key < whole.people[p].key);

  const auto lookups = model::EventLog::loadLookups(*store);
  model::AdoptionLoadOptions withLookups;
  withLookups.lookups = &lookups;
  const auto same = model::AdoptionLog::load(*store, withLookups);
  test::checkSameAdoption(same, whole);

  // A window keeps exactly the whole log's actions inside it, in the same order, and the same
  // registered people (registration does not depend on the window).
  const auto mid = whole.time[whole.size() / 2];
  model::AdoptionLoadOptions window;
  window.from = mid - 7 * 86'400'000'000LL;
  window.to = mid + 7 * 86'400'000'000LL;
  const auto part = model::AdoptionLog::load(*store, window);
  CHECK(part.people.size() == whole.people.size());
  std::vector<std::pair<std::string, model::MicrosUtc>> expected, got;
  for (std::size_t i = 0; i < whole.size(); ++i)
    if (whole.time[i] >= *window.from && whole.time[i] < *window.to)
      expected.emplace_back(whole.people[whole.person[i]].key + "|" +
                                (whole.tool[i] == model::AdoptionLog::kNone ? "" : whole.tools[whole.tool[i]]),
                            whole.time[i]);
  for (std::size_t i = 0; i < part.size(); ++i)
    got.emplace_back(part.people[part.person[i]].key + "|" +
                         (part.tool[i] == model::AdoptionLog::kNone ? "" : part.tools[part.tool[i]]),
                     part.time[i]);
  CHECK(part.size() < whole.size());
  CHECK(got == expected);
}
