// XES benchmark: generates a deterministic 1,000,000-event XES log, then measures the parser
// alone (no sink) with its default reader (the hand-written tokenizer) and with expat, the
// end-to-end import into a store (with peak RSS), the real logs in ../shared/data when
// present, and the same parse in Python with lxml.etree.iterparse (as PM4Py imports XES).
// Parse figures are the median of --repeat runs (default 5), with their range.
//   orglens-bench-xes [--events N] [--repeat R] [--dir FOLDER] [--shared DATA_FOLDER]
// A folder given with --dir is kept with the generated log in it (for profiling).
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/bench_util.h"
#include "importers/import_file.h"
#include "importers/xes_parser.h"

namespace fs = std::filesystem;
using namespace orglens;

namespace {

/// Counts what the parser hands over; does nothing else (the parse-only figure).
class CountingHandler final : public importers::XesHandler {
 public:
  void onTrace(const importers::XesTrace& trace) override {
    ++traces;
    events += trace.events.size();
  }
  void onWarning(std::uint64_t, std::string_view) override { ++warnings; }
  bool onChunk(std::uint64_t, std::uint64_t) override { return true; }
  std::uint64_t traces = 0, events = 0, warnings = 0;
};

/// A log shaped like the real ones: 10 events per trace, 60 people in 6 groups, 20
/// activities, UTC offsets that change with DST, one typed extra attribute per event.
void generate(const fs::path& path, std::uint64_t events) {
  std::ofstream out(path, std::ios::binary);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
         "<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n"
         "\t<global scope=\"event\"><string key=\"concept:name\" value=\"UNKNOWN\"/></global>\n";
  std::uint64_t state = 42;  // LCG: deterministic across platforms
  auto next = [&state](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  char line[512];
  for (std::uint64_t e = 0; e < events;) {
    out << "\t<trace>\n\t\t<string key=\"concept:name\" value=\"case-" << e / 10 << "\"/>\n";
    for (int i = 0; i < 10 && e < events; ++i, ++e) {
      const auto person = next(60);
      const auto day = e / 3000;  // about a year and a half of data
      const int month = static_cast<int>(day / 28 % 12) + 1;
      std::snprintf(
          line, sizeof line,
          "\t\t<event>\n\t\t\t<string key=\"concept:name\" value=\"Activity %02d\"/>\n"
          "\t\t\t<string key=\"org:resource\" value=\"Resource%02d\"/>\n"
          "\t\t\t<string key=\"org:group\" value=\"Group %d\"/>\n"
          "\t\t\t<date key=\"time:timestamp\" value=\"2011-%02d-%02dT%02d:%02d:%02d.%03d%s\"/>\n"
          "\t\t\t<string key=\"lifecycle:transition\" value=\"complete\"/>\n"
          "\t\t\t<int key=\"cost\" value=\"%d\"/>\n\t\t</event>\n",
          int(next(20)), int(person), int(person / 10), month, int(day % 28) + 1, int(next(24)),
          int(next(60)), int(next(60)), int(next(1000)),
          month >= 4 && month <= 10 ? "+02:00" : "+01:00", int(next(500)));
      out << line;
    }
    out << "\t</trace>\n";
  }
  out << "</log>\n";
}

struct Timed {
  double seconds = 0;  // the median run
  std::uint64_t events = 0;
  double fastest = 0, slowest = 0;
  double cpuSeconds = 0;  // the median run's process CPU time (user + system)
};

/// CPU time of this process: on a shared machine it shows the work when the wall clock also
/// counts time spent waiting for a core.
double cpuNow() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

/// Parses `path` `repeat` times with `reader`; the median time and the range.
Timed parseOnly(const fs::path& path, importers::XesXmlReader reader, int repeat) {
  importers::XesParseOptions options;
  options.reader = reader;
  std::vector<std::pair<double, double>> seconds;  // wall, CPU
  std::uint64_t events = 0;
  for (int i = 0; i < repeat; ++i) {
    CountingHandler handler;
    importers::XesParseReport report;
    const double cpu = cpuNow();
    const auto start = bench::Clock::now();
    importers::parseXesFile(path, handler, options, &report);
    seconds.emplace_back(bench::secondsSince(start), cpuNow() - cpu);
    events = handler.events;
    if (report.expatTookOver)
      std::cout << "  (the tokenizer left " << path.filename().string() << " to expat at line "
                << report.takeOverLine << ": " << report.takeOverReason << ")\n";
  }
  std::sort(seconds.begin(), seconds.end());
  const auto& median = seconds[seconds.size() / 2];
  return {median.first, events, seconds.front().first, seconds.back().first, median.second};
}

Timed endToEnd(const fs::path& path, const fs::path& dir) {
  fs::remove(dir / "bench.orglens");
  auto store = model::Store::open(dir / "bench.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::ImportOptions options;
  options.format = "xes";
  const auto start = bench::Clock::now();
  const auto outcome = importers::importFile(*store, path, options, progress);
  return {bench::secondsSince(start), outcome.counts.events};
}

/// Wall and CPU seconds Python's lxml.etree.iterparse needs to walk the same events (timed
/// inside Python, so interpreter start-up is excluded); negative when python3 or lxml is
/// missing.
std::pair<double, double> pythonSeconds(const fs::path& path, const fs::path& dir) {
  const fs::path script = dir / "iterparse.py";
  std::ofstream(script) << R"(import sys, time
from lxml import etree
start, cpu = time.perf_counter(), time.process_time()
events = 0
for _, el in etree.iterparse(sys.argv[1], events=("end",), tag="{*}event"):
    attrs = {c.get("key"): c.get("value") for c in el}
    events += 1
    el.clear()
    while el.getprevious() is not None:
        del el.getparent()[0]
print(time.perf_counter() - start, time.process_time() - cpu, events)
)";
  // The first python3 that has lxml (a pyenv shim may shadow the system one that has it).
  const std::string command =
      "for p in python3 /usr/bin/python3; do $p -c 'import lxml' 2>/dev/null && exec $p '" +
      script.string() + "' '" + path.string() + "'; done 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return {-1, -1};
  double seconds = -1, cpu = -1;
  long events = 0;
  if (std::fscanf(pipe, "%lf %lf %ld", &seconds, &cpu, &events) != 3) seconds = -1;
  ::pclose(pipe);
  return {seconds, cpu};
}

void printRate(const std::string& what, const Timed& t) {
  std::cout << what << ": " << bench::withCommas(t.events) << " events in "
            << bench::fixed(t.seconds, 3) << " s = "
            << bench::withCommas(static_cast<std::uint64_t>(double(t.events) / t.seconds))
            << " events/s";
  if (t.slowest > t.fastest)
    std::cout << " (median; range "
              << bench::withCommas(static_cast<std::uint64_t>(double(t.events) / t.slowest)) << "–"
              << bench::withCommas(static_cast<std::uint64_t>(double(t.events) / t.fastest))
              << ")";
  if (t.cpuSeconds > 0)
    std::cout << "; CPU " << bench::fixed(t.cpuSeconds, 3) << " s = "
              << bench::withCommas(static_cast<std::uint64_t>(double(t.events) / t.cpuSeconds))
              << " events/s";
  std::cout << "\n";
}

/// Both readers on one file, with the tokenizer's speed-up over expat.
std::pair<Timed, Timed> compareReaders(const std::string& what, const fs::path& path, int repeat) {
  const Timed fast = parseOnly(path, importers::XesXmlReader::Tokenizer, repeat);
  printRate("parse " + what + " (tokenizer)", fast);
  const Timed expat = parseOnly(path, importers::XesXmlReader::Expat, repeat);
  printRate("parse " + what + " (expat)", expat);
  std::cout << "  tokenizer / expat: " << bench::fixed(expat.seconds / fast.seconds, 2)
            << "x (CPU " << bench::fixed(expat.cpuSeconds / fast.cpuSeconds, 2) << "x)\n";
  if (fast.events != expat.events) std::cout << "  EVENT COUNTS DIFFER\n";
  return {fast, expat};
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t events = 1'000'000;
  int repeat = 5;
  fs::path dir = fs::temp_directory_path() / ("orglens-bench-xes-" + std::to_string(::getpid()));
  fs::path shared = fs::path(ORGLENS_BENCH_SOURCE_DIR) / ".." / "shared" / "data";
  bool keep = false;  // a folder given by --dir keeps the generated log (for profiling)
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--events")
      events = std::stoull(argv[i + 1]);
    else if (arg == "--repeat")
      repeat = std::max(1, std::stoi(argv[i + 1]));
    else if (arg == "--dir")
      dir = argv[i + 1], keep = true;
    else if (arg == "--shared")
      shared = argv[i + 1];
  }
  fs::create_directories(dir);
  const fs::path log = dir / "generated.xes";
  generate(log, events);
  std::cout << "generated " << log.string() << " ("
            << bench::formatBytes(double(fs::file_size(log))) << ")\n";
  for (const char* name : {"receipt.xes.gz", "helpdesk.xes.gz"}) {
    const fs::path real = shared / "event-logs" / name;
    if (!fs::exists(real)) continue;
    compareReaders(name, real, repeat);
    printRate(std::string("import ") + name, endToEnd(real, dir));
  }
  const auto [parse, expatParse] = compareReaders("generated", log, repeat);
  bench::resetPeakRss();
  const Timed import = endToEnd(log, dir);
  printRate("import generated", import);
  std::cout << "peak RSS of the import: " << bench::formatKiB(bench::peakRssKiB()) << "\n";
  const auto [python, pythonCpu] = pythonSeconds(log, dir);
  if (python > 0)
    std::cout << "python lxml iterparse: " << bench::fixed(python, 3) << " s (CPU "
              << bench::fixed(pythonCpu, 3) << " s); the tokenizer parses "
              << bench::fixed(python / parse.seconds, 1) << "x faster (CPU "
              << bench::fixed(pythonCpu / parse.cpuSeconds, 1) << "x), the expat path "
              << bench::fixed(python / expatParse.seconds, 1) << "x (CPU "
              << bench::fixed(pythonCpu / expatParse.cpuSeconds, 1) << "x)\n";
  else
    std::cout << "python lxml iterparse: skipped (python3 with lxml not available)\n";
  if (keep)
    fs::remove(dir / "bench.orglens");
  else
    fs::remove_all(dir);
  return 0;
}
