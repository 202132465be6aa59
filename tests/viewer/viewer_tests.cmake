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
                       PROPERTIES SKIP_RETURN_CODE 4 ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 600)
endforeach()
