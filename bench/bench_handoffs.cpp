// orglens-bench-handoffs: handoffs + performance DFG (issue #5's target scope:
// analyseHandoffsAndFlow without the figures per item), and handoffs + all of flow in one pass as
// the report runs them (findHandoffs + analyseFlow called separately for comparison), on a
// generated log held in memory (three shapes: completions only, start/complete pairs,
// completions only with long-tailed waits), with 1 and 2 threads, against two pandas peers on
// the same events (completions only): the part that PM4Py computes (timed handover per resource
// pair and the performance DFG, pandas groupby().shift() as PM4Py does it; its ratio is a lower
// bound, informational), and the same tables as orglens, all of handoffs/1 and flow/1 in
// idiomatic pandas, whose figures are checked against orglens's. Issue #5: >= 20 M events/s per
// core (1 thread: one core), >= 50x pandas (the same tables, against all of flow), identical
// results for 1 and 2 threads. Prints a table; exits 0 unless it cannot run.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "analysis/huge_pages.h"
#include "bench/bench_util.h"
#include "bench/handoff_data.h"
#include "bench/handoff_figures.h"

namespace fs = std::filesystem;
using namespace orglens;
using namespace orglens::bench;

namespace {

constexpr double kTargetPerCore = 20e6;  // events/s per core
constexpr double kTargetPandasRatio = 50.0;

struct Options {
  std::uint64_t events = 10'000'000;
  std::uint64_t pandasEvents = 10'000'000;  // the pandas peer's share of the log
  int runs = 3;
  bool quick = false;
};

void usage(std::FILE* out) {
  std::fprintf(out,
               "usage: orglens-bench-handoffs [--quick | --events N] [--pandas-events N] "
               "[--runs N]\n"
               "\n"
               "Times handoffs + performance DFG (issue #5's target scope, >= 20 M events/s\n"
               "on one core: analyseHandoffsAndFlow with FlowOptions::itemFigures off) and\n"
               "handoffs + all of flow as the report runs them (the DFG and the figures per item:\n"
               "throughput, service and waiting time, start and end activities, variants;\n"
               "informational) on generated in-memory logs (completions only; start/complete\n"
               "pairs; and completions only with long-tailed, lognormal waits, as real waits are)\n"
               "with 1 and 2 threads. It checks that both thread counts give identical results,\n"
               "that both scopes give the same handoffs and DFG, and that one pass equals\n"
               "findHandoffs + analyseFlow called separately (timed too, 1 thread). Two pandas\n"
               "peers (/usr/bin/python3) run on the completions-only log: PM4Py's scope (timed\n"
               "handover and the performance DFG; its ratio is a lower bound) and the same\n"
               "tables as orglens (handoffs/1 + flow/1, against all of flow: target >= 50x),\n"
               "whose figures are checked against orglens's; the figures of the latter are\n"
               "checked on the first 2,000,000 events of the long-tailed log too. The target's\n"
               "scope is timed once more on the completions-only log with the other choice of\n"
               "huge pages (ORGLENS_HUGE_PAGES=on where they were not asked for, off where they\n"
               "were; informational), and the notes give its first call in the process beside\n"
               "the best run.\n"
               "\n"
               "  --quick            1,000,000 events instead of 10,000,000\n"
               "  --events N         N events\n"
               "  --pandas-events N  both pandas peers get the first N events (default: all)\n"
               "  --runs N           best of N (default 3)\n"
               "\n"
               "M/core = events/s divided by the threads used (wall time); M/cpu-s = events per\n"
               "second of process CPU time of all threads (the least of the runs), which leaves\n"
               "out the time spent waiting for a core on a shared machine.\n");
}

/// The phases an analysis reports and how long each took (until the next report).
class PhaseClock final : public model::Progress {
 public:
  void report(double, std::string_view phase) override {
    const auto now = Clock::now();
    if (!m_phases.empty())
      m_phases.back().second = std::chrono::duration<double>(now - m_since).count();
    m_since = now;
    if (phase != "done") m_phases.emplace_back(std::string(phase), 0.0);
  }
  /// "phase 0.123, phase 0.456" (seconds).
  std::string text() const {
    std::string out;
    for (const auto& [phase, seconds] : m_phases)
      out += (out.empty() ? "" : ", ") + phase + " " + fixed(seconds, 3);
    return out;
  }

