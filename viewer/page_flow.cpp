// The Flow page: the process map as a scene (activities in layers by their mean position in
// the items; directly-follows edges as curves, width by frequency, colour by median wait).
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "reports/analysis_tables.h"
#include "viewer/pages.h"
#include "viewer/table_model.h"
#include "viewer/widgets.h"

namespace orglens::viewer {

namespace {

constexpr double kNodeW = 180, kNodeH = 46, kLayerGap = 120, kColumnGap = 250;

/// Green (short) to red (long) on a log scale between the shortest and longest median.
QColor waitColour(double median, double lo, double hi) {
  const double t = hi > lo ? (std::log1p(median) - std::log1p(lo)) / (std::log1p(hi) - std::log1p(lo)) : 0;
  return QColor::fromHsvF(0.33 * (1 - std::clamp(t, 0.0, 1.0)), 0.85, 0.8);
}

/// Connected parts of the map (one per process when a store holds several), by node.
std::vector<std::size_t> components(const FlowData& d) {
  std::vector<std::size_t> parent(d.nodes.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](std::size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const auto& e : d.result.edges) parent[find(d.node(e.from))] = find(d.node(e.to));
  for (std::size_t v = 0; v < parent.size(); ++v) parent[v] = find(v);
  return parent;
}

/// Node centres: each connected part in its own column block, largest first; inside a part,
/// layers by mean position in the items (nodes within 0.04 of each other share a layer).
std::vector<QPointF> placeNodes(const FlowData& d) {
  const auto part = components(d);
  std::map<std::size_t, std::vector<std::size_t>> parts;
  for (std::size_t v = 0; v < part.size(); ++v) parts[part[v]].push_back(v);
  std::vector<std::vector<std::size_t>> ordered;
  for (auto& [root, nodes] : parts) ordered.push_back(std::move(nodes));
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<QPointF> at(d.nodes.size());
  double x = 0;
  for (auto& nodes : ordered) {
    std::stable_sort(nodes.begin(), nodes.end(),
                     [&](auto a, auto b) { return d.nodes[a].position < d.nodes[b].position; });
    std::vector<std::vector<std::size_t>> layers;
    for (auto v : nodes) {
      if (layers.empty() || d.nodes[v].position - d.nodes[layers.back().front()].position > 0.04)
        layers.emplace_back();
      layers.back().push_back(v);
    }
    std::size_t widest = 1;
    for (const auto& l : layers) widest = std::max(widest, l.size());
    const double centre = x + static_cast<double>(widest - 1) * kColumnGap / 2;
    for (std::size_t y = 0; y < layers.size(); ++y)
      for (std::size_t i = 0; i < layers[y].size(); ++i)
        at[layers[y][i]] = QPointF(centre + (static_cast<double>(i) - static_cast<double>(layers[y].size() - 1) / 2) * kColumnGap,
                                   static_cast<double>(y) * kLayerGap);
    x += static_cast<double>(widest) * kColumnGap + 40;
  }
  return at;
}

void addEdge(QGraphicsScene* scene, QPointF a, QPointF b, double width, const QColor& colour,
             const QString& tip) {
  QPainterPath path;
  QPointF end;
  if (a == b) {  // a self-loop on the node's right side
    path.moveTo(a + QPointF(kNodeW / 2, -8));
    path.cubicTo(a + QPointF(kNodeW / 2 + 50, -40), a + QPointF(kNodeW / 2 + 50, 40),
                 end = a + QPointF(kNodeW / 2, 8));
  } else {
    const bool down = b.y() > a.y();
    const QPointF from = a + QPointF(0, down ? kNodeH / 2 : -kNodeH / 2);
    end = b + QPointF(0, down ? -kNodeH / 2 : kNodeH / 2);
    // Edges going back up bow out sideways so that they do not hide the forward ones.
    const double bow = down ? 0 : 160;
    path.moveTo(from);
    path.cubicTo(from + QPointF(bow, down ? 50 : -50), end + QPointF(bow, down ? -50 : 50), end);
  }
  auto* item = scene->addPath(path, QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
  item->setToolTip(tip);
  item->setZValue(0);
  // Arrowhead along the curve's last direction.
  const double angle = path.angleAtPercent(1) * std::numbers::pi / 180;
  const QPointF dir(std::cos(angle), -std::sin(angle)), side(-dir.y(), dir.x());
  const double s = 6 + width;
  QPolygonF head({end, end - dir * s + side * s * 0.5, end - dir * s - side * s * 0.5});
  scene->addPolygon(head, QPen(Qt::NoPen), colour)->setZValue(0.5);
}

}  // namespace

FlowPage::FlowPage(QWidget* parent)
    : QWidget(parent),
      m_scene(new QGraphicsScene(this)),
      m_view(new QGraphicsView(m_scene, this)),
      m_frequency(new QSlider(Qt::Horizontal, this)),
      m_shown(new QLabel(this)),
      m_edges(new TableModel(this)) {
  setObjectName("flowPage");
  m_view->setObjectName("flowMap");
  m_view->setBackgroundBrush(QColor("#fbfcfd"));
  makeZoomable(m_view);
  m_frequency->setObjectName("flowFrequency");
  m_frequency->setRange(0, 100);
  m_frequency->setValue(5);
  m_frequency->setMaximumWidth(260);
  connect(m_frequency, &QSlider::valueChanged, this, [this] { rebuild(); });
  auto* fit = new QToolButton(this);
  fit->setText(tr("Fit"));
  connect(fit, &QToolButton::clicked, this,
          [this] { m_view->fitInView(m_scene->itemsBoundingRect(), Qt::KeepAspectRatio); });
  auto* png = new QToolButton(this);
  png->setText(tr("PNG/SVG…"));
  connect(png, &QToolButton::clicked, this, [this] { exportWidgetInteractive(m_view, "flow.png"); });
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Edge frequency at least"), this));
  bar->addWidget(m_frequency);
  bar->addWidget(m_shown);
  bar->addStretch(1);
  bar->addWidget(new QLabel(tr("width = frequency, colour = median wait (green short, red long); "
                               "wheel zooms, drag pans"),
                            this));
  bar->addWidget(fit);
  bar->addWidget(png);
  auto* table = new TablePanel(tr("Directly-follows edges"), m_edges, this);
  table->setObjectName("flowEdges");
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_view);
  split->addWidget(table);
  split->setSizes({900, 420});
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(bar);
  layout->addWidget(split, 1);
}

void FlowPage::setData(std::shared_ptr<const FlowData> data) {
  m_data = std::move(data);
  m_edges->setTable(m_data ? std::shared_ptr<const reports::Table>(m_data, &m_data->edges)
                           : nullptr);
  rebuild();
  if (m_data) m_view->fitInView(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
}

void FlowPage::rebuild() {
  m_scene->clear();
  if (!m_data || m_data->nodes.empty()) {
    m_shown->setText(m_data ? tr("no work items in the window") : QString());
    return;
  }
  const auto& d = *m_data;
  const auto at = placeNodes(d);
  std::uint64_t most = 1;
  double lo = 1e300, hi = 0;
  for (const auto& e : d.result.edges) {
    most = std::max(most, e.duration.count);
    lo = std::min(lo, e.duration.median), hi = std::max(hi, e.duration.median);
  }
  const double f = m_frequency->value() / 100.0;
  const double threshold = static_cast<double>(most) * f * f;  // fine control at the low end
  std::size_t shown = 0;
  for (const auto& e : d.result.edges) {
    if (static_cast<double>(e.duration.count) < threshold) continue;
    ++shown;
    const double width = 1 + 9 * static_cast<double>(e.duration.count) / static_cast<double>(most);
    const auto tip = QString::fromStdString(d.nodes[d.node(e.from)].activity + " → " +
                                            d.nodes[d.node(e.to)].activity + ": " +
                                            reports::groupDigits(e.duration.count) +
                                            " times, median " +
                                            reports::formatDuration(e.duration.median));
    addEdge(m_scene, at[d.node(e.from)], at[d.node(e.to)], width,
            waitColour(e.duration.median, lo, hi), tip);
  }
  std::uint64_t busiest = 1;
  for (const auto& n : d.nodes) busiest = std::max(busiest, n.events);
  for (std::size_t v = 0; v < d.nodes.size(); ++v) {
    const double share = static_cast<double>(d.nodes[v].events) / static_cast<double>(busiest);
    QPainterPath box;
    box.addRoundedRect(QRectF(-kNodeW / 2, -kNodeH / 2, kNodeW, kNodeH), 10, 10);
    auto* node = m_scene->addPath(box, QPen(QColor("#2f5d8a"), 1.5),
                                  QColor::fromHsvF(0.58, 0.1 + 0.45 * share, 1.0 - 0.15 * share));
    node->setPos(at[v]);
    node->setZValue(1);
    auto* label = new QGraphicsSimpleTextItem(
        QString::fromStdString(d.nodes[v].activity) + "\n" +
            QString::fromStdString(reports::groupDigits(d.nodes[v].events)) + tr(" events"),
        node);
    QFont font = label->font();
    font.setPointSizeF(9);
    label->setFont(font);
    const auto r = label->boundingRect();
    label->setPos(-r.width() / 2, -r.height() / 2);
    node->setToolTip(QString::fromStdString(d.nodes[v].activity));
  }
  m_shown->setText(tr("%1 of %2 edges").arg(shown).arg(d.result.edges.size()));
  m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-100, -100, 100, 100));
}

}  // namespace orglens::viewer
