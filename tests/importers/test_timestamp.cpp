#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "importers/timestamp.h"
#include "model/time_format.h"

using orglens::importers::MicrosUtc;
using orglens::importers::TimestampParser;
using orglens::model::formatIsoUtc;

// Expected values are `date -u -d '<UTC time>' +%s` (seconds) times 10^6 plus the fraction.
namespace {
constexpr MicrosUtc k20250303T0815Z = 1'740'989'700'000'000;    // 2025-03-03T08:15:00Z
constexpr MicrosUtc k20250303Midnight = 1'740'960'000'000'000;  // 2025-03-03T00:00:00Z

std::optional<MicrosUtc> parseUtc(std::string_view text) {
  return TimestampParser().parse(text);
}

TimestampParser parserIn(const std::string& zone) {
  TimestampParser parser;
  std::string error;
  REQUIRE(parser.setTimezone(zone, error));
  return parser;
}
}  // namespace

TEST_CASE("ISO 8601 times with Z, offsets or nothing are parsed", "[importers][time]") {
  CHECK(parseUtc("2025-03-03T08:15:00Z") == k20250303T0815Z);
  CHECK(parseUtc("2025-03-03 08:15:00Z") == k20250303T0815Z);
  CHECK(parseUtc("2025-03-03t08:15z") == k20250303T0815Z);
  CHECK(parseUtc("2025-03-03T08:15:00 UTC") == k20250303T0815Z);
  CHECK(parseUtc("2025-03-03T08:15:00") == k20250303T0815Z);  // naive, UTC by default
  CHECK(parseUtc("2025-03-03T08:15") == k20250303T0815Z);
  CHECK(parseUtc("  2025-03-03T08:15:00Z\t") == k20250303T0815Z);
  // 2025-03-03T07:15:00Z = 1740986100
  CHECK(parseUtc("2025-03-03T08:15:00+01:00") == 1'740'986'100'000'000);
  CHECK(parseUtc("2025-03-03T08:15:00+0100") == 1'740'986'100'000'000);
  CHECK(parseUtc("2025-03-03T08:15:00+01") == 1'740'986'100'000'000);
  CHECK(parseUtc("2025-03-03 08:15:00 +0100") == 1'740'986'100'000'000);
  // 2025-03-03T02:45:00Z = 1740969900; nanoseconds truncated
  CHECK(parseUtc("2025-03-03T08:15:00.123456789+05:30") == 1'740'969'900'123'456);
  // 2025-03-03T11:15:00Z = 1741000500
  CHECK(parseUtc("2025-03-03T08:15:00-03:00") == 1'741'000'500'000'000);
  CHECK(parseUtc("2025-03-03T08:15:00,5Z") == k20250303T0815Z + 500'000);
  CHECK(parseUtc("2025-03-03T08:15:00.1Z") == k20250303T0815Z + 100'000);
  CHECK(parseUtc("2025-03-03") == k20250303Midnight);
}

TEST_CASE("The XES time format with milliseconds and offset is parsed", "[importers][time]") {
  // 2011-09-30T22:38:44.546Z = 1317422324.546
  CHECK(parseUtc("2011-10-01T00:38:44.546+02:00") == 1'317'422'324'546'000);
}

TEST_CASE("Slash, dash and dot dates are parsed day-first or month-first", "[importers][time]") {
  CHECK(parseUtc("2025/03/03 08:15:00") == k20250303T0815Z);
  CHECK(parseUtc("2025/03/03 08:15") == k20250303T0815Z);
  CHECK(parseUtc("03-03-2025 08:15:00") == k20250303T0815Z);
  CHECK(parseUtc("03/03/2025 08:15") == k20250303T0815Z);
  CHECK(parseUtc("03.03.2025 08:15:00") == k20250303T0815Z);
  CHECK(parseUtc("3.3.2025 8:15") == k20250303T0815Z);
  CHECK(parseUtc("03.03.2025") == k20250303Midnight);
  // 2025-03-04T08:15:00Z = 1741076100 (day first); 2025-04-03T08:15:00Z = 1743668100
  CHECK(parseUtc("04/03/2025 08:15") == 1'741'076'100'000'000);
  TimestampParser monthFirst;
  monthFirst.setDayFirst(false);
  CHECK(monthFirst.parse("04/03/2025 08:15") == 1'743'668'100'000'000);
  CHECK(monthFirst.parse("12/31/2025 23:59:59") == 1'767'225'599'000'000);
  CHECK_FALSE(monthFirst.parse("31/12/2025 23:59:59"));
}

TEST_CASE("Epoch seconds and milliseconds are parsed, negative too", "[importers][time]") {
  // 1700000000 = 2023-11-14T22:13:20Z
  CHECK(parseUtc("1700000000") == 1'700'000'000'000'000);
  CHECK(parseUtc("1700000000.5") == 1'700'000'000'500'000);
  CHECK(parseUtc("1700000000000") == 1'700'000'000'000'000);      // 13 digits: milliseconds
  CHECK(parseUtc("1700000000123.456") == 1'700'000'000'123'456);  // ms with µs fraction
  CHECK(parseUtc("-1700000000") == -1'700'000'000'000'000);
  CHECK(parseUtc("-1.5") == -1'500'000);
  CHECK(parseUtc("0") == 0);
  CHECK_FALSE(parseUtc("1700000000."));
  CHECK_FALSE(parseUtc("1234567890123456"));  // 16 digits: out of range
}

TEST_CASE("Calendar ranges are validated", "[importers][time]") {
  CHECK_FALSE(parseUtc("2025-02-29"));
  CHECK(parseUtc("2024-02-29T12:00:00Z") == 1'709'208'000'000'000);
  CHECK(parseUtc("2000-02-29") == 951'782'400'000'000);
  CHECK_FALSE(parseUtc("1900-02-29"));
  CHECK_FALSE(parseUtc("2025-13-01"));
  CHECK_FALSE(parseUtc("2025-00-10"));
  CHECK_FALSE(parseUtc("2025-04-31"));
  CHECK_FALSE(parseUtc("2025-03-00"));
  CHECK_FALSE(parseUtc("2025-03-03 25:00"));
  CHECK_FALSE(parseUtc("2025-03-03 08:60"));
  CHECK_FALSE(parseUtc("2025-03-03 08:15:61"));
  CHECK_FALSE(parseUtc("2025-03-03 24:00:01"));
  CHECK_FALSE(parseUtc("2025-03-03T08:15:00+24:00"));
  // 24:00 is the end of the day: 2025-03-04T00:00:00Z = 1741046400
  CHECK(parseUtc("2025-03-03 24:00:00") == 1'741'046'400'000'000);
  // A leap second reads as :59: 2025-03-03T23:59:59Z = 1741046399
  CHECK(parseUtc("2025-03-03 23:59:60") == 1'741'046'399'000'000);
}

TEST_CASE("Times before 1970 are negative", "[importers][time]") {
  CHECK(parseUtc("1969-12-31T23:59:59.5Z") == -500'000);
  CHECK(parseUtc("1960-06-15 12:00") == -301'233'600'000'000);  // date -u: -301233600
  CHECK(parseUtc("1900-01-01") == -2'208'988'800'000'000);      // date -u: -2208988800
}

TEST_CASE("Garbage is not a time", "[importers][time]") {
  for (const char* text : {"",
                           "   ",
                           "hello",
                           "2025-03",
                           "2025-03-03T",
                           "2025-03-03T08",
                           "2025-03-03T08:15:00+",
                           "2025-03-03T08:15:00+1",
                           "2025-03-03T08:15:00 garbage",
                           "2025-03-03T08:15:00.Z",
                           "03-03-25 08:15",
                           "2025-03/03",
                           "12:30",
                           "2025-03-03T08:15:00.1234567890Z",
                           "2025-03-03Z",
                           "+",
                           "-",
                           "1e9",
                           "2025-03-03T08:15:00Zs",
                           "0x1F",
                           "20251-03-03"}) {
    INFO(text);
    CHECK_FALSE(parseUtc(text));
  }
}

TEST_CASE("Naive times follow the configured zone across DST", "[importers][time]") {
  const TimestampParser berlin = parserIn("Europe/Berlin");
  // Winter CET (+1): 2025-01-15T11:00:00Z = 1736938800; summer CEST (+2): 2025-07-01T10:00Z
  CHECK(berlin.parse("2025-01-15 12:00") == 1'736'938'800'000'000);
  CHECK(berlin.parse("2025-07-01 12:00") == 1'751'364'000'000'000);
  // Non-existent 02:30 is shifted forward by the gap to 03:30 CEST = 2025-03-30T01:30:00Z
  CHECK(berlin.parse("2025-03-30 02:30") == 1'743'298'200'000'000);
  CHECK(berlin.parse("2025-03-30 03:30") == 1'743'298'200'000'000);
  // Ambiguous 02:30 takes the earlier instant, CEST: 2025-10-26T00:30:00Z = 1761438600
  CHECK(berlin.parse("2025-10-26 02:30") == 1'761'438'600'000'000);
  CHECK(berlin.parse("2025-10-26 03:30") == 1'761'438'600'000'000 + 7'200'000'000);
  // Explicit offsets ignore the zone
  CHECK(berlin.parse("2025-03-03T08:15:00Z") == k20250303T0815Z);
  // Past Debian's last listed transition (2037) the zone file's POSIX footer rule applies:
  // TZ=Europe/Berlin date -d '2100-07-01 12:00' +%s = 4118119200 (CEST)
  CHECK(berlin.parse("2100-07-01 12:00") == 4'118'119'200'000'000);
  // 2100-10-31 02:30 is ambiguous: the earlier instant, CEST, 2100-10-31T00:30:00Z = 4128625800
  CHECK(berlin.parse("2100-10-31 02:30") == 4'128'625'800'000'000);
  // Southern hemisphere, DST over the new year: AEDT 5681062800, AEST 5696704800
  const TimestampParser sydney = parserIn("Australia/Sydney");
  CHECK(sydney.parse("2150-01-10 12:00") == 5'681'062'800'000'000);
  CHECK(sydney.parse("2150-07-10 12:00") == 5'696'704'800'000'000);
  // New York fall-back, ambiguous 01:30 takes EDT (-4): 2025-11-02T05:30:00Z = 1762061400
  CHECK(parserIn("America/New_York").parse("2025-11-02 01:30") == 1'762'061'400'000'000);
  // A fixed zone
  CHECK(parserIn("Asia/Kolkata").parse("2025-03-03 13:45") == k20250303T0815Z);
}

TEST_CASE("An unknown time zone is refused with its name", "[importers][time]") {
  TimestampParser parser = parserIn("Europe/Berlin");
  std::string error;
  CHECK_FALSE(parser.setTimezone("Europe/Berlinn", error));
  CHECK(error == "unknown time zone 'Europe/Berlinn'");
  CHECK(parser.parse("2025-07-01 12:00") == 1'751'364'000'000'000);  // still Berlin
  CHECK(parser.setTimezone("", error));
  CHECK(parser.parse("2025-03-03 08:15") == k20250303T0815Z);  // back to UTC
}

TEST_CASE("formatIsoUtc writes ISO 8601 UTC and round-trips through parse", "[importers][time]") {
  CHECK(formatIsoUtc(0) == "1970-01-01T00:00:00Z");
  CHECK(formatIsoUtc(k20250303T0815Z) == "2025-03-03T08:15:00Z");
  CHECK(formatIsoUtc(k20250303T0815Z + 123'456) == "2025-03-03T08:15:00.123456Z");
  CHECK(formatIsoUtc(k20250303T0815Z + 500'000) == "2025-03-03T08:15:00.500000Z");
  CHECK(formatIsoUtc(-500'000) == "1969-12-31T23:59:59.500000Z");
  CHECK(formatIsoUtc(951'782'400'000'000) == "2000-02-29T00:00:00Z");
  const TimestampParser parser;
  std::mt19937_64 random(42);
  // 0001-01-01 to 9999-12-31, µs
  std::uniform_int_distribution<MicrosUtc> range(-62'135'596'800'000'000, 253'402'300'799'999'999);
  for (int i = 0; i < 10000; ++i) {
    const MicrosUtc t = range(random);
    const std::string text = formatIsoUtc(t);
    INFO(text);
    REQUIRE(parser.parse(text) == t);
  }
}

TEST_CASE("Times outside the years 1 to 9999 UTC are refused so that every time round-trips",
          "[importers][time]") {
  orglens::importers::TimestampParser berlin;
  std::string error;
  REQUIRE(berlin.setTimezone("Europe/Berlin", error));
  berlin.setDayFirst(false);
  CHECK_FALSE(berlin.parse("1-1-0000").has_value());  // found by the fuzzer: year 0, local time
  CHECK_FALSE(berlin.parse("0001-01-01T00:00").has_value());  // 0000-12-31 in UTC
  orglens::importers::TimestampParser utc;
  CHECK(utc.parse("0001-01-01T00:00:00Z").has_value());
  CHECK(utc.parse("9999-12-31T23:59:59.999999Z").has_value());
  CHECK_FALSE(utc.parse("-99999999999").has_value());  // epoch seconds before year 1
}
