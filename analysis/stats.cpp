#include "analysis/stats.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <tuple>
#include <utility>

#include "analysis/wide_kernels.h"

namespace orglens::analysis {
namespace {

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

/// Up to this many values a range is sorted by rankSort(); bigger ones are bucketed (measured:
/// for 22 values 90 ns against 280 by bucketing and 240 by std::sort).
constexpr std::size_t kRankSortUpTo = 28;
/// rankSort() takes up to this many values: also the values of a bucketed range's rank buckets.
constexpr std::size_t kSortedUpTo = 64;

/// Bits rankSort() appends to a value for its position, so that all keys differ.
constexpr int kPositionBits = 6;
static_assert(kSortedUpTo <= (1 << kPositionBits) && kRankSortUpTo <= kSortedUpTo);

/// Sorts x[0..n) (n <= kSortedUpTo) by placing each value at its rank: the count of values
/// smaller than it, ties broken by position. n² comparisons without a branch, where a sort of a
/// few dozen values mispredicts about every other comparison. Where the values span less than
/// 2^(63 − kPositionBits), each becomes a key (x − lowest) · 2^kPositionBits + position, all
/// different and below 2^63, so that key a is smaller than b exactly when a − b has its top bit
/// set: a subtraction and a shift, which vectorise with plain SSE2 (no 64-bit compare before
/// SSE4.2), where counting `a < b` does not (226 → 91 ns for 22 values). The wide copy
/// (analysis/wide_kernels.h) compares four keys a step.
[[gnu::always_inline]] inline void rankSortBody(std::int64_t* x, std::size_t n, std::int64_t lowest,
                                                std::int64_t highest) {
  const auto span = static_cast<std::uint64_t>(highest) - static_cast<std::uint64_t>(lowest);
  if (span < std::uint64_t{1} << (63 - kPositionBits)) {
    std::uint64_t key[kSortedUpTo];
    for (std::size_t i = 0; i < n; ++i)
      key[i] = (static_cast<std::uint64_t>(x[i]) - static_cast<std::uint64_t>(lowest))
                   << kPositionBits |
               i;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t v = key[i];
      std::uint64_t rank = 0;
      for (std::size_t j = 0; j < n; ++j) rank += (key[j] - v) >> 63;
      x[rank] =
          static_cast<std::int64_t>((v >> kPositionBits) + static_cast<std::uint64_t>(lowest));
    }
    return;
  }
  std::int64_t in[kSortedUpTo];  // values too far apart for keys: compared as they are
  std::copy(x, x + n, in);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t v = in[i];
    std::size_t rank = 0;
    for (std::size_t j = 0; j < i; ++j) rank += in[j] <= v;
    for (std::size_t j = i + 1; j < n; ++j) rank += in[j] < v;
    x[rank] = v;
  }
}

void rankSortBase(std::int64_t* x, std::size_t n, std::int64_t lowest, std::int64_t highest) {
  rankSortBody(x, n, lowest, highest);
}

#if ORGLENS_HAS_WIDE_KERNELS
ORGLENS_WIDE_TARGET void rankSortWide(std::int64_t* x, std::size_t n, std::int64_t lowest,
                                      std::int64_t highest) {
  rankSortBody(x, n, lowest, highest);
}
#endif

void rankSort(std::int64_t* x, std::size_t n, std::int64_t lowest, std::int64_t highest) {
#if ORGLENS_HAS_WIDE_KERNELS
  if (detail::wideKernels()) return rankSortWide(x, n, lowest, highest);
#endif
  rankSortBase(x, n, lowest, highest);
}

/// The lowest and highest of the values it is called on (from a first value): the `alsoEach` of
/// a first pass by exactSum(), passed by std::ref so that the pass updates this one.
struct Extremes {
  std::int64_t lowest, highest;
  void operator()(std::int64_t x) {
    lowest = x < lowest ? x : lowest;
    highest = x > highest ? x : highest;
  }
};

/// What the first pass over a range finds: the exact sum, the extremes and, when asked for, the
/// excess Σ max(0, 2x − base2) (ExcessOver).
struct FirstPass {
  ExactMicros total = 0, excess2 = 0;
  Extremes extremes;
};

