// Deterministic synthetic event data for the benchmarks: a tiny fixed-seed generator and the
// event CSV files the import benchmarks read (generated once, reused while their marker fits).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "model/splitmix.h"

namespace orglens::bench {

/// SplitMix64: small, fast, fully deterministic across platforms (unlike std::*_distribution).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : m_state(seed) {}
  std::uint64_t next() { return model::splitMix64(m_state); }
  /// Uniform in [0, n), n > 0 (multiply-shift; the bias is irrelevant here).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * std::uint64_t{n}) >> 32);
  }

 private:
  std::uint64_t m_state;
};

/// Shape of the generated logs: ~50 events per case, 300 resources, 20 activities.
struct DataShape {
  static constexpr std::uint32_t kEventsPerCase = 50;
  static constexpr std::uint32_t kResources = 300;
  static constexpr std::uint32_t kTeams = 24;
  static constexpr std::uint32_t kActivities = 20;
  static constexpr std::uint64_t kSeed = 20250303;
  static std::uint32_t casesFor(std::uint64_t events) {
    return static_cast<std::uint32_t>(events / kEventsPerCase > 0 ? events / kEventsPerCase : 1);
  }
};

/// Names used by the generator (and by the store benchmark for its objects).
const char* activityName(std::uint32_t index);  // index < DataShape::kActivities
const char* toolName(std::uint32_t index);      // index < kTools
const char* platformName(std::uint32_t index);  // index < kPlatforms
inline constexpr std::uint32_t kTools = 5;
inline constexpr std::uint32_t kPlatforms = 3;
std::string caseKey(std::uint32_t index);      // "case-000123"
std::string resourceKey(std::uint32_t index);  // "user042"

struct EventFile {
  std::filesystem::path path;
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;
  bool generated = false;  // false: reused an existing file
  double seconds = 0;      // generation time
};

/// Returns `dir`/events-<n>.csv, generating it (columns case_id, activity, timestamp, resource,
/// team, tool, platform; ISO 8601 times with UTC offsets) unless it exists together with a
/// marker file naming the same generator version, event count and byte size.
EventFile ensureEventFile(const std::filesystem::path& dir, std::uint64_t events);

}  // namespace orglens::bench
