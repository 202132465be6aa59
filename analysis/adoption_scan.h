// The per-person pass of the adoption analysis (internal to analysis/adoption.cpp).
#pragma once

#include <date/tz.h>

#include <array>
#include <cstdint>
#include <vector>

#include "analysis/adoption.h"

namespace orglens::analysis::detail {

inline constexpr std::int64_t kWindowDays = 30;  // MAU window; bit i of a mask = day last-29+i
inline constexpr std::size_t kPlatforms = 4;

struct Frame {
  std::int64_t firstDay = 0, lastDay = 0;  // UTC day numbers (days since 1970-01-01)
  std::vector<Depth> depthOfActivity;      // per AdoptionLog::activities
};

struct PersonScan {
  PersonAdoption out;
  std::vector<std::int64_t> days;         // distinct active UTC days, ascending
  std::vector<std::uint64_t> dayActions;  // actions on each of `days`
  std::uint32_t mask = 0;                 // active days in the last 30
  std::vector<std::uint32_t> toolMask;
  std::vector<std::uint64_t> toolActions;
  std::array<std::uint32_t, kPlatforms> platformMask{};
  std::array<std::uint64_t, kPlatforms> platformActions{};
  std::array<std::uint64_t, kDepths> depth{};
  std::uint64_t duplicates = 0;
};

/// Scans the actions [begin, end) of person `who` (sorted by time). `zone` may be null (UTC).
void scanPerson(const model::AdoptionLog& log, const Frame& frame, std::uint32_t who,
                std::size_t begin, std::size_t end, const date::time_zone* zone, PersonScan& scan);

}  // namespace orglens::analysis::detail
