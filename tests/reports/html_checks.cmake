# Checks of the HTML and PDF reports in a real browser (label "browser"), included from
# tests/CMakeLists.txt. Both skip (exit code 4) when Chromium or poppler's pdftoppm is missing.
#   reports/html_fixture_in_chromium   the fixture page loads in headless Chromium without a
#                                      script or console error; charts visible, sections there,
#                                      tables accessible, a header click sorts; screenshot
#   reports/html_large_in_chromium     the same on a bigger made-up report (large_report.h)
#   reports/pdf_fixture_page1_not_blank  writePdf() gives a PDF whose first page has ink

add_executable(write_fixture_html reports/write_fixture_html.cpp)
target_link_libraries(write_fixture_html PRIVATE orglens::reports orglens_test_support orglens_flags)

# Debian's python3 on purpose: the checkers need only its standard library, and a pyenv
# python first on PATH may be any version.
find_program(ORGLENS_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT ORGLENS_PYTHON3)
  message(STATUS "orglens: no /usr/bin/python3: the browser checks of the reports are not run")
  return()
endif()

set(_out "${CMAKE_CURRENT_BINARY_DIR}/reports")
file(MAKE_DIRECTORY "${_out}")

add_test(NAME reports/html_fixture_in_chromium
         COMMAND /bin/sh -c [=["$1" html "$2" && exec "$3" "$4" "$2" --sections "$5" --screenshot "$6"]=]
                 sh $<TARGET_FILE:write_fixture_html> "${_out}/fixture_report.html"
                 "${ORGLENS_PYTHON3}" "${CMAKE_CURRENT_SOURCE_DIR}/reports/browser_check.py"
                 handoffs,adoption,silos,method "${_out}/fixture_report.png")
set_tests_properties(reports/html_fixture_in_chromium PROPERTIES
                     SKIP_RETURN_CODE 4 LABELS browser TIMEOUT 120)

# A bigger made-up report (grouped bars, wide heatmap, 60-node network): charts must render.
add_test(NAME reports/html_large_in_chromium
         COMMAND /bin/sh -c [=["$1" html-large "$2" && exec "$3" "$4" "$2" --sections "$5" --screenshot "$6"]=]
                 sh $<TARGET_FILE:write_fixture_html> "${_out}/large_report.html"
                 "${ORGLENS_PYTHON3}" "${CMAKE_CURRENT_SOURCE_DIR}/reports/browser_check.py"
                 workload,silos "${_out}/large_report.png")
set_tests_properties(reports/html_large_in_chromium PROPERTIES
                     SKIP_RETURN_CODE 4 LABELS browser TIMEOUT 120)

add_test(NAME reports/pdf_fixture_page1_not_blank
         COMMAND /bin/sh -c [=["$1" pdf "$2" || exit $?; exec "$3" "$4" "$2"]=]
                 sh $<TARGET_FILE:write_fixture_html> "${_out}/fixture_report.pdf"
                 "${ORGLENS_PYTHON3}" "${CMAKE_CURRENT_SOURCE_DIR}/reports/pdf_check.py")
set_tests_properties(reports/pdf_fixture_page1_not_blank PROPERTIES
                     SKIP_RETURN_CODE 4 LABELS browser TIMEOUT 180)
