#include "model/time_format.h"

#include <cstdio>

namespace orglens::model {

std::string formatIsoUtc(MicrosUtc t) {
  const std::int64_t days = floorDays(t);
  const MicrosUtc inDay = t - days * kMicrosPerDay;
  const CivilDate c = civilFromDays(days);
  const auto secs = inDay / kMicrosPerSecond;
  const auto micros = inDay % kMicrosPerSecond;
  char buf[64];
  if (micros == 0)
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(c.year), c.month, c.day,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
  else
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
                  static_cast<long long>(c.year), c.month, c.day,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60), static_cast<long long>(micros));
  return buf;
}

std::string formatDateUtc(MicrosUtc t) {
  const CivilDate c = civilFromDays(floorDays(t));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

}  // namespace orglens::model
