#include "viewer/widgets.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSvgGenerator>
#include <QTableView>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>
#include <cmath>

#include "viewer/table_model.h"

namespace orglens::viewer {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent), m_label(new QLabel(this)) {
  setObjectName("messageBar");
  m_label->setWordWrap(true);
  m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setAutoRaise(true);
  connect(close, &QToolButton::clicked, this, &QWidget::hide);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(10, 6, 6, 6);
  layout->addWidget(m_label, 1);
  layout->addWidget(close);
  hide();
}

void MessageBar::showMessage(const QString& text, const QString& style) {
  m_label->setText(text);
  setStyleSheet(style);
  show();
}

void MessageBar::showError(const QString& text) {
  showMessage(text, "orglens--viewer--MessageBar { background: #fdecea; border: 1px solid #e0a9a4;"
                    " border-radius: 4px; } QLabel { color: #7a1f17; }");
}

void MessageBar::showInfo(const QString& text) {
  showMessage(text, "orglens--viewer--MessageBar { background: #e8f1fb; border: 1px solid #a9c4e0;"
                    " border-radius: 4px; } QLabel { color: #1b3a5c; }");
}

QString MessageBar::text() const { return isHidden() ? QString() : m_label->text(); }

TablePanel::TablePanel(const QString& title, QAbstractItemModel* model, QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(title, this)),
      m_note(new QLabel(this)),
      m_filter(new QLineEdit(this)),
      m_view(new QTableView(this)),
      m_proxy(makeProxy(model, this)) {
  m_title->setStyleSheet("font-weight: bold;");
  m_note->setStyleSheet("color: #666;");
  m_note->setWordWrap(true);
  m_note->hide();
  m_filter->setPlaceholderText(tr("Filter…"));
  m_filter->setClearButtonEnabled(true);
  m_filter->setMaximumWidth(220);
  connect(m_filter, &QLineEdit::textChanged, m_proxy,
          [this](const QString& text) { m_proxy->setFilterFixedString(text); });
  auto* csv = new QPushButton(tr("CSV…"), this);
  csv->setObjectName("exportCsv");
  connect(csv, &QPushButton::clicked, this, [this, title] {
    const auto path = QFileDialog::getSaveFileName(this, tr("Export table"), title + ".csv",
                                                   tr("CSV (*.csv)"));
    if (!path.isEmpty() && !exportCsv(m_proxy, path))
      if (auto* bar = window()->findChild<MessageBar*>()) bar->showError(tr("Could not write %1").arg(path));
  });
  m_view->setModel(m_proxy);
  m_view->setSortingEnabled(true);
  // Rows start in the result's own order (ranked by the analysis); a click on a header sorts.
  m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  m_proxy->sort(-1);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setSelectionMode(QAbstractItemView::SingleSelection);
  m_view->setAlternatingRowColors(true);
  m_view->verticalHeader()->hide();
  m_view->verticalHeader()->setDefaultSectionSize(22);
  m_view->horizontalHeader()->setStretchLastSection(true);
  auto* top = new QHBoxLayout;
  top->addWidget(m_title, 1);
  top->addWidget(m_filter);
  top->addWidget(csv);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(m_view, 1);
  layout->addWidget(m_note);
  connect(model, &QAbstractItemModel::modelReset, m_view, [this] {
    m_view->resizeColumnsToContents();
    for (int c = 0; c < m_proxy->columnCount(); ++c)
      m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 260));
  });
}

void TablePanel::setTitle(const QString& title) { m_title->setText(title); }

void TablePanel::setNote(const QString& note) {
  m_note->setText(note);
  m_note->setVisible(!note.isEmpty());
}

ChartPanel::ChartPanel(QWidget* parent) : QWidget(parent), m_view(new QChartView(this)) {
  m_view->setRenderHint(QPainter::Antialiasing);
  m_view->setMinimumHeight(200);
  auto* png = new QToolButton(this);
  png->setText(tr("PNG…"));
  auto* svg = new QToolButton(this);
  svg->setText(tr("SVG…"));
  connect(png, &QToolButton::clicked, this, [this] { exportWidgetInteractive(m_view, "chart.png"); });
  connect(svg, &QToolButton::clicked, this, [this] { exportWidgetInteractive(m_view, "chart.svg"); });
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(png);
  buttons->addWidget(svg);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(m_view, 1);
  layout->addLayout(buttons);
  setChart(nullptr);
}

void ChartPanel::setChart(QChart* chart) {
  auto* old = m_view->chart();
  if (!chart) chart = new QChart;
  chart->setMargins(QMargins(4, 4, 4, 4));
  m_view->setChart(chart);
  delete old;  // QChartView::setChart does not delete the chart it showed
}

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QChart* barChart(const reports::Chart& c) {
  auto* series = new QBarSeries;
  for (const auto& s : c.series) {
    auto* set = new QBarSet(text(s.name));
    for (double v : s.values) *set << (std::isfinite(v) ? v : 0.0);
    series->append(set);
  }
  auto* chart = new QChart;
  chart->addSeries(series);
  auto* x = new QBarCategoryAxis;
  for (const auto& cat : c.categories) x->append(text(cat));
  x->setTitleText(text(c.xLabel));
  QFont small = x->labelsFont();
  small.setPointSizeF(7.5);
  x->setLabelsFont(small);
  auto* y = new QValueAxis;
  y->setTitleText(text(c.yLabel));
  y->setLabelFormat("%.0f");
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  double top = 0;
  for (const auto& s : c.series)
    for (double v : s.values) top = std::isfinite(v) ? std::max(top, v) : top;
  y->setRange(0, top > 0 ? top : 1);
  if (top > 0) y->applyNiceNumbers();
  chart->legend()->setVisible(c.series.size() > 1);
  return chart;
}