/// The first pass over [first, last) (not empty); the excess over *base2 unless null. The
/// extremes' compares vectorise only in the wide copy (analysis/wide_kernels.h; x86-64 has no
/// 64-bit compare before SSE4.2). summarize() with the excess, wide against baseline copies:
/// 22 values 102 against 144 ns, 75,000 values 1.54 against 2.33 ns a value.
[[gnu::always_inline]] inline FirstPass firstPassBody(const std::int64_t* first,
                                                      const std::int64_t* last,
                                                      const std::int64_t* base2) {
  FirstPass f{0, 0, {*first, *first}};
  if (base2) {
    std::tie(f.total, f.excess2) = exactSums(
        first, last, [b = *base2](std::int64_t x) { return std::max<std::int64_t>(0, 2 * x - b); },
        std::ref(f.extremes));
  } else {
    f.total = exactSum(first, last, std::ref(f.extremes));
  }
  return f;
}

[[gnu::flatten]] FirstPass firstPassBase(const std::int64_t* first, const std::int64_t* last,
                                         const std::int64_t* base2) {
  return firstPassBody(first, last, base2);
}

#if ORGLENS_HAS_WIDE_KERNELS
ORGLENS_WIDE_TARGET FirstPass firstPassWide(const std::int64_t* first, const std::int64_t* last,
                                            const std::int64_t* base2) {
  return firstPassBody(first, last, base2);
}
#endif

FirstPass firstPass(const std::int64_t* first, const std::int64_t* last,
                    const std::int64_t* base2) {
#if ORGLENS_HAS_WIDE_KERNELS
  if (detail::wideKernels()) return firstPassWide(first, last, base2);
#endif
  return firstPassBase(first, last, base2);
}

/// Both ranks by bucketing (ranges of more than kRankSortUpTo values). Values go into B buckets
/// by their offset from the smallest value, (x − lowest) >> shift; one pass counts the buckets,
/// which tell the bucket(s) of each rank and how many values lie below; a second pass collects
/// the values of those buckets, and the rank is selected among those few. Both passes are
/// branch-light, where nth_element mispredicts about every other comparison. Exact for any
/// distribution: skewed values only make the collected buckets bigger. B ~ n / 4 buckets (16 to
/// 8,192: the counts stay in the L1/L2 cache), so that a rank's bucket holds a few values for
/// smooth distributions.
struct Buckets {
  std::uint64_t first, last;  // the buckets of the two ranks r.lo and r.hi
  std::size_t below = 0;      // values in buckets before `first`
  std::int64_t* inside;       // the values of buckets first..last
  std::size_t size = 0;
};

void selectByBuckets(const std::int64_t* first, const std::int64_t* last, std::int64_t lowest,
                     std::int64_t highest, std::uint64_t typical, Rank r50, Rank r90,
                     std::pair<std::int64_t, std::int64_t>& v50,
                     std::pair<std::int64_t, std::int64_t>& v90, int depth = 0);

/// How far the mean of n values summing to `total` lies above their lowest value (rounded down).
std::uint64_t typicalOffset(ExactMicros total, std::size_t n, std::int64_t lowest) {
  return static_cast<std::uint64_t>(total / static_cast<ExactMicros>(n) - lowest);
}

/// Whether values whose mean lies `typical` above the lowest (typicalOffset()) over a span of
/// `span` are long-tailed: the mean less than a quarter of the span up. selectByBuckets() then
/// buckets only up to twice the mean, and sortsByRank() sorts up to kSortedUpTo such values.
bool longTailed(std::uint64_t typical, std::uint64_t span) {
  return typical < span / 4;
}

/// Whether summarize() and quantileOf() sort n values summing to `total` in [lowest, highest] by
/// rank rather than bucket them: up to kRankSortUpTo values, and up to kSortedUpTo long-tailed
/// ones (most of them crowd into the first buckets, which then need sorting anyway).
bool sortsByRank(std::size_t n, ExactMicros total, std::int64_t lowest, std::int64_t highest) {
  if (n <= kRankSortUpTo) return true;
  const auto span = static_cast<std::uint64_t>(highest) - static_cast<std::uint64_t>(lowest);
  return n <= kSortedUpTo && longTailed(typicalOffset(total, n, lowest), span);
}

