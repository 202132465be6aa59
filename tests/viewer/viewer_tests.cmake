# The viewer's tests (included from tests/CMakeLists.txt when the viewer is built): one
# executable per tests/viewer/test_*.cpp with a Catch2 main that creates the QApplication;
# they run offscreen (QT_QPA_PLATFORM=offscreen, also set by the main when unset).
find_package(Qt6 QUIET COMPONENTS Test)
if(NOT Qt6Test_FOUND)
  message(WARNING "Qt6 Test not found: the viewer tests are skipped")
  return()
endif()
add_library(orglens_viewer_test_main STATIC viewer/qt_main.cpp)
target_link_libraries(orglens_viewer_test_main PUBLIC Catch2::Catch2 Qt6::Widgets PRIVATE orglens_flags)
file(GLOB viewer_tests CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/viewer/test_*.cpp")
foreach(src IN LISTS viewer_tests)
  get_filename_component(stem "${src}" NAME_WE)
  add_executable(viewer_${stem} ${src})
  target_link_libraries(viewer_${stem} PRIVATE orglens::viewer_lib orglens::samples Qt6::Test
                        orglens_viewer_test_main orglens_test_support orglens_flags)
  catch_discover_tests(viewer_${stem} TEST_PREFIX "viewer/"
                       PROPERTIES SKIP_RETURN_CODE 4 TIMEOUT 600 ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endforeach()

# `orglens-viewer --screenshot` end to end: each page of a small sample store renders and the
# executable exits 0; a missing store exits non-zero with a message.
set(_shots "${CMAKE_CURRENT_BINARY_DIR}/viewer/screenshots")
add_test(NAME viewer/screenshot_setup
         COMMAND /bin/sh -c [=[set -e; rm -rf "$2"; mkdir -p "$2"
"$1" sample --out "$2/sample" --people 80 --days 60 --seed 2 >/dev/null
"$1" import "$2/sample" --db "$2/s.orglens" -q]=] sh $<TARGET_FILE:orglens> "${_shots}")
set_tests_properties(viewer/screenshot_setup PROPERTIES FIXTURES_SETUP viewer_shots TIMEOUT 300)
foreach(page overview handoffs flow network adoption)
  add_test(NAME viewer/screenshot_${page}
           COMMAND $<TARGET_FILE:orglens-viewer> --screenshot "${_shots}/${page}.png" --page ${page}
                   "${_shots}/s.orglens")
  set_tests_properties(viewer/screenshot_${page} PROPERTIES FIXTURES_REQUIRED viewer_shots
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 300)
endforeach()
add_test(NAME viewer/screenshot_missing_store_fails
         COMMAND $<TARGET_FILE:orglens-viewer> --screenshot "${_shots}/none.png" "${_shots}/missing.orglens")
set_tests_properties(viewer/screenshot_missing_store_fails PROPERTIES WILL_FAIL TRUE
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
