#include "samples/random.h"

#include <cmath>
#include <numbers>

#include "model/splitmix.h"

namespace orglens::samples {

double Random::uniform() {
  return static_cast<double>(bits() >> 11) * 0x1.0p-53;
}

std::int64_t Random::uniformInt(std::int64_t low, std::int64_t high) {
  const auto range = static_cast<std::uint64_t>(high - low) + 1U;
  if (range == 0) return static_cast<std::int64_t>(bits());  // the full 64-bit range
  // Rejection sampling removes the modulo bias; the loop almost never repeats.
  const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % range);
  std::uint64_t value = bits();
  while (value >= limit) value = bits();
  return low + static_cast<std::int64_t>(value % range);
}

double Random::normal() {
  const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
  const double u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Random::lognormal(double median, double sigma) {
  return median * std::exp(sigma * normal());
}

double Random::exponential(double mean) {
  return -mean * std::log(1.0 - uniform());
}

std::size_t Random::weightedIndex(std::span<const double> weights) {
  double total = 0;
  for (double weight : weights) total += weight;
  double point = uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (point < weights[i]) return i;
    point -= weights[i];
  }
  // Rounding can leave point at the very end: take the last non-zero weight.
  for (std::size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0) return i;
  }
  return 0;
}

std::uint64_t mixBits(std::uint64_t value) { return model::splitMix64(value); }

}  // namespace orglens::samples
