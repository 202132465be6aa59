// The whole window on the sample store: every page fills, renders something that is not blank
// and holds its widgets; every model on the way passes QAbstractItemModelTester; a missing file
// shows in the message bar, never in a modal box.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTableView>

#include "tests/viewer/sample_store.h"
#include "viewer/main_window.h"
#include "viewer/pages.h"
#include "viewer/screenshot.h"
#include "viewer/widgets.h"

using namespace orglens;

namespace {

int g_failures = 0;
void countFailures(QtMsgType type, const QMessageLogContext&, const QString& message) {
  if (type != QtDebugMsg && message.contains("FAIL")) ++g_failures;
}

}  // namespace

TEST_CASE("Every page of the sample store fills, renders and holds its widgets",
          "[viewer][window]") {
  const auto previous = qInstallMessageHandler(countFailures);
  viewer::MainWindow window;
  window.resize(1400, 900);
  window.show();
  // Testers on every model of every view, before any data arrives.
  std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
  for (auto* view : window.findChildren<QAbstractItemView*>()) {
    testers.push_back(std::make_unique<QAbstractItemModelTester>(
        view->model(), QAbstractItemModelTester::FailureReportingMode::Warning));
    if (auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model()))
      testers.push_back(std::make_unique<QAbstractItemModelTester>(
          proxy->sourceModel(), QAbstractItemModelTester::FailureReportingMode::Warning));
  }
  REQUIRE(testers.size() >= 10);
  bool done = false, ok = false;
  QObject::connect(&window, &viewer::MainWindow::analysisDone, [&](bool success) {
    done = true;
    ok = success;
  });
  window.openStore(QString::fromStdString(test::viewerSampleStore().string()));
  REQUIRE(test::waitFor([&] { return done; }, 300000));
  REQUIRE(ok);

  const std::map<QString, QStringList> expected = {
      {"overview", {"overviewPage", "findings", "measuresTable"}},
      {"handoffs", {"handoffsPage", "handoffTable", "handoffHeatmap", "handoffWaits", "handoffItems", "handoffTimeline"}},
      {"flow", {"flowPage", "flowMap", "flowFrequency", "flowEdges"}},
      {"network", {"networkPage", "networkView", "networkSearch", "networkPeople"}},
      {"adoption", {"adoptionPage", "adoptionTrend", "adoptionTools", "adoptionDepartments"}}};
  for (const auto& page : viewer::MainWindow::pageNames()) {
    INFO("page " << page.toStdString());
    REQUIRE(window.setPage(page));
    CHECK(window.pageReady(page));
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    const auto image = window.grab().toImage();
    CHECK(viewer::foregroundPixels(image) > 20000);
    for (const auto& name : expected.at(page)) {
      INFO("widget " << name.toStdString());
      auto* w = window.findChild<QWidget*>(name);
      REQUIRE(w);
      CHECK(w->isVisible());
    }
  }
  // The pages hold the planted facts' data.
  auto* handoffs = window.findChild<viewer::TablePanel*>("handoffTable");
  CHECK(handoffs->proxy()->rowCount() > 10);
  CHECK(handoffs->view()->selectionModel()->currentIndex().isValid());  // drill-down follows
  CHECK(window.findChild<viewer::TablePanel*>("handoffItems")->proxy()->rowCount() > 0);
  CHECK(window.findChild<viewer::TablePanel*>("handoffTimeline")->proxy()->rowCount() > 0);
  CHECK(window.findChild<QGraphicsView*>("flowMap")->scene()->items().size() > 20);
  CHECK(window.findChild<viewer::TablePanel*>("networkPeople")->proxy()->rowCount() >= 150);
  auto* network = window.findChild<viewer::NetworkPage*>("networkPage");
  CHECK(network->findPerson("P-"));
  CHECK_FALSE(network->findPerson("no such person"));

  // Privacy off: the same pages, names instead of pseudonyms, again through the runner.
  auto filter = window.filter();
  filter.privacy = false;
  done = false;
  window.setFilter(filter);
  REQUIRE(test::waitFor([&] { return done; }, 300000));
  CHECK(window.findChild<viewer::TablePanel*>("networkPeople")->proxy()->rowCount() >= 150);
  qInstallMessageHandler(previous);
  CHECK(g_failures == 0);
}

TEST_CASE("A store that does not exist shows in the message bar", "[viewer][window]") {
  viewer::MainWindow window;
  window.openStore("/nonexistent/missing.orglens");
  CHECK_FALSE(window.messageBar()->isHidden());
  CHECK(window.messageBar()->text().contains("does not exist"));
  CHECK(QApplication::activeModalWidget() == nullptr);
}