/// Rank buckets holding more values than kSortedUpTo, up to this many, are bucketed again over
/// their own, narrower span, at most kMaxRefinements times (skewed values: the buckets are even
/// slices of the whole span, so most of a long-tailed range lands in the first few); more, or
/// deeper: nth_element.
constexpr std::size_t kRefineUpTo = 2048;
constexpr int kMaxRefinements = 6;

/// The values of ranks r.lo and r.hi, which lie among the bucket's values: sorted by rank when
/// they are few, else bucketed again (`depth`: how many times already).
std::pair<std::int64_t, std::int64_t> fromBuckets(Buckets& b, Rank r, std::int64_t lowest,
                                                  std::int64_t highest, int depth) {
  std::int64_t *v = b.inside, *end = b.inside + b.size;
  const auto lo = static_cast<std::ptrdiff_t>(r.lo - b.below);
  if (b.size <= kSortedUpTo) {  // rank r.hi is among them too
    rankSort(v, b.size, lowest, highest);
    return {v[lo], r.hi == r.lo ? v[lo] : v[lo + 1]};
  }
  if (b.size <= kRefineUpTo && depth < kMaxRefinements) {
    // A copy (the values may lie in the buffers that the next bucketing collects into), with
    // the values' extremes and sum.
    std::int64_t copy[kRefineUpTo];
    std::int64_t* to = copy;
    Extremes e{*v, *v};
    const ExactMicros total = exactSum(v, end, [&](std::int64_t x) {
      e(x);
      *to++ = x;
    });
    if (e.lowest == e.highest) return {e.lowest, e.lowest};
    const Rank inside{r.lo - b.below, r.hi - b.below, r.frac};
    std::pair<std::int64_t, std::int64_t> value, same;
    selectByBuckets(copy, copy + b.size, e.lowest, e.highest,
                    typicalOffset(total, b.size, e.lowest), inside, inside, value, same, depth + 1);
    return value;
  }
  std::nth_element(v, v + lo, end);
  return {v[lo], r.hi == r.lo ? v[lo] : *std::min_element(v + lo + 1, end)};
}

/// Ranges up to this many values collect their rank buckets' values on the stack without a branch;
/// bigger ones append them to buffers (a branch rarely taken, and no pass writing every value).
constexpr std::size_t kCollectOnStackUpTo = 2048;

/// The bucket of each value: its offset from `lowest` over 2^shift, and with `Clamp` at most
/// `top` (the values beyond the bucketed span share the last bucket).
template <bool Clamp>
struct BucketOf {
  static constexpr bool kCrowded = Clamp;  // long-tailed values (selectByBuckets())
  std::uint64_t lowest;
  int shift;
  std::uint64_t top;
  std::uint64_t operator()(std::int64_t x) const {
    const std::uint64_t b = (static_cast<std::uint64_t>(x) - lowest) >> shift;
    if constexpr (Clamp) return b < top ? b : top;
    return b;
  }
};

