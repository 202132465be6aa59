// orglens-bench-adoption: every adoption measure (analyseAdoption, under-used tools, weekly and
// monthly shift, champions) on a generated year of tool usage held in memory, with 1 and 2
// threads, against the same measures in pandas, plus the load of such a log from a store.
// Issue #7: 50,000,000 actions of 10,000 people in <= 10 s with 2 threads, <= 2 GB, identical
// results for 1 and 2 threads, the pandas figure of the same run as a ratio. Prints a table;
// exits 0 unless it cannot run.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "bench/adoption_data.h"
#include "bench/adoption_digest.h"
#include "bench/adoption_pandas.h"
#include "bench/bench_util.h"
#include "importers/import_file.h"
#include "model/store.h"

namespace fs = std::filesystem;
using namespace orglens;
using namespace orglens::bench;

namespace {

constexpr double kTargetSeconds = 10.0;                   // 2 threads, all measures
constexpr std::uint64_t kTargetKiB = 2ull * 1024 * 1024;  // 2 GiB peak RSS

struct Options {
  AdoptionShape shape;
  std::uint64_t loadActions = 5'000'000;  // the store-load part (whole people)
  int runs = 2;
  bool quick = false, pandas = true, load = true;
};

void usage(std::FILE* out) {
  std::fprintf(
      out,
      "usage: orglens-bench-adoption [--quick | --actions N] [--people N] [--load-actions N]\n"
      "                              [--runs N] [--no-pandas] [--no-load]\n"
      "\n"
      "Generates a year of tool usage in memory, times every adoption measure with 1 and 2\n"
      "threads (best of --runs), checks that both give identical results, runs the same\n"
      "measures in pandas (/usr/bin/python3) on the same actions, and times AdoptionLog::load\n"
      "of part of the log imported into a scratch store.\n"
      "\n"
      "  --quick           5,000,000 actions (1,000 people) and a 500,000-action load\n"
      "  --actions N       N actions (default 50,000,000)\n"
      "  --people N        registered people (default 10,000)\n"
      "  --load-actions N  actions imported for the load part (default 5,000,000)\n"
      "  --runs N          best of N (default 2)\n"
      "  --no-pandas       skip the pandas peer (it needs ~9 GB of memory at 50M actions)\n"
      "  --no-load         skip the store-load part\n");
}

void parseArgs(int argc, char** argv, Options& o) {
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
      o.shape.actions = 5'000'000;
      o.shape.people = 1'000;
      o.loadActions = 500'000;
    } else if (a == "--actions") {
      o.shape.actions = count();
    } else if (a == "--people") {
      o.shape.people = static_cast<std::uint32_t>(count());
    } else if (a == "--load-actions") {
      o.loadActions = count();
    } else if (a == "--runs") {
      o.runs = static_cast<int>(count());
    } else if (a == "--no-pandas") {
      o.pandas = false;
    } else if (a == "--no-load") {
      o.load = false;
    } else {
      throw std::invalid_argument("unknown option '" + std::string(a) + "'");
    }
  }
}

/// Stand-in for the network figures of the champions (the collaboration graph and its
/// betweenness are the network pass, benchmarked by orglens-bench-network): cross-team
/// message counts, the fallback score. Deterministic.
analysis::ChampionNetwork championInput(const model::AdoptionLog& log) {
  analysis::ChampionNetwork n;
  n.useBetweenness = false;
  const std::size_t people = log.people.size();
  n.crossTeamTies.assign(people, 0);
  n.betweenness.assign(people, 0.0);
  n.crossTeamInteractions.resize(people);
  for (std::size_t p = 0; p < people; ++p)
    n.crossTeamInteractions[p] = (p * 2654435761u >> 7) % 40;  // ~2.5% without any
  return n;
}

/// User + system CPU time of the process so far (all threads), in seconds.
double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const auto s = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return s(u.ru_utime) + s(u.ru_stime);
}

struct Timed {
  AdoptionMeasures measures;
  double seconds = 1e300;  // all measures, best run
  double cpu = 0;          // CPU seconds of the best run (all threads): noise-resistant
  double analyse = 0, underused = 0, shift = 0, champions = 0;  // parts of the best run
  std::uint64_t peakKiB = 0;  // process peak during the runs (the log included)
};

