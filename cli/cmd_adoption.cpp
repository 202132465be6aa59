#include <cstdio>
#include <stdexcept>

#include "analysis/adoption.h"
#include "cli/adoption_measures.h"
#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "importers/timestamp.h"
#include "model/time_format.h"
#include "reports/privacy.h"
#include "reports/table.h"

namespace orglens::cli {
namespace {

constexpr std::uint64_t kMinGroup = 5;  // privacy: no figure over fewer people (DESIGN.md)

std::string percent(double share) {
  return reports::formatFixed(100.0 * share, 1);
}

std::optional<model::MicrosUtc> bound(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  importers::TimestampParser parser;
  if (auto t = parser.parse(text)) return t;
  throw std::invalid_argument(std::string(option) + ": cannot read '" + text +
                              "' as a date or time (e.g. 2025-03-01)");
}

std::vector<std::string> countsRow(const std::string& name, const analysis::ActiveCounts& c) {
  return {name,
          std::to_string(c.registered),
          std::to_string(c.everActive),
          std::to_string(c.dau),
          std::to_string(c.wau),
          std::to_string(c.mau),
          percent(c.dauShare),
          percent(c.wauShare),
          percent(c.mauShare),
          reports::formatFixed(c.stickiness, 3),
          std::to_string(c.actions)};
}

reports::Table groupTable(const std::string& what,
                          const std::vector<analysis::GroupAdoption>& groups,
                          const std::vector<analysis::DepartmentTools>* departments,
                          std::size_t top) {
  reports::Table t;
  t.columns = {{what}};
  for (const char* c : {"registered", "ever active", "DAU", "WAU", "MAU", "DAU %", "WAU %", "MAU %",
                        "stickiness", "actions"})
    t.columns.push_back({c, reports::Align::Right, true});
  if (departments) t.columns.push_back({"tools not used"});
  std::vector<std::uint64_t> sizes;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& g = groups[i];
    auto row = countsRow(g.name, g.counts);
    if (departments) {
      std::string unused;
      for (const auto& tool : (*departments)[i].unusedTools)
        unused += (unused.empty() ? "" : ", ") + tool;
      row.push_back(unused.empty() ? "-" : unused);
    }
    t.addRow(std::move(row));
    sizes.push_back(g.counts.registered);
  }
  // Departments add up to the registered total printed above the table: small ones are
  // withheld with complementary suppression (docs/privacy.md), as in the report.
  if (departments) reports::suppressSmallGroups(t, sizes, kMinGroup, 1, true);
  if (top && t.rows.size() > top) t.rows.resize(top);
  return t;
}

reports::Table weeksTable(const analysis::AdoptionResult& r) {
  reports::Table t;
  t.columns = {{"week"},
               {"active people", reports::Align::Right, true},
               {"active %", reports::Align::Right, true},
               {"average DAU", reports::Align::Right, true},
               {"actions", reports::Align::Right, true}};
  for (const auto& w : r.weeks)
    t.addRow({model::formatDateUtc(w.weekStart), std::to_string(w.activePeople),
              percent(w.activeShare), reports::formatFixed(w.averageDau, 1),
              std::to_string(w.actions)});
  return t;
}

reports::Table segmentsTable(const analysis::AdoptionResult& r) {
  reports::Table t;
  t.columns = {{"segment"},
               {"people", reports::Align::Right, true},
               {"% of registered", reports::Align::Right, true}};
  for (std::size_t s = 0; s < analysis::kSegments; ++s)
    t.addRow({analysis::toString(static_cast<analysis::Segment>(s)), std::to_string(r.segments[s]),
              percent(r.overall.registered ? static_cast<double>(r.segments[s]) /
                                                 static_cast<double>(r.overall.registered)
                                           : 0.0)});
  return t;
}

reports::Table funnelTable(const analysis::AdoptionResult& r) {
  reports::Table t;
  t.columns = {{"stage"},
               {"people", reports::Align::Right, true},
               {"% of registered", reports::Align::Right, true}};
  for (const auto& s : r.funnel) t.addRow({s.name, std::to_string(s.people), percent(s.share)});
  return t;
}

reports::Table depthTable(const analysis::AdoptionResult& r) {
  reports::Table t;
  t.columns = {{"depth"}, {"actions", reports::Align::Right, true}};
  for (std::size_t d = 0; d < analysis::kDepths; ++d)
    t.addRow({analysis::toString(static_cast<analysis::Depth>(d)), std::to_string(r.depth[d])});
  return t;
}

reports::Table teamTimeTable(const analysis::AdoptionResult& r) {
  reports::Table t;
  t.columns = {{"team"},
               {"people", reports::Align::Right, true},
               {"actions", reports::Align::Right, true},
               {"weekend %", reports::Align::Right, true},
               {"after hours %", reports::Align::Right, true},
               {"mobile % off hours", reports::Align::Right, true},
               {"mobile %", reports::Align::Right, true}};
  std::vector<std::uint64_t> sizes;
  for (const auto& s : r.teamTime) {
    t.addRow({s.name, std::to_string(s.people), std::to_string(s.actions), percent(s.weekendShare),
              percent(s.afterHoursShare), percent(s.offHoursMobileShare), percent(s.mobileShare)});
    sizes.push_back(s.people);
  }
  // The teams' actions add up to the total printed above: small teams are withheld with
  // complementary suppression (docs/privacy.md), as the departments are.
  reports::suppressSmallGroups(t, sizes, kMinGroup, 1, true);
  return t;
}

reports::Table peopleTable(const model::AdoptionLog& log, const analysis::AdoptionResult& r,
                           const std::vector<std::uint32_t>& people, std::size_t top,
                           const reports::PersonNames& names) {
  reports::Table t;
  t.columns = {{"person"}, {"active days", reports::Align::Right, true}};
  for (const auto p : people) {
    if (top && t.rows.size() >= top) break;
    t.addRow({names(log.people[p].key), std::to_string(r.people[p].activeDays)});
  }
  return t;
}

reports::Table cohortTable(const analysis::AdoptionResult& r) {
  reports::Table t;
  t.columns = {{"registered in"}, {"people", reports::Align::Right, true}};
  for (const int k : analysis::kCohortWeeks)
    t.columns.push_back({"week " + std::to_string(k) + " %", reports::Align::Right, true});
  std::vector<std::uint64_t> sizes;
  for (const auto& c : r.cohorts) {
    std::vector<std::string> row{model::formatDateUtc(c.monthStart).substr(0, 7),
                                 std::to_string(c.people)};
    // A week's share needs k people still observed in it (later weeks of recent cohorts are
    // not observed yet).
    for (std::size_t k = 0; k < analysis::kCohortWeeks.size(); ++k)
      row.push_back(c.observed[k] >= kMinGroup ? percent(c.share[k]) : "-");
    t.addRow(std::move(row));
    sizes.push_back(c.people);
  }
  // The cohorts partition the people registered during the log, a total not printed anywhere:
  // withholding the small cohorts themselves is enough.
  reports::suppressSmallGroups(t, sizes, kMinGroup, 1, false);
  return t;
}

std::vector<NamedTable> selectTables(const AdoptionArgs& args, const model::AdoptionLog& log,
                                     const analysis::AdoptionResult& r, model::Progress& progress,
                                     const reports::PersonNames& names) {
  const std::size_t top = args.common.top;
  std::vector<NamedTable> tables;
  if (args.champions) {
    tables = championTables(args, log, r, progress);
  } else if (args.by == "under-used") {
    tables = underusedTables(r);
  } else if (args.by == "shift" || args.by == "shift-month") {
    tables = shiftTables(log, args.by == "shift-month", args.common.threads);
  } else if (args.segments) {
    tables.push_back({"segments", "Usage segments over the last 12 weeks", segmentsTable(r)});
    tables.push_back({"funnel", "Funnel", funnelTable(r)});
    tables.push_back({"depth", "Actions by depth", depthTable(r)});
    tables.push_back({"cohorts",
                      "Retention by registration month (people registered during the log)",
                      cohortTable(r)});
    tables.push_back(
        {"abandoned", "Tried then abandoned", peopleTable(log, r, r.abandoned, top, names)});
    tables.push_back({"struggling", "Struggling", peopleTable(log, r, r.struggling, top, names)});
  } else if (args.by == "week") {
    tables.push_back(
        {"weeks", "Active people per week (weeks start Monday 00:00 UTC)", weeksTable(r)});
  } else if (args.by == "department") {
    tables.push_back({"departments", "Adoption by department",
                      groupTable("department", r.byDepartment, &r.departmentTools, top)});
    tables.push_back({"team_time", "Weekend, after-hours and mobile shares by team (local time)",
                      teamTimeTable(r)});
  } else {
    const auto& groups = args.by == "tool"       ? r.byTool
                         : args.by == "platform" ? r.byPlatform
                                                 : r.byRole;
    tables.push_back(
        {args.by + "s", "Adoption by " + args.by, groupTable(args.by, groups, nullptr, top)});
  }
  return tables;
}

}  // namespace

