// Catch2's main for the viewer tests: a QApplication (offscreen unless told otherwise) lives
// for the whole run, as widgets, charts and queued results need one.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName("orglens-tests");
  QApplication::setApplicationName("orglens-viewer-tests");
  return Catch::Session().run(argc, argv);
}
