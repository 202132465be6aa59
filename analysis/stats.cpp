#include "analysis/stats.h"

#include <algorithm>
#include <cmath>

namespace orglens::analysis {

double quantileSorted(const std::vector<std::int64_t>& sorted, double q) {
  if (sorted.empty()) return 0;
  const double rank = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(rank));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  const double frac = rank - static_cast<double>(lo);
  return static_cast<double>(sorted[lo]) + frac * static_cast<double>(sorted[hi] - sorted[lo]);
}

DurationStats summarize(std::vector<std::int64_t>& micros) {
  DurationStats s;
  if (micros.empty()) return s;
  std::sort(micros.begin(), micros.end());
  s.count = micros.size();
  // Sum in integer microseconds (exact), converted once.
  std::int64_t total = 0;
  for (auto m : micros) total += m;
  s.sum = static_cast<double>(total) * kMicrosToSeconds;
  s.mean = s.sum / static_cast<double>(s.count);
  s.median = quantileSorted(micros, 0.5) * kMicrosToSeconds;
  s.p90 = quantileSorted(micros, 0.9) * kMicrosToSeconds;
  s.min = static_cast<double>(micros.front()) * kMicrosToSeconds;
  s.max = static_cast<double>(micros.back()) * kMicrosToSeconds;
  return s;
}

}  // namespace orglens::analysis
