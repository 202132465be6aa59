// `orglens network` and `orglens silos`: the collaboration graph's measures per person and
// per team (definition network/1, docs/metrics.md).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "analysis/betweenness.h"
#include "analysis/brokerage.h"
#include "analysis/bus_factor.h"
#include "analysis/collaboration_graph.h"
#include "analysis/communities.h"
#include "analysis/graph_structure.h"
#include "analysis/silos.h"
#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "importers/timestamp.h"
#include "model/interaction_log.h"
#include "reports/analysis_tables.h"
#include "reports/network_tables.h"
#include "reports/table.h"

namespace orglens::cli {
namespace {

using model::EventLog;

std::optional<model::MicrosUtc> bound(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return importers::TimestampParser().parse(text);  // loadLog has validated it
}

using reports::teamLabel;

/// A figure that may be NaN (a person without ties): "-" then.
std::string fixedOrDash(double v, int decimals) {
  return std::isnan(v) ? "-" : reports::formatFixed(v, decimals);
}

/// Loads the log and the messages of the window and builds the graph.
analysis::CollaborationGraph loadGraph(const NetworkArgs& args, EventLog& log,
                                       std::unique_ptr<model::Store>& store,
                                       model::Progress& progress) {
  log = loadLog(args.common, store);
  const auto mail =
      model::InteractionLog::load(*store, bound(args.common.from), bound(args.common.to));
  analysis::CollaborationOptions options;
  options.minInteractions = args.minInteractions;
  options.handoffWeight = args.handoffWeight;
  options.coworkWeight = args.coworkWeight;
  options.messageWeight = args.messageWeight;
  options.threads = args.common.threads;
  if (auto problem = options.validate(); !problem.empty()) throw std::invalid_argument(problem);
  return analysis::buildCollaborationGraph(log, mail, options, progress);
}

reports::Table peopleTable(const analysis::CollaborationGraph& cg,
                           const analysis::BetweennessResult& b,
                           const analysis::CommunityResult& communities, const EventLog& log,
                           const reports::PersonNames& names, std::size_t top) {
  std::vector<std::uint32_t> order(cg.person.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return b.raw[x] > b.raw[y]; });
  const auto cores = analysis::coreNumbers(cg.graph);
  std::vector<char> cut(cg.person.size(), 0);
  for (auto v : analysis::articulationPoints(cg.graph)) cut[v] = 1;
  const auto constraint = analysis::constraint(cg.graph);
  const auto effective = analysis::effectiveSize(cg.graph);
  reports::Table t;
  t.columns = {{"person"},
               {"team"},
               {"degree", reports::Align::Right, true},
               {"core", reports::Align::Right, true},
               {"cut point"},
               {"strength", reports::Align::Right, true},
               {"betweenness", reports::Align::Right, true},
               {"normalised", reports::Align::Right, true},
               {"constraint", reports::Align::Right, true},
               {"effective size", reports::Align::Right, true},
               {"community", reports::Align::Right, true}};
  for (auto v : order) {
    if (top && t.rows.size() >= top) break;
    t.addRow({reports::personLabel(log, cg.person[v], &names), teamLabel(log, cg.team[v]),
              std::to_string(cg.graph.degree(v)), std::to_string(cores[v]), cut[v] ? "yes" : "no",
              reports::formatFixed(cg.graph.strength(v), 3), reports::formatFixed(b.raw[v], 3),
              reports::formatFixed(b.normalised[v], 6), fixedOrDash(constraint[v], 4),
              fixedOrDash(effective[v], 3), std::to_string(communities.membership[v])});
  }
  return t;
}

/// "estimate (256 sources, ± 0.0123 normalised, 95% confidence)".
std::string estimateLabel(const analysis::BetweennessResult& b) {
  return "estimate (" + std::to_string(b.sources) + " sources, ± " +
         reports::formatFixed(b.errorBound, 4) + " normalised, 95% confidence)";
}

}  // namespace

