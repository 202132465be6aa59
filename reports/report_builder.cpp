#include "reports/report_builder.h"

#include <algorithm>
#include <cmath>
#include <atomic>
#include <exception>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "analysis/parallel.h"
#include "reports/report_sections.h"
#include "reports/team_filter.h"

namespace orglens::reports {
namespace detail {

std::vector<std::uint64_t> teamSizes(const model::EventLog& log) {
  std::vector<std::uint64_t> sizes(log.objectType.size(), 0);
  for (std::size_t p = 0; p < log.teamOf.size(); ++p)
    if (log.objectType[p] == 0 && log.teamOf[p] != model::EventLog::kNone) ++sizes[log.teamOf[p]];
  return sizes;
}

const SharedNetwork& SectionInput::network() const {
  std::call_once(networkSlot->once, [this] {
    auto n = std::make_shared<SharedNetwork>();
    n->mail = model::InteractionLog::load(store, from, to);
    analysis::CollaborationOptions collaboration;
    collaboration.threads = options.threads;
    n->graph = analysis::buildCollaborationGraph(fullLog, n->mail, collaboration, progress);
    n->betweenness = analysis::computeBetweenness(n->graph.graph, {false, options.threads}, progress);
    networkSlot->value = std::move(n);
  });
  return *networkSlot->value;
}

const analysis::HandoffsAndFlow& SectionInput::handoffsAndFlow() const {
  std::call_once(handoffsFlowSlot->once, [this] {
    analysis::HandoffOptions handoffs;
    handoffs.minCount = options.minCount;
    handoffs.threads = options.threads;
    analysis::FlowOptions flow;
    flow.threads = options.threads;
    flow.topVariants = options.top;
    handoffsFlowSlot->value = std::make_shared<const analysis::HandoffsAndFlow>(
        analysis::analyseHandoffsAndFlow(log, handoffs, flow, progress));
  });
  return *handoffsFlowSlot->value;
}

Measure measure(std::string key, std::string label, Unit unit, bool has, double value,
                std::string note) {
  Measure m;
  m.key = std::move(key);
  m.label = std::move(label);
  m.unit = unit;
  if (has && std::isfinite(value)) m.value = value;
  m.note = std::move(note);
  return m;
}

std::string percentText(double share) { return formatFixed(100 * share, 0) + "%"; }

}  // namespace detail

namespace {

std::string windowText(std::optional<model::MicrosUtc> from, std::optional<model::MicrosUtc> to) {
  if (!from && !to) return "all data";
  return (from ? model::formatIsoUtc(*from) : std::string("start")) + " .. " +
         (to ? model::formatIsoUtc(*to) : std::string("end"));
}

/// The shared table builders name machine columns "median_s"; the report carries the unit in
/// the column instead, so people read "median" (and JSON still says "seconds").
void humanColumnNames(Section& section) {
  for (auto& block : section.blocks)
    if (auto* t = std::get_if<Table>(&block))
      for (auto& c : t->columns) {
        if (c.unit != Unit::Seconds || c.name.size() < 3 || c.name.substr(c.name.size() - 2) != "_s")
          continue;
        c.name.resize(c.name.size() - 2);
        std::replace(c.name.begin(), c.name.end(), '_', ' ');
      }
}

/// The progress of sections built side by side: each section reports its own fraction, the
/// caller sees their mean (under a lock: the caller's Progress need not be thread-safe).
class SectionsProgress {
 public:
  SectionsProgress(model::Progress& target, std::size_t sections)
      : m_target(target), m_fractions(sections, 0.0) {}
  void report(std::size_t section, double fraction, std::string_view phase) {
    const std::lock_guard lock(m_mutex);
    m_fractions[section] = std::clamp(fraction, 0.0, 1.0);
    double sum = 0;
    for (double f : m_fractions) sum += f;
    m_target.report(sum / static_cast<double>(m_fractions.size()), phase);
  }
  bool cancelled() const {
    const std::lock_guard lock(m_mutex);
    return m_target.cancelled();
  }

 private:
  model::Progress& m_target;
  mutable std::mutex m_mutex;
  std::vector<double> m_fractions;
};

/// One section's view of SectionsProgress.
class SectionProgress final : public model::Progress {
 public:
  SectionProgress(SectionsProgress& shared, std::size_t section)
      : m_shared(shared), m_section(section) {}
  void report(double fraction, std::string_view phase) override {
    m_shared.report(m_section, fraction, phase);
  }
  bool cancelled() const override { return m_shared.cancelled(); }

