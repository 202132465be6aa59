// The runner works off the GUI thread and drops stale results: a filter change in the middle
// of an analysis yields the newest filter's results only.
#include <catch2/catch.hpp>

#include <QThread>

#include "model/time_format.h"
#include "samples/planted.h"
#include "tests/viewer/sample_store.h"
#include "viewer/analysis_runner.h"

using namespace orglens;

TEST_CASE("A filter change mid-analysis delivers only the newest generation's results",
          "[viewer][async]") {
  const auto path = QString::fromStdString(test::viewerSampleStore().string());
  viewer::AnalysisRunner runner;
  std::vector<std::string> windows, teams;
  std::vector<quint64> finished;
  int handoffs = 0, networks = 0;
  QObject::connect(&runner, &viewer::AnalysisRunner::reportReady, [&](auto report) {
    windows.push_back(report->meta.window);
    teams.push_back(report->meta.team);
  });
  QObject::connect(&runner, &viewer::AnalysisRunner::handoffsReady, [&](auto) { ++handoffs; });
  QObject::connect(&runner, &viewer::AnalysisRunner::networkReady, [&](auto) { ++networks; });
  QObject::connect(&runner, &viewer::AnalysisRunner::finished,
                   [&](quint64 generation) { finished.push_back(generation); });
  const auto mainThread = QThread::currentThread();
  bool onGuiThread = true;
  viewer::Filter second;
  second.from = model::MicrosUtc{1738368000} * 1000000;  // 2025-02-01 (the sample starts 2025-01-06)
  second.team = samples::planted::kSlowFromTeam;
  quint64 g1 = 0, g2 = 0;
  QObject::connect(&runner, &viewer::AnalysisRunner::progress, [&](double, const QString&) {
    onGuiThread = onGuiThread && QThread::currentThread() == mainThread;
    // The filter changes at the first progress report of the first analysis: it has begun,
    // and none of its results can have arrived (they are queued behind this report) — however
    // fast the machine, the first generation is caught mid-analysis.
    if (g1 != 0 && g2 == 0) g2 = runner.start(path, second);
  });

  viewer::Filter first;  // all data
  g1 = runner.start(path, first);
  REQUIRE(test::waitFor([&] { return !finished.empty(); }));
  REQUIRE(g2 > g1);
  runner.waitForDone();
  test::waitFor([&] { return false; }, 200);  // anything still queued arrives now
  CHECK(finished == std::vector<quint64>{g2});
  REQUIRE(windows.size() == 1);
  CHECK(windows[0].rfind("2025-02-01", 0) == 0);
  CHECK(teams == std::vector<std::string>{samples::planted::kSlowFromTeam});  // Overview/Adoption follow
  CHECK(handoffs == 1);
  CHECK(networks == 1);
  CHECK(onGuiThread);
}

TEST_CASE("A store that cannot be opened fails with a message naming it", "[viewer][async]") {
  viewer::AnalysisRunner runner;
  QString message;
  QObject::connect(&runner, &viewer::AnalysisRunner::failed, [&](const QString& m) { message = m; });
  runner.start("/nonexistent/x.orglens", {});
  REQUIRE(test::waitFor([&] { return !message.isEmpty(); }));
  CHECK(message.contains("x.orglens"));
}

TEST_CASE("A team the privacy rule refuses leaves the report out and the other pages working",
          "[viewer][async]") {
  const auto path = QString::fromStdString(test::viewerSampleStore().string());
  viewer::AnalysisRunner runner;
  QString refused;
  int reports = 0, handoffs = 0;
  bool done = false;
  QObject::connect(&runner, &viewer::AnalysisRunner::reportReady, [&](auto) { ++reports; });
  QObject::connect(&runner, &viewer::AnalysisRunner::reportUnavailable,
                   [&](const QString& reason) { refused = reason; });
  QObject::connect(&runner, &viewer::AnalysisRunner::handoffsReady, [&](auto) { ++handoffs; });
  QObject::connect(&runner, &viewer::AnalysisRunner::finished, [&](quint64) { done = true; });
  viewer::Filter filter;
  filter.team = samples::planted::kSlowFromTeam;
  filter.minGroup = 1000;  // every team is smaller than that
  runner.start(path, filter);
  REQUIRE(test::waitFor([&] { return done; }, 300000));
  runner.waitForDone();
  CHECK(reports == 0);
  CHECK(refused.contains("fewer than the minimum group size"));
  CHECK(handoffs == 1);
}
