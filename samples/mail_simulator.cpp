#include <algorithm>
#include <map>
#include <numeric>

#include "samples/collaboration.h"
#include "samples/message_texts.h"
#include "samples/random.h"

namespace orglens::samples {
namespace {

constexpr double kStaffThreadRate = 0.10, kManagerThreadRate = 0.22;  // per working day
constexpr std::array<double, 3> kAnswerChance = {0.78, 0.45, 0.30};   // 1st, 2nd, 3rd reply
constexpr double kReplyMedianMinutes = 150, kReplySigma = 0.9, kMinReplyMinutes = 5;
constexpr double kCcLeadChance = 0.25, kFromLineChance = 0.04;
// Shares of a person's mail: handoff partners, team-mates, manager, reports.
constexpr double kPartnerShare = 0.5, kTeamShare = 0.4, kManagerShare = 0.05, kReportShare = 0.05;

struct ContactList {
  std::vector<int> people;
  std::vector<double> weights;
  void addGroup(const std::vector<int>& group, const std::vector<double>& raw, double share) {
    const double total = std::accumulate(raw.begin(), raw.end(), 0.0);
    if (total <= 0) return;
    for (std::size_t i = 0; i < group.size(); ++i) {
      people.push_back(group[i]);
      weights.push_back(share * raw[i] / total);
    }
  }
};

/// Who hands work to whom in the process log, both directions, counted.
std::vector<std::map<int, int>> handoffPartners(const Organisation& org, const Simulation& sim) {
  std::vector<std::map<int, int>> partners(org.people.size());
  for (std::size_t i = 1; i < sim.rows.size(); ++i) {
    const ActivityRow& a = sim.rows[i - 1];
    const ActivityRow& b = sim.rows[i];
    if (a.caseIndex != b.caseIndex || a.person == b.person) continue;
    ++partners[a.person][b.person];
    ++partners[b.person][a.person];
  }
  return partners;
}

std::vector<ContactList> buildContacts(const Organisation& org, const Simulation& sim) {
  const auto partners = handoffPartners(org, sim);
  std::vector<std::vector<int>> teamMembers(org.teams.size()), reports(org.people.size());
  for (int p = 0; p < static_cast<int>(org.people.size()); ++p) {
    teamMembers[org.people[p].team].push_back(p);
    if (org.people[p].manager >= 0) reports[org.people[p].manager].push_back(p);
  }
  std::vector<ContactList> contacts(org.people.size());
  for (int p = 0; p < static_cast<int>(org.people.size()); ++p) {
    std::vector<int> group;
    std::vector<double> raw;
    for (const auto& [partner, count] : partners[p]) {
      group.push_back(partner);
      raw.push_back(count);
    }
    contacts[p].addGroup(group, raw, kPartnerShare);
    group.clear();
    for (int mate : teamMembers[org.people[p].team]) {
      if (mate != p) group.push_back(mate);
    }
    contacts[p].addGroup(group, std::vector<double>(group.size(), 1.0), kTeamShare);
    if (org.people[p].manager >= 0)
      contacts[p].addGroup({org.people[p].manager}, {1.0}, kManagerShare);
    contacts[p].addGroup(reports[p], std::vector<double>(reports[p].size(), 1.0), kReportShare);
  }
  return contacts;
}

class MailRunner {
 public:
  MailRunner(const ActivityPlan& plan, const Simulation& sim, Random& random)
      : m_plan(plan),
        m_org(plan.org()),
        m_contacts(buildContacts(plan.org(), sim)),
        m_random(random) {}

  MailLog run();

 private:
  void runThread(int starter, std::int64_t day);
  void add(int from, int to, int cc, std::int64_t time, int parent);
  int pickCc(int from, int to);

