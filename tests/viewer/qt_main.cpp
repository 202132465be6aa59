// Catch2's main for the viewer tests: a QApplication (offscreen unless told otherwise) lives
// for the whole run, as widgets, charts and queued results need one.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <cstring>

// Under ORGLENS_SANITIZE: allocations that system libraries keep until exit (font caches,
// plugin loaders) are not leaks of orglens. LeakSanitizer asks for this hook at start.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libQt6Core.so\nleak:libQt6Gui.so\nleak:libQt6Widgets.so\n"
         "leak:libglib-2.0.so\nleak:libdbus-1.so\nleak:libfreetype.so\n";
}

int main(int argc, char** argv) {
  // Listing the tests (ctest's discovery at build time) needs no application.
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--list", 6) == 0) return Catch::Session().run(argc, argv);
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName("orglens-tests");
  QApplication::setApplicationName("orglens-viewer-tests");
  return Catch::Session().run(argc, argv);
}
