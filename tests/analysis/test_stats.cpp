// summarize() against a full sort (numpy's median and "linear" p90) on ranges of every size
// and on distributions that strain the bucketed selection: skewed, constant, negative, outliers.
// Each check runs with both copies of the kernels (analysis/wide_kernels.h) where the CPU has the
// wide one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <climits>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "analysis/stats.h"
#include "analysis/wide_kernels.h"
#include "model/splitmix.h"
#include "tests/analysis/same_results.h"

using orglens::analysis::DurationStats;
using orglens::analysis::ExactMicros;
using orglens::analysis::quantileSorted;
using orglens::analysis::summarize;

namespace {

DurationStats bySorting(std::vector<std::int64_t> v) {
  std::sort(v.begin(), v.end());
  DurationStats s;
  s.count = v.size();
  orglens::analysis::ExactMicros total = 0;  // the outliers of shape 4 overflow 64 bits
  for (auto x : v) total += x;
  s.sum = static_cast<double>(total) * 1e-6;
  s.mean = s.sum / static_cast<double>(v.size());
  s.min = static_cast<double>(v.front()) * 1e-6;
  s.max = static_cast<double>(v.back()) * 1e-6;
  s.median = quantileSorted(v, 0.5) * 1e-6;
  s.p90 = quantileSorted(v, 0.9) * 1e-6;
  return s;
}

/// Runs check() with the baseline kernels, then with the x86-64-v3 ones where the CPU has them,
/// and leaves the choice as it was.
template <class Check>
void withEachKernel(Check check) {
  namespace d = orglens::analysis::detail;
  const bool was = d::setWideKernels(false);
  {
    INFO("baseline kernels");
    check();
  }
  if (d::wideKernelsAvailable()) {
    d::setWideKernels(true);
    INFO("x86-64-v3 kernels");
    check();
  }
  d::setWideKernels(was);
}

void checkSame(const std::vector<std::int64_t>& v) {
  const auto want = bySorting(v);
  withEachKernel([&] {
    auto copy = v;
    orglens::test::checkSameStats(summarize(copy), want);
  });
}

/// quantileOf() equals the sorted values' quantile at each of `qs`.
void checkQuantiles(const std::vector<std::int64_t>& v, std::initializer_list<double> qs) {
  std::vector<std::int64_t> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  withEachKernel([&] {
    for (const double q : qs) {
      INFO("q " << q);
      auto copy = v;
      CHECK(orglens::analysis::quantileOf(copy.data(), copy.data() + copy.size(), q) ==
            quantileSorted(sorted, q));
    }
  });
}

std::vector<std::int64_t> values(std::size_t n, int shape, std::uint64_t seed) {
  std::uint64_t state = seed;
  std::vector<std::int64_t> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t r = orglens::model::splitMix64(state);
    switch (shape) {
      case 0:
        v[i] = static_cast<std::int64_t>(r % 3'600'000'000ull);
        break;  // uniform
      case 1:
        v[i] = static_cast<std::int64_t>(r % 1000 * (r % 1000) * (r % 1000));
        break;
      case 2:
        v[i] = 42;
        break;  // constant
      case 3:
        v[i] = static_cast<std::int64_t>(r % 2001) - 1000;
        break;  // negative
      case 4:
        v[i] = i % 97 == 0 ? (std::int64_t{1} << 60) : static_cast<std::int64_t>(r % 7);
        break;
      default:
        v[i] = static_cast<std::int64_t>(r % 4);
        break;  // many ties
    }
  }
  return v;
}

}  // namespace

TEST_CASE("Statistics by bucketed selection equal those of a full sort", "[analysis][stats]") {
  // 28 and 29: the last range sorted by rank and the first one bucketed.
  for (std::size_t n : {1, 2, 3, 15, 16, 17, 22, 27, 28, 29, 31, 32, 100, 1000, 4097, 70000})
    for (int shape = 0; shape < 6; ++shape) {
      INFO("n = " << n << ", shape " << shape);
      checkSame(values(n, shape, n * 7 + static_cast<std::uint64_t>(shape)));
    }
}

