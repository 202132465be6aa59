// Small helpers of the benchmark drivers: timing, peak RSS, number formatting, the result table.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "model/splitmix.h"

namespace orglens::bench {

using Clock = std::chrono::steady_clock;

/// SplitMix64 (Steele et al. 2014): small, fast, the same sequence on every platform — the
/// generator of every synthetic benchmark input.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() { return model::splitMix64(state); }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Approximately standard normal (Irwin-Hall of 4, scaled): cheap and bounded.
  double normal() { return (unit() + unit() + unit() + unit() - 2.0) * 1.7320508075688772; }
};

inline double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Resets this process's peak RSS to its current RSS (Linux /proc/self/clear_refs "5"), so
/// that peakRssKiB() then reports the peak of what follows. False when not supported.
bool resetPeakRss();
/// Peak resident set of this process in KiB: VmHWM from /proc/self/status, else ru_maxrss.
std::uint64_t peakRssKiB();

/// "85.3 MB" (decimal units, as throughput uses), "1.23 GB"; KiB input for RSS: "48.2 MiB".
std::string formatBytes(double bytes);
std::string formatKiB(std::uint64_t kib);
/// 1234567 -> "1,234,567".
std::string withCommas(std::uint64_t n);
/// Fixed-point with `digits` decimals.
std::string fixed(double value, int digits);

struct Row {
  std::string benchmark;
  std::string size;
  std::string seconds;
  std::string throughput;
  std::string peakRss;
  std::string target;
  std::string verdict;  // "meets", "misses" or "-" (informational)
};

/// Prints the rows as an aligned text table with a header line.
void printTable(const std::vector<Row>& rows);

}  // namespace orglens::bench
