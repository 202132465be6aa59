// Data of orglens-bench-adoption: a year of tool usage by a generated organisation, built
// directly into a model::AdoptionLog (no store), and its forms for the other measurements:
// usage + roster CSV files (the store load) and raw numpy columns (the pandas peer).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "model/adoption_log.h"

namespace orglens::bench {

struct AdoptionShape {
  std::uint64_t actions = 50'000'000;  // exactly this many actions
  std::uint32_t people = 10'000;       // registered people (some never act)
  std::uint64_t seed = 20257;
};

/// The generated organisation: 20 departments in 7 time zones, teams of 10 with one manager,
/// 8 tools (one department never uses the wiki; one is mobile-first; one works weekends).
/// People: ~4% never act, ~3% act on 1-2 days only, ~6% try the tools for a few weeks and
/// stop, ~15% register during the year, the rest use the tools on most working days with a
/// heavy-tailed volume; local working hours with some evenings; ~0.3% of the actions are
/// mirrored duplicates (same second, tool and activity). Year 2025, ordered by (person, time).
/// Deterministic for a shape. O(actions + people · days).
model::AdoptionLog generateAdoptionLog(const AdoptionShape& shape);

/// The same log's CSV forms for an import: roster.csv (person_id, email, team, department,
/// is_manager, timezone, start_date) of every person, and usage.csv (time, user, tool, action,
/// platform) of the actions of the first people until `maxActions` (whole people). Returns the
/// actions written.
std::uint64_t writeAdoptionCsv(const model::AdoptionLog& log, const std::filesystem::path& dir,
                               std::uint64_t maxActions);

/// Raw little-endian columns for numpy.fromfile in `dir`: time.i8 (µs UTC), person.u4,
/// tool.i1, activity.i1, platform.i1 (-1 = none); people columns dept.i2, team.i4, manager.i1,
/// tz.i1, registered.i8 (UTC day, or INT64_MIN when unset); and names.txt (one "kind index
/// name" line per tool, activity, department, time zone). Needs < 128 tools and activities.
void writeNumpyColumns(const model::AdoptionLog& log, const std::filesystem::path& dir);

}  // namespace orglens::bench