int runNetwork(const NetworkArgs& args) {
  return guarded("network", [&] {
    const auto format = reports::parseFormat(args.common.format);
    checkTableKey(args.common.table, {"people"});
    EventLog log;
    StderrProgress progress("network");
    std::unique_ptr<model::Store> store;
    const auto cg = loadGraph(args, log, store, progress);
    const auto names = personNames(*store, args.common);
    const auto b =
        analysis::computeBetweenness(cg.graph, {args.weighted, args.common.threads}, progress);
    const auto communities = analysis::leiden(cg.graph);
    progress.finish();
    const std::string title = std::string("People by betweenness (") +
                              (args.weighted ? "weighted, tie length 1/weight" : "unweighted") +
                              "; " + std::to_string(cg.graph.nodeCount()) + " people, " +
                              std::to_string(cg.graph.edgeCount()) + " ties" +
                              (b.estimated ? "; betweenness " + estimateLabel(b) : "") + ")";
    printTables({{"people", title, peopleTable(cg, b, communities, log, names, args.common.top)}},
                format, cg.definition, args.common.table, "network");
    return int(kOk);
  });
}

namespace {

/// Newman's categorical assortativity of the ties by team (people with a team only).
reports::Table assortativityTable(const analysis::CollaborationGraph& cg) {
  reports::Table t;
  t.columns = {{"team assortativity r", reports::Align::Right, true}};
  t.addRow({fixedOrDash(analysis::nominalAssortativity(cg.graph, cg.team, EventLog::kNone), 4)});
  return t;
}

}  // namespace

int runSilos(const NetworkArgs& args) {
  return guarded("silos", [&] {
    const auto format = reports::parseFormat(args.common.format);
    checkTableKey(args.common.table,
                  {"teams", "brokers", "matrix", "communities", "assortativity"});
    EventLog log;
    StderrProgress progress("silos");
    std::unique_ptr<model::Store> store;
    const auto cg = loadGraph(args, log, store, progress);
    const auto names = personNames(*store, args.common);
    const auto s = analysis::analyseSilos(cg, log);
    progress.finish();
    printTables({{"teams", "Teams by E-I index over tie counts (-1 = every tie inside the team)",
                  reports::siloTeamTable(s, log)},
                 {"brokers", "People carrying the most cross-team ties",
                  reports::brokerTable(s, cg, log, &names, args.common.top)},
                 {"matrix", "Tie weight between teams (diagonal: inside the team)",
                  reports::teamMatrixTable(s, log)},
                 {"communities", "Communities vs teams (Leiden, resolution 1, seed 1)",
                  reports::communityTable(cg, analysis::leiden(cg.graph))},
                 {"assortativity", "Assortativity of ties by team (1 = every tie inside a team)",
                  assortativityTable(cg)}},
                format, s.definition, args.common.table, "silos");
    return int(kOk);
  });
}

namespace {

/// The first five key people with their events, then "+N more".
std::string peopleOf(const std::vector<std::pair<std::uint32_t, std::uint64_t>>& people,
                     const EventLog& log, const reports::PersonNames& names) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t i = 0; i < std::min(kShown, people.size()); ++i)
    out += (i ? ", " : "") + reports::personLabel(log, people[i].first, &names) + " (" +
           std::to_string(people[i].second) + ")";
  if (people.size() > kShown) out += ", +" + std::to_string(people.size() - kShown) + " more";
  return out;
}

reports::Table busFactorTable(const std::vector<analysis::BusFactorArea>& areas,
                              const EventLog& log, const reports::PersonNames& names,
                              std::size_t top) {
  reports::Table t;
  t.columns = {{"kind"},
               {"area"},
               {"bus factor", reports::Align::Right, true},
               {"people", reports::Align::Right, true},
               {"items", reports::Align::Right, true},
               {"events", reports::Align::Right, true},
               {"key people"}};
  for (const auto& a : areas) {
    if (top && t.rows.size() >= top) break;
    t.addRow({a.document ? "folder" : "task area", a.document && a.area.empty() ? "/" : a.area,
              std::to_string(a.busFactor), std::to_string(a.people), std::to_string(a.items),
              std::to_string(a.events), peopleOf(a.keyPeople, log, names)});
  }
  return t;
}

}  // namespace

int runBusFactor(const BusFactorArgs& args) {
  return guarded("busfactor", [&] {
    const auto format = reports::parseFormat(args.common.format);
    auto common = args.common;
    common.items = "any";  // documents and tasks
    std::unique_ptr<model::Store> store;
    const auto log = loadLog(common, store);
    const auto areas = analysis::busFactor(log, args.share);
    printTables({{"areas",
                  "Fewest people behind " + reports::formatFixed(100 * args.share, 0) +
                      "% of the events, per document folder and task area",
                  busFactorTable(areas, log, personNames(*store, args.common), args.common.top)}},
                format, analysis::kNetworkDefinition, common.table, "busfactor");
    return int(kOk);
  });
}

}  // namespace orglens::cli
