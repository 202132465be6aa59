// orglens-viewer [--screenshot OUT.png [--page NAME]] [FILE.orglens]
// With --screenshot the window renders offscreen, waits until the page's results arrived,
// saves the picture and exits (0 on success, 1 on usage errors, 2 when the store fails).
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>
#include <cstring>

#include "viewer/main_window.h"
#include "viewer/screenshot.h"

int main(int argc, char** argv) {
  // Headless when asked for a screenshot or when no display is there; must precede QApplication.
  bool screenshot = false;
  for (int i = 1; i < argc; ++i) screenshot = screenshot || std::strcmp(argv[i], "--screenshot") == 0;
  if (screenshot || (qEnvironmentVariableIsEmpty("DISPLAY") &&
                     qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
                     qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName("orglens");
  QApplication::setApplicationName("orglens-viewer");
  QCommandLineParser parser;
  parser.setApplicationDescription("Explore an orglens store: handoffs, flow, network, adoption.");
  parser.addHelpOption();
  parser.addOption({"screenshot", "Render PAGE headlessly into OUT (PNG) and exit.", "OUT"});
  parser.addOption({"page", "Page of --screenshot: overview, handoffs, flow, network, adoption.",
                    "PAGE", "overview"});
  parser.addPositionalArgument("FILE", "The store to open (*.orglens).", "[FILE]");
  parser.process(app);
  const auto files = parser.positionalArguments();
  orglens::viewer::MainWindow window;
  if (parser.isSet("screenshot")) {
    const auto page = parser.value("page");
    if (files.size() != 1 || !orglens::viewer::MainWindow::pageNames().contains(page)) {
      std::fprintf(stderr, "orglens-viewer: --screenshot needs one FILE and --page one of %s\n",
                   qPrintable(orglens::viewer::MainWindow::pageNames().join(", ")));
      return 1;
    }
    return orglens::viewer::takeScreenshot(window, files.first(), page, parser.value("screenshot"));
  }
  window.show();
  if (!files.isEmpty()) window.openStore(files.first());
  return app.exec();
}
