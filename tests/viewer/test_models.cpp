// Every model of the viewer passes QAbstractItemModelTester, alone, through its sorting and
// filtering proxy, and across resets; numbers sort as numbers and suppressed cells sort last.
#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <cmath>

#include "viewer/table_model.h"

using namespace orglens;

namespace {

/// Counts the tester's complaints (it reports through qWarning in Warning mode).
int g_failures = 0;
void countFailures(QtMsgType type, const QMessageLogContext&, const QString& message) {
  if (type != QtDebugMsg && message.contains("FAIL")) ++g_failures;
}

struct FailureCounter {
  QtMessageHandler previous;
  FailureCounter() : previous(qInstallMessageHandler(countFailures)) { g_failures = 0; }
  ~FailureCounter() { qInstallMessageHandler(previous); }
};

std::shared_ptr<const reports::Table> sampleTable() {
  auto t = std::make_shared<reports::Table>();
  using reports::Align;
  using reports::Unit;
  t->columns = {{"from"}, {"to"}, {"count", Align::Right, true, Unit::Count},
                {"median", Align::Right, true, Unit::Seconds}};
  t->addRow({"Legal", "Operations", "120", "345600.000"});
  t->addRow({"Sales", "Legal", "9", "90.000"});
  t->addRow({"Ops", "Sales", reports::kSuppressedCell, reports::kSuppressedCell});
  t->addRow({"Ops", "Legal", "1000", "7200.000"});
  return t;
}

}  // namespace

TEST_CASE("The table model passes the model tester, also behind its proxy and across resets",
          "[viewer][models]") {
  FailureCounter counter;
  viewer::TableModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
  auto* proxy = viewer::makeProxy(&model, &model);
  QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::Warning);
  model.setTable(sampleTable());
  REQUIRE(model.rowCount() == 4);
  CHECK(model.columnCount() == 4);
  CHECK(model.data(model.index(0, 3)).toString() == "4.0 d");
  CHECK(model.data(model.index(3, 2)).toString() == "1,000");
  CHECK(model.data(model.index(0, 3), viewer::kRawRole).toString() == "345600.000");
  CHECK(model.data(model.index(2, 2), Qt::ToolTipRole).toString().contains("privacy"));
  proxy->sort(2, Qt::DescendingOrder);
  CHECK(proxy->data(proxy->index(0, 2)).toString() == "1,000");  // 1000 > 120 > 9 as numbers
  CHECK(proxy->data(proxy->index(3, 2)).toString() == "suppressed");
  proxy->setFilterFixedString("legal");
  CHECK(proxy->rowCount() == 3);
  model.setTable(nullptr);
  CHECK(proxy->rowCount() == 0);
  model.setTable(sampleTable());
  CHECK(g_failures == 0);
}

TEST_CASE("The heatmap model passes the model tester and colours longer waits darker",
          "[viewer][models]") {
  FailureCounter counter;
  viewer::HeatmapModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
  auto chart = std::make_shared<reports::Chart>();
  chart->kind = reports::ChartKind::Heatmap;
  chart->unit = reports::Unit::Seconds;
  chart->rows = chart->categories = {"A", "B"};
  chart->series = {{"A", {60, 86400 * 5}}, {"B", {std::nan(""), 3600}}};
  model.setChart(chart);
  REQUIRE(model.rowCount() == 2);
  CHECK(model.headerData(1, Qt::Horizontal).toString() == "B");
  CHECK_FALSE(model.data(model.index(1, 0)).isValid());  // no handoffs (or suppressed)
  const auto quick = model.data(model.index(0, 0), Qt::BackgroundRole).value<QColor>();
  const auto slow = model.data(model.index(0, 1), Qt::BackgroundRole).value<QColor>();
  CHECK(slow.valueF() < quick.valueF());
  model.setChart(nullptr);
  CHECK(model.rowCount() == 0);
  CHECK(g_failures == 0);
}