/// selectByBuckets() with the bucket function `bucketOf` (of 2^bits buckets).
template <class BucketFn>
void selectInBuckets(const std::int64_t* first, const std::int64_t* last, std::int64_t lowest,
                     std::int64_t highest, int bits, BucketFn bucketOf, Rank r50, Rank r90,
                     std::pair<std::int64_t, std::int64_t>& v50,
                     std::pair<std::int64_t, std::int64_t>& v90, int depth) {
  thread_local std::vector<std::uint32_t> count;
  thread_local std::vector<std::int64_t> inside50, inside90;
  const auto n = static_cast<std::size_t>(last - first);
  const std::size_t buckets = std::size_t{1} << bits;
  if constexpr (BucketFn::kCrowded) {
    // Long-tailed values crowd into the first few buckets, so that one counter would be
    // incremented again before its last increment is stored: four counters a bucket, one for
    // each value in turn, cut those chains to a quarter.
    count.assign(4 * buckets, 0);
    std::uint32_t* c = count.data();
    const auto* p = first;
    for (; p + 4 <= last; p += 4) {
      ++c[bucketOf(p[0])];
      ++c[buckets + bucketOf(p[1])];
      ++c[2 * buckets + bucketOf(p[2])];
      ++c[3 * buckets + bucketOf(p[3])];
    }
    for (; p != last; ++p) ++c[bucketOf(*p)];
    for (std::size_t b = 0; b < buckets; ++b)
      c[b] += c[buckets + b] + c[2 * buckets + b] + c[3 * buckets + b];
  } else {
    count.assign(buckets, 0);
    for (auto* p = first; p != last; ++p) ++count[bucketOf(*p)];
  }
  // The buckets of the ranks, in one walk over the counts that stops at the last rank's bucket
  // (each rank < n, so the walk ends inside the counts). The ranks come in ascending order
  // except when one is asked for twice (r90 = r50): then the second walk starts again.
  Buckets b50{0, 0, 0, nullptr}, b90{0, 0, 0, nullptr};
  std::uint64_t at = 0;
  std::size_t seen = 0;  // values in the buckets before `at`
  const auto walkTo = [&](std::size_t rank) {
    while (seen + count[at] <= rank) seen += count[at++];
    return at;
  };
  b50.first = walkTo(r50.lo);
  b50.below = seen;
  b50.last = walkTo(r50.hi);
  if (r90.lo < seen) at = 0, seen = 0;
  b90.first = walkTo(r90.lo);
  b90.below = seen;
  b90.last = walkTo(r90.hi);
  const auto in50 = [&](std::uint64_t b) { return b - b50.first <= b50.last - b50.first; };
  const auto in90 = [&](std::uint64_t b) { return b - b90.first <= b90.last - b90.first; };
  std::int64_t room[2 * kCollectOnStackUpTo];
  if (n <= kCollectOnStackUpTo) {
    // Every value is written, and each end moves on where it belongs: no branch to mispredict.
    b50.inside = room;
    b90.inside = room + n;
    for (auto* p = first; p != last; ++p) {
      const std::uint64_t b = bucketOf(*p);
      b50.inside[b50.size] = *p;
      b50.size += in50(b);
      b90.inside[b90.size] = *p;
      b90.size += in90(b);
    }
  } else {
    inside50.clear();
    inside90.clear();
    for (auto* p = first; p != last; ++p) {
      const std::uint64_t b = bucketOf(*p);
      if (in50(b)) inside50.push_back(*p);
      if (in90(b)) inside90.push_back(*p);
    }
    b50.inside = inside50.data(), b50.size = inside50.size();
    b90.inside = inside90.data(), b90.size = inside90.size();
  }
  v50 = fromBuckets(b50, r50, lowest, highest, depth);
  v90 = fromBuckets(b90, r90, lowest, highest, depth);
}

/// The values of ranks r50 and r90 of [first, last), which lie in [lowest, highest]; `depth` > 0
/// for the values of an outer call's rank buckets. `typical` is how far the values' mean lies
/// above `lowest` (typicalOffset()). Where it is below a quarter of the span (long-tailed values,
/// as real waits are: most short, a few of weeks), even slices of the span would put most values
/// into the first few buckets; so the buckets cover only [lowest, lowest + 2 · typical], where such
/// values crowd, and the values above share the last bucket. A rank that lies up there (the p90
/// of exponential values is 2.3 means) takes the last bucket's values, still exactly. Lognormal
/// waits (sigma 1.5 to 3.5), ns a value: 50 values 10–17 → 5–10, 500 values 6–12 → 3–5.5;
/// uniform ones unchanged (they never take this path).
void selectByBuckets(const std::int64_t* first, const std::int64_t* last, std::int64_t lowest,
                     std::int64_t highest, std::uint64_t typical, Rank r50, Rank r90,
                     std::pair<std::int64_t, std::int64_t>& v50,
                     std::pair<std::int64_t, std::int64_t>& v90, int depth) {
  const auto n = static_cast<std::size_t>(last - first);
  const int bits = std::clamp(static_cast<int>(std::bit_width(n)) - 3, 4, 13);  // B ~ n / 4
  const auto span = static_cast<std::uint64_t>(highest) - static_cast<std::uint64_t>(lowest);
  const auto low = static_cast<std::uint64_t>(lowest);
  if (longTailed(typical, span)) {
    const std::uint64_t covered = 2 * typical + 1;
    const int shift = std::max(0, static_cast<int>(std::bit_width(covered)) - bits);
    selectInBuckets(first, last, lowest, highest, bits,
                    BucketOf<true>{low, shift, (std::uint64_t{1} << bits) - 1}, r50, r90, v50, v90,
                    depth);
    return;
  }
  const int shift = std::max(0, static_cast<int>(std::bit_width(span)) - bits);
  selectInBuckets(first, last, lowest, highest, bits, BucketOf<false>{low, shift, 0}, r50, r90, v50,
                  v90, depth);
}

}  // namespace