Timed timeRuns(const model::AdoptionLog& log, const analysis::ChampionNetwork& network,
               unsigned threads, int runs) {
  Timed best;
  model::NoProgress progress;
  resetPeakRss();
  for (int i = 0; i < runs; ++i) {
    Timed t;
    analysis::AdoptionOptions options;
    options.threads = threads;
    const double cpuStart = cpuSeconds();
    const auto start = Clock::now();
    t.measures.result = analysis::analyseAdoption(log, options, progress);
    t.analyse = secondsSince(start);
    auto part = Clock::now();
    t.measures.underused = analysis::underusedTools(t.measures.result);
    t.underused = secondsSince(part);
    part = Clock::now();
    t.measures.weekly = analysis::interactionShift(log, analysis::ShiftPeriod::Week, threads);
    t.measures.monthly = analysis::interactionShift(log, analysis::ShiftPeriod::Month, threads);
    t.shift = secondsSince(part);
    part = Clock::now();
    t.measures.champions = analysis::findChampions(log, t.measures.result, network);
    t.champions = secondsSince(part);
    t.seconds = secondsSince(start);
    t.cpu = cpuSeconds() - cpuStart;
    if (t.seconds < best.seconds) best = std::move(t);
  }
  best.peakKiB = peakRssKiB();
  return best;
}

std::uint64_t logBytes(const model::AdoptionLog& log) {
  return log.size() *
         (sizeof(model::MicrosUtc) + 3 * sizeof(std::uint32_t) + sizeof(model::Platform));
}

std::string digestText(std::uint64_t d) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(d));
  return buf;
}

struct Report {
  std::vector<Row> rows;
  std::vector<std::string> notes, missed;
};

void measureOrglens(const model::AdoptionLog& log, const Options& o, Report& rep, Timed& one,
                    Timed& two) {
  const auto network = championInput(log);
  one = timeRuns(log, network, 1, o.runs);
  two = timeRuns(log, network, 2, o.runs);
  const std::string size = withCommas(log.size()) + " act";
  for (const Timed* t : {&one, &two}) {
    const bool isTwo = t == &two;
    const bool fast = t->seconds <= kTargetSeconds;
    const bool small = t->peakKiB <= kTargetKiB;
    rep.rows.push_back({std::string("all adoption measures, ") + (isTwo ? "2 threads" : "1 thread"),
                        size, fixed(t->seconds, 3),
                        fixed(static_cast<double>(log.size()) / t->seconds / 1e6, 1) + " M act/s",
                        formatKiB(t->peakKiB), isTwo ? "<= 10 s, <= 2 GiB" : "(reference)",
                        isTwo ? (fast && small ? "meets" : "misses") : "-"});
    if (isTwo && !fast) rep.missed.push_back("time at 2 threads");
    if (isTwo && !small) rep.missed.push_back("peak RSS");
  }
  const std::string diff = difference(one.measures, two.measures);
  rep.rows.push_back({"1 vs 2 threads", size, "-", "-", "-", "identical",
                      diff.empty() ? "meets" : "misses (" + diff + " differ)"});
  if (!diff.empty()) rep.missed.push_back("identical results");
  for (const Timed* t : {&one, &two})
    rep.notes.push_back(std::string(t == &one ? "1 thread" : "2 threads") + ": analyseAdoption " +
                        fixed(t->analyse, 3) + " s, underusedTools " + fixed(t->underused, 3) +
                        " s, interactionShift week + month " + fixed(t->shift, 3) +
                        " s, findChampions " + fixed(t->champions, 3) + " s; CPU time " +
                        fixed(t->cpu, 3) + " s");
  const auto& r = one.measures.result;
  rep.notes.push_back(
      "result: " + withCommas(r.overall.registered) + " registered, " +
      withCommas(r.overall.everActive) + " ever active, DAU " + withCommas(r.overall.dau) +
      ", WAU " + withCommas(r.overall.wau) + ", MAU " + withCommas(r.overall.mau) +
      ", stickiness " + fixed(r.overall.stickiness, 3) + ", " + withCommas(r.duplicates) +
      " duplicates, " + std::to_string(r.weeks.size()) + " weeks, " +
      std::to_string(r.cohorts.size()) + " cohorts, " + withCommas(r.abandoned.size()) +
      " abandoned, " + withCommas(r.struggling.size()) + " struggling, " +
      withCommas(one.measures.champions.size()) + " champions; digest " +
      digestText(digest(one.measures)));
}