QChart* lineChart(const reports::Chart& c) {
  std::vector<qint64> xs;
  for (const auto& cat : c.categories) {
    const auto date = QDate::fromString(text(cat), Qt::ISODate);
    if (!date.isValid()) break;
    xs.push_back(QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
  }
  const bool dates = !xs.empty() && xs.size() == c.categories.size();
  auto* chart = new QChart;
  double top = 0;
  for (const auto& s : c.series) {
    auto* line = new QLineSeries;
    line->setName(text(s.name));
    for (std::size_t i = 0; i < s.values.size(); ++i)
      if (std::isfinite(s.values[i])) {
        line->append(dates ? static_cast<double>(xs[i]) : static_cast<double>(i), s.values[i]);
        top = std::max(top, s.values[i]);
      }
    chart->addSeries(line);
  }
  QAbstractAxis* x = nullptr;
  if (dates) {
    auto* axis = new QDateTimeAxis;
    axis->setFormat("yyyy-MM-dd");
    axis->setTickCount(6);
    x = axis;
  } else {
    x = new QValueAxis;
  }
  x->setTitleText(text(c.xLabel));
  auto* y = new QValueAxis;
  y->setTitleText(text(c.yLabel));
  y->setRange(0, c.unit == reports::Unit::Percent ? std::max(100.0, top) : std::max(1.0, top * 1.1));
  y->setLabelFormat("%.0f");
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  for (auto* s : chart->series()) s->attachAxis(x), s->attachAxis(y);
  chart->legend()->setVisible(c.series.size() > 1);
  return chart;
}

}  // namespace

QChart* makeChart(const reports::Chart& c) {
  QChart* chart = nullptr;
  if (c.kind == reports::ChartKind::Bar) chart = barChart(c);
  if (c.kind == reports::ChartKind::Line) chart = lineChart(c);
  if (!chart) return nullptr;
  chart->setTitle(text(c.title));
  chart->setToolTip(text(c.description));
  chart->setAnimationOptions(QChart::NoAnimation);
  return chart;
}

bool exportWidget(QWidget* widget, const QString& path) {
  if (path.endsWith(".svg", Qt::CaseInsensitive)) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(widget->size());
    svg.setViewBox(widget->rect());
    svg.setTitle(widget->objectName());
    QPainter painter;
    if (!painter.begin(&svg)) return false;
    widget->render(&painter);
    return painter.end();
  }
  return widget->grab().save(path);
}

bool exportCsv(const QAbstractItemModel* model, const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
  QTextStream out(&file);
  auto quote = [](QString s) {
    if (s.contains(',') || s.contains('"') || s.contains('\n'))
      s = '"' + s.replace("\"", "\"\"") + '"';
    return s;
  };
  QStringList cells;
  for (int c = 0; c < model->columnCount(); ++c)
    cells << quote(model->headerData(c, Qt::Horizontal).toString());
  out << cells.join(',') << '\n';
  for (int r = 0; r < model->rowCount(); ++r) {
    cells.clear();
    for (int c = 0; c < model->columnCount(); ++c) {
      auto v = model->data(model->index(r, c), kRawRole);
      if (!v.isValid()) v = model->data(model->index(r, c), Qt::DisplayRole);
      cells << quote(v.toString());
    }
    out << cells.join(',') << '\n';
  }
  out.flush();
  return file.error() == QFile::NoError;
}

void exportWidgetInteractive(QWidget* widget, const QString& name) {
  const auto path = QFileDialog::getSaveFileName(widget, QObject::tr("Export"), name,
                                                 QObject::tr("PNG image (*.png);;SVG image (*.svg)"));
  if (path.isEmpty() || exportWidget(widget, path)) return;
  if (auto* bar = widget->window()->findChild<MessageBar*>())
    bar->showError(QObject::tr("Could not write %1").arg(path));
}

namespace {

class ZoomFilter : public QObject {
 public:
  explicit ZoomFilter(QGraphicsView* view) : QObject(view), m_view(view) {}
  bool eventFilter(QObject*, QEvent* event) override {
    if (event->type() != QEvent::Wheel) return false;
    const auto* wheel = static_cast<QWheelEvent*>(event);
    const double factor = std::pow(1.0015, wheel->angleDelta().y());
    m_view->scale(factor, factor);
    return true;
  }

 private:
  QGraphicsView* m_view;
};

}  // namespace

void makeZoomable(QGraphicsView* view) {
  view->setDragMode(QGraphicsView::ScrollHandDrag);
  view->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  view->setRenderHint(QPainter::Antialiasing);
  view->viewport()->installEventFilter(new ZoomFilter(view));
}

}  // namespace orglens::viewer
