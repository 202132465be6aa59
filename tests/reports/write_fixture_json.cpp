// Writes the fixture report as JSON for the schema checks in json_checks.cmake:
//   write_fixture_json OUT.json [--variant fixture|empty|missing-schema-version|bad-unit]
// The two broken variants change exactly one thing in an otherwise valid document, so that a
// validator that accepts them is proved blind to that one thing.
#include <cstdio>
#include <string>

#include "reports/report_json.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/test_support.h"

namespace {

// Replaces the first `from` in `text` with `to`; false when `from` is absent.
bool replaceFirst(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) return false;
  text.replace(at, from.size(), to);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace orglens;
  const std::string variant =
      argc == 4 && std::string(argv[2]) == "--variant" ? argv[3] : "fixture";
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--variant")) {
    std::fprintf(stderr,
                 "usage: write_fixture_json OUT.json "
                 "[--variant fixture|empty|missing-schema-version|bad-unit]\n");
    return 2;
  }
  std::string json =
      reports::renderReportJson(variant == "empty" ? reports::Report{} : test::fixtureReport());
  bool changed = true;
  if (variant == "missing-schema-version")
    changed = replaceFirst(json, "\"schema_version\": 1,\n  ", "");
  else if (variant == "bad-unit")
    changed = replaceFirst(json, "\"unit\": \"seconds\"", "\"unit\": \"hours\"");
  else if (variant != "fixture" && variant != "empty")
    changed = false;
  if (!changed) {
    std::fprintf(stderr, "write_fixture_json: cannot make variant '%s'\n", variant.c_str());
    return 2;
  }
  if (test::readFile(test::writeFile(argv[1], json)) != json) {
    std::fprintf(stderr, "write_fixture_json: cannot write '%s'\n", argv[1]);
    return 1;
  }
  return 0;
}
