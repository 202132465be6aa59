// Headless screenshots of a page (orglens-viewer --screenshot, tests, docs/viewer/).
#pragma once

#include <QImage>
#include <QString>

namespace orglens::viewer {

class MainWindow;

/// Opens `store` in `window`, shows `page`, waits (event loop) until every result of the
/// analysis arrived, renders the window into `out` (PNG). Returns 0, or 2 with a message on
/// stderr when the store fails to load or the picture cannot be written. At most `timeoutMs`.
int takeScreenshot(MainWindow& window, const QString& store, const QString& page,
                   const QString& out, int timeoutMs = 300000);

/// Pixels of `image` that differ clearly from its most common colour (the background).
std::size_t foregroundPixels(const QImage& image);

}  // namespace orglens::viewer
