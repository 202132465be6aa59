// The sample store of the viewer tests (tests/support/sample_store.h) and an event-loop wait.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <filesystem>

#include "tests/support/sample_store.h"

namespace orglens::test {

inline const std::filesystem::path& viewerSampleStore() { return importedSampleStore(); }

/// Runs the event loop until `done()` or `ms` milliseconds passed; returns done().
template <class F>
bool waitFor(F done, int ms = 120000) {
  QElapsedTimer timer;
  timer.start();
  while (!done() && timer.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  return done();
}

}  // namespace orglens::test
