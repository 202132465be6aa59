#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>

#include "samples/collaboration.h"
#include "samples/message_texts.h"
#include "samples/names.h"
#include "samples/planted.h"
#include "samples/random.h"

namespace orglens::samples {
namespace {

constexpr std::array<double, 4> kStaffPosts = {0.30, 0.35, 0.22, 0.13};  // posts per day 0..3
constexpr std::array<double, 4> kManagerPosts = {0.50, 0.32, 0.13, 0.05};
constexpr double kThreadChance = 0.3, kReactionChance = 0.2, kFileChance = 0.03;
constexpr double kReplyMedianMinutes = 20, kReplySigma = 1.0;
constexpr int kDeletedUserPosts = 4;
constexpr std::int64_t kEarliestReaction = 7 * 3600, kLatestReaction = 21 * 3600;
enum CrossChannel : int { kGeneral = 0, kRandom = 1, kProjects = 2, kIncidents = 3 };

std::string slug(std::string_view name) {
  std::string out = "team-";
  for (const char c : name) {
    out += c == ' ' ? '-' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

class SlackRunner {
 public:
  SlackRunner(const ActivityPlan& plan, Random& random)
      : m_plan(plan), m_org(plan.org()), m_random(random) {}
  SlackWorkspace run();

 private:
  void addChannels();
  std::vector<double> channelWeights(int person) const;
  int add(SlackKind kind, int channel, int user, std::int64_t time, int parent);
  void postDay(int person, std::int64_t day, const std::vector<double>& weights);
  void addReplies(int post);
  void addReactions(int message);
  bool awake(int person, std::int64_t utc) const;
  void addSpecialMessages();
  void finish();

  const ActivityPlan& m_plan;
  const Organisation& m_org;
  Random& m_random;
  SlackWorkspace m_slack;
  int m_files = 0;
};

void SlackRunner::addChannels() {
  const int silo = m_org.teamIndex(planted::kSiloTeam);
  const std::array<int, 3> incidentTeams = {
      m_org.teamIndex("Support"), m_org.teamIndex("Operations"), m_org.teamIndex("Field Service")};
  m_slack.channels = {
      {"general", "Company-wide announcements", 0, 0, {}, {}},
      {"random", "Anything that is not work", 0, 0, {}, {}},
      {"projects", "Cross-team project coordination", 0, 0, {}, {}},
      {"incidents", "Incidents between Support, Operations and Field Service", 0, 0, {}, {}}};
  for (const Team& team : m_org.teams) {
    m_slack.channels.push_back({slug(team.name), "Team " + team.name, 0, 0, {}, {}});
  }
  for (int p = 0; p < static_cast<int>(m_org.people.size()); ++p) {
    const int team = m_org.people[p].team;
    std::vector<int> joined = {kGeneral, kRandom, 4 + team};
    if (team != silo) joined.push_back(kProjects);
    if (std::find(incidentTeams.begin(), incidentTeams.end(), team) != incidentTeams.end()) {
      joined.push_back(kIncidents);
    }
    for (const int channel : joined) {
      m_slack.channels[channel].members.push_back(p);
      if (m_plan.person(p).usesChat) m_slack.channels[channel].posters.push_back(p);
    }
  }
  const int creator = m_org.teams[0].lead;  // Sales: never the non-adopting department
  for (std::size_t c = 0; c < m_slack.channels.size(); ++c) {
    m_slack.channels[c].creator = creator;
    m_slack.channels[c].created =
        (m_plan.firstDay() - 300 + static_cast<std::int64_t>(c)) * kSecondsPerDay + 8 * 3600;
  }
}

std::vector<double> SlackRunner::channelWeights(int person) const {
  std::vector<double> weights(m_slack.channels.size(), 0.0);
  const int team = m_org.people[person].team;
  const bool silo = team == m_org.teamIndex(planted::kSiloTeam);
  weights[4 + team] = silo ? 0.93 : 0.6;
  weights[kRandom] = silo ? 0.07 : 0.1;
  if (silo) return weights;
  weights[kGeneral] = 0.05;
  weights[kProjects] = person == m_org.broker ? 0.35 : 0.15;
  const auto& incident = m_slack.channels[kIncidents].members;
  if (std::binary_search(incident.begin(), incident.end(), person)) weights[kIncidents] = 0.1;
  return weights;
}

int SlackRunner::add(SlackKind kind, int channel, int user, std::int64_t time, int parent) {
  SlackMessage message;
  message.kind = kind;
  message.channel = channel;
  message.user = user;
  message.time = time;
  message.parent = parent;
  if (kind == SlackKind::Post) {
    message.text = static_cast<std::uint16_t>(m_random.uniformInt(0, texts::kChatPosts.size() - 1));
    if (m_random.chance(kFileChance)) message.file = m_files++;
  } else if (kind == SlackKind::Reply) {
    message.text =
        static_cast<std::uint16_t>(m_random.uniformInt(0, texts::kChatReplies.size() - 1));
  }
  m_slack.messages.push_back(std::move(message));
  return static_cast<int>(m_slack.messages.size()) - 1;
}

void SlackRunner::postDay(int person, std::int64_t day, const std::vector<double>& weights) {
  const auto& table = m_org.people[person].isManager ? kManagerPosts : kStaffPosts;
  const auto count = m_random.weightedIndex(table);
  for (std::size_t i = 0; i < count; ++i) {
    const auto channel = static_cast<int>(m_random.weightedIndex(weights));
    const int post =
        add(SlackKind::Post, channel, person, m_plan.drawTime(person, day, m_random, false), -1);
    addReactions(post);
    if (m_random.chance(kThreadChance)) addReplies(post);
  }
}

void SlackRunner::addReplies(int post) {
  const auto replies = m_random.uniformInt(1, 3);
  std::int64_t time = m_slack.messages[post].time;
  for (std::int64_t r = 0; r < replies; ++r) {
    const auto& posters = m_slack.channels[m_slack.messages[post].channel].posters;
    const int replier = posters[static_cast<std::size_t>(
        m_random.uniformInt(0, static_cast<std::int64_t>(posters.size()) - 1))];
    const double minutes = std::max(1.0, m_random.lognormal(kReplyMedianMinutes, kReplySigma));
    std::int64_t at = time + static_cast<std::int64_t>(minutes * 60);
    at = scheduleWork(m_plan.clockOf(replier), m_plan.worksWeekends(replier), at, 0);
    if (replier == m_slack.messages[post].user ||
        !m_plan.worksOn(replier, m_plan.localDay(replier, at))) {
      continue;
    }
    addReactions(add(SlackKind::Reply, m_slack.messages[post].channel, replier, at, post));
    time = at;
  }
}

/// On a working day and between 07:00 and 21:00 local: reactions come from people at work.
bool SlackRunner::awake(int person, std::int64_t utc) const {
  const std::int64_t local = m_plan.clockOf(person).toLocal(utc);
  const std::int64_t day = floorDiv(local, kSecondsPerDay);
  const std::int64_t second = local - day * kSecondsPerDay;
  return second >= kEarliestReaction && second < kLatestReaction && m_plan.worksOn(person, day);
}

void SlackRunner::addReactions(int message) {
  if (!m_random.chance(kReactionChance)) return;
  const SlackMessage& target = m_slack.messages[message];
  const auto& posters = m_slack.channels[target.channel].posters;
  SlackReaction reaction;
  reaction.name = static_cast<std::uint8_t>(m_random.uniformInt(0, texts::kReactions.size() - 1));
  const auto wanted = m_random.uniformInt(1, 3);
  for (std::int64_t attempt = 0; attempt < 2 * wanted; ++attempt) {
    const int user = posters[static_cast<std::size_t>(
        m_random.uniformInt(0, static_cast<std::int64_t>(posters.size()) - 1))];
    const bool seen =
        std::find(reaction.users.begin(), reaction.users.end(), user) != reaction.users.end();
    if (user == target.user || seen || !awake(user, target.time)) continue;
    reaction.users.push_back(user);
    if (static_cast<std::int64_t>(reaction.users.size()) == wanted) break;
  }
  if (!reaction.users.empty()) m_slack.messages[message].reactions.push_back(std::move(reaction));
}

/// Channel joins of people who start during the log, a weekly bot reminder and a few posts of
/// a former colleague whose account is deleted now.
void SlackRunner::addSpecialMessages() {
  for (int p = 0; p < static_cast<int>(m_org.people.size()); ++p) {
    const PersonPlan& plan = m_plan.person(p);
    if (!plan.usesChat || plan.status != AdoptionStatus::Regular ||
        m_org.people[p].startDay <= m_plan.firstDay()) {
      continue;
    }
    const std::int64_t time = m_plan.drawTime(p, m_org.people[p].startDay, m_random, true);
    add(SlackKind::Join, kGeneral, p, time, -1);
    add(SlackKind::Join, 4 + m_org.people[p].team, p, time + 60, -1);
  }
  const ZoneClock& hq = m_plan.clockOf(m_slack.channels[kGeneral].creator);
  for (std::int64_t day = m_plan.firstDay(); day <= m_plan.lastDay(); ++day) {
    if (weekdayOfDay(day) == 1)
      add(SlackKind::Bot, kGeneral, kBotUser, hq.toUtc(day * kSecondsPerDay + 9 * 3600), -1);
  }
  for (int i = 0; i < kDeletedUserPosts; ++i) {
    const std::int64_t day = m_plan.firstDay() + 2 * i + 1;
    add(SlackKind::Post, kRandom, kDeletedUser,
        hq.toUtc(day * kSecondsPerDay + m_random.uniformInt(10 * 3600, 16 * 3600)), -1);
  }
}

/// Orders messages by channel and time, remaps thread parents and gives each message of a
/// channel a unique ts: the second, then 100 µs steps for messages in the same second.
void SlackRunner::finish() {
  auto& messages = m_slack.messages;
  std::vector<std::size_t> order(messages.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(messages[a].channel, messages[a].time) <
           std::tie(messages[b].channel, messages[b].time);
  });
  std::vector<std::int32_t> position(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<std::int32_t>(i);
  std::vector<SlackMessage> sorted;
  sorted.reserve(messages.size());
  for (const std::size_t index : order) {
    sorted.push_back(std::move(messages[index]));
    SlackMessage& m = sorted.back();
    if (m.parent >= 0) m.parent = position[m.parent];
    const bool sameSecond = sorted.size() > 1 && sorted[sorted.size() - 2].channel == m.channel &&
                            sorted[sorted.size() - 2].time == m.time;
    m.micro = sameSecond ? sorted[sorted.size() - 2].micro + 100 : 100;
  }
  messages = std::move(sorted);
}

SlackWorkspace SlackRunner::run() {
  addChannels();
  std::vector<std::vector<double>> weights;
  for (int p = 0; p < static_cast<int>(m_org.people.size()); ++p)
    weights.push_back(channelWeights(p));
  for (std::int64_t day = m_plan.firstDay(); day <= m_plan.lastDay(); ++day) {
    for (int p = 0; p < static_cast<int>(m_org.people.size()); ++p) {
      if (m_plan.person(p).usesChat && m_plan.worksOn(p, day)) postDay(p, day, weights[p]);
    }
  }
  addSpecialMessages();
  finish();
  m_slack.deletedName = makePersonName(m_random);
  std::set<std::string> emails;
  for (const Person& person : m_org.people) emails.insert(person.email);
  const std::string local = emailLocalPart(m_slack.deletedName);
  m_slack.deletedEmail = local + "@example.org";
  for (int n = 2; emails.count(m_slack.deletedEmail) > 0; ++n) {
    m_slack.deletedEmail = local + std::to_string(n) + "@example.org";
  }
  return std::move(m_slack);
}

}  // namespace

SlackWorkspace simulateSlack(const ActivityPlan& plan, Random& random) {
  return SlackRunner(plan, random).run();
}

}  // namespace orglens::samples
