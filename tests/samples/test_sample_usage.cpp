// The sample's usage.csv: the planted adoption facts recovered by an independent count
// (non-adopting department, mobile-first team, weekend team, managers versus staff, people
// who tried and abandoned, people who struggle), and agreement with the mbox and Slack export.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/samples/sample_files.h"

namespace sample = orglens::test::sample;
namespace test = orglens::test;

namespace {

struct Tally {
  std::map<std::string, std::size_t> teamRows, mobile, weekend, departmentRows, chat;
  std::size_t roleRows[2] = {0, 0}, docsEmail[2] = {0, 0}, roleChat[2] = {0, 0};  // staff, managers
  std::map<std::string, std::set<long>> activeDays;  // person id → local days with a row
  std::size_t chatWrites = 0, mailsSent = 0, rows = 0, afterHours = 0;
};

const std::set<std::string> kTools = {"chat", "docs", "tracker", "email", "crm", "wiki"};
const std::set<std::string> kActions = {"open",  "read", "post",    "reply",
                                        "react", "edit", "comment", "search"};
const std::set<std::string> kPlatforms = {"desktop", "mobile", "web"};

Tally countUsage(const std::filesystem::path& dir) {
  const auto roster = sample::readRoster(dir);
  Tally tally;
  for (const sample::Fields& f : sample::readCsv(dir / "usage.csv")) {
    REQUIRE(f.size() == 6);
    REQUIRE(roster.count(f[1]) == 1);
    const sample::RosterPerson& person = roster.at(f[1]);
    REQUIRE(f[0].size() == 25);  // 2025-01-06T09:15:00+01:00
    CHECK(kTools.count(f[2]) == 1);
    CHECK(kActions.count(f[3]) == 1);
    CHECK(kPlatforms.count(f[4]) == 1);
    const long day = sample::dayOf(f[0]);
    const int hour = std::stoi(f[0].substr(11, 2));
    ++tally.rows;
    ++tally.teamRows[person.team];
    ++tally.departmentRows[person.department];
    tally.mobile[person.team] += f[4] == "mobile";
    tally.weekend[person.team] += sample::weekendDay(day);
    tally.chat[person.department] += f[2] == "chat";
    const int role = person.manager ? 1 : 0;
    ++tally.roleRows[role];
    tally.docsEmail[role] += f[2] == "docs" || f[2] == "email";
    tally.roleChat[role] += f[2] == "chat";
    tally.activeDays[person.id].insert(day);
    tally.chatWrites += f[2] == "chat" && (f[3] == "post" || f[3] == "reply");
    tally.mailsSent += f[2] == "email" && (f[3] == "post" || f[3] == "reply");
    tally.afterHours += hour < 7 || hour >= 22;
  }
  return tally;
}

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

/// The team with the highest share of the given counts among teams with enough rows.
std::string leader(const std::map<std::string, std::size_t>& part,
                   const std::map<std::string, std::size_t>& whole) {
  std::string best;
  double bestShare = -1;
  for (const auto& [team, rows] : whole) {
    const double value = share(part.count(team) ? part.at(team) : 0, rows);
    if (rows >= 500 && value > bestShare) best = team, bestShare = value;
  }
  return best;
}

std::size_t countLinesStarting(const std::string& text, const std::string& prefix) {
  std::size_t count = text.starts_with(prefix) ? 1 : 0;
  for (auto at = text.find("\n" + prefix); at != std::string::npos;
       at = text.find("\n" + prefix, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("The sample's usage log shows the planted adoption facts", "[samples]") {
  const auto& dir = sample::defaultSample();
  const std::string truth = test::readFile(dir / "ground-truth.json");
  const Tally tally = countUsage(dir);
  CHECK(tally.rows == sample::truthCount(truth, "usage_rows"));
  CHECK(tally.rows >= 100000);
  CHECK(tally.rows <= 300000);
  CHECK(tally.afterHours == 0);  // daily rhythm: nothing at night, local time
  // Non-adopting department: no chat at all; every other department chats.
  CHECK(tally.chat.at("Corporate") == 0);
  for (const auto& [department, rows] : tally.departmentRows) {
    if (department != "Corporate") CHECK(share(tally.chat.at(department), rows) >= 0.1);
  }
  // Mobile-first team and weekend team.
  const double fieldMobile =
      share(tally.mobile.at("Field Service"), tally.teamRows.at("Field Service"));
  CHECK(fieldMobile >= 0.7);
  CHECK(fieldMobile == Approx(sample::truthNumber(truth, "usage_mobile_share")).margin(1e-4));
  for (const auto& [team, rows] : tally.teamRows) {
    INFO(team);
    if (team != "Field Service") CHECK(share(tally.mobile.at(team), rows) < 0.15);
  }
  CHECK(leader(tally.mobile, tally.teamRows) == "Field Service");
  CHECK(leader(tally.weekend, tally.teamRows) == "Support");
  CHECK(share(tally.weekend.at("Support"), tally.teamRows.at("Support")) ==
        Approx(sample::truthNumber(truth, "usage_weekend_share")).margin(1e-4));
  // Managers work in documents and e-mail, staff in chat.
  CHECK(share(tally.docsEmail[1], tally.roleRows[1]) >
        share(tally.docsEmail[0], tally.roleRows[0]));
  CHECK(share(tally.roleChat[0], tally.roleRows[0]) > share(tally.roleChat[1], tally.roleRows[1]));
}

TEST_CASE("The sample's usage log shows who abandoned and who struggles", "[samples]") {
  const auto& dir = sample::defaultSample();
  const std::string truth = test::readFile(dir / "ground-truth.json");
  const auto roster = sample::readRoster(dir);
  const Tally tally = countUsage(dir);
  const long first = sample::dayOf(sample::truthValue(truth, "start_date").substr(1));
  const long last = first + static_cast<long>(sample::truthCount(truth, "days")) - 1;
  std::vector<std::string> abandoned, struggling;
  for (const auto& [email, person] : roster) {
    const long registered = std::max(first, person.startDay);
    const auto found = tally.activeDays.find(person.id);
    const std::size_t activeDays = found == tally.activeDays.end() ? 0 : found->second.size();
    if (registered + 27 <= last && activeDays <= 2) struggling.push_back(person.id);
    if (activeDays > 2 && *found->second.rbegin() < *found->second.begin() + 14 &&
        last - *found->second.rbegin() >= 28) {
      abandoned.push_back(person.id);
    }
  }
  std::sort(abandoned.begin(), abandoned.end());
  std::sort(struggling.begin(), struggling.end());
  CHECK(abandoned.size() >= 2);
  CHECK(struggling.size() >= 2);
  CHECK(abandoned == sample::truthList(truth, "abandoned"));
  CHECK(struggling == sample::truthList(truth, "struggling"));
}

TEST_CASE("The sample's usage log mirrors the mails and chat messages written", "[samples]") {
  const auto& dir = sample::defaultSample();
  const std::string truth = test::readFile(dir / "ground-truth.json");
  const Tally tally = countUsage(dir);
  CHECK(tally.mailsSent == countLinesStarting(test::readFile(dir / "mail.mbox"), "From "));
  CHECK(tally.mailsSent == sample::truthCount(truth, "mail_messages"));
  // Every roster person's chat post and reply is one message without subtype in the export;
  // only the deleted former colleague's few posts have no row.
  std::size_t exported = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "slack")) {
    if (!entry.is_regular_file() || entry.path().parent_path() == dir / "slack") continue;
    const std::string text = test::readFile(entry.path());
    exported += countLinesStarting(text, "    {\"type\": \"message\", \"user\"");
  }
  CHECK(exported > tally.chatWrites);
  CHECK(exported - tally.chatWrites <= 10);
}
