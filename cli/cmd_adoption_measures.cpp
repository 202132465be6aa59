// Champions, under-used tools and work moving into the tools for `orglens adoption`
// (definition adoption/1, docs/metrics.md).
#include <map>
#include <memory>

#include "analysis/adoption_champions.h"
#include "analysis/adoption_tools.h"
#include "cli/adoption_measures.h"
#include "importers/timestamp.h"
#include "model/interaction_log.h"
#include "model/time_format.h"
#include "reports/table.h"

namespace orglens::cli {
namespace {

constexpr std::uint64_t kMinGroup = 5;  // privacy: no figure over fewer people (DESIGN.md)

std::optional<model::MicrosUtc> bound(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return importers::TimestampParser().parse(text);  // validated by runAdoption
}

std::string percent(double share) {
  return reports::formatFixed(100.0 * share, 1);
}

}  // namespace

std::vector<NamedTable> championTables(const AdoptionArgs& args, const model::AdoptionLog& log,
                                       const analysis::AdoptionResult& result,
                                       model::Progress& progress) {
  std::unique_ptr<model::Store> store;
  const auto events = loadLog(args.common, store);
  const auto messages =
      model::InteractionLog::load(*store, bound(args.common.from), bound(args.common.to));
  analysis::CollaborationOptions options;
  options.threads = args.common.threads;
  const auto graph = analysis::buildCollaborationGraph(events, messages, options, progress);
  const auto b = analysis::computeBetweenness(graph.graph, {false, args.common.threads}, progress);
  const auto network = analysis::championNetwork(log, graph, b, messages, events);
  const auto champions = analysis::findChampions(log, result, network);
  const reports::PersonNames names(reports::pseudonymSalt(*store), args.common.showPeople);
  std::map<std::string, std::uint64_t> registered;
  for (const auto& d : result.departmentTools) registered[d.department] = d.registered;
  reports::Table t;
  t.columns = {{"department"},
               {"rank", reports::Align::Right, true},
               {"person"},
               {"segment"},
               {"cross-team ties", reports::Align::Right, true},
               {"cross-team messages", reports::Align::Right, true},
               {"betweenness", reports::Align::Right, true},
               {"score", reports::Align::Right, true}};
  std::uint64_t suppressed = 0;
  for (const auto& c : champions) {
    if (registered[c.department] < kMinGroup) {
      ++suppressed;
      continue;
    }
    if (args.common.top && c.rank > args.common.top) continue;  // --top per department
    t.addRow({c.department, std::to_string(c.rank), names(log.people[c.person].key),
              analysis::toString(c.segment), std::to_string(c.crossTeamTies),
              std::to_string(c.crossTeamInteractions), reports::formatFixed(c.betweenness, 3),
              reports::formatFixed(c.score, 3)});
  }
  const std::string how = network.useBetweenness
                              ? "score = betweenness in the collaboration graph"
                              : "no collaboration ties: score = cross-team messages";
  std::string title =
      "Champions per department (habitual and power users active in the last 4 "
      "weeks with cross-team ties; " +
      how + ")";
  if (suppressed)
    title += "; " + std::to_string(suppressed) + " in departments of fewer than 5 people left out";
  return {{"champions", title, std::move(t)}};
}

std::vector<NamedTable> underusedTables(const analysis::AdoptionResult& result) {
  reports::Table t;
  t.columns = {{"department"},
               {"tool"},
               {"registered", reports::Align::Right, true},
               {"active %", reports::Align::Right, true},
               {"average %", reports::Align::Right, true},
               {"ratio", reports::Align::Right, true},
               {"under-used"}};
  std::uint64_t suppressed = 0;
  for (const auto& u : analysis::underusedTools(result)) {
    if (u.registered < kMinGroup) {
      ++suppressed;
      continue;
    }
    t.addRow({u.department, result.tools[u.tool], std::to_string(u.registered), percent(u.share),
              percent(u.averageShare), reports::formatFixed(u.ratio, 3),
              u.underused ? "yes" : "no"});
  }
  std::string title =
      "Tools by department: share of registered people who used the tool against the average "
      "share over all departments (under-used: ratio < 0.5)";
  if (suppressed) title += "; rows of departments of fewer than 5 people left out";
  return {{"under_used", title, std::move(t)}};
}

std::vector<NamedTable> shiftTables(const model::AdoptionLog& log, bool monthly, unsigned threads) {
  const auto r = analysis::interactionShift(
      log, monthly ? analysis::ShiftPeriod::Month : analysis::ShiftPeriod::Week, threads);
  reports::Table t;
  t.columns = {{monthly ? "month" : "week"},
               {"tool"},
               {"people", reports::Align::Right, true},
               {"people in tool", reports::Align::Right, true},
               {"interactions", reports::Align::Right, true},
               {"share %", reports::Align::Right, true}};
  for (const auto& row : r.rows) {
    if (row.people < kMinGroup) continue;  // privacy
    const auto when = model::formatDateUtc(row.periodStart);
    t.addRow({monthly ? when.substr(0, 7) : when, log.tools[row.tool], std::to_string(row.people),
              std::to_string(row.toolPeople), std::to_string(row.interactions),
              percent(row.share)});
  }
  return {{"shift",
           "Share of each tool in the interactions (posts, replies, edits, comments, sent mail) of "
           "the " +
               std::to_string(r.people.size()) +
               " people who interact in e-mail and in another tool (periods of fewer than 5 "
               "people left out)",
           std::move(t)}};
}

}  // namespace orglens::cli
