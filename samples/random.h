// Portable random numbers for the simulator. The standard distributions are
// implementation-defined (libstdc++ and libc++ give different numbers for the same engine),
// so only the raw bits of std::mt19937_64 are used and every distribution is written here.
#pragma once

#include <cstdint>
#include <random>
#include <span>

namespace orglens::samples {

class Random {
 public:
  explicit Random(std::uint64_t seed) : m_engine(seed) {}

  std::uint64_t bits() { return m_engine(); }
  /// Uniform in [0, 1) with 53 random bits.
  double uniform();
  /// Uniform integer in [low, high] (inclusive); requires low <= high.
  std::int64_t uniformInt(std::int64_t low, std::int64_t high);
  bool chance(double probability) { return uniform() < probability; }
  /// Standard normal by Box–Muller; one value per call keeps the stream simple to reason about.
  double normal();
  /// Lognormal given its median (= exp(mu)) and sigma of the underlying normal.
  double lognormal(double median, double sigma);
  double exponential(double mean);
  /// Index drawn with probability proportional to weights (non-negative, not all zero).
  std::size_t weightedIndex(std::span<const double> weights);

 private:
  std::mt19937_64 m_engine;
};

/// SplitMix64 finaliser: a stateless hash used for stable per-pair preferences that must not
/// depend on the order in which the simulation asks for them.
std::uint64_t mixBits(std::uint64_t value);

}  // namespace orglens::samples
