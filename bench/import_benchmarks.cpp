#include "bench/import_benchmarks.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include "bench/bench_util.h"
#include "importers/csv_reader.h"
#include "importers/import_file.h"
#include "importers/timestamp.h"
#include "model/event_log.h"
#include "model/import_session.h"
#include "model/progress.h"
#include "model/store.h"

namespace orglens::bench {
namespace {

model::SourceRecord benchSource(const std::string& tag) {
  model::SourceRecord record;
  record.path = "bench:" + tag;
  record.format = "bench";
  record.sha256 = tag;
  return record;
}

}  // namespace

void removeStore(const std::filesystem::path& store) {
  std::error_code ec;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"})
    std::filesystem::remove(std::filesystem::path(store.string() + suffix), ec);
}

// ---- CSV parse ---------------------------------------------------------------------------

ParseResult parseCsv(const EventFile& file, int runs, bool timestamps) {
  ParseResult best;
  importers::TimestampParser parser;
  resetPeakRss();
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    std::string error;
    auto reader = importers::CsvReader::open(file.path, error);
    if (!reader) throw std::runtime_error(error);
    importers::CsvRow row;
    std::uint64_t rows = 0, sum = 0, bad = 0;
    while (reader->next(row)) {
      ++rows;
      for (std::string_view f : row.fields) sum += f.size();
      if (timestamps && row.fields.size() > 2) {
        if (auto t = parser.parse(row.fields[2]))
          sum += static_cast<std::uint64_t>(*t);
        else
          ++bad;
      }
    }
    if (!reader->error().empty()) throw std::runtime_error("CSV reader: " + reader->error());
    const double seconds = secondsSince(start);
    if (seconds < best.seconds) best.seconds = seconds;
    best.rows = rows;
    best.checksum = sum;
    best.badTimes = bad;
  }
  best.peakKiB = peakRssKiB();
  return best;
}

// ---- Store persist -----------------------------------------------------------------------

PersistResult persistEvents(const std::filesystem::path& storePath, std::uint64_t events,
                            int runs) {
  PersistResult best;
  std::vector<model::EventRecord> records;
  records.reserve(events);
  resetPeakRss();
  for (int run = 0; run < runs; ++run) {
    removeStore(storePath);
    auto store = model::Store::open(storePath, model::Store::Mode::Create);
    auto session = store->beginImport(benchSource("persist"));
    // Objects and strings first (not timed), then the events referring to them.
    std::vector<model::ObjectId> cases, people;
    std::vector<model::StringId> activities, tools;
    const std::uint32_t caseCount = DataShape::casesFor(events);
    for (std::uint32_t c = 0; c < caseCount; ++c)
      cases.push_back(session->object(model::typeId(model::BuiltinType::Task), caseKey(c)));
    for (std::uint32_t r = 0; r < DataShape::kResources; ++r)
      people.push_back(session->object(model::typeId(model::BuiltinType::Person), resourceKey(r),
                                       "Person " + std::to_string(r)));
    for (std::uint32_t a = 0; a < DataShape::kActivities; ++a)
      activities.push_back(session->intern(activityName(a)));
    for (std::uint32_t t = 0; t < kTools; ++t) tools.push_back(session->intern(toolName(t)));
    Rng rng(DataShape::kSeed);
    records.clear();
    model::MicrosUtc time = 1735689600LL * 1000000;
    for (std::uint64_t i = 0; i < events; ++i) {
      model::EventRecord e;
      time += 1000 + rng.below(60'000'000);
      e.time = time;
      e.activity = activities[rng.below(DataShape::kActivities)];
      e.actor = model::PersonId::of(people[rng.below(DataShape::kResources)]);
      e.item = cases[rng.below(caseCount)];
      e.tool = tools[rng.below(kTools)];
      e.platform = static_cast<model::Platform>(1 + rng.below(3));
      records.push_back(e);
    }
    const auto start = Clock::now();
    for (const auto& e : records) session->addEvent(e);
    const auto commitStart = Clock::now();
    model::ImportCounts counts = session->counts();
    session->commit(counts, {});
    const double seconds = secondsSince(start);
    if (seconds < best.seconds) {
      best.seconds = seconds;
      best.commitSeconds = secondsSince(commitStart);
    }
    best.storedEvents = static_cast<std::uint64_t>(
        model::queryInt(store->db(), "SELECT count(*) FROM events").value_or(0));
  }
  best.peakKiB = peakRssKiB();
  removeStore(storePath);
  return best;
}

