// Summary statistics with stated definitions (docs/metrics.md, "Statistics").
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace orglens::analysis {

/// Count, sum, mean, median, p90, min and max of durations, in seconds.
/// - median: the middle value; for an even count the mean of the two middle values
///   (numpy.median, as PM4Py uses).
/// - p90: linear interpolation between closest ranks at rank 0.9 * (n − 1)
///   (numpy.percentile's default "linear" method).
/// An exact sum of microseconds over many waits: 128 bits, as ten million waits of a few weeks
/// each would already overflow 64.
__extension__ typedef __int128 ExactMicros;

/// Σ [first, last) and Σ figure(x) over it exactly, each as two 64-bit sums (the values' low 32
/// bits, unsigned, and their high 32 bits, signed) joined after each block of 2^30 values, so
/// that neither can overflow: the loop stays in 64-bit registers and vectorises, where adding
/// into 128 bits costs a carry chain per value. `alsoEach(x)` is called on every value in the
/// same pass (for figures gathered beside the sums).
template <class Figure, class AlsoEach>
std::pair<ExactMicros, ExactMicros> exactSums(const std::int64_t* first, const std::int64_t* last,
                                              Figure figure, AlsoEach alsoEach) {
  struct Split {
    std::uint64_t low = 0;
    std::int64_t high = 0;
    void add(std::int64_t x) { low += static_cast<std::uint32_t>(x), high += x >> 32; }
    ExactMicros joined() const {
      return (static_cast<ExactMicros>(high) << 32) + static_cast<ExactMicros>(low);
    }
  };
  std::pair<ExactMicros, ExactMicros> total{0, 0};
  constexpr std::ptrdiff_t kBlock = std::ptrdiff_t{1} << 30;
  while (first != last) {
    const std::int64_t* end = last - first > kBlock ? first + kBlock : last;
    Split values, figures;
    for (const std::int64_t* p = first; p != end; ++p) {
      values.add(*p);
      figures.add(figure(*p));
      alsoEach(*p);
    }
    total.first += values.joined();
    total.second += figures.joined();
    first = end;
  }
  return total;
}

/// Σ [first, last) exactly (exactSums() without a second figure).
template <class AlsoEach>
ExactMicros exactSum(const std::int64_t* first, const std::int64_t* last, AlsoEach alsoEach) {
  return exactSums(
             first, last, [](std::int64_t) { return std::int64_t{0}; }, alsoEach)
      .first;
}

inline ExactMicros exactSum(const std::int64_t* first, const std::int64_t* last) {
  return exactSum(first, last, [](std::int64_t) {});
}

struct DurationStats {
  std::uint64_t count = 0;
  double sum = 0;
  double mean = 0;
  double median = 0;
  double p90 = 0;
  double min = 0;
  double max = 0;
};

/// Statistics of `micros` (durations in microseconds); reorders the vector. O(n): ranges of more
/// than 28 values (64 when long-tailed: the mean below a quarter of the span above the lowest)
/// find the median and p90 ranks by counting the values into buckets by their
/// offset from the minimum and selecting among the few values of the ranks' buckets (exact for
/// any distribution; for long-tailed values the buckets cover twice the mean, where most values
/// lie, and the values above share the last one); smaller ones, and the values
/// of those buckets when they are few, are sorted by rank (each value's count of smaller ones,
/// without a branch).
DurationStats summarize(std::vector<std::int64_t>& micros);
/// The same for the range [first, last), which it reorders.
DurationStats summarize(std::int64_t* first, std::int64_t* last);

/// A figure summarize() can add up in its first pass: Σ max(0, 2x − base2) over the values, in
/// half microseconds (the handoff tables' excess delay over a baseline; definition "handoffs/1").
struct ExcessOver {
  std::int64_t base2;
  ExactMicros sum2 = 0;  // added to
};
/// summarize(first, last), adding the values' excess over `excess->base2` (unless null) to
/// `excess->sum2` in the same pass.
DurationStats summarize(std::int64_t* first, std::int64_t* last, ExcessOver* excess);

/// What summarize()'s first pass finds: the exact sum and the extremes of the values.
struct Totals {
  ExactMicros total = 0;
  std::int64_t lowest = 0, highest = 0;
  /// These of the values of both (of a union of ranges: neither may be of no values).
  void add(const Totals& o) {
    total += o.total;
    lowest = o.lowest < lowest ? o.lowest : lowest;
    highest = o.highest > highest ? o.highest : highest;
  }
};
/// summarize(first, last, excess) that also gives its first pass's findings in `totals`.
DurationStats summarize(std::int64_t* first, std::int64_t* last, ExcessOver* excess,
                        Totals& totals);
/// summarize(first, last) of values whose sum and extremes are known (those of ranges
/// summarised before, Totals::add()): without the first pass.
DurationStats summarizeKnown(std::int64_t* first, std::int64_t* last, const Totals& totals);

/// The q-quantile (0..1) of [first, last) (numpy "linear"), found by selection; reorders the
/// range. O(n).
double quantileOf(std::int64_t* first, std::int64_t* last, double q);

/// The q-quantile (0..1) of sorted values by linear interpolation (numpy "linear").
double quantileSorted(const std::vector<std::int64_t>& sorted, double q);

inline constexpr double kMicrosToSeconds = 1e-6;

}  // namespace orglens::analysis
