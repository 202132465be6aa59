# The report JSON against docs/report-schema.json, validated by Debian's python3-jsonschema.
# Included from tests/CMakeLists.txt; paths are relative to tests/.

# write_fixture_json OUT.json [--variant ...]: the fixture report as JSON (not a Catch2 test).
add_executable(write_fixture_json reports/write_fixture_json.cpp)
target_link_libraries(write_fixture_json PRIVATE orglens::reports orglens_test_support orglens_flags)

# Debian's python, not the pyenv one first on PATH: it is the one with python3-jsonschema.
find_program(ORGLENS_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT ORGLENS_PYTHON3)
  message(STATUS "reports: no /usr/bin/python3, the JSON schema checks are not added")
  return()
endif()

set(_json_dir "${CMAKE_CURRENT_BINARY_DIR}/reports/json")
set(_schema "${PROJECT_SOURCE_DIR}/docs/report-schema.json")
set(_validate "${CMAKE_CURRENT_SOURCE_DIR}/reports/validate_json.py")

# One setup test per document; the checks below need all of them.
foreach(variant fixture empty missing-schema-version bad-unit)
  add_test(NAME reports/json_write_${variant}
           COMMAND write_fixture_json "${_json_dir}/${variant}.json" --variant ${variant})
  set_tests_properties(reports/json_write_${variant} PROPERTIES FIXTURES_SETUP orglens_report_json)
endforeach()

function(_orglens_json_check name)
  add_test(NAME reports/${name} COMMAND ${ORGLENS_PYTHON3} "${_validate}" ${ARGN})
  set_tests_properties(reports/${name} PROPERTIES FIXTURES_REQUIRED orglens_report_json
                                                  SKIP_RETURN_CODE 4)
endfunction()

_orglens_json_check(json_fixture_matches_schema "${_schema}" "${_json_dir}/fixture.json")
_orglens_json_check(json_empty_report_matches_schema "${_schema}" "${_json_dir}/empty.json")
# The validator must be able to fail: each broken document differs from a valid one by one
# field, and --expect-invalid succeeds only when the schema rejects it.
_orglens_json_check(json_schema_rejects_missing_schema_version --expect-invalid "${_schema}"
                    "${_json_dir}/missing-schema-version.json")
_orglens_json_check(json_schema_rejects_unknown_unit --expect-invalid "${_schema}"
                    "${_json_dir}/bad-unit.json")
