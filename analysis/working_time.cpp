#include "analysis/working_time.h"

#include <date/tz.h>

#include <algorithm>

#include "model/time_format.h"

namespace orglens::analysis {

const date::time_zone* WorkingTime::zone(const std::string& name) {
  if (name.empty()) return nullptr;
  auto [it, fresh] = m_zones.try_emplace(name, nullptr);
  if (fresh) {
    try {
      it->second = date::locate_zone(name);
    } catch (const std::exception&) {
      it->second = nullptr;  // unknown zone: counted in UTC
    }
  }
  return it->second;
}

std::int64_t WorkingTime::between(model::MicrosUtc from, model::MicrosUtc to, const std::string& timezone) {
  if (to <= from) return 0;
  // Local wall-clock microseconds (the offset at each end; working windows never straddle
  // a DST change, which happens at night).
  auto local = [&](model::MicrosUtc t) -> std::int64_t {
    const auto* z = zone(timezone);
    if (!z) return t;
    const date::sys_seconds s{std::chrono::seconds{model::floorDiv(t, model::kMicrosPerSecond)}};
    return t + z->get_info(s).offset.count() * model::kMicrosPerSecond;
  };
  const std::int64_t a = local(from), b = local(to);
  const std::int64_t dayStart = m_hours.startHour * 3600 * model::kMicrosPerSecond;
  const std::int64_t dayEnd = m_hours.endHour * 3600 * model::kMicrosPerSecond;
  std::int64_t total = 0;
  for (std::int64_t day = model::floorDays(a); day <= model::floorDays(b); ++day) {
    const std::int64_t weekday = ((day % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
    if (weekday >= 5) continue;
    const std::int64_t base = day * model::kMicrosPerDay;
    const std::int64_t lo = std::max(a, base + dayStart), hi = std::min(b, base + dayEnd);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

}  // namespace orglens::analysis