TEST_CASE("Statistics of long-tailed values: a rank's buckets are bucketed again until few",
          "[analysis][stats]") {
  // Values spread over 62 powers of two, most of them small: the first even slices of the span
  // hold nearly all of them, so the selection buckets those again, several levels deep.
  for (std::size_t n : {100, 3000, 5000, 70000}) {
    std::uint64_t state = n + 11;
    std::vector<std::int64_t> v(n);
    for (auto& x : v) {
      const std::uint64_t r = orglens::model::splitMix64(state);
      x = (std::int64_t{1} << (r % 62)) + static_cast<std::int64_t>(r >> 59);
    }
    INFO("n = " << n);
    checkSame(v);
    checkQuantiles(v, {0.1, 0.5, 0.9});
  }
}

TEST_CASE("Statistics of skewed values: buckets over the crowded low end, the rest in the last",
          "[analysis][stats]") {
  // Where the values' mean lies below a quarter of their span, the buckets cover only twice the
  // mean and every value above goes into the last bucket. Lognormal values as real waits are
  // (sigma 1.5 to 4: most short, a few of weeks), and values whose p90 (and, in the last, the
  // median as well) lies above twice the mean: its rank is then in that last bucket. Up to 64
  // skewed values (n = 29, 40, 64) are sorted by rank instead of bucketed.
  const auto lognormal = [](std::size_t n, double sigma, std::uint64_t seed) {
    std::uint64_t state = seed;
    std::vector<std::int64_t> v(n);
    const auto unit = [&] {  // in (0, 1)
      return (static_cast<double>(orglens::model::splitMix64(state) >> 11) + 0.5) * 0x1p-53;
    };
    for (auto& x : v) {
      const double z = std::sqrt(-2 * std::log(unit())) * std::cos(6.283185307179586 * unit());
      x = std::llround(std::min(3e12, 1.8e9 * std::exp(sigma * z)));
    }
    return v;
  };
  for (std::size_t n : {29, 40, 64, 65, 100, 500, 3000, 20000})
    for (double sigma : {1.5, 2.5, 4.0}) {
      INFO("n = " << n << ", sigma " << sigma);
      const auto v = lognormal(n, sigma, n + static_cast<std::uint64_t>(sigma * 10));
      checkSame(v);
      checkQuantiles(v, {0.1, 0.5, 0.9, 0.99});
    }
  for (std::size_t n : {40, 1000, 5000, 20000}) {
    // 85 % of the values in 0..99, 15 % in 1000..2999: the mean (~370) is below a quarter of
    // the span, and the p90 lies in the last bucket: 750 values at n = 5,000 (bucketed again),
    // 3,000 at n = 20,000 (more than the 2,048 bucketed again: selected by nth_element).
    std::uint64_t state = n;
    std::vector<std::int64_t> v(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t r = orglens::model::splitMix64(state);
      v[i] = i % 20 < 17 ? static_cast<std::int64_t>(r % 100)
                         : 1000 + static_cast<std::int64_t>(r % 2000);
    }
    INFO("n = " << n);
    checkSame(v);
    checkQuantiles(v, {0.5, 0.85, 0.9, 1.0});
    // Half the values at 0, half spread up high beside one far outlier: the median's ranks too
    // lie above twice the mean.
    for (std::size_t i = 0; i < n; ++i) v[i] = i % 2 ? 0 : 500 + static_cast<std::int64_t>(i);
    v[n / 2] = std::int64_t{1} << 40;
    checkSame(v);
    checkQuantiles(v, {0.5, 0.9});
  }
}

TEST_CASE("Statistics of values far below and above zero: the bucket offsets do not overflow",
          "[analysis][stats]") {
  std::vector<std::int64_t> v;
  for (int i = 0; i < 40; ++i)
    v.push_back(i % 2 ? (std::int64_t{1} << 55) - i : -(std::int64_t{1} << 55) + i);
  checkSame(v);
}

TEST_CASE("A quantile by selection equals the sorted values' quantile", "[analysis][stats]") {
  for (std::size_t n : {1, 2, 3, 22, 28, 29, 64, 65, 1000, 4097, 70000})
    for (int shape = 0; shape < 6; ++shape) {
      INFO("n = " << n << ", shape " << shape);
      checkQuantiles(values(n, shape, n * 5 + static_cast<std::uint64_t>(shape)),
                     {0.0, 0.25, 0.5, 0.9, 1.0});
    }
}