int runAdoption(const AdoptionArgs& args) {
  return guarded("adoption", [&] {
    const auto format = reports::parseFormat(args.common.format);
    static const std::vector<std::string> kBy = {"tool", "platform",   "department", "role",
                                                 "week", "under-used", "shift",      "shift-month"};
    if (std::find(kBy.begin(), kBy.end(), args.by) == kBy.end())
      throw std::invalid_argument(
          "--by: expected tool, platform, department, role, week, under-used, shift or "
          "shift-month, not '" +
          args.by + "'");
    model::AdoptionLoadOptions load;
    load.from = bound(args.common.from, "--from");
    load.to = bound(args.common.to, "--to");
    if (load.from && load.to && *load.from >= *load.to)
      throw std::invalid_argument("--from must be before --to");
    load.threads = args.common.threads;
    const auto store = model::Store::open(args.common.db, model::Store::Mode::ReadOnly);
    const auto log = model::AdoptionLog::load(*store, load);
    analysis::AdoptionOptions options;
    options.threads = args.common.threads;
    StderrProgress progress("adoption");
    const auto r = analysis::analyseAdoption(log, options, progress);
    auto tables = selectTables(args, log, r, progress, personNames(*store, args.common));
    progress.finish();
    checkTable(tables, args.common.table);
    if (format == reports::Format::Text) {
      const auto& o = r.overall;
      std::printf(
          "%s registered, %s ever active; DAU %s (%s%%), WAU %s (%s%%), MAU %s (%s%%), stickiness "
          "%s; "
          "involvement (4+ tools) %s%%; %zu abandoned, %zu struggling; last day %s\n",
          std::to_string(o.registered).c_str(), std::to_string(o.everActive).c_str(),
          std::to_string(o.dau).c_str(), percent(o.dauShare).c_str(), std::to_string(o.wau).c_str(),
          percent(o.wauShare).c_str(), std::to_string(o.mau).c_str(), percent(o.mauShare).c_str(),
          reports::formatFixed(o.stickiness, 3).c_str(), percent(r.involvement).c_str(),
          r.abandoned.size(), r.struggling.size(), model::formatDateUtc(r.lastDay).c_str());
    } else if (format == reports::Format::Json) {
      reports::Table summary;
      summary.columns = {{"scope"}};
      for (const char* c : {"registered", "ever_active", "dau", "wau", "mau", "dau_pct", "wau_pct",
                            "mau_pct", "stickiness", "actions"})
        summary.columns.push_back({c, reports::Align::Right, true});
      summary.addRow(countsRow("all", r.overall));
      tables.insert(tables.begin(), {"summary", "Summary", summary});
    }
    printTables(tables, format, r.definition, args.common.table, "adoption");
    return int(kOk);
  });
}

}  // namespace orglens::cli
