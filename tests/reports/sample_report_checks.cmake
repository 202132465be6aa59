# The report of the sample organisation, end to end through the built `orglens` (included from
# tests/CMakeLists.txt): written once by a fixture, then
#   reports/sample_report_in_chromium       renders in headless Chromium without errors, all
#                                           eight sections and every chart visible; screenshot
#   reports/sample_report_json_matches_schema  the JSON validates against docs/report-schema.json
#   reports/sample_report_pdf_page1_not_blank  `orglens report -o x.pdf` gives a PDF with ink
if(NOT ORGLENS_PYTHON3)
  return()
endif()

set(_sample "${CMAKE_CURRENT_BINARY_DIR}/reports/sample")
add_test(NAME reports/sample_report_setup
         COMMAND /bin/sh -c [=[set -e; rm -rf "$2"; mkdir -p "$2"
"$1" sample --out "$2/sample" --people 150 --days 120 --seed 1 >/dev/null
"$1" import "$2/sample" --db "$2/sample.orglens" -q
"$1" report --db "$2/sample.orglens" -o "$2/report.html" -q
"$1" report --db "$2/sample.orglens" -o "$2/report.json" -q]=]
                 sh $<TARGET_FILE:orglens> "${_sample}")
set_tests_properties(reports/sample_report_setup PROPERTIES FIXTURES_SETUP sample_report
                     TIMEOUT 300)

add_test(NAME reports/sample_report_in_chromium
         COMMAND "${ORGLENS_PYTHON3}" "${CMAKE_CURRENT_SOURCE_DIR}/reports/browser_check.py"
                 "${_sample}/report.html"
                 --sections handoffs,flow,workload,responsiveness,silos,adoption,data_quality,method
                 --screenshot "${_sample}/report.png")
add_test(NAME reports/sample_report_json_matches_schema
         COMMAND "${ORGLENS_PYTHON3}" "${CMAKE_CURRENT_SOURCE_DIR}/reports/validate_json.py"
                 "${PROJECT_SOURCE_DIR}/docs/report-schema.json" "${_sample}/report.json")
add_test(NAME reports/sample_report_pdf_page1_not_blank
         COMMAND /bin/sh -c [=["$1" report --db "$2/sample.orglens" -o "$2/report.pdf" -q || exit 1
exec "$3" "$4" "$2/report.pdf"]=]
                 sh $<TARGET_FILE:orglens> "${_sample}" "${ORGLENS_PYTHON3}"
                 "${CMAKE_CURRENT_SOURCE_DIR}/reports/pdf_check.py")
set_tests_properties(reports/sample_report_in_chromium reports/sample_report_json_matches_schema
                     reports/sample_report_pdf_page1_not_blank
                     PROPERTIES FIXTURES_REQUIRED sample_report SKIP_RETURN_CODE 4
                                LABELS browser TIMEOUT 240)
