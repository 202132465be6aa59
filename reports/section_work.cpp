// Report sections "workload" (work in progress per team and week, definition workload/1) and
// "responsiveness" (reply times on e-mail and chat, definition responsiveness/1).
#include <algorithm>

#include "analysis/responsiveness.h"
#include "analysis/workload.h"
#include "model/message_log.h"
#include "reports/analysis_tables.h"
#include "reports/message_tables.h"
#include "reports/report_sections.h"
#include "reports/team_filter.h"

namespace orglens::reports::detail {

SectionOutput workloadSection(const SectionInput& in) {
  analysis::WorkloadOptions options;
  options.threads = in.options.threads;
  const auto r = analysis::analyseWorkload(in.log, options, in.progress);
  SectionOutput out;
  out.section = {"workload", "Workload: work in progress", {}};
  out.section.blocks.push_back(Paragraph{
      "Work in progress is the number of items open at the end of each week; an item is held "
      "by whoever last worked on it (no assignment data)."});
  Chart wip;
  wip.key = "workload_weeks";
  wip.kind = ChartKind::Line;
  wip.title = "Arrivals, completions and open items per week";
  wip.unit = Unit::Count;
  wip.xLabel = "week (starting Monday, UTC)";
  wip.yLabel = "items";
  Series arrivals{"arrivals", {}}, completions{"completions", {}}, open{"open at week end", {}};
  std::uint64_t peak = 0;
  for (const auto& w : r.weeks) {
    wip.categories.push_back(model::formatDateUtc(w.weekStart));
    arrivals.values.push_back(static_cast<double>(w.arrivals));
    completions.values.push_back(static_cast<double>(w.completions));
    open.values.push_back(static_cast<double>(w.openAtEnd));
    peak = std::max(peak, w.openAtEnd);
  }
  wip.series = {arrivals, completions, open};
  wip.description = r.weeks.empty() ? "No weeks in the window."
                                    : std::to_string(r.weeks.size()) +
                                          " weeks; at most " + groupDigits(peak) +
                                          " items open at a week's end.";
  out.measures.push_back(measure("workload.open.peak", "Most items open at a week's end",
                                 Unit::Count, !r.weeks.empty(), static_cast<double>(peak)));
  out.section.blocks.push_back(std::move(wip));
  TableStyle style;
  style.top = 0;
  style.names = &in.names;
  auto teams = workloadTable(r.teams, in.log, false, r.hasLifecycle, style);
  teams.key = "workload_teams";
  teams.title = "Work in progress held per team";
  const auto sizes = teamSizes(in.log);
  std::vector<std::uint64_t> people;
  for (const auto& t : r.teams) people.push_back(t.who < sizes.size() ? sizes[t.who] : 0);
  suppressSmallGroups(teams, people, in.options.privacy.minGroup, 1, true);
  if (in.options.top && teams.rows.size() > in.options.top) teams.rows.resize(in.options.top);
  out.section.blocks.push_back(std::move(teams));
  return out;
}

SectionOutput responsivenessSection(const SectionInput& in) {
  // One reader thread: the sections already run side by side on the cores.
  auto log = model::MessageLog::load(in.store, {in.from, in.to, &in.fullLog, 1});
  if (!in.options.team.empty()) log = threadsOfTeam(log, in.options.team);
  analysis::ResponsivenessOptions options;
  const auto r = analysis::analyseResponsiveness(log, options, in.progress);
  SectionOutput out;
  out.section = {"responsiveness", "Responsiveness: how fast people answer", {}};
  out.section.blocks.push_back(Paragraph{
      groupDigits(r.messages) + " messages, " + groupDigits(r.replies) + " replies in " +
      groupDigits(r.threads) + " threads; median reply " + formatDuration(r.replyLatency.median) +
      ", median first response " + formatDuration(r.firstResponse.median) + "; " +
      percentText(r.unansweredShare) + " of threads never answered (elapsed time)."});
  out.measures.push_back(measure("responsiveness.reply.median", "Median time to a reply",
                                 Unit::Seconds, r.replyLatency.count > 0,
                                 r.replyLatency.median));
  out.measures.push_back(measure("responsiveness.unanswered_pct",
                                 "Threads never answered, % of threads", Unit::Percent,
                                 r.threads > 0, 100 * r.unansweredShare));
  TableStyle style;
  style.humanDurations = false;
  style.top = 0;
  style.names = &in.names;
  const std::uint64_t minReplies = 5;
  auto pairs = latencyTable(r.byTeamPair, log, true, style, "responding team", minReplies);
  pairs.key = "responsiveness_team_pairs";
  pairs.title = "Reply time between teams (slowest median first, at least 5 replies)";
  // A team pair's figure covers the people of both teams: suppressed when either is small.
  std::map<std::string, std::uint64_t> teamPeople;
  for (std::size_t p = 0; p < log.objectType.size(); ++p)
    if (log.objectType[p] == 0 && p < log.teamOf.size() && log.teamOf[p] != model::MessageLog::kNone)
      ++teamPeople[messageLogLabel(log, log.teamOf[p], in.names)];
  std::vector<std::uint64_t> sizes;
  for (const auto& row : pairs.rows)
    sizes.push_back(std::min(teamPeople[row[0]], teamPeople[row[1]]));
  suppressSmallGroups(pairs, sizes, in.options.privacy.minGroup, 2, false);
  if (in.options.top && pairs.rows.size() > in.options.top) pairs.rows.resize(in.options.top);
  for (const auto& row : pairs.rows)
    if (row[2] != kSuppressedCell) {
      out.findings.push_back({"responsiveness",
                              row[1] + " takes longest to answer " + row[0] + ": median " +
                                  formatDuration(std::stod(row[3])) + " over " + row[2] +
                                  " replies."});
      break;
    }
  out.section.blocks.push_back(std::move(pairs));
  return out;
}

}  // namespace orglens::reports::detail