 private:
  std::vector<std::pair<std::string, double>> m_phases;
  Clock::time_point m_since;
};

struct Outcome {
  analysis::HandoffResult handoffs;
  analysis::FlowResult flow;
  double seconds = 0;                          // best of the runs
  double handoffSeconds = 0, flowSeconds = 0;  // separate calls: the two parts of the best run
  double cpuSeconds = 0;  // the least process CPU time of a run (all threads): less noisy
  double firstSeconds = 0;  // the first run (its buffers' memory the process's first of the kind)
  std::string phases;       // of the best run: where the time went
};

/// CPU time of this process, all threads, in seconds: on a shared machine it leaves out the
/// time the benchmark waited for a core.
double cpuNow() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

/// What a timed run computes: handoffs + the performance DFG (the target scope:
/// analyseHandoffsAndFlow without the figures per item, FlowOptions::itemFigures off), handoffs +
/// all of flow in one pass as the report runs it, or the latter as findHandoffs + analyseFlow.
enum class Scope { HandoffsAndDfg, AllOfFlow, Separate };

/// Best of `runs` of `scope`.
Outcome timeRuns(const model::EventLog& log, unsigned threads, int runs, Scope scope) {
  Outcome best;
  best.seconds = 1e300;
  double leastCpu = 1e300, first = 0;
  for (int i = 0; i < runs; ++i) {
    PhaseClock handoffPhases, flowPhases;
    analysis::HandoffOptions ho;
    ho.threads = threads;
    analysis::FlowOptions fo;
    fo.threads = threads;
    fo.itemFigures = scope != Scope::HandoffsAndDfg;
    const auto start = Clock::now();
    const double cpuStart = cpuNow();
    Outcome o;
    if (scope == Scope::Separate) {
      o.handoffs = analysis::findHandoffs(log, ho, handoffPhases);
      o.handoffSeconds = secondsSince(start);
      const auto flowStart = Clock::now();
      o.flow = analysis::analyseFlow(log, fo, flowPhases);
      o.flowSeconds = secondsSince(flowStart);
      o.phases = "findHandoffs: " + handoffPhases.text() + "; analyseFlow: " + flowPhases.text();
    } else {
      auto both = analysis::analyseHandoffsAndFlow(log, ho, fo, handoffPhases);
      o.handoffs = std::move(both.handoffs);
      o.flow = std::move(both.flow);
      o.phases = handoffPhases.text();
    }
    o.seconds = secondsSince(start);
    leastCpu = std::min(leastCpu, cpuNow() - cpuStart);
    if (i == 0) first = o.seconds;
    if (o.seconds < best.seconds) best = std::move(o);
  }
  best.cpuSeconds = leastCpu;
  best.firstSeconds = first;
  return best;
}

/// timeRuns() of `scope` on 1 thread with ORGLENS_HUGE_PAGES set to `choice`
/// (analysis/huge_pages.h).
Outcome timeRunsWithHugePages(const model::EventLog& log, int runs, const char* choice,
                              Scope scope) {
  const char* was = std::getenv("ORGLENS_HUGE_PAGES");
  const std::string saved = was ? was : "";
  ::setenv("ORGLENS_HUGE_PAGES", choice, 1);
  Outcome o = timeRuns(log, 1, runs, scope);
  if (was)
    ::setenv("ORGLENS_HUGE_PAGES", saved.c_str(), 1);
  else
    ::unsetenv("ORGLENS_HUGE_PAGES");
  return o;
}

bool sameStats(const analysis::DurationStats& a, const analysis::DurationStats& b) {
  return a.count == b.count && a.sum == b.sum && a.mean == b.mean && a.median == b.median &&
         a.p90 == b.p90 && a.min == b.min && a.max == b.max;
}

bool sameGroups(const std::vector<analysis::HandoffGroup>& a,
                const std::vector<analysis::HandoffGroup>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.from == y.from && x.to == y.to && x.fromActivity == y.fromActivity &&
           x.toActivity == y.toActivity && sameStats(x.wait, y.wait) &&
           x.excessDelay == y.excessDelay && x.queue == y.queue && x.withQueue == y.withQueue;
  });
}

