// `--fail-on` thresholds on the report's measures.
#include <catch2/catch.hpp>

#include "reports/fail_on.h"

using namespace orglens::reports;

namespace {

std::vector<Measure> measures() {
  return {{"handoff.team.median", "Longest median wait of a ranked team handoff", Unit::Seconds,
           3.1 * 86400, std::nullopt, "Legal → Operations"},
          {"adoption.dau_pct", "Daily active people, % of registered", Unit::Percent, 18.0,
           std::nullopt, ""},
          {"silos.min_ei", "Lowest E-I index of a team", Unit::None, std::nullopt, std::nullopt,
           ""}};
}

}  // namespace

TEST_CASE("Thresholds parse keys, operators, numbers and units", "[reports][fail-on]") {
  auto t = parseThreshold("handoff.team.median>2d");
  CHECK(t.key == "handoff.team.median");
  CHECK(t.value == Approx(2 * 86400));
  t = parseThreshold("adoption.dau_pct<=20%");
  CHECK(t.key == "adoption.dau_pct");
  CHECK(t.op == "<=");
  CHECK(t.value == Approx(20));
  CHECK(parseThreshold("x>90min").value == Approx(5400));
  CHECK(parseThreshold("x>1.5h").value == Approx(5400));
  CHECK(parseThreshold("x>1w").value == Approx(604800));
  CHECK_THROWS_WITH(parseThreshold("handoff.team.median"), Catch::Contains("expected KEY>VALUE"));
  CHECK_THROWS_WITH(parseThreshold("x>abc"), Catch::Contains("not a number"));
  CHECK_THROWS_WITH(parseThreshold("x>2 parsecs"), Catch::Contains("unknown unit"));
}

TEST_CASE("Crossed thresholds are reported with the measure and its value",
          "[reports][fail-on]") {
  const auto m = measures();
  auto crossed = crossedThresholds(
      {parseThreshold("handoff.team.median>2d"), parseThreshold("adoption.dau_pct<20")}, m);
  REQUIRE(crossed.size() == 2);
  CHECK(crossed[0] ==
        "crossed handoff.team.median>2d: Longest median wait of a ranked team handoff is 3.1 d "
        "(Legal → Operations)");
  CHECK(crossed[1].find("18.0%") != std::string::npos);
  CHECK(crossedThresholds({parseThreshold("handoff.team.median>4d"),
                           parseThreshold("adoption.dau_pct<10")},
                          m)
            .empty());
  // No value: nothing crossed.
  CHECK(crossedThresholds({parseThreshold("silos.min_ei<0")}, m).empty());
  CHECK_THROWS_WITH(crossedThresholds({parseThreshold("nope>1")}, m),
                    Catch::Contains("the report has: handoff.team.median"));
  CHECK_THROWS_WITH(crossedThresholds({parseThreshold("adoption.dau_pct>2d")}, m),
                    Catch::Contains("not a duration"));
}
