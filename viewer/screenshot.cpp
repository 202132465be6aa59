#include "viewer/screenshot.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#include <cstdio>
#include <map>

#include "viewer/main_window.h"
#include "viewer/widgets.h"

namespace orglens::viewer {

int takeScreenshot(MainWindow& window, const QString& store, const QString& page,
                   const QString& out, int timeoutMs) {
  window.resize(1400, 900);
  window.setPage(page);
  window.show();
  QEventLoop loop;
  bool ok = false, done = false;
  QObject::connect(&window, &MainWindow::analysisDone, &loop, [&](bool success) {
    ok = success, done = true;
    loop.quit();
  });
  QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
  window.openStore(store);
  if (!window.messageBar()->text().isEmpty() && !done) {  // the file could not be opened
    std::fprintf(stderr, "orglens-viewer: %s\n", qPrintable(window.messageBar()->text()));
    return 2;
  }
  if (!done) loop.exec();
  if (!done || !ok || !window.pageReady(page)) {
    const auto why = !done ? QString("timed out") : window.messageBar()->text();
    std::fprintf(stderr, "orglens-viewer: no %s page for %s: %s\n", qPrintable(page),
                 qPrintable(store), qPrintable(why));
    return 2;
  }
  // Let layouts and charts settle before rendering.
  for (int i = 0; i < 5; ++i) QApplication::processEvents();
  if (!window.grab().save(out)) {
    std::fprintf(stderr, "orglens-viewer: cannot write %s\n", qPrintable(out));
    return 2;
  }
  std::fprintf(stderr, "orglens-viewer: wrote %s\n", qPrintable(out));
  return 0;
}

std::size_t foregroundPixels(const QImage& image) {
  const auto img = image.convertToFormat(QImage::Format_RGB32);
  std::map<QRgb, std::size_t> counts;
  for (int y = 0; y < img.height(); y += 2)
    for (int x = 0; x < img.width(); x += 2) ++counts[img.pixel(x, y)];
  QRgb background = 0;
  std::size_t most = 0;
  for (const auto& [rgb, n] : counts)
    if (n > most) most = n, background = rgb;
  std::size_t foreground = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      const QRgb p = img.pixel(x, y);
      const int d = std::abs(qRed(p) - qRed(background)) + std::abs(qGreen(p) - qGreen(background)) +
                    std::abs(qBlue(p) - qBlue(background));
      foreground += d > 48;
    }
  return foreground;
}

}  // namespace orglens::viewer
