#include "samples/review_simulator.h"

#include <algorithm>

#include "samples/planted.h"
#include "samples/random.h"

namespace orglens::samples {
namespace {

// About one item per engineer and week.
constexpr double kItemsPerWorkday = 0.2;
// Share of the requesting team's items that need a review from the slow reviewer team, and of
// the reviewer team's items that ask the requesting team (those are quick).
constexpr double kSlowShare = 0.3, kCrossShare = 0.3;
// Review waits before working hours are applied: the planted pair waits days, others hours.
constexpr double kSlowWaitMedian = 60 * 3600.0, kSlowWaitSigma = 0.35;
constexpr double kWaitMedian = 2.5 * 3600.0, kWaitSigma = 0.8;

std::vector<int> eligible(const Organisation& org, int team, int except, std::int64_t day) {
  std::vector<int> out;
  for (int p : org.teams[team].workers)
    if (p != except && org.people[p].startDay <= day) out.push_back(p);
  return out;
}

class Reviews {
 public:
  Reviews(const Organisation& org, const std::vector<ZoneClock>& clocks, Random& random,
          ReviewLog& log)
      : m_org(org), m_clocks(clocks), m_random(random), m_log(log) {}

  void addItem(int team, int author, std::int64_t day);

 private:
  const ZoneClock& clock(int person) const { return m_clocks[m_org.people[person].zone]; }
  /// The next working moment of `person` after `ready` with room for `duration` seconds.
  std::int64_t work(int person, double ready, std::int64_t duration) const {
    return scheduleWork(clock(person), false, static_cast<std::int64_t>(ready), duration);
  }
  int pick(const std::vector<int>& pool) {
    return pool[static_cast<std::size_t>(m_random.uniformInt(0, std::int64_t(pool.size()) - 1))];
  }

  const Organisation& m_org;
  const std::vector<ZoneClock>& m_clocks;
  Random& m_random;
  ReviewLog& m_log;
  std::vector<int> m_issueKeys = std::vector<int>(m_org.teams.size(), 0);
};

void Reviews::addItem(int team, int author, std::int64_t day) {
  ReviewItem item;
  item.team = team;
  item.number = static_cast<int>(m_log.items.size()) + 1;
  item.issueKey = ++m_issueKeys[team];
  item.lead = m_org.teams[team].lead;
  item.author = author;
  const std::int64_t morning = clock(item.lead).toUtc(day * kSecondsPerDay + kWorkdayBegin);
  item.created = morning + m_random.uniformInt(0, 8 * 3600);
  item.assigned = item.created + m_random.uniformInt(300, 3600);
  item.started = work(author, item.assigned + m_random.lognormal(2 * 3600.0, 0.7), 600);
  item.opened = work(author, item.started + m_random.lognormal(6 * 3600.0, 0.6), 600);
  item.requested = item.opened + 120;
  // The reviewer: the slow team for a share of the requesting team's items, else mostly the
  // author's own team.
  const int other = team == m_log.requestingTeam ? m_log.reviewerTeam : m_log.requestingTeam;
  const bool cross = m_random.chance(team == m_log.requestingTeam ? kSlowShare : kCrossShare);
  std::vector<int> pool = eligible(m_org, cross ? other : team, author, day);
  if (pool.empty()) pool = eligible(m_org, cross ? team : other, author, day);
  if (pool.empty()) pool = {m_org.teams[other].lead};
  item.reviewer = pick(pool);
  item.slow =
      team == m_log.requestingTeam && m_org.people[item.reviewer].team == m_log.reviewerTeam;
  const double wait = item.slow ? m_random.lognormal(kSlowWaitMedian, kSlowWaitSigma)
                                : m_random.lognormal(kWaitMedian, kWaitSigma);
  item.reviewed = work(item.reviewer, item.requested + wait, 1800);
  item.merged = work(author, item.reviewed + m_random.lognormal(40 * 60.0, 0.5), 300);
  m_log.items.push_back(item);
}

double medianHours(std::vector<std::int64_t>& waits) {
  if (waits.empty()) return 0;
  std::sort(waits.begin(), waits.end());
  const std::size_t middle = waits.size() / 2;
  const double seconds = waits.size() % 2 == 1
                             ? static_cast<double>(waits[middle])
                             : (static_cast<double>(waits[middle - 1]) + waits[middle]) / 2.0;
  return seconds / 3600.0;
}

}  // namespace

ReviewLog simulateReviews(const Organisation& org, const std::vector<ZoneClock>& clocks,
                          std::int64_t startDay, int days, Random& random) {
  ReviewLog log;
  log.requestingTeam = org.teamIndex(planted::kSlowReviewRequestTeam);
  log.reviewerTeam = org.teamIndex(planted::kSlowReviewerTeam);
  if (log.requestingTeam < 0 || log.reviewerTeam < 0) return log;
  Reviews reviews(org, clocks, random, log);
  for (std::int64_t day = startDay; day < startDay + days; ++day) {
    if (isWeekend(day)) continue;
    for (int team : {log.requestingTeam, log.reviewerTeam})
      for (int author : org.teams[team].workers)
        if (org.people[author].startDay <= day && random.chance(kItemsPerWorkday))
          reviews.addItem(team, author, day);
  }
  return log;
}

ReviewFacts measureReviews(const ReviewLog& log) {
  ReviewFacts facts;
  facts.written = !log.empty();
  facts.items = log.items.size();
  std::vector<std::int64_t> slow, other;
  for (const ReviewItem& item : log.items)
    (item.slow ? slow : other).push_back(item.reviewed - item.requested);
  facts.slowCount = slow.size();
  facts.otherCount = other.size();
  facts.slowMedianHours = medianHours(slow);
  facts.otherMedianHours = medianHours(other);
  return facts;
}

std::string gitHubLogin(const Person& person) {
  // Logins are letters, digits and single hyphens: the address's local part with '.' → '-'.
  std::string login;
  for (char c : person.email.substr(0, person.email.find('@')))
    login += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-';
  return login;
}

}  // namespace orglens::samples
