// The import benchmarks proper: each runs one measured operation (best of `runs`) and returns
// its time, the checks that show the work was done, and the process's peak RSS during it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "bench/bench_data.h"
#include "model/records.h"

namespace orglens::bench {

/// Removes a scratch store and its journal files, if any.
void removeStore(const std::filesystem::path& store);

struct ParseResult {
  double seconds = 1e300;
  std::uint64_t rows = 0;      // header included
  std::uint64_t checksum = 0;  // sum of field lengths (+ parsed times): keeps the work alive
  std::uint64_t badTimes = 0;  // the header's "timestamp" is one
  std::uint64_t peakKiB = 0;
};
/// CsvReader over `file`, touching every field; with `timestamps`, also
/// TimestampParser::parse on the third column.
ParseResult parseCsv(const EventFile& file, int runs, bool timestamps);

struct PersistResult {
  double seconds = 1e300;  // addEvent loop + commit
  double commitSeconds = 0;
  std::uint64_t storedEvents = 0;
  std::uint64_t peakKiB = 0;
};
/// `events` EventRecords through ImportSession::addEvent into a fresh store at `storePath`,
/// then commit; objects and strings are created first and not timed.
PersistResult persistEvents(const std::filesystem::path& storePath, std::uint64_t events, int runs);

struct ImportResult {
  double seconds = 1e300;
  double hashSeconds = 0;  // SHA-256 of the file alone (importEndToEnd only)
  model::ImportCounts counts;
  std::uint64_t peakKiB = 0;
};
/// importers::importFile of `file` into a fresh store at `storePath`.
ImportResult importOnce(const EventFile& file, const std::filesystem::path& storePath);
ImportResult importEndToEnd(const EventFile& file, const std::filesystem::path& storePath,
                            int runs);

struct LoadResult {
  double serialSeconds = 1e300, parallelSeconds = 1e300;
  unsigned threads = 1;  // of the parallel load: one per core
  std::uint64_t events = 0;
  bool same = false;  // the two logs are identical, column by column
};
/// model::EventLog::load of the store at `storePath` (every item) by one thread and by one per
/// core, best of `runs` each (alternated), and whether both give the same log.
LoadResult loadBothWays(const std::filesystem::path& storePath, int runs);

struct ChildResult {
  std::uint64_t rssKiB = 0;  // the child's VmHWM (its own address space only)
  double seconds = 0;
  std::uint64_t events = 0;
  std::uint64_t nonPeople = 0;  // objects other than people: cases and teams
  std::string error;
};
/// The hidden --child-import mode: imports `file` into `storePath` and prints
/// "rss_kib seconds events non_people_objects" on stdout. Returns the exit code.
int childImport(const std::filesystem::path& file, const std::filesystem::path& storePath);
/// Runs `self --child-import FILE --store STORE` and reads its result through a pipe.
ChildResult runChildImport(const char* self, const EventFile& file,
                           const std::filesystem::path& storePath);

}  // namespace orglens::bench
