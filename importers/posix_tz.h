// Zone rules past the last transition listed in a zoneinfo file. date-tz reads the OS
// zoneinfo files without their footer, a POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3"
// that holds after the last listed transition (HowardHinnant/date#760): Debian's files list
// transitions up to 2037, "slim" files stop at the last rule change (1996 for Berlin), so the
// footer matters even for current times there.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace orglens::importers {

/// Transitions (UTC second, UTC offset in seconds after it) of the footer rule of
/// /usr/share/zoneinfo/<zoneName> in (after, until], sorted; empty when the zone has no such
/// file, no footer or a footer without DST. Only the Mm.w.d rule form is read (the Jn and n
/// forms are used by no current zone with DST).
std::vector<std::pair<std::int64_t, std::int64_t>> footerTransitions(const std::string& zoneName,
                                                                     std::int64_t after,
                                                                     std::int64_t until);

}  // namespace orglens::importers