 private:
  SectionsProgress& m_shared;
  std::size_t m_section;
};

struct WindowResult {
  std::vector<Section> sections;
  std::vector<Finding> findings;
  std::vector<Measure> measures;
};

/// The team of --team exists and, with privacy on, has at least minGroup people.
void checkTeam(const model::EventLog& lookups, const ReportOptions& options) {
  const auto size = teamMemberCount(lookups, options.team);
  if (size == 0) {
    const auto labels = teamLabels(lookups);
    std::string known;
    for (std::size_t i = 0; i < labels.size() && i < 12; ++i)
      known += (i ? ", " : "") + labels[i];
    if (labels.size() > 12) known += ", …";
    throw std::invalid_argument("--team: no team \"" + options.team + "\" with people in the store" +
                                (labels.empty() ? std::string(" (it has no teams: import a roster)")
                                                : "; teams: " + known));
  }
  if (!options.privacy.showPeople && size < options.privacy.minGroup)
    throw std::invalid_argument(
        "--team: \"" + options.team + "\" has " + std::to_string(size) +
        " people, fewer than the minimum group size of " +
        std::to_string(options.privacy.minGroup) +
        " (--min-group): a report of so small a team would describe individuals (use a larger team, or "
        "--show-people if you are allowed to see them)");
}

/// Every section over one window, in report order.
WindowResult buildWindow(const model::Store& store, const ReportOptions& options,
                         std::optional<model::MicrosUtc> from,
                         std::optional<model::MicrosUtc> to, const PersonNames& names,
                         model::Progress& progress) {
  model::EventLogOptions load;
  load.from = from;
  load.to = to;
  load.itemType = options.items;
  load.threads = options.threads;
  const auto fullLog = model::EventLog::load(store, load);
  if (!options.team.empty()) checkTeam(fullLog, options);  // its lookups hold every team
  const auto teamLog = options.team.empty() ? model::EventLog{} : itemsOfTeam(fullLog, options.team);
  const auto& log = options.team.empty() ? fullLog : teamLog;
  using Builder = detail::SectionOutput (*)(const detail::SectionInput&);
  static constexpr Builder kBuilders[] = {  // report order
      detail::handoffSection,   detail::flowSection,     detail::workloadSection,
      detail::responsivenessSection, detail::silosSection, detail::adoptionSection,
      detail::dataQualitySection,    detail::methodSection};
  static constexpr std::size_t kCount = std::size(kBuilders);
  // The workers take the sections that read the store first, the longest first (adoption and
  // silos — which share the network —, responsiveness, data quality), so that none of them
  // starts last; the in-memory ones fill the gaps.
  static constexpr std::size_t kStartOrder[kCount] = {5, 4, 3, 6, 0, 1, 2, 7};
  std::vector<detail::SectionOutput> outputs(kCount);
  std::vector<std::exception_ptr> errors(kCount);
  SectionsProgress shared(progress, kCount);
  const auto networkSlot = std::make_shared<detail::NetworkSlot>();
  const auto handoffsFlowSlot = std::make_shared<detail::HandoffsFlowSlot>();
  std::atomic<std::size_t> next{0};
  // A worker builds sections until none is left. Each reads the store through its own
  // connection (the caller's for the first worker): a SQLite connection serves one thread at
  // a time. The outputs are put together in report order below, so the report does not
  // depend on the number of workers.
  const auto work = [&](const model::Store& own) {
    for (std::size_t k; (k = next.fetch_add(1)) < kCount;) {
      const std::size_t index = kStartOrder[k];
      SectionProgress sectionProgress(shared, index);
      const detail::SectionInput in{own,   options, from,  to,         log,
                                    fullLog, names, sectionProgress, networkSlot, handoffsFlowSlot};
      try {
        outputs[index] = kBuilders[index](in);
        shared.report(index, 1.0, "sections");  // a quick section may never say it is done
      } catch (...) {
        errors[index] = std::current_exception();
      }
    }
  };
  const unsigned workers = analysis::threadCount(options.threads, kCount);
  std::vector<std::unique_ptr<model::Store>> stores;
  for (unsigned w = 1; w < workers; ++w) {
    // A store that cannot be opened a second time: fewer workers, the same report.
    auto reader = store.openReader();
    if (!reader) break;
    stores.push_back(std::move(reader));
  }
  {
    std::vector<std::jthread> threads;
    for (const auto& s : stores) threads.emplace_back([&work, &s] { work(*s); });
    work(store);
  }
  WindowResult out;
  for (std::size_t i = 0; i < kCount; ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    auto& s = outputs[i];
    humanColumnNames(s.section);
    out.sections.push_back(std::move(s.section));
    // Each section's first finding is its headline; the rest follow after all headlines.
    for (auto& f : s.findings) out.findings.push_back(std::move(f));
    for (auto& m : s.measures) out.measures.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::string ReportOptions::validate() const {
  if (from && to && *from >= *to) return "--from must be before --to";
  if (compare && compareFrom && compareTo && *compareFrom >= *compareTo)
    return "--compare: the window's start must be before its end";
  if (privacy.minGroup < 2) return "--min-group must be at least 2";
  return {};
}

Report buildReport(const model::Store& store, const ReportOptions& options,
                   model::Progress& progress) {
  if (auto problem = options.validate(); !problem.empty()) throw std::invalid_argument(problem);
  Report report;
  report.meta.store = store.path().filename().string();
  report.meta.window = windowText(options.from, options.to);
  if (options.compare) report.meta.compareWindow = windowText(options.compareFrom, options.compareTo);
  report.meta.generated = options.stamp;
  report.meta.version = ORGLENS_VERSION;
  report.meta.minGroup = options.privacy.minGroup;
  report.meta.showPeople = options.privacy.showPeople;
  report.meta.team = options.team;
  const PersonNames names(pseudonymSalt(store), options.privacy.showPeople);
  auto main = buildWindow(store, options, options.from, options.to, names, progress);
  if (options.compare) {
    const auto earlier =
        buildWindow(store, options, options.compareFrom, options.compareTo, names, progress);
    std::map<std::string, std::optional<double>> before;
    for (const auto& m : earlier.measures) before[m.key] = m.value;
    for (auto& m : main.measures)
      if (auto it = before.find(m.key); it != before.end()) m.previous = it->second;
  }
  report.sections = std::move(main.sections);
  report.findings = std::move(main.findings);
  report.measures = std::move(main.measures);
  return report;
}

}  // namespace orglens::reports