/// Empty when the handoffs, the DFG edges and the count of items of the two results are
/// identical, else the name of the first part that differs.
std::string handoffsAndDfgDifference(const Outcome& a, const Outcome& b) {
  const auto& h = a.handoffs;
  const auto& k = b.handoffs;
  if (!std::equal(h.handoffs.begin(), h.handoffs.end(), k.handoffs.begin(), k.handoffs.end(),
                  [](const auto& x, const auto& y) {
                    return x.item == y.item && x.from == y.from && x.to == y.to &&
                           x.fromTeam == y.fromTeam && x.toTeam == y.toTeam &&
                           x.fromActivity == y.fromActivity && x.toActivity == y.toActivity &&
                           x.waitMicros == y.waitMicros && x.queueMicros == y.queueMicros;
                  }))
    return "handoff vector";
  if (!sameGroups(h.byPerson, k.byPerson)) return "byPerson";
  if (!sameGroups(h.byTeam, k.byTeam)) return "byTeam";
  if (!sameGroups(h.byActivity, k.byActivity)) return "byActivity";
  if (!sameGroups(h.byTeamActivity, k.byTeamActivity)) return "byTeamActivity";
  if (!sameGroups(h.slowTeamPairs, k.slowTeamPairs)) return "slowTeamPairs";
  auto pp = [](const auto& x, const auto& y) {
    return x.a == y.a && x.b == y.b && x.count == y.count;
  };
  if (!std::equal(h.pingPong.begin(), h.pingPong.end(), k.pingPong.begin(), k.pingPong.end(), pp))
    return "pingPong";
  auto rw = [](const auto& x, const auto& y) {
    return x.activity == y.activity && x.repeats == y.repeats && x.redos == y.redos;
  };
  if (!std::equal(h.rework.begin(), h.rework.end(), k.rework.begin(), k.rework.end(), rw))
    return "rework";
  auto in = [](const auto& x, const auto& y) {
    return x.who == y.who && x.handoffs == y.handoffs && x.totalWait == y.totalWait;
  };
  if (!std::equal(h.waitsOnPerson.begin(), h.waitsOnPerson.end(), k.waitsOnPerson.begin(),
                  k.waitsOnPerson.end(), in) ||
      !std::equal(h.waitsOnTeam.begin(), h.waitsOnTeam.end(), k.waitsOnTeam.begin(),
                  k.waitsOnTeam.end(), in))
    return "waitsOn";
  const auto& f = a.flow;
  const auto& g = b.flow;
  if (!std::equal(f.edges.begin(), f.edges.end(), g.edges.begin(), g.edges.end(),
                  [](const auto& x, const auto& y) {
                    return x.from == y.from && x.to == y.to && sameStats(x.duration, y.duration);
                  }))
    return "DFG edges";
  if (f.items != g.items) return "items";
  return {};
}

/// Empty when the two results are identical, else the name of the first part that differs.
std::string difference(const Outcome& a, const Outcome& b) {
  if (auto d = handoffsAndDfgDifference(a, b); !d.empty()) return d;
  const auto& f = a.flow;
  const auto& g = b.flow;
  if (f.itemFigures != g.itemFigures) return "figures per item";
  if (f.startActivities != g.startActivities || f.endActivities != g.endActivities)
    return "start/end activities";
  if (!sameStats(f.throughput, g.throughput) || !sameStats(f.serviceTime, g.serviceTime) ||
      !sameStats(f.waitingTime, g.waitingTime))
    return "throughput/service/waiting";
  if (f.variantCount != g.variantCount ||
      !std::equal(f.topVariants.begin(), f.topVariants.end(), g.topVariants.begin(),
                  g.topVariants.end(), [](const auto& x, const auto& y) {
                    return x.activities == y.activities && x.items == y.items;
                  }))
    return "variants";
  return {};
}

std::string rate(double events, double seconds) {
  return seconds > 0 ? fixed(events / seconds / 1e6, 2) + " M ev/s" : "-";
}

model::EventLog prefixLog(const model::EventLog& log, std::uint64_t maxEvents) {
  model::EventLog out = log;
  std::size_t items = 0;
  while (items < log.itemCount() && log.itemBegin[items] < maxEvents) ++items;  // as the CSV
  const std::uint32_t events = log.itemBegin[items];
  for (auto* column : {&out.activity, &out.actor, &out.tool, &out.eventId}) column->resize(events);
  out.time.resize(events);
  out.lifecycle.resize(events);
  out.platform.resize(events);
  out.item.resize(items);
  out.itemBegin.resize(items + 1);
  return out;
}

