// The Network page: the people graph drawn by one item that culls to the exposed rectangle and
// chooses its level of detail from the zoom (strongest ties only and no labels when zoomed
// out), so that 10,000 people pan smoothly.
#include <QCheckBox>
#include <QComboBox>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyleOptionGraphicsItem>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>

#include "reports/table.h"
#include "viewer/pages.h"
#include "viewer/table_model.h"
#include "viewer/widgets.h"

namespace orglens::viewer {

namespace {

constexpr double kScale = 1000;  // layout units ([-1, 1]) to scene units

QColor paletteColour(std::uint32_t i) {
  static const QColor kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
                                    "#393b79", "#ad494a"};
  if (i < std::size(kColours)) return kColours[i];
  return QColor::fromHsv(static_cast<int>((i * 137) % 360), 160, 200);
}

}  // namespace

class NetworkItem : public QGraphicsItem {
 public:
  explicit NetworkItem(std::shared_ptr<const NetworkData> data) : m_data(std::move(data)) {
    for (std::size_t i = 0; i < m_data->teams.size(); ++i)
      m_teamIndex[m_data->teams[i]] = static_cast<std::uint32_t>(i);
    for (const auto& p : m_data->people) m_maxB = std::max(m_maxB, p.betweenness);
    m_rect = QRectF(-1.3 * kScale, -1.3 * kScale, 2.6 * kScale, 2.6 * kScale);
    // The ten most central people: labelled at every zoom when brokers are highlighted.
    std::vector<std::uint32_t> order(m_data->people.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto top = std::min<std::size_t>(10, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](auto a, auto b) {
                        return m_data->people[a].betweenness > m_data->people[b].betweenness;
                      });
    m_top.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top));
  }
  QRectF boundingRect() const override { return m_rect; }
  QPointF at(std::size_t v) const {
    return {m_data->people[v].x * kScale, m_data->people[v].y * kScale};
  }
  double radius(std::size_t v) const {
    return 4 + 22 * std::sqrt(m_maxB > 0 ? m_data->people[v].betweenness / m_maxB : 0);
  }
  void setStyle(bool byCommunity, bool brokers, const QString& team, int found) {
    m_byCommunity = byCommunity, m_brokers = brokers, m_team = team.toStdString(), m_found = found;
    update();
  }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF exposed = option->exposedRect;
    paintTies(painter, lod, exposed);
    paintPeople(painter, lod, exposed);
  }

 private:
  QColor colourOf(std::size_t v) const {
    const auto& p = m_data->people[v];
    QColor c = paletteColour(m_byCommunity ? p.community : m_teamIndex.at(p.team));
    if (!m_team.empty() && p.team != m_team) c = QColor(200, 200, 200);
    return c;
  }
  void paintTies(QPainter* painter, double lod, const QRectF& exposed) const {
    // Zoomed out: only the strongest ties (a budget that grows with the zoom).
    const auto budget = static_cast<std::size_t>(4000 * std::max(1.0, lod * lod));
    const auto count = std::min(budget, m_data->ties.size());
    QPen pen(QColor(90, 100, 120, m_data->ties.size() > 20000 ? 35 : 60), 0);
    painter->setPen(pen);
    std::vector<QLineF> lines;
    lines.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const auto& t = m_data->ties[i];
      const QLineF line(at(t.a), at(t.b));
      if (exposed.contains(line.p1()) || exposed.contains(line.p2()) ||
          exposed.intersects(QRectF(line.p1(), line.p2()).normalized()))
        lines.push_back(line);
    }
    painter->drawLines(lines.data(), static_cast<int>(lines.size()));
  }
  void paintPeople(QPainter* painter, double lod, const QRectF& exposed) const {
    const bool labels = lod > 1.8;
    QFont font = painter->font();
    font.setPointSizeF(7);
    painter->setFont(font);
    for (std::size_t v = 0; v < m_data->people.size(); ++v) {
      const double r = radius(v);
      const QPointF c = at(v);
      if (!exposed.intersects(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r).adjusted(-60, -20, 60, 20)))
        continue;
      const auto& p = m_data->people[v];
      const bool broker = m_brokers && (p.articulation || std::count(m_top.begin(), m_top.end(), v));
      painter->setPen(broker ? QPen(Qt::black, 3, Qt::SolidLine) : QPen(Qt::white, 0.8));
      painter->setBrush(colourOf(v));
      painter->drawEllipse(c, r, r);
      if (static_cast<int>(v) == m_found) {
        painter->setPen(QPen(QColor("#d62728"), 4));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(c, r + 12, r + 12);
      }
      if (labels || static_cast<int>(v) == m_found ||
          (m_brokers && std::count(m_top.begin(), m_top.end(), v))) {
        painter->setPen(Qt::black);
        painter->drawText(c + QPointF(r + 2, 3), QString::fromStdString(p.label));
      }
    }
  }

  std::shared_ptr<const NetworkData> m_data;
  std::map<std::string, std::uint32_t> m_teamIndex;
  std::vector<std::uint32_t> m_top;
  double m_maxB = 0;
  QRectF m_rect;
  bool m_byCommunity = false, m_brokers = true;
  std::string m_team;
  int m_found = -1;
};

