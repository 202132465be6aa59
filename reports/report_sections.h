// Internal to the report builder: one function per section, each turning one analysis into a
// section plus the findings and headline measures it contributes.
#pragma once

#include <string>
#include <vector>

#include <memory>
#include <mutex>

#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "analysis/handoffs.h"
#include "model/event_log.h"
#include "model/interaction_log.h"
#include "reports/privacy.h"
#include "reports/report.h"
#include "reports/report_builder.h"

namespace orglens::reports::detail {

/// The collaboration network of the window, shared by the silos and adoption (champions)
/// sections: messages, the graph of the whole organisation and its exact betweenness.
struct SharedNetwork {
  model::InteractionLog mail;
  analysis::CollaborationGraph graph;
  analysis::BetweennessResult betweenness;
};

struct NetworkSlot {
  std::once_flag once;
  std::shared_ptr<const SharedNetwork> value;
};

/// The handoffs and the flow of the window, computed in one pass (analyseHandoffsAndFlow) for
/// the handoff and flow sections.
struct HandoffsFlowSlot {
  std::once_flag once;
  std::shared_ptr<const analysis::HandoffsAndFlow> value;
};

/// What every section builder reads. The window's event log is loaded once, the network
/// when a section first asks for it.
struct SectionInput {
  const model::Store& store;
  const ReportOptions& options;
  std::optional<model::MicrosUtc> from, to;  // the window this run covers
  const model::EventLog& log;                 // events of the window (work items of options.items)
                                              // — only the team's items with options.team
  const model::EventLog& fullLog;             // the whole organisation's: the collaboration graph
  const PersonNames& names;
  model::Progress& progress;
  /// The network, shared by the inputs of every worker of one window (see network()).
  std::shared_ptr<NetworkSlot> networkSlot = std::make_shared<NetworkSlot>();
  /// The same for handoffsAndFlow().
  std::shared_ptr<HandoffsFlowSlot> handoffsFlowSlot = std::make_shared<HandoffsFlowSlot>();

  /// Built on the first call, through this input's store connection, then reused; a section
  /// on another worker that asks meanwhile waits for it.
  const SharedNetwork& network() const;
  /// Handoffs and flow of `log`, computed on the first call (through this input's progress) and
  /// then reused; a section on another worker that asks meanwhile waits for it.
  const analysis::HandoffsAndFlow& handoffsAndFlow() const;
};

struct SectionOutput {
  Section section;
  std::vector<Finding> findings;  // candidates, most important first
  std::vector<Measure> measures;
};

SectionOutput handoffSection(const SectionInput& in);
SectionOutput flowSection(const SectionInput& in);
SectionOutput workloadSection(const SectionInput& in);
SectionOutput responsivenessSection(const SectionInput& in);
SectionOutput silosSection(const SectionInput& in);
SectionOutput adoptionSection(const SectionInput& in);
SectionOutput dataQualitySection(const SectionInput& in);
SectionOutput methodSection(const SectionInput& in);

/// Distinct people of each team (people of the log with that team), by team ObjectId value.
std::vector<std::uint64_t> teamSizes(const model::EventLog& log);

/// A measure with a value (nullopt when `has` is false).
Measure measure(std::string key, std::string label, Unit unit, bool has, double value,
                std::string note = {});

/// "41%" style text for a share in [0, 1].
std::string percentText(double share);

}  // namespace orglens::reports::detail
