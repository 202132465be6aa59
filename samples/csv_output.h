// roster.csv and events.csv: RFC 4180 (comma, header row, quotes only where needed), UTF-8,
// LF line ends.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "samples/case_simulator.h"
#include "samples/org_chart.h"
#include "samples/work_clock.h"

namespace orglens::samples {

inline constexpr std::string_view kRosterHeader =
    "person_id,email,name,team,department,manager_id,role,is_manager,timezone,start_date";
inline constexpr std::string_view kEventsHeader =
    "case_id,activity,start_time,end_time,resource,team,tool,platform";

/// Appends a field, quoted (with doubled quotes) when it holds a comma, quote, CR or LF.
void appendCsvField(std::string& line, std::string_view field);

void writeRoster(const std::filesystem::path& path, const Organisation& org);

/// Times are the performer's local time with its UTC offset (DST included). Streams in
/// chunks; `progress(fraction)` reports 0..1 of this phase.
void writeEvents(const std::filesystem::path& path, const Organisation& org,
                 const std::vector<ZoneClock>& clocks, const Simulation& sim,
                 const std::function<void(double)>& progress);

}  // namespace orglens::samples