  const ActivityPlan& m_plan;
  const Organisation& m_org;
  std::vector<ContactList> m_contacts;
  Random& m_random;
  MailLog m_log;
  std::uint16_t m_subject = 0;
};

MailLog MailRunner::run() {
  for (std::int64_t day = m_plan.firstDay(); day <= m_plan.lastDay(); ++day) {
    for (int p = 0; p < static_cast<int>(m_org.people.size()); ++p) {
      if (!m_plan.worksOn(p, day) || m_contacts[p].people.empty()) continue;
      const double rate = m_org.people[p].isManager ? kManagerThreadRate : kStaffThreadRate;
      if (m_random.chance(rate)) runThread(p, day);
    }
  }
  // Chronological order (ties by generation, so a parent stays before its replies).
  std::vector<std::size_t> order(m_log.messages.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return m_log.messages[a].time < m_log.messages[b].time;
  });
  std::vector<std::int32_t> position(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<std::int32_t>(i);
  std::vector<MailMessage> sorted;
  sorted.reserve(order.size());
  for (const std::size_t index : order) {
    sorted.push_back(m_log.messages[index]);
    if (sorted.back().parent >= 0) sorted.back().parent = position[sorted.back().parent];
  }
  m_log.messages = std::move(sorted);
  return std::move(m_log);
}

int MailRunner::pickCc(int from, int to) {
  const Team& team = m_org.teams[m_org.people[from].team];
  const bool sameTeam = m_org.people[to].team == m_org.people[from].team;
  if (!sameTeam || team.lead == from || team.lead == to || !m_random.chance(kCcLeadChance)) {
    return -1;
  }
  return team.lead;
}

void MailRunner::runThread(int starter, std::int64_t day) {
  const ContactList& contacts = m_contacts[starter];
  const int to = contacts.people[m_random.weightedIndex(contacts.weights)];
  if (m_plan.person(to).firstDay > day) return;  // not employed yet
  const int cc = pickCc(starter, to);
  m_subject = static_cast<std::uint16_t>(m_random.uniformInt(0, texts::kSubjects.size() - 1));
  ++m_log.threads;
  std::int64_t time = m_plan.drawTime(starter, day, m_random, true);
  add(starter, to, cc, time, -1);
  int sender = to, other = starter;
  for (std::size_t k = 0; k < kAnswerChance.size(); ++k) {
    if (!m_random.chance(kAnswerChance[k])) {
      if (k == 0) ++m_log.unanswered;
      break;
    }
    const double minutes =
        std::max(kMinReplyMinutes, m_random.lognormal(kReplyMedianMinutes, kReplySigma));
    const std::int64_t ready = time + static_cast<std::int64_t>(minutes * 60);
    const std::int64_t reply =
        scheduleWork(m_plan.clockOf(sender), m_plan.worksWeekends(sender), ready, 0);
    if (!m_plan.worksOn(sender, m_plan.localDay(sender, reply))) {
      if (k == 0) ++m_log.unanswered;  // away (or gone) when the mail arrived
      break;
    }
    add(sender, other, cc, reply, static_cast<int>(m_log.messages.size()) - 1);
    std::swap(sender, other);
    time = reply;
  }
}

void MailRunner::add(int from, int to, int cc, std::int64_t time, int parent) {
  MailMessage message;
  message.time = time;
  message.from = from;
  message.to = to;
  message.cc = cc;
  message.parent = parent;
  message.thread = static_cast<std::int32_t>(m_log.threads - 1);
  message.subject = m_subject;
  message.platform = m_plan.drawPlatform(from, m_random);
  message.lineCount = static_cast<std::uint8_t>(m_random.uniformInt(1, 3));
  for (std::uint8_t i = 0; i < message.lineCount; ++i) {
    message.lines[i] =
        static_cast<std::uint8_t>(m_random.uniformInt(0, texts::kMailLines.size() - 1));
  }
  if (m_random.chance(kFromLineChance)) {
    message.lines[message.lineCount - 1] = static_cast<std::uint8_t>(
        texts::kMailLines.size() + m_random.uniformInt(0, texts::kFromLines.size() - 1));
  }
  m_log.messages.push_back(message);
}

}  // namespace

MailLog simulateMail(const ActivityPlan& plan, const Simulation& sim, Random& random) {
  return MailRunner(plan, sim, random).run();
}

}  // namespace orglens::samples
