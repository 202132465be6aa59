// orglens-bench-viewer [--people N] [--days D] [STORE]: how long a big store takes to show in
// the viewer (issue #9: a 1,000,000-event store opens to a populated overview in under 1 s).
// Without STORE it writes the sample organisation at the given size (default 700 people over
// 210 days, about 1.1 million events) into bench-data/viewer.orglens once and reuses it.
// Prints: key figures shown (store info), findings shown (the report), every page filled.
#include <QApplication>
#include <QTimer>
#include <QElapsedTimer>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "importers/import_file.h"
#include "samples/sample_org.h"
#include "viewer/analysis_runner.h"
#include "viewer/main_window.h"

using namespace orglens;

namespace {

std::filesystem::path makeStore(int people, int days) {
  const std::filesystem::path dir = "bench-data/viewer-" + std::to_string(people) + "x" + std::to_string(days);
  const auto store = dir / "viewer.orglens";
  if (std::filesystem::exists(store)) return store;
  std::fprintf(stderr, "writing the sample organisation (%d people, %d days) into %s\n", people,
               days, store.c_str());
  samples::SampleOptions options;
  options.people = people;
  options.days = days;
  options.seed = 1;
  samples::writeSampleOrganisation(dir / "sample", options);
  auto s = model::Store::open(store, model::Store::Mode::Create);
  model::NoProgress progress;
  for (const char* file : {"roster.csv", "events.csv", "usage.csv", "slack", "mail.mbox"})
    importers::importFile(*s, dir / "sample" / file, {}, progress);
  return store;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  int people = 700, days = 210;
  std::string storeArg;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--people") && i + 1 < argc) people = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--days") && i + 1 < argc) days = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::printf("usage: orglens-bench-viewer [--people N] [--days D] [STORE.orglens]\n");
      return 0;
    } else storeArg = argv[i];
  }
  if (!storeArg.empty() && !std::filesystem::is_regular_file(storeArg)) {
    std::fprintf(stderr, "orglens-bench-viewer: no store file '%s'\n", storeArg.c_str());
    return 2;
  }
  QApplication app(argc, argv);
  const auto store = storeArg.empty() ? makeStore(people, days) : std::filesystem::path(storeArg);
  // Never hang: a run that has not finished after ten minutes is a failure.
  QTimer::singleShot(600'000, &app, [&app] {
    std::fprintf(stderr, "orglens-bench-viewer: no result after 600 s\n");
    app.exit(2);
  });
  viewer::MainWindow window;
  window.show();
  QElapsedTimer timer;
  qint64 info = -1, report = -1, network = -1;
  std::uint64_t events = 0;
  QObject::connect(window.runner(), &viewer::AnalysisRunner::storeInfoReady, [&](auto s) {
    info = timer.elapsed();
    events = s->summary.events;
  });
  QObject::connect(window.runner(), &viewer::AnalysisRunner::reportReady,
                   [&](auto) { report = timer.elapsed(); });
  QObject::connect(window.runner(), &viewer::AnalysisRunner::networkReady,
                   [&](auto) { network = timer.elapsed(); });
  bool ok = false;
  QObject::connect(&window, &viewer::MainWindow::analysisDone, [&](bool success) {
    ok = success;
    app.quit();
  });
  timer.start();
  window.openStore(QString::fromStdString(store.string()));
  if (app.exec() != 0) return 2;
  const auto all = timer.elapsed();
  std::printf("store %s: %llu events\n", store.c_str(), static_cast<unsigned long long>(events));
  std::printf("overview key figures shown   %8.3f s\n", static_cast<double>(info) / 1000);
  std::printf("overview findings shown      %8.3f s\n", static_cast<double>(report) / 1000);
  std::printf("network page laid out       %8.3f s\n", static_cast<double>(network) / 1000);
  std::printf("every page filled            %8.3f s\n", static_cast<double>(all) / 1000);
  return ok ? 0 : 2;
}