TEST_CASE("The excess over a baseline added up in the statistics' pass equals a direct sum",
          "[analysis][stats]") {
  using orglens::analysis::ExcessOver;
  for (std::size_t n : {1, 22, 29, 1000, 70000})
    for (int shape = 0; shape < 6; ++shape)
      for (const std::int64_t base2 :
           {std::int64_t{0}, std::int64_t{7}, std::int64_t{1} << 40, -(std::int64_t{1} << 40)}) {
        INFO("n = " << n << ", shape " << shape << ", base2 " << base2);
        auto v = values(n, shape, n * 3 + static_cast<std::uint64_t>(shape));
        ExactMicros want = 0;
        for (const auto x : v) want += std::max<std::int64_t>(0, 2 * x - base2);
        const auto plain = bySorting(v);
        withEachKernel([&] {
          auto copy = v;
          ExcessOver excess{base2, 5};  // added to what is there
          orglens::test::checkSameStats(summarize(copy.data(), copy.data() + copy.size(), &excess),
                                        plain);
          CHECK(excess.sum2 == want + 5);
        });
      }
}

TEST_CASE("Small ranges sorted by rank: spans at the key limit, values at both ends of int64",
          "[analysis][stats]") {
  // rankSort() turns values into keys (x − lowest) · 64 + position where the span allows (below
  // 2^57) and compares them as they are otherwise; the buckets of a bigger range go through it too.
  constexpr std::int64_t kMax = INT64_MAX, kMin = INT64_MIN;
  const std::uint64_t limit = std::uint64_t{1} << 57;
  for (const std::uint64_t span :
       {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{1000}, limit - 1, limit, limit + 1,
        std::uint64_t{1} << 62, ~std::uint64_t{0}})
    for (const std::int64_t lowest :
         {kMin, std::int64_t{-5}, std::int64_t{0},
          static_cast<std::int64_t>(static_cast<std::uint64_t>(kMax) -
                                    std::min(span, static_cast<std::uint64_t>(kMax)))})
      for (const std::size_t n : {2, 5, 22, 28, 29, 40, 64, 65, 200}) {
        if (span > static_cast<std::uint64_t>(kMax) - static_cast<std::uint64_t>(lowest) &&
            lowest >= 0)
          continue;  // lowest + span would pass INT64_MAX
        std::uint64_t state = n * 31 + span % 97;
        std::vector<std::int64_t> v(n);
        for (std::size_t i = 0; i < n; ++i) {  // both ends, ties, and values between
          const std::uint64_t r = orglens::model::splitMix64(state);
          const std::uint64_t offset = i == 0       ? 0
                                       : i == 1     ? span
                                       : r % 3 == 0 ? span / 2
                                                    : r % (span | 1);
          v[i] = static_cast<std::int64_t>(static_cast<std::uint64_t>(lowest) + offset);
        }
        INFO("n = " << n << ", lowest " << lowest << ", span " << span);
        checkSame(v);
      }
}

TEST_CASE("The exact sum in two 64-bit halves equals a 128-bit sum, at the extremes too",
          "[analysis][stats]") {
  constexpr std::int64_t kMax = INT64_MAX, kMin = INT64_MIN;
  std::vector<std::vector<std::int64_t>> cases = {
      {},
      {-1},
      {kMin},
      {kMax, kMax, kMax, kMax},
      {kMin, kMin, kMin},
      {kMax, kMin, -1, 1, 0, kMax, -(std::int64_t{1} << 32), (std::int64_t{1} << 32) - 1},
      values(10000, 3, 5),
      values(10000, 4, 6),
      std::vector<std::int64_t>(100000),  // random 64-bit values, below
  };
  std::uint64_t state = 11;
  for (auto& x : cases.back()) x = static_cast<std::int64_t>(orglens::model::splitMix64(state));
  for (const auto& v : cases) {
    ExactMicros want = 0;
    for (const auto x : v) want += x;
    INFO(v.size() << " values");
    CHECK(orglens::analysis::exactSum(v.data(), v.data() + v.size()) == want);
  }
}

TEST_CASE("The kernels' copies are chosen by the CPU and can be turned off", "[analysis][stats]") {
  namespace d = orglens::analysis::detail;
  if (!d::wideKernelsAvailable()) WARN("this build or CPU has no x86-64-v3 kernels: one copy only");
  const bool was = d::setWideKernels(false);
  CHECK_FALSE(d::wideKernels());
  CHECK_FALSE(d::setWideKernels(true));
  CHECK(d::wideKernels() == d::wideKernelsAvailable());
  d::setWideKernels(was);
}