void parseArgs(int argc, char** argv, Options& o) {
  bool pandasSet = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto count = [&]() {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(a) + " needs a value");
      const long long n = std::atoll(argv[++i]);
      if (n < 1) throw std::invalid_argument(std::string(a) + " needs a number >= 1");
      return static_cast<std::uint64_t>(n);
    };
    if (a == "--help" || a == "-h") {
      usage(stdout);
      std::exit(0);
    } else if (a == "--quick") {
      o.quick = true;
      o.events = 1'000'000;
    } else if (a == "--events") {
      o.events = count();
    } else if (a == "--pandas-events") {
      o.pandasEvents = count();
      pandasSet = true;
    } else if (a == "--runs") {
      o.runs = static_cast<int>(count());
    } else {
      throw std::invalid_argument("unknown option '" + std::string(a) + "'");
    }
  }
  if (!pandasSet) o.pandasEvents = o.events;
}

struct Measured {
  std::string name;
  double events = 0;
  Outcome dfgOne, dfgTwo;  // handoffs + performance DFG (the target's scope), 1 and 2 threads
  Outcome one, two;        // handoffs + all of flow in one pass, 1 and 2 threads
  Outcome separate;        // findHandoffs + analyseFlow, 1 thread
};

/// A timing row: seconds, events/s, per core and per CPU-second; verdict against the per-core
/// target when `target`, else informational.
Row timingRow(const std::string& name, const std::string& size, double events, const Outcome& o,
              unsigned threads, bool target) {
  const double perCore = events / o.seconds / threads;
  return {name + ", " + std::to_string(threads) + " thread" + (threads > 1 ? "s" : ""),
          size,
          fixed(o.seconds, 3),
          rate(events, o.seconds) + " (" + fixed(perCore / 1e6, 2) + " M/core; " +
              fixed(events / o.cpuSeconds / 1e6, 2) + " M/cpu-s)",
          "-",
          target ? ">= 20 M ev/s/core" : "(informational)",
          target ? (perCore >= kTargetPerCore ? "meets" : "misses") : "-"};
}

/// The timing rows and the identity checks of one log: handoffs + performance DFG (the target's
/// scope; its 1-thread row carries the per-core target, the 2-thread row shows the scaling), and
/// handoffs + all of flow as the report runs it (informational); with `otherPages` an
/// informational row of the target's scope on 1 thread with the other choice of huge pages (on
/// where the default did not ask for them, off where it did).
Measured measure(const char* name, const model::EventLog& log, const Options& o,
                 std::vector<Row>& rows, std::vector<std::string>& missed,
                 std::vector<std::string>& notes, bool otherPages = false) {
  Measured m{name,
             static_cast<double>(log.eventCount()),
             timeRuns(log, 1, o.runs, Scope::HandoffsAndDfg),
             timeRuns(log, 2, o.runs, Scope::HandoffsAndDfg),
             timeRuns(log, 1, o.runs, Scope::AllOfFlow),
             timeRuns(log, 2, o.runs, Scope::AllOfFlow),
             timeRuns(log, 1, o.runs, Scope::Separate)};
  const std::string size = withCommas(log.eventCount()) + " ev";
  const std::string dfgName = std::string(name) + ": handoffs + performance DFG";
  rows.push_back(timingRow(dfgName, size, m.events, m.dfgOne, 1, true));
  if (rows.back().verdict != "meets") missed.push_back(rows.back().benchmark);
  rows.push_back(timingRow(dfgName, size, m.events, m.dfgTwo, 2, false));
  const std::string allName = std::string(name) + ": handoffs + all of flow (as the report)";
  rows.push_back(timingRow(allName, size, m.events, m.one, 1, false));
  rows.push_back(timingRow(allName, size, m.events, m.two, 2, false));
  if (otherPages) {
    const bool asked = analysis::detail::hugePagesFor(log.eventCount() *
                                                      analysis::detail::kHandoffPassBytesPerEvent);
    const char* choice = asked ? "off" : "on";
    const Outcome other = timeRunsWithHugePages(log, o.runs, choice, Scope::HandoffsAndDfg);
    const std::string label = asked ? "4 KB pages only" : "huge pages asked for anyway";
    rows.push_back({dfgName + ", 1 thread, " + label + " (ORGLENS_HUGE_PAGES=" + choice + ")", size,
                    fixed(other.seconds, 3),
                    rate(m.events, other.seconds) + " (" +
                        fixed(m.events / other.seconds / 1e6, 2) + " M/core)",
                    "-", "(informational)", "-"});
    notes.push_back(dfgName + ", 1 thread: the first call of the process took " +
                    fixed(m.dfgOne.firstSeconds, 3) + " s (best " + fixed(m.dfgOne.seconds, 3) +
                    " s); with ORGLENS_HUGE_PAGES=" + choice + " " + fixed(other.firstSeconds, 3) +
                    " s (best " + fixed(other.seconds, 3) +
                    " s). Huge pages can come cold from a VM's host: see analysis/huge_pages.h");
  }
  // An identity check's row: `diff` names the first part that differs, empty when none.
  const auto identical = [&](const std::string& benchmark, const std::string& diff,
                             std::string seconds = "-", std::string throughput = "-") {
    rows.push_back({benchmark, size, std::move(seconds), std::move(throughput), "-", "identical",
                    diff.empty() ? "meets" : "misses (" + diff + " differs)"});
    if (!diff.empty()) missed.push_back(benchmark);
  };
  identical(dfgName + ", 1 vs 2 threads", handoffsAndDfgDifference(m.dfgOne, m.dfgTwo));
  identical(dfgName + " vs all of flow: handoffs, DFG and items",
            handoffsAndDfgDifference(m.dfgOne, m.one));
  identical(allName + ", 1 vs 2 threads", difference(m.one, m.two));
  identical(allName + ", one pass vs separate calls", difference(m.one, m.separate),
            fixed(m.separate.seconds, 3), rate(m.events, m.separate.seconds));
  notes.push_back(
      std::string(name) + ": " + withCommas(log.itemCount()) + " items, " +
      withCommas(m.one.handoffs.instances) + " instances, " +
      withCommas(m.one.handoffs.handoffs.size()) + " handoffs, " +
      withCommas(m.one.handoffs.byPerson.size()) + " person pairs, " +
      withCommas(m.one.flow.edges.size()) + " DFG edges, " + withCommas(m.one.flow.variantCount) +
      " variants; 2-thread speed-up " + fixed(m.one.seconds / m.two.seconds, 2) +
      "x; called separately (1 thread): findHandoffs " + fixed(m.separate.handoffSeconds, 3) +
      " s + analyseFlow " + fixed(m.separate.flowSeconds, 3) + " s, against " +
      fixed(m.one.seconds, 3) + " s in one pass");
  notes.push_back(std::string(name) + ", 1 thread, seconds by phase: handoffs + performance DFG " +
                  m.dfgOne.phases + "; all of flow " + m.one.phases +
                  " (separate calls: " + m.separate.phases + ")");
  return m;
}

