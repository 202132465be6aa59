// The Handoffs page: pairs (team, person, activity) with count, median, p90 and excess delay;
// the team × team heatmap; the wait distribution of the selected pair; drill-down to the items
// behind a pair and the event timeline of an item.
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>
#include <set>

#include "model/time_format.h"
#include "reports/analysis_tables.h"
#include "viewer/pages.h"
#include "viewer/table_model.h"
#include "viewer/widgets.h"

namespace orglens::viewer {

namespace {

using model::EventLog;
constexpr double kMicros = 1e6;

std::string objectText(const HandoffData& d, std::uint32_t object) {
  if (object == EventLog::kNone) return "-";
  return d.log.objectType[object] == 0 ? reports::personLabel(d.log, object, d.names.get())
                                       : d.log.label(object);
}

/// Waiting times of the selected handoffs in bands (those of the report's chart).
reports::Chart waitBands(const HandoffData& d, const std::vector<std::size_t>& handoffs,
                         const QString& title) {
  static constexpr double kEdges[] = {3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400};
  reports::Chart c;
  c.kind = reports::ChartKind::Bar;
  c.title = title.toStdString();
  c.xLabel = "wait";
  c.yLabel = "handoffs";
  c.categories = {"under 1 h", "1–4 h", "4–24 h", "1–3 d", "3–7 d", "over 7 d"};  // no "<": chart labels are rich text
  std::vector<double> counts(c.categories.size(), 0);
  for (auto i : handoffs) {
    const double s = static_cast<double>(d.result.handoffs[i].waitMicros) / kMicros;
    std::size_t band = 0;
    while (band < std::size(kEdges) && s >= kEdges[band]) ++band;
    counts[band] += 1;
  }
  c.series = {{"handoffs", counts}};
  return c;
}

/// The items behind the selected handoffs: one row per handoff.
std::shared_ptr<const reports::Table> itemTable(const HandoffData& d,
                                                const std::vector<std::size_t>& handoffs) {
  auto t = std::make_shared<reports::Table>();
  using reports::Align;
  using reports::Unit;
  t->columns = {{"item"}, {"from"}, {"to"}, {"from activity"}, {"to activity"},
                {"wait", Align::Right, true, Unit::Seconds}, {"#", Align::Right, true}};
  constexpr std::size_t kMaxRows = 5000;  // a pair can have many handoffs; the view shows these
  for (std::size_t n = 0; n < handoffs.size() && n < kMaxRows; ++n) {
    const auto& h = d.result.handoffs[handoffs[n]];
    t->addRow({d.log.label(h.item), objectText(d, h.from), objectText(d, h.to),
               d.log.text(h.fromActivity), d.log.text(h.toActivity),
               reports::formatFixed(static_cast<double>(h.waitMicros) / kMicros, 3),
               std::to_string(handoffs[n])});
  }
  return t;
}

/// Every event of one work item in time order.
std::shared_ptr<const reports::Table> timelineTable(const HandoffData& d, std::uint32_t item) {
  auto t = std::make_shared<reports::Table>();
  t->columns = {{"time (UTC)"}, {"activity"}, {"actor"}, {"team"}, {"lifecycle"}, {"tool"}};
  for (std::size_t i = 0; i < d.log.itemCount(); ++i) {
    if (d.log.item[i] != item) continue;
    for (auto e = d.log.itemBegin[i]; e < d.log.itemBegin[i + 1]; ++e) {
      const auto actor = d.log.actor[e];
      const auto team = actor == EventLog::kNone ? EventLog::kNone : d.log.teamOf[actor];
      t->addRow({model::formatIsoUtc(d.log.time[e]), d.log.text(d.log.activity[e]),
                 objectText(d, actor), team == EventLog::kNone ? "-" : d.log.label(team),
                 std::string(model::toString(d.log.lifecycle[e])),
                 d.log.text(d.log.tool[e])});
    }
    break;
  }
  return t;
}

}  // namespace

HandoffsPage::HandoffsPage(QWidget* parent)
    : QWidget(parent),
      m_grouping(new QComboBox(this)),
      m_pairs(new TableModel(this)),
      m_heatmap(new HeatmapModel(this)),
      m_waits(new ChartPanel(this)),
      m_items(new TableModel(this)),
      m_timeline(new TableModel(this)) {
  setObjectName("handoffsPage");
  m_grouping->setObjectName("handoffGrouping");
  m_grouping->addItems({tr("Team pairs"), tr("Person pairs"), tr("Activity pairs"),
                        tr("Team × activity pairs")});
  m_pairPanel = new TablePanel(tr("Handoffs by excess delay"), m_pairs, this);
  m_pairPanel->setObjectName("handoffTable");
  auto* heatTitle = new QLabel(tr("Median wait, team → team"), this);
  heatTitle->setStyleSheet("font-weight: bold;");
  auto* heatView = new QTableView(this);
  heatView->setObjectName("handoffHeatmap");
  heatView->setModel(m_heatmap);
  heatView->horizontalHeader()->setDefaultSectionSize(64);
  heatView->verticalHeader()->setDefaultSectionSize(26);
  heatView->setToolTip(tr("Rows hand over to columns; darker is a longer median wait. Empty: "
                          "no handoffs, or too few people behind them (privacy)."));
  auto* heat = new QWidget(this);
  auto* hl = new QVBoxLayout(heat);
  hl->setContentsMargins(0, 0, 0, 0);
  hl->addWidget(heatTitle);
  hl->addWidget(heatView, 1);
  m_waits->setObjectName("handoffWaits");
  m_itemPanel = new TablePanel(tr("Items behind the pair"), m_items, this);
  m_itemPanel->setObjectName("handoffItems");
  m_timelinePanel = new TablePanel(tr("Timeline of the item"), m_timeline, this);
  m_timelinePanel->setObjectName("handoffTimeline");

  auto* top = new QSplitter(Qt::Horizontal, this);
  top->addWidget(m_pairPanel);
  top->addWidget(heat);
  top->setSizes({640, 520});
  auto* bottom = new QSplitter(Qt::Horizontal, this);
  bottom->addWidget(m_waits);
  bottom->addWidget(m_itemPanel);
  bottom->addWidget(m_timelinePanel);
  bottom->setSizes({360, 420, 420});
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(top);
  split->addWidget(bottom);
  split->setSizes({420, 300});
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Group by"), this));
  bar->addWidget(m_grouping);
  bar->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(bar);
  layout->addWidget(split, 1);

  connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] { showGrouping(); });
  connect(m_pairPanel->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this] { pairSelected(); });
  connect(m_itemPanel->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this] { itemSelected(); });
}