// ---- End-to-end import -------------------------------------------------------------------

ImportResult importOnce(const EventFile& file, const std::filesystem::path& storePath) {
  ImportResult result;
  removeStore(storePath);
  auto store = model::Store::open(storePath, model::Store::Mode::Create);
  model::NoProgress progress;
  const auto start = Clock::now();
  const auto outcome =
      importers::importFile(*store, file.path, importers::ImportOptions{}, progress);
  result.seconds = secondsSince(start);
  result.counts = outcome.counts;
  return result;
}

ImportResult importEndToEnd(const EventFile& file, const std::filesystem::path& storePath,
                            int runs) {
  ImportResult best;
  resetPeakRss();
  for (int run = 0; run < runs; ++run) {
    ImportResult r = importOnce(file, storePath);
    if (r.seconds < best.seconds) best = r;
  }
  best.peakKiB = peakRssKiB();
  removeStore(storePath);
  // The share of the file's SHA-256 ("same file twice" check) in the import time.
  const auto start = Clock::now();
  importers::sha256File(file.path);
  best.hashSeconds = secondsSince(start);
  return best;
}

// ---- Loading a store ----------------------------------------------------------------------

LoadResult loadBothWays(const std::filesystem::path& storePath, int runs) {
  LoadResult r;
  r.threads = std::max(1u, std::thread::hardware_concurrency());
  const auto store = model::Store::open(storePath, model::Store::Mode::ReadOnly);
  model::EventLogOptions serial, parallel;
  serial.threads = 1;
  parallel.threads = r.threads;
  model::EventLog one, several;
  for (int run = 0; run < runs; ++run) {
    auto start = Clock::now();
    one = model::EventLog::load(*store, serial);
    r.serialSeconds = std::min(r.serialSeconds, secondsSince(start));
    start = Clock::now();
    several = model::EventLog::load(*store, parallel);
    r.parallelSeconds = std::min(r.parallelSeconds, secondsSince(start));
  }
  r.events = one.eventCount();
  r.same = one == several;
  return r;
}

// ---- Peak RSS in a child process ---------------------------------------------------------

int childImport(const std::filesystem::path& file, const std::filesystem::path& storePath) {
  try {
    EventFile f;
    f.path = file;
    ImportResult r = importOnce(f, storePath);
    std::printf("%llu %.6f %llu %llu\n", static_cast<unsigned long long>(peakRssKiB()), r.seconds,
                static_cast<unsigned long long>(r.counts.events),
                static_cast<unsigned long long>(r.counts.objects - r.counts.people));
    removeStore(storePath);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "child import failed: %s\n", e.what());
    return 1;
  }
}

ChildResult runChildImport(const char* self, const EventFile& file,
                           const std::filesystem::path& storePath) {
  ChildResult result;
  int fds[2];
  if (pipe(fds) != 0) return {0, 0, 0, 0, std::string("pipe: ") + std::strerror(errno)};
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) return {0, 0, 0, 0, std::string("fork: ") + std::strerror(errno)};
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], STDOUT_FILENO);
    close(fds[1]);
    const std::string fileArg = file.path.string(), storeArg = storePath.string();
    execl(self, self, "--child-import", fileArg.c_str(), "--store", storeArg.c_str(),
          static_cast<char*>(nullptr));
    std::fprintf(stderr, "exec %s: %s\n", self, std::strerror(errno));
    _exit(127);
  }
  close(fds[1]);
  std::string text;
  char buf[256];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0) text.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  unsigned long long rss = 0, events = 0, nonPeople = 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
      std::sscanf(text.c_str(), "%llu %lf %llu %llu", &rss, &result.seconds, &events, &nonPeople) !=
          4)
    return {0, 0, 0, 0, "child import of " + file.path.filename().string() + " failed"};
  result.rssKiB = rss;
  result.events = events;
  result.nonPeople = nonPeople;
  return result;
}

}  // namespace orglens::bench
