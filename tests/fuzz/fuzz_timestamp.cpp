// libFuzzer target: the timestamp parser (UTC and a DST zone) and the ISO formatter.
#include <cstddef>
#include <cstdint>
#include <string>

#include "importers/timestamp.h"
#include "model/time_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto parsers = [] {
    std::array<orglens::importers::TimestampParser, 2> p;
    std::string error;
    p[1].setTimezone("Europe/Berlin", error);
    p[1].setDayFirst(false);
    return p;
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& parser : parsers) {
    if (auto t = parser.parse(text)) {
      // Whatever parses must format and parse back to the same instant.
      const std::string iso = orglens::model::formatIsoUtc(*t);
      const auto again = parsers[0].parse(iso);
      if (!again || *again != *t) __builtin_trap();
    }
  }
  return 0;
}