std::string agreement(const Outcome& ours, const PandasResult& p) {
  double topPair = 0;
  for (const auto& g : ours.handoffs.byPerson) topPair = std::max(topPair, g.wait.sum);
  const double topEdge = ours.flow.edges.empty() ? 0 : ours.flow.edges.front().duration.sum;
  const bool agree = ours.handoffs.handoffs.size() == p.handoffs &&
                     ours.handoffs.byPerson.size() == p.resourcePairs &&
                     ours.flow.edges.size() == p.dfgEdges &&
                     withinTolerance(topPair, p.topPairSumSeconds) &&
                     withinTolerance(topEdge, p.topEdgeSumSeconds);
  return std::string(agree ? "agree" : "DIFFER") + ": handoffs " +
         withCommas(ours.handoffs.handoffs.size()) + " / " + withCommas(p.handoffs) +
         ", person pairs " + withCommas(ours.handoffs.byPerson.size()) + " / " +
         withCommas(p.resourcePairs) + ", DFG edges " + withCommas(ours.flow.edges.size()) + " / " +
         withCommas(p.dfgEdges) + ", top pair total wait " + fixed(topPair, 0) + " / " +
         fixed(p.topPairSumSeconds, 0) + " s, top edge total " + fixed(topEdge, 0) + " / " +
         fixed(p.topEdgeSumSeconds, 0) + " s (orglens / pandas)";
}

