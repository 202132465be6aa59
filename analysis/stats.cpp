#include "analysis/stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace orglens::analysis {
namespace {

/// Small ranges are sorted outright: cheaper than selection and gives every rank at once.
constexpr std::ptrdiff_t kSortBelow = 32;

struct Rank {
  std::size_t lo, hi;
  double frac;
};

/// numpy "linear": rank q · (n − 1) between closest ranks lo and hi = min(lo + 1, n − 1).
Rank rankOf(std::size_t n, double q) {
  const double rank = q * static_cast<double>(n - 1);
  const auto lo = static_cast<std::size_t>(std::floor(rank));
  return {lo, std::min(lo + 1, n - 1), rank - static_cast<double>(lo)};
}

double interpolate(double lo, double hi, double frac) {
  return lo + frac * (hi - lo);
}

/// Places the values of ranks r.lo and r.hi of [first, last) and returns them; afterwards
/// the values after r.lo are the ranks above it (nth_element's partition), which the next,
/// higher rank relies on.
std::pair<std::int64_t, std::int64_t> select(std::int64_t* first, std::int64_t* last, Rank r) {
  std::nth_element(first, first + r.lo, last);
  const std::int64_t lo = first[r.lo];
  const std::int64_t hi = r.hi == r.lo ? lo : *std::min_element(first + r.lo + 1, last);
  return {lo, hi};
}

/// Large ranges: both ranks in one pass. A sorted, evenly strided sample brackets each rank
/// between two sample values; one pass counts the values below each bracket and collects the
/// values inside it, and the rank is selected among those few. Exact: when a bracket misses
/// its rank (unlikely), the plain selection runs instead. Deterministic (no random sample).
constexpr std::ptrdiff_t kSampleFrom = 1 << 16;
constexpr std::size_t kSample = 4096, kMargin = 128;

struct Bracket {
  std::int64_t low, high;  // values in [low, high] are collected
  std::size_t below = 0;   // values < low
  std::vector<std::int64_t>* inside;
};

Bracket bracketOf(const std::vector<std::int64_t>& sample, std::size_t n, std::size_t rank,
                  std::vector<std::int64_t>& inside) {
  const std::size_t at = rank * kSample / n;
  const auto low = at >= kMargin ? sample[at - kMargin] : std::numeric_limits<std::int64_t>::min();
  const auto high =
      at + kMargin < kSample ? sample[at + kMargin] : std::numeric_limits<std::int64_t>::max();
  inside.clear();
  return {low, high, 0, &inside};
}

/// Values of ranks r.lo and r.hi from a bracket, or nothing when the bracket missed them.
std::optional<std::pair<std::int64_t, std::int64_t>> fromBracket(Bracket& b, Rank r) {
  auto& v = *b.inside;
  if (r.lo < b.below || r.hi >= b.below + v.size()) return std::nullopt;
  const auto lo = static_cast<std::ptrdiff_t>(r.lo - b.below);
  std::nth_element(v.begin(), v.begin() + lo, v.end());
  const std::int64_t hi = r.hi == r.lo ? v[lo] : *std::min_element(v.begin() + lo + 1, v.end());
  return std::pair{v[lo], hi};
}

bool selectBySample(std::int64_t* first, std::int64_t* last, Rank r50, Rank r90,
                    std::pair<std::int64_t, std::int64_t>& v50,
                    std::pair<std::int64_t, std::int64_t>& v90) {
  thread_local std::vector<std::int64_t> sample, inside50, inside90;
  const auto n = static_cast<std::size_t>(last - first);
  sample.resize(kSample);
  for (std::size_t i = 0; i < kSample; ++i) sample[i] = first[i * n / kSample];
  std::sort(sample.begin(), sample.end());
  Bracket b50 = bracketOf(sample, n, r50.lo, inside50),
          b90 = bracketOf(sample, n, r90.lo, inside90);
  for (auto* p = first; p != last; ++p) {
    const std::int64_t x = *p;
    b50.below += x < b50.low;
    b90.below += x < b90.low;
    if (x >= b50.low && x <= b50.high) inside50.push_back(x);
    if (x >= b90.low && x <= b90.high) inside90.push_back(x);
  }
  const auto a = fromBracket(b50, r50), b = fromBracket(b90, r90);
  if (!a || !b) return false;
  v50 = *a;
  v90 = *b;
  return true;
}

}  // namespace

double quantileSorted(const std::vector<std::int64_t>& sorted, double q) {
  if (sorted.empty()) return 0;
  const Rank r = rankOf(sorted.size(), q);
  return interpolate(static_cast<double>(sorted[r.lo]), static_cast<double>(sorted[r.hi]), r.frac);
}

double quantileOf(std::int64_t* first, std::int64_t* last, double q) {
  if (first == last) return 0;
  const Rank r = rankOf(static_cast<std::size_t>(last - first), q);
  const auto [lo, hi] = select(first, last, r);
  return interpolate(static_cast<double>(lo), static_cast<double>(hi), r.frac);
}

DurationStats summarize(std::vector<std::int64_t>& micros) {
  return summarize(micros.data(), micros.data() + micros.size());
}

DurationStats summarize(std::int64_t* first, std::int64_t* last) {
  DurationStats s;
  if (first == last) return s;
  const auto n = static_cast<std::size_t>(last - first);
  s.count = n;
  // Sum in integer microseconds (exact), converted once.
  std::int64_t total = 0, lowest = *first, highest = *first;
  for (auto* p = first; p != last; ++p) {
    total += *p;
    lowest = std::min(lowest, *p);
    highest = std::max(highest, *p);
  }
  s.sum = static_cast<double>(total) * kMicrosToSeconds;
  s.mean = s.sum / static_cast<double>(s.count);
  s.min = static_cast<double>(lowest) * kMicrosToSeconds;
  s.max = static_cast<double>(highest) * kMicrosToSeconds;
  const Rank r50 = rankOf(n, 0.5), r90 = rankOf(n, 0.9);
  std::pair<std::int64_t, std::int64_t> v50, v90;
  if (last - first < kSortBelow) {
    std::sort(first, last);
    v50 = {first[r50.lo], first[r50.hi]};
    v90 = {first[r90.lo], first[r90.hi]};
  } else if (last - first < kSampleFrom || !selectBySample(first, last, r50, r90, v50, v90)) {
    // Median first: its partition leaves the ranks above it in [first + r50.lo + 1, last), so
    // that p90 is selected in the upper half only (r90.lo > r50.lo here: n >= kSortBelow).
    v50 = select(first, last, r50);
    const std::size_t above = r50.lo + 1;
    v90 = select(first + above, last, {r90.lo - above, r90.hi - above, r90.frac});
  }
  s.median =
      interpolate(static_cast<double>(v50.first), static_cast<double>(v50.second), r50.frac) *
      kMicrosToSeconds;
  s.p90 = interpolate(static_cast<double>(v90.first), static_cast<double>(v90.second), r90.frac) *
          kMicrosToSeconds;
  return s;
}

}  // namespace orglens::analysis