void HandoffsPage::setData(std::shared_ptr<const HandoffData> data) {
  m_data = std::move(data);
  m_heatmap->setChart(m_data ? std::shared_ptr<const reports::Chart>(m_data, &m_data->heatmap)
                             : nullptr);
  showGrouping();
}

void HandoffsPage::showGrouping() {
  const int g = m_grouping->currentIndex();
  m_pairs->setTable(m_data ? std::shared_ptr<const reports::Table>(m_data, &m_data->tables[g])
                           : nullptr);
  m_pairPanel->view()->sortByColumn(m_pairs->columnCount() - 1, Qt::DescendingOrder);
  QString note;
  if (m_data && m_data->privacy)
    note = tr("Privacy mode: people are pseudonyms; pairs with fewer than %1 people behind "
              "them are withheld%2.")
               .arg(m_data->minGroup)
               .arg(g == 1 ? tr(" — a person pair is two people, so every person pair is "
                                "withheld; switch privacy mode off to see them")
                           : QString());
  m_pairPanel->setNote(note);
  m_selectedHandoffs.clear();
  m_items->setTable(nullptr);
  m_timeline->setTable(nullptr);
  m_waits->setChart(m_data ? makeChart(waitBands(*m_data, {}, tr("Select a pair"))) : nullptr);
  if (m_data && m_pairs->rowCount() > 0) selectPair(0);
}

void HandoffsPage::selectPair(int row) {
  auto* view = m_pairPanel->view();
  view->selectionModel()->setCurrentIndex(view->model()->index(row, 0),
                                          QItemSelectionModel::ClearAndSelect |
                                              QItemSelectionModel::Rows);
}

void HandoffsPage::pairSelected() {
  if (!m_data) return;
  const auto current = m_pairPanel->view()->selectionModel()->currentIndex();
  if (!current.isValid()) return;
  const int row = m_pairPanel->proxy()->mapToSource(current).row();
  const auto g = static_cast<Grouping>(m_grouping->currentIndex());
  const auto& table = m_data->tables[static_cast<std::size_t>(g)];
  const auto& cells = table.rows[static_cast<std::size_t>(row)];
  const bool withheld =
      std::find(cells.begin(), cells.end(), reports::kSuppressedCell) != cells.end();
  // A withheld pair stays withheld below: no chart, no items (they would reveal it).
  m_selectedHandoffs =
      withheld ? std::vector<std::size_t>{} : handoffsOfRow(*m_data, g, static_cast<std::size_t>(row));
  const auto title = QString::fromStdString(cells[0] + " → " + cells[1]);
  m_waits->setChart(makeChart(waitBands(*m_data, m_selectedHandoffs,
                                        withheld ? tr("%1 (withheld)").arg(title)
                                                 : tr("Waits: %1").arg(title))));
  m_items->setTable(itemTable(*m_data, m_selectedHandoffs));
  m_itemPanel->setNote(m_selectedHandoffs.size() > 5000
                           ? tr("The first 5,000 of %1 handoffs.").arg(m_selectedHandoffs.size())
                           : QString());
  m_timeline->setTable(nullptr);
  if (m_items->rowCount() > 0) {
    auto* view = m_itemPanel->view();
    view->selectionModel()->setCurrentIndex(view->model()->index(0, 0),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
  }
}

void HandoffsPage::itemSelected() {
  if (!m_data) return;
  const auto current = m_itemPanel->view()->selectionModel()->currentIndex();
  if (!current.isValid()) return;
  const int row = m_itemPanel->proxy()->mapToSource(current).row();
  const auto handoff = std::stoul(m_items->table()->rows[static_cast<std::size_t>(row)].back());
  const auto item = m_data->result.handoffs[handoff].item;
  m_timeline->setTable(timelineTable(*m_data, item));
  m_timelinePanel->setTitle(tr("Timeline of %1").arg(QString::fromStdString(m_data->log.label(item))));
}

}  // namespace orglens::viewer
