#include "analysis/responsiveness.h"

#include <algorithm>
#include <map>

namespace orglens::analysis {
namespace {

using model::MessageLog;
constexpr auto kNone = MessageLog::kNone;

std::uint32_t teamOf(const MessageLog& log, std::uint32_t person) {
  return person < log.teamOf.size() ? log.teamOf[person] : kNone;
}

std::vector<LatencyGroup> groups(std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::int64_t>>& m) {
  std::vector<LatencyGroup> out;
  for (auto& [key, values] : m) out.push_back({key.first, key.second, summarize(values)});
  std::stable_sort(out.begin(), out.end(),
                   [](const LatencyGroup& a, const LatencyGroup& b) { return a.latency.median > b.latency.median; });
  return out;
}

class Measure {
 public:
  Measure(const MessageLog& log, const ResponsivenessOptions& o) : m_log(log), m_options(o), m_clock(o.hours) {}
  /// Latency from message a to message b, answered by b's author.
  std::int64_t operator()(std::uint32_t a, std::uint32_t b) {
    if (!m_options.workingHoursOnly) return std::max<std::int64_t>(0, m_log.time[b] - m_log.time[a]);
    const auto responder = m_log.author[b];
    const std::string& tz = responder < m_log.timezoneOf.size() ? m_log.timezoneOf[responder] : m_empty;
    return m_clock.between(m_log.time[a], m_log.time[b], tz);
  }

 private:
  const MessageLog& m_log;
  const ResponsivenessOptions& m_options;
  WorkingTime m_clock;
  std::string m_empty;
};

}  // namespace

ResponsivenessResult analyseResponsiveness(const MessageLog& log, const ResponsivenessOptions& options,
                                           model::Progress& progress) {
  ResponsivenessResult r;
  r.workingHoursOnly = options.workingHoursOnly;
  r.messages = log.size();
  Measure measure(log, options);
  std::vector<std::int64_t> latencies, firsts;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::int64_t>> person, team, pair;
  for (std::uint32_t m = 0; m < log.size(); ++m) {
    const auto p = log.parent[m];
    if (p == kNone || log.author[m] == kNone || log.author[m] == log.author[p]) continue;
    const auto latency = measure(p, m);
    ++r.replies;
    latencies.push_back(latency);
    person[{kNone, log.author[m]}].push_back(latency);
    const auto responderTeam = teamOf(log, log.author[m]), askerTeam = teamOf(log, log.author[p]);
    if (responderTeam != kNone) team[{kNone, responderTeam}].push_back(latency);
    if (responderTeam != kNone && askerTeam != kNone) pair[{askerTeam, responderTeam}].push_back(latency);
  }
  // Threads: messages are grouped by thread and time-ordered; the first message opens the
  // thread, the first later message by someone else answers it (the author's own follow-ups
  // are not answers). Messages without a thread are threads of their own.
  for (std::uint32_t m = 0; m < log.size();) {
    std::uint32_t end = m + 1;
    if (log.thread[m] != kNone)
      while (end < log.size() && log.thread[end] == log.thread[m]) ++end;
    ++r.threads;
    auto answer = std::find_if(log.author.begin() + m + 1, log.author.begin() + end,
                               [&](std::uint32_t a) { return a != kNone && a != log.author[m]; });
    if (answer == log.author.begin() + end) ++r.unansweredThreads;
    else firsts.push_back(measure(m, static_cast<std::uint32_t>(answer - log.author.begin())));
    m = end;
  }
  r.unansweredShare = r.threads ? static_cast<double>(r.unansweredThreads) / static_cast<double>(r.threads) : 0;
  r.replyLatency = summarize(latencies);
  r.firstResponse = summarize(firsts);
  r.byPerson = groups(person);
  r.byTeam = groups(team);
  r.byTeamPair = groups(pair);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
