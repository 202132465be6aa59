// Report section "adoption": who really uses which tools, on which device (definition
// adoption/1).
#include <algorithm>
#include <map>

#include "analysis/adoption.h"
#include "analysis/adoption_champions.h"
#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "model/adoption_log.h"
#include "model/interaction_log.h"
#include "reports/report_sections.h"
#include "reports/team_filter.h"

namespace orglens::reports::detail {
namespace {

constexpr model::Platform kPlatforms[] = {model::Platform::Desktop, model::Platform::Mobile,
                                          model::Platform::Web, model::Platform::Unknown};

/// People using each tool on each platform in the window, % of registered.
Chart toolsByPlatform(const model::AdoptionLog& log, std::uint64_t registered) {
  Chart c;
  c.key = "adoption_tools_platform";
  c.kind = ChartKind::Bar;
  c.title = "People using each tool, by platform (% of registered)";
  c.unit = Unit::Percent;
  c.xLabel = "tool";
  c.yLabel = "% of registered people";
  c.categories = log.tools;
  const std::size_t tools = log.tools.size(), people = log.people.size();
  std::vector<char> seen(tools * 4 * people, 0);
  std::vector<std::vector<double>> counts(4, std::vector<double>(tools, 0));
  for (std::size_t i = 0; i < log.size(); ++i) {
    if (log.tool[i] == model::AdoptionLog::kNone) continue;
    const auto p = static_cast<std::size_t>(log.platform[i]);
    auto& s = seen[(log.tool[i] * 4 + p) * people + log.person[i]];
    if (!s) ++counts[p][log.tool[i]];
    s = 1;
  }
  for (auto p : kPlatforms) {
    const auto idx = static_cast<std::size_t>(p);
    if (std::all_of(counts[idx].begin(), counts[idx].end(), [](double v) { return v == 0; }))
      continue;
    Series series{std::string(model::toString(p)), {}};
    for (double v : counts[idx])
      series.values.push_back(registered ? 100 * v / static_cast<double>(registered) : 0);
    c.series.push_back(std::move(series));
  }
  c.description = "For each tool, the share of registered people who used it on desktop, "
                  "mobile, web, or an unknown platform in the window.";
  return c;
}

Table departmentTable(const analysis::AdoptionResult& r, unsigned k) {
  Table t;
  t.key = "adoption_departments";
  t.title = "Adoption by department (active in the last 1 / 7 / 30 days of the window)";
  t.columns = {{"department"},
               {"registered", Align::Right, true, Unit::Count},
               {"ever active", Align::Right, true, Unit::Count},
               {"DAU %", Align::Right, true, Unit::Percent},
               {"WAU %", Align::Right, true, Unit::Percent},
               {"MAU %", Align::Right, true, Unit::Percent},
               {"stickiness", Align::Right, true}};
  std::vector<std::uint64_t> sizes;
  for (const auto& g : r.byDepartment) {
    const auto& c = g.counts;
    t.addRow({g.name, std::to_string(c.registered), std::to_string(c.everActive),
              formatFixed(100 * c.dauShare, 1), formatFixed(100 * c.wauShare, 1),
              formatFixed(100 * c.mauShare, 1), formatFixed(c.stickiness, 3)});
    sizes.push_back(c.registered);
  }
  suppressSmallGroups(t, sizes, k, 1, true);  // the departments add up to the shown total
  return t;
}

Table segmentTable(const analysis::AdoptionResult& r) {
  Table t;
  t.key = "adoption_segments";
  t.title = "Usage segments over the last 12 weeks";
  t.columns = {{"segment"},
               {"people", Align::Right, true, Unit::Count},
               {"% of registered", Align::Right, true, Unit::Percent}};
  for (std::size_t s = 0; s < analysis::kSegments; ++s)
    t.addRow({analysis::toString(static_cast<analysis::Segment>(s)),
              std::to_string(r.segments[s]),
              formatFixed(r.overall.registered ? 100.0 * static_cast<double>(r.segments[s]) /
                                                     static_cast<double>(r.overall.registered)
                                               : 0.0,
                          1)});
  return t;
}

Table championTable(const SectionInput& in, const model::AdoptionLog& log,
                    const analysis::AdoptionResult& r) {
  const auto& shared = in.network();
  const auto network = analysis::championNetwork(log, shared.graph, shared.betweenness,
                                                 shared.mail, in.fullLog);
  std::map<std::string, std::uint64_t> registered;
  for (const auto& d : r.departmentTools) registered[d.department] = d.registered;
  Table t;
  t.key = "adoption_champions";
  t.title = "Champions: the best-connected regular users of each department";
  t.columns = {{"department"}, {"person"}, {"segment"}, {"cross-team ties", Align::Right, true}};
  for (const auto& c : analysis::findChampions(log, r, network)) {
    if (c.rank != 1 || registered[c.department] < in.options.privacy.minGroup) continue;
    t.addRow({c.department, in.names(log.people[c.person].key), analysis::toString(c.segment),
              std::to_string(c.crossTeamTies)});
  }
  t.note = "Departments of fewer than " + std::to_string(in.options.privacy.minGroup) +
           " registered people are left out.";
  return t;
}

}  // namespace

SectionOutput adoptionSection(const SectionInput& in) {
  model::AdoptionLoadOptions load;
  load.from = in.from;
  load.to = in.to;
  load.lookups = &in.fullLog;  // the same store's lookups, read once for the report
  load.threads = 1;            // the sections already run side by side on the cores
  auto log = model::AdoptionLog::load(in.store, load);
  if (!in.options.team.empty()) log = peopleOfTeam(log, in.options.team);
  analysis::AdoptionOptions options;
  options.threads = in.options.threads;
  const auto r = analysis::analyseAdoption(log, options, in.progress);
  SectionOutput out;
  out.section = {"adoption", "Adoption: who uses which tools, on which device", {}};
  const auto& o = r.overall;
  const bool has = o.registered > 0;
  out.measures.push_back(measure("adoption.registered", "Registered people", Unit::Count, has,
                                 static_cast<double>(o.registered)));
  out.measures.push_back(measure("adoption.dau_pct", "Daily active people, % of registered",
                                 Unit::Percent, has, 100 * o.dauShare));
  out.measures.push_back(measure("adoption.wau_pct", "Weekly active people, % of registered",
                                 Unit::Percent, has, 100 * o.wauShare));
  out.measures.push_back(measure("adoption.mau_pct", "Monthly active people, % of registered",
                                 Unit::Percent, has, 100 * o.mauShare));
  out.measures.push_back(
      measure("adoption.stickiness", "Stickiness (DAU / MAU)", Unit::None, has, o.stickiness));
  if (!has) {
    out.section.blocks.push_back(Paragraph{"No registered people in the store (no roster, chat "
                                           "users or usage log): nothing to measure."});
    return out;
  }
  // Stickiness = mean DAU over the last 30 days / MAU, so this is the mean daily share.
  const double averageDay = 100 * o.stickiness * o.mauShare;
  out.section.blocks.push_back(Paragraph{
      groupDigits(o.registered) + " registered people, " + groupDigits(o.everActive) +
      " ever active. On the last day of the window " + formatFixed(100 * o.dauShare, 1) +
      "% were active (DAU), in its last 7 days " + formatFixed(100 * o.wauShare, 1) +
      "% (WAU), in its last 30 days " + formatFixed(100 * o.mauShare, 1) +
      "% (MAU); on an average day of those 30, " + formatFixed(averageDay, 1) + "%."});
  out.findings.push_back({"adoption", formatFixed(100 * o.mauShare, 0) +
                                          "% of registered people used a collaboration tool in "
                                          "the last 30 days; " +
                                          formatFixed(averageDay, 0) +
                                          "% on an average day."});
  out.measures.push_back(measure("adoption.average_day_pct",
                                 "Active on an average day of the last 30, % of registered",
                                 Unit::Percent, true, averageDay));
  Chart trend;
  trend.key = "adoption_active_trend";
  trend.kind = ChartKind::Line;
  trend.title = "Active people per week, % of registered";
  trend.unit = Unit::Percent;
  trend.xLabel = "week (starting Monday, UTC)";
  trend.yLabel = "% active";
  Series active{"active in the week", {}};
  for (const auto& w : r.weeks) {
    trend.categories.push_back(model::formatDateUtc(w.weekStart));
    active.values.push_back(100 * w.activeShare);
  }
  trend.series = {active};
  trend.description = r.weeks.empty() ? "No weeks in the window."
                                      : "From " + formatFixed(active.values.front(), 0) +
                                            "% in the first week to " +
                                            formatFixed(active.values.back(), 0) +
                                            "% in the last.";
  out.section.blocks.push_back(std::move(trend));
  out.section.blocks.push_back(toolsByPlatform(log, o.registered));
  out.section.blocks.push_back(departmentTable(r, in.options.privacy.minGroup));
  out.section.blocks.push_back(segmentTable(r));
  out.section.blocks.push_back(championTable(in, log, r));
  return out;
}

}  // namespace orglens::reports::detail