double quantileSorted(const std::vector<std::int64_t>& sorted, double q) {
  if (sorted.empty()) return 0;
  const Rank r = rankOf(sorted.size(), q);
  return interpolate(static_cast<double>(sorted[r.lo]), static_cast<double>(sorted[r.hi]), r.frac);
}

double quantileOf(std::int64_t* first, std::int64_t* last, double q) {
  if (first == last) return 0;
  const auto n = static_cast<std::size_t>(last - first);
  const Rank r = rankOf(n, q);
  const FirstPass f = firstPass(first, last, nullptr);
  const ExactMicros total = f.total;
  const std::int64_t lowest = f.extremes.lowest, highest = f.extremes.highest;
  std::pair<std::int64_t, std::int64_t> v;
  if (sortsByRank(n, total, lowest, highest)) {
    rankSort(first, n, lowest, highest);
    v = {first[r.lo], first[r.hi]};
  } else {
    std::pair<std::int64_t, std::int64_t> unused;
    selectByBuckets(first, last, lowest, highest, typicalOffset(total, n, lowest), r, r, v, unused);
  }
  return interpolate(static_cast<double>(v.first), static_cast<double>(v.second), r.frac);
}

DurationStats summarize(std::vector<std::int64_t>& micros) {
  return summarize(micros.data(), micros.data() + micros.size());
}

DurationStats summarize(std::int64_t* first, std::int64_t* last) {
  return summarize(first, last, nullptr);
}

namespace {

/// summarize() from its first pass's findings: the figures, and the median and p90 selected.
DurationStats fromTotals(std::int64_t* first, std::int64_t* last, const Totals& t) {
  DurationStats s;
  const auto n = static_cast<std::size_t>(last - first);
  s.count = n;
  s.sum = static_cast<double>(t.total) * kMicrosToSeconds;
  s.mean = s.sum / static_cast<double>(s.count);
  s.min = static_cast<double>(t.lowest) * kMicrosToSeconds;
  s.max = static_cast<double>(t.highest) * kMicrosToSeconds;
  const Rank r50 = rankOf(n, 0.5), r90 = rankOf(n, 0.9);
  std::pair<std::int64_t, std::int64_t> v50, v90;
  if (sortsByRank(n, t.total, t.lowest, t.highest)) {
    // as quantileOf(), written out: a shared helper measured 3 % slower
    rankSort(first, n, t.lowest, t.highest);
    v50 = {first[r50.lo], first[r50.hi]};
    v90 = {first[r90.lo], first[r90.hi]};
  } else {
    selectByBuckets(first, last, t.lowest, t.highest, typicalOffset(t.total, n, t.lowest), r50, r90,
                    v50, v90);
  }
  s.median =
      interpolate(static_cast<double>(v50.first), static_cast<double>(v50.second), r50.frac) *
      kMicrosToSeconds;
  s.p90 = interpolate(static_cast<double>(v90.first), static_cast<double>(v90.second), r90.frac) *
          kMicrosToSeconds;
  return s;
}

}  // namespace

DurationStats summarize(std::int64_t* first, std::int64_t* last, ExcessOver* excess) {
  Totals unused;
  return summarize(first, last, excess, unused);
}

DurationStats summarize(std::int64_t* first, std::int64_t* last, ExcessOver* excess,
                        Totals& totals) {
  if (first == last) return {};
  // Sum in integer microseconds (exact), converted once; the extremes, and the excess when asked
  // for, in the same pass (a pass over thousands of values costs more than the few operations a
  // value adds).
  const FirstPass f = firstPass(first, last, excess ? &excess->base2 : nullptr);
  if (excess) excess->sum2 += f.excess2;
  totals = {f.total, f.extremes.lowest, f.extremes.highest};
  return fromTotals(first, last, totals);
}

DurationStats summarizeKnown(std::int64_t* first, std::int64_t* last, const Totals& totals) {
  if (first == last) return {};
  return fromTotals(first, last, totals);
}

}  // namespace orglens::analysis