NetworkPage::NetworkPage(QWidget* parent)
    : QWidget(parent),
      m_scene(new QGraphicsScene(this)),
      m_view(new QGraphicsView(m_scene, this)),
      m_colourBy(new QComboBox(this)),
      m_brokers(new QCheckBox(tr("Highlight brokers and articulation points"), this)),
      m_search(new QLineEdit(this)),
      m_info(new QLabel(this)),
      m_people(new TableModel(this)) {
  setObjectName("networkPage");
  m_view->setObjectName("networkView");
  m_view->setBackgroundBrush(QColor("#fbfcfd"));
  m_view->setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
  makeZoomable(m_view);
  m_colourBy->addItems({tr("Colour by team"), tr("Colour by community")});
  m_brokers->setChecked(true);
  m_search->setObjectName("networkSearch");
  m_search->setPlaceholderText(tr("Find a person…"));
  m_search->setClearButtonEnabled(true);
  m_search->setMaximumWidth(200);
  m_info->setWordWrap(true);
  connect(m_colourBy, &QComboBox::currentIndexChanged, this, [this] { updateStyle(); });
  connect(m_brokers, &QCheckBox::toggled, this, [this] { updateStyle(); });
  connect(m_search, &QLineEdit::returnPressed, this, [this] { findPerson(m_search->text()); });
  auto* png = new QToolButton(this);
  png->setText(tr("PNG/SVG…"));
  connect(png, &QToolButton::clicked, this, [this] { exportWidgetInteractive(m_view, "network.png"); });
  m_peoplePanel = new TablePanel(tr("People by betweenness"), m_people, this);
  m_peoplePanel->setObjectName("networkPeople");
  connect(m_peoplePanel->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            if (!current.isValid()) return;
            const auto row = m_peoplePanel->proxy()->mapToSource(current).row();
            findPerson(QString::fromStdString(m_people->table()->rows[static_cast<std::size_t>(row)][0]));
          });
  auto* bar = new QHBoxLayout;
  bar->addWidget(m_colourBy);
  bar->addWidget(m_brokers);
  bar->addWidget(m_search);
  bar->addStretch(1);
  bar->addWidget(png);
  auto* left = new QWidget(this);
  auto* ll = new QVBoxLayout(left);
  ll->setContentsMargins(0, 0, 0, 0);
  ll->addWidget(m_view, 1);
  ll->addWidget(m_info);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(left);
  split->addWidget(m_peoplePanel);
  split->setSizes({900, 400});
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(bar);
  layout->addWidget(split, 1);
}

void NetworkPage::setData(std::shared_ptr<const NetworkData> data) {
  m_data = std::move(data);
  m_scene->clear();
  m_item = nullptr;
  m_people->setTable(nullptr);
  m_info->clear();
  if (!m_data) return;
  m_item = new NetworkItem(m_data);
  // Drawn once per zoom into a device-pixel cache: panning then copies pixels instead of
  // drawing 10,000 people and their ties again (style changes and zooms redraw it).
  m_item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
  m_scene->addItem(m_item);
  m_scene->setSceneRect(m_item->boundingRect());
  auto table = std::make_shared<reports::Table>();
  using reports::Align;
  table->columns = {{"person"}, {"team"}, {"community", Align::Right, true},
                    {"betweenness", Align::Right, true}, {"articulation point"}};
  for (const auto& p : m_data->people)
    table->addRow({p.label, p.team, std::to_string(p.community), reports::formatFixed(p.betweenness, 4),
                   p.articulation ? "yes" : ""});
  m_people->setTable(table);
  m_peoplePanel->view()->sortByColumn(3, Qt::DescendingOrder);
  QString legend;
  for (std::size_t i = 0; i < m_data->teams.size() && i < 16; ++i)
    legend += QString("<span style='color:%1'>■</span> %2 &nbsp; ")
                  .arg(paletteColour(static_cast<std::uint32_t>(i)).name(),
                       QString::fromStdString(m_data->teams[i]).toHtmlEscaped());
  m_info->setText(tr("%1 people, %2 ties; size = betweenness%3; layout %4 s. ")
                      .arg(m_data->people.size())
                      .arg(m_data->ties.size())
                      .arg(m_data->estimated ? tr(" (estimated from sampled sources)") : QString())
                      .arg(m_data->layoutSeconds, 0, 'f', 2) +
                  legend);
  updateStyle();
  m_view->fitInView(m_item->boundingRect(), Qt::KeepAspectRatio);
}

void NetworkPage::setTeamFilter(const QString& team) {
  m_team = team;
  updateStyle();
}

void NetworkPage::updateStyle() {
  if (m_item) m_item->setStyle(m_colourBy->currentIndex() == 1, m_brokers->isChecked(), m_team, m_found);
}

bool NetworkPage::findPerson(const QString& text) {
  if (!m_data || !m_item || text.isEmpty()) return false;
  for (std::size_t v = 0; v < m_data->people.size(); ++v)
    if (QString::fromStdString(m_data->people[v].label).contains(text, Qt::CaseInsensitive)) {
      m_found = static_cast<int>(v);
      updateStyle();
      m_view->centerOn(m_item->at(v));
      return true;
    }
  return false;
}

}  // namespace orglens::viewer