void measurePandas(const model::AdoptionLog& log, const Timed& one, const Timed& two, Report& rep) {
  const fs::path dir =
      fs::temp_directory_path() / ("orglens-bench-adoption-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto start = Clock::now();
  writeNumpyColumns(log, dir);
  rep.notes.push_back("numpy columns written in " + fixed(secondsSince(start), 1) + " s");
  const PandasAdoption p = runAdoptionPandas(dir);
  if (p.seconds < 0) {
    rep.rows.push_back({"pandas peer", "-", "-", "-", "-", "(peer)", "error"});
    rep.missed.push_back("pandas (" + p.error + ")");
    return;  // the directory stays for the error file
  }
  fs::remove_all(dir);
  const std::string size = withCommas(log.size()) + " act";
  rep.rows.push_back({"pandas peer (computation)", size, fixed(p.seconds, 3),
                      fixed(static_cast<double>(log.size()) / p.seconds / 1e6, 1) + " M act/s",
                      formatKiB(p.peakKiB), "(peer)", "-"});
  rep.rows.push_back({"pandas peer (np.fromfile load)", size, fixed(p.loadSeconds, 3), "-", "-",
                      "(not in the ratio)", "-"});
  for (const Timed* t : {&one, &two}) {
    const double ratio = t->seconds / p.seconds;
    rep.rows.push_back({std::string("orglens / pandas, ") + (t == &one ? "1 thread" : "2 threads"),
                        "-", fixed(ratio, 4), fixed(1.0 / ratio, 1) + "x faster", "-", "(reported)",
                        "-"});
  }
  bool agree = false;
  const auto figures =
      adoptionFigures(log, one.measures.result, one.measures.weekly, one.measures.monthly);
  rep.notes.push_back("pandas vs orglens on the same actions: " +
                      compareFigures(figures, p.figures, agree));
  if (!agree) rep.missed.push_back("pandas figures agree");
}

void measureLoad(const model::AdoptionLog& log, const Options& o, Report& rep) {
  const fs::path dir =
      fs::temp_directory_path() / ("orglens-bench-adoption-load-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::uint64_t written = writeAdoptionCsv(log, dir, o.loadActions);
  const fs::path storePath = dir / "bench.orglens";
  double importSeconds = 0;
  {
    auto store = model::Store::open(storePath, model::Store::Mode::Create);
    model::NoProgress progress;
    const auto start = Clock::now();
    for (const char* file : {"roster.csv", "usage.csv"}) {
      importers::ImportOptions options;
      options.format = std::string_view(file) == "roster.csv" ? "roster-csv" : "usage-csv";
      importers::importFile(*store, dir / file, options, progress);
    }
    importSeconds = secondsSince(start);
  }
  double best = 1e300;
  std::size_t loaded = 0, people = 0;
  const auto store = model::Store::open(storePath, model::Store::Mode::ReadOnly);
  for (int i = 0; i < o.runs; ++i) {
    const auto start = Clock::now();
    const auto loadedLog = model::AdoptionLog::load(*store);
    best = std::min(best, secondsSince(start));
    loaded = loadedLog.size();
    people = loadedLog.people.size();
  }
  fs::remove_all(dir);
  const double rate = static_cast<double>(loaded) / best;
  rep.rows.push_back({"AdoptionLog::load from a store", withCommas(loaded) + " act", fixed(best, 3),
                      fixed(rate / 1e6, 2) + " M act/s", "-", "(reported apart)",
                      loaded == written ? "-"
                                        : "misses (loaded " + withCommas(loaded) + " of " +
                                              withCommas(written) + ")"});
  if (loaded != written) rep.missed.push_back("load count");
  rep.notes.push_back("load: the first " + withCommas(written) + " actions (whole people) and " +
                      withCommas(people) + " roster people imported from usage + roster CSV (" +
                      fixed(importSeconds, 1) + " s, not timed); at this rate " +
                      withCommas(log.size()) + " actions would load in ~" +
                      fixed(static_cast<double>(log.size()) / rate, 1) + " s");
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    parseArgs(argc, argv, o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orglens-bench-adoption: %s\n", e.what());
    usage(stderr);
    return 2;
  }
  try {
    std::printf("orglens-bench-adoption: %s actions of %s people%s, best of %d runs\n",
                withCommas(o.shape.actions).c_str(), withCommas(o.shape.people).c_str(),
                o.quick ? " (--quick)" : "", o.runs);
    std::fflush(stdout);
    Report rep;
    auto start = Clock::now();
    const model::AdoptionLog log = generateAdoptionLog(o.shape);
    rep.notes.push_back("log generated in memory in " + fixed(secondsSince(start), 1) +
                        " s; its columns take " + formatBytes(static_cast<double>(logBytes(log))) +
                        " (in the peak RSS)");
    Timed one, two;
    measureOrglens(log, o, rep, one, two);
    if (o.pandas) measurePandas(log, one, two, rep);
    if (o.load) measureLoad(log, o, rep);
    std::printf("\n");
    printTable(rep.rows);
    std::printf(
        "\nnotes (M = 10^6; all measures = analyseAdoption + underusedTools + interactionShift\n"
        "week and month + findChampions; the champions' collaboration graph and betweenness are\n"
        "the network pass, outside the timed part; peak RSS = VmHWM of the process during the\n"
        "runs, the log's columns included; pandas: one thread, its peak is the Python "
        "process's):\n");
    for (const auto& n : rep.notes) std::printf("  - %s\n", n.c_str());
    std::string summary;
    for (const auto& x : rep.missed) summary += (summary.empty() ? "" : ", ") + x;
    std::printf("\nsummary: %s\n",
                rep.missed.empty() ? "all targets met" : ("missed: " + summary).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orglens-bench-adoption: %s\n", e.what());
    return 1;
  }
  return 0;
}