/// The two pandas peers on the CSV of the first o.pandasEvents events of `log`: their rows, the
/// ratios (1 thread, per event) and the agreement checks.
void pandasRows(const model::EventLog& log, const Measured& m, const Options& o,
                std::vector<Row>& rows, std::vector<std::string>& missed,
                std::vector<std::string>& notes) {
  const fs::path dir =
      fs::temp_directory_path() / ("orglens-bench-handoffs-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path csv = dir / "events.csv";
  const std::uint64_t written = writeLogCsv(log, csv, o.pandasEvents);
  const PandasResult p = runPandasPeer(csv, dir);
  const PandasFullResult full = runPandasFullPeer(csv, dir);
  if (p.seconds >= 0 && full.seconds >= 0) fs::remove_all(dir);  // else it keeps the error files
  const double oursRate = m.events / m.one.seconds;              // 1 thread: per core, as pandas is
  const std::string target = ">= " + fixed(kTargetPandasRatio, 0) + "x";
  const char* pm4pyName = "pandas, PM4Py's scope (handover + DFG only)";
  const char* fullName = "pandas, the same tables as orglens (handoffs/1 + flow/1)";
  if (p.seconds < 0) {
    rows.push_back({pm4pyName, "-", "-", "-", "-", "(peer)", "error"});
    missed.push_back("pandas PM4Py-scope peer (" + p.error + ")");
  } else {
    const double ratio = oursRate / (static_cast<double>(p.events) / p.seconds);
    rows.push_back({pm4pyName, withCommas(p.events) + " ev", fixed(p.seconds, 3),
                    rate(static_cast<double>(p.events), p.seconds), "-", "(peer)", "-"});
    rows.push_back({"orglens / pandas PM4Py scope (lower bound)", "-", "-", fixed(ratio, 1) + "x",
                    "-", "(informational)", "-"});
  }
  if (full.seconds < 0) {
    rows.push_back({fullName, "-", "-", "-", "-", target, "error"});
    missed.push_back("pandas ratio (" + full.error + ")");
  } else {
    const double ratio = oursRate / (static_cast<double>(full.events) / full.seconds);
    rows.push_back({fullName, withCommas(full.events) + " ev", fixed(full.seconds, 3),
                    rate(static_cast<double>(full.events), full.seconds), "-", "(peer)", "-"});
    rows.push_back({"orglens / pandas same tables (1 thread, per event)", "-", "-",
                    fixed(ratio, 1) + "x", "-", target,
                    ratio >= kTargetPandasRatio ? "meets" : "misses"});
    if (ratio < kTargetPandasRatio) missed.push_back("pandas ratio");
  }
  if (p.seconds < 0 && full.seconds < 0) return;
  if (written != log.eventCount())
    notes.push_back("pandas ran on the first " + withCommas(written) +
                    " events (whole items); the ratios compare per-event rates");
  const Outcome same = written == log.eventCount()
                           ? m.one
                           : timeRuns(prefixLog(log, o.pandasEvents), 1, 1, Scope::AllOfFlow);
  if (p.seconds >= 0)
    notes.push_back("pandas (PM4Py's scope) vs orglens on the same events: " + agreement(same, p));
  if (full.seconds >= 0 && !fullAgreement(same.handoffs, same.flow, written, full, notes))
    missed.push_back("pandas agreement (the same tables)");
  notes.push_back(
      "the PM4Py-scope peer computes what PM4Py does (timed handover per resource pair and the "
      "performance DFG: count, mean, median, sum, p90), a part of what orglens computes, so its "
      "ratio is a lower bound and informational; the same-tables peer computes all of handoffs/1 "
      "and flow/1 (baselines, excess delay, the four tables, ping-pong, rework, waits on, DFG, "
      "start/end activities, times per case, variants) and carries the target");
  notes.push_back("pandas time excludes the CSV load; orglens works on the in-memory EventLog");
  if (const auto sort = full.figures.find("sort_seconds");
      full.seconds >= 0 && sort != full.figures.end() && sort->second < full.seconds) {
    const double rest = full.seconds - sort->second;
    notes.push_back("of the same-tables peer's " + fixed(full.seconds, 1) + " s, " +
                    fixed(sort->second, 1) +
                    " s is the stable sort by case and time that PM4Py does in each analysis "
                    "(orglens sorts once, when it loads the EventLog; not timed here); without it "
                    "the ratio would be " +
                    fixed(oursRate / (static_cast<double>(full.events) / rest), 1) + "x");
  }
  const double oursPerEventCpu = m.one.cpuSeconds / m.events;
  std::string cpu;
  if (p.seconds >= 0)
    cpu += "PM4Py scope " + fixed(p.seconds / static_cast<double>(p.events) / oursPerEventCpu, 1) +
           "x";
  if (full.seconds >= 0)
    cpu += std::string(cpu.empty() ? "" : ", ") + "the same tables " +
           fixed(full.seconds / static_cast<double>(full.events) / oursPerEventCpu, 1) + "x";
  notes.push_back("on CPU time (1 thread): orglens / pandas " + cpu +
                  " (pandas' figures are wall time, taken in a child process)");
}

/// The same-tables pandas peer on the first kTailedPandasEvents events of the long-tailed log
/// (its figures only, not timed against: the ratio stands on the completions-only log): the
/// selection's path for long-tailed values checked against an independent computation.
void tailedAgreement(const model::EventLog& log, const Options& o, std::vector<Row>& rows,
                     std::vector<std::string>& missed, std::vector<std::string>& notes) {
  constexpr std::uint64_t kTailedPandasEvents = 2'000'000;
  const fs::path dir =
      fs::temp_directory_path() / ("orglens-bench-handoffs-tailed-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::uint64_t written =
      writeLogCsv(log, dir / "events.csv", std::min(o.pandasEvents, kTailedPandasEvents));
  const PandasFullResult full = runPandasFullPeer(dir / "events.csv", dir);
  const char* name = "long-tailed waits: figures against pandas (the same tables)";
  if (full.seconds < 0) {
    rows.push_back({name, "-", "-", "-", "-", "agree", "error"});
    missed.push_back("pandas agreement, long-tailed waits (" + full.error + ")");
    return;
  }
  fs::remove_all(dir);
  const Outcome ours = timeRuns(prefixLog(log, written), 1, 1, Scope::AllOfFlow);
  std::vector<std::string> lines;
  const bool agree = fullAgreement(ours.handoffs, ours.flow, written, full, lines);
  rows.push_back(
      {name, withCommas(written) + " ev", "-", "-", "-", "agree", agree ? "meets" : "misses"});
  if (!agree) missed.push_back("pandas agreement, long-tailed waits");
  for (std::size_t i = 0; i < lines.size(); ++i)  // a headline, then sections ("  ...")
    notes.push_back(i == 0 ? "long-tailed waits, the first " + withCommas(written) +
                                 " events: " + lines[i]
                           : lines[i]);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    parseArgs(argc, argv, o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orglens-bench-handoffs: %s\n", e.what());
    usage(stderr);
    return 2;
  }
  try {
    std::printf("orglens-bench-handoffs: %s events%s, best of %d runs\n",
                withCommas(o.events).c_str(), o.quick ? " (--quick)" : "", o.runs);
    std::vector<Row> rows;
    std::vector<std::string> notes, missed;
    auto start = Clock::now();
    const model::EventLog plain = generateHandoffLog({o.events, false, 20251});
    const model::EventLog paired = generateHandoffLog({o.events, true, 20252});
    const model::EventLog tailed = generateHandoffLog({o.events, false, 20253, true});
    notes.push_back("logs generated in memory in " + fixed(secondsSince(start), 1) + " s");
    notes.push_back(
        "the per-core target stands on the 1-thread rows of handoffs + performance DFG, the "
        "issue's scope: handoffs/1 (the list, the four tables with excess delay, ping-pong, "
        "rework, waits-on) and the DFG edges with count, mean, median, p90, min, max and sum; "
        "'all of flow' adds the figures per item (throughput, service and waiting time, start and "
        "end activities, variants), as the report computes them; 2 threads show the scaling");
    notes.push_back("transparent huge pages for the pass's buffers (analysis/huge_pages.h): " +
                    analysis::detail::describeHugePages(
                        plain.eventCount() * analysis::detail::kHandoffPassBytesPerEvent));
    const Measured m = measure("completions only", plain, o, rows, missed, notes, true);
    measure("start/complete pairs", paired, o, rows, missed, notes);
    measure("completions only, long-tailed waits", tailed, o, rows, missed, notes);
    pandasRows(plain, m, o, rows, missed, notes);
    tailedAgreement(tailed, o, rows, missed, notes);
    std::printf("\n");
    printTable(rows);
    std::printf("\nnotes (M = 10^6; per core = events/s divided by the threads used):\n");
    for (const auto& n : notes)  // a note that starts with two spaces goes on the one before
      std::printf(n.starts_with("  ") ? "  %s\n" : "  - %s\n", n.c_str());
    std::string summary;
    for (const auto& x : missed) summary += (summary.empty() ? "" : ", ") + x;
    std::printf("\nsummary: %s\n",
                missed.empty() ? "all targets met" : ("missed: " + summary).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orglens-bench-handoffs: %s\n", e.what());
    return 1;
  }
  return 0;
}
