// SplitMix64 (Steele, Lea and Flood 2014): one step of the generator, the same numbers on every
// platform (the std:: distributions are not portable). The benchmarks, the community detection,
// the sampled betweenness, the simulator's stable preferences and the tests draw from it; each
// keeps its own way of turning bits into a range.
#pragma once

#include <cstdint>

namespace orglens::model {

/// Advances `state` and returns the next 64 random bits.
inline std::uint64_t splitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace orglens::model
