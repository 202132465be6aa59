// What the viewer shows, computed off the GUI thread from a store and the global filter.
// Every result is an immutable value handed to the GUI as a shared_ptr<const …>: models and
// pages only read it. No Qt here: the work is the lower layers' (reports::buildReport, the
// analysis passes and the shared table builders); this file only gathers it per page and
// applies the privacy rules of the reports (pseudonyms, groups of fewer than k suppressed).
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "model/event_log.h"
#include "model/progress.h"
#include "model/store.h"
#include "reports/privacy.h"
#include "reports/report.h"

namespace orglens::viewer {

/// The global filter every page follows.
struct Filter {
  std::optional<model::MicrosUtc> from, to;  // [from, to); unset = open
  std::string team;                          // team label; empty = every team
  bool privacy = true;                       // pseudonyms and small groups suppressed
  unsigned minGroup = 5;                     // k of the suppression rule
  friend bool operator==(const Filter&, const Filter&) = default;
};

/// What the store holds, independent of the filter (fast: counts from the store).
struct StoreInfo {
  std::filesystem::path path;
  model::StoreSummary summary;
  std::vector<std::string> teams;  // team labels, sorted
};

/// Handoffs of the window (restricted to the items a filtered team worked on).
struct HandoffData {
  model::EventLog log;  // the events behind the handoffs: drill-down and timelines
  analysis::HandoffResult result;
  std::shared_ptr<const reports::PersonNames> names;  // pseudonyms or keys
  bool privacy = true;
  unsigned minGroup = 5;
  /// Per grouping (Team, Person, Activity, TeamActivity): every group as a row, numeric
  /// cells in seconds, people as PersonNames show them, rows of < k people suppressed.
  /// groupPeople[g][r]: distinct people behind row r.
  std::vector<reports::Table> tables;
  std::vector<std::vector<std::uint64_t>> groupPeople;
  reports::Chart heatmap;  // team × team median wait (the report's rule for small pairs)
};

/// One activity of the process map.
struct FlowNode {
  std::string activity;
  std::uint64_t events = 0;
  double position = 0;  // mean relative position in its items, in [0, 1]: the layout's rank
};

struct FlowData {
  analysis::FlowResult result;
  std::vector<FlowNode> nodes;        // by activity StringId order of first appearance
  std::vector<std::uint32_t> nodeOf;  // StringId value → index into nodes (or kNone); the last
                                      // slot stands for an unknown activity (kNone)
  reports::Table edges;               // from, to, count, median, p90 (seconds)
  /// The slot of nodeOf for an activity StringId value (kNone: the last one).
  std::size_t slotOf(std::uint32_t activity) const {
    return std::min<std::size_t>(activity, nodeOf.size() - 1);
  }
  /// The node of an activity StringId value (kNone: the unknown activity's node).
  std::uint32_t node(std::uint32_t activity) const { return nodeOf[slotOf(activity)]; }
};

struct NetworkPerson {
  std::string label;  // pseudonym or key
  std::string team;
  std::uint32_t community = 0;
  double betweenness = 0;  // normalised
  bool articulation = false;
  float x = 0, y = 0;  // layout, roughly in [-1, 1]²
};

struct NetworkData {
  std::vector<NetworkPerson> people;
  struct Tie {
    std::uint32_t a, b;
    float weight;
  };
  std::vector<Tie> ties;  // by weight, strongest first (level of detail draws a prefix)
  std::vector<std::string> teams;
  bool estimated = false;  // betweenness from sampled sources
  double layoutSeconds = 0;
};

/// Throws model::StoreError (or std::exception) with a message naming the file.
StoreInfo loadStoreInfo(const std::filesystem::path& path);

/// The batch report of the window (overview findings and measures, adoption section).
/// `summary`: where to get the store's summary when it is read anyway (StoreInfo), so that it
/// is not read twice (reports::ReportOptions::summary).
std::shared_ptr<const reports::Report> computeReport(
    const model::Store& store, const Filter& filter, model::Progress& progress,
    std::function<std::shared_ptr<const model::StoreSummary>()> summary = {});

/// The window's event log of tasks; with a team filter only the items a member acted on.
model::EventLog loadWindowLog(const model::Store& store, const Filter& filter);

std::shared_ptr<const HandoffData> computeHandoffs(const model::Store& store, model::EventLog log,
                                                   const Filter& filter,
                                                   model::Progress& progress);
std::shared_ptr<const FlowData> computeFlow(const model::EventLog& log, model::Progress& progress);
std::shared_ptr<const NetworkData> computeNetwork(const model::Store& store, const Filter& filter,
                                                  model::Progress& progress);

/// Grouping index of HandoffData::tables.
enum class Grouping { Team = 0, Person = 1, Activity = 2, TeamActivity = 3 };

/// Indexes into result.handoffs of the handoffs behind row `row` of grouping `g`.
std::vector<std::size_t> handoffsOfRow(const HandoffData& data, Grouping g, std::size_t row);

}  // namespace orglens::viewer
