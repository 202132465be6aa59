// Working time between two instants in a person's time zone (Monday–Friday, fixed daily
// hours), for responsiveness "in working hours".
#pragma once

#include <map>
#include <string>

#include "model/types.h"

namespace date {
class time_zone;
}

namespace orglens::analysis {

struct WorkingHours {
  int startHour = 9;  // local, inclusive
  int endHour = 17;   // local, exclusive
};

class WorkingTime {
 public:
  explicit WorkingTime(WorkingHours hours) : m_hours(hours) {}
  /// Microseconds of [from, to) that fall on Monday–Friday between startHour and endHour in
  /// the IANA zone `timezone` (UTC when empty or unknown). O(days spanned).
  std::int64_t between(model::MicrosUtc from, model::MicrosUtc to, const std::string& timezone);

 private:
  const date::time_zone* zone(const std::string& name);
  WorkingHours m_hours;
  std::map<std::string, const date::time_zone*> m_zones;  // nullptr: UTC
};

}  // namespace orglens::analysis
