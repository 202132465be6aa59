// The sample organisation imported into a store once per test process (as the report tests do).
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <filesystem>

#include "importers/import_file.h"
#include "samples/sample_org.h"
#include "tests/support/test_support.h"

namespace orglens::test {

inline const std::filesystem::path& viewerSampleStore() {
  static const auto path = [] {
    const auto dir = tempDir("viewer-sample");
    samples::SampleOptions options;
    options.people = 150;
    options.days = 120;
    options.seed = 1;
    samples::writeSampleOrganisation(dir / "sample", options);
    auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
    model::NoProgress progress;
    for (const char* file : {"roster.csv", "events.csv", "usage.csv", "slack", "mail.mbox"})
      importers::importFile(*store, dir / "sample" / file, {}, progress);
    return dir / "s.orglens";
  }();
  return path;
}

/// Runs the event loop until `done()` or `ms` milliseconds passed; returns done().
template <class F>
bool waitFor(F done, int ms = 120000) {
  QElapsedTimer timer;
  timer.start();
  while (!done() && timer.elapsed() < ms) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  return done();
}

}  // namespace orglens::test
