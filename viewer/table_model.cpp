#include "viewer/table_model.h"

#include <QColor>
#include <QFont>
#include <cmath>
#include <limits>

#include "reports/analysis_tables.h"

namespace orglens::viewer {

namespace {

bool parseNumber(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end && *end == '\0' && std::isfinite(value);
}

}  // namespace

QString formatCell(const std::string& text, reports::Unit unit) {
  double v = 0;
  if (unit == reports::Unit::None || !parseNumber(text, v)) return QString::fromStdString(text);
  switch (unit) {
    case reports::Unit::Seconds: return QString::fromStdString(reports::formatDuration(v));
    case reports::Unit::Percent: return QString::number(v, 'f', 1) + QLatin1Char('%');
    case reports::Unit::Count:
      return v >= 0 && v == std::floor(v)
                 ? QString::fromStdString(reports::groupDigits(static_cast<std::uint64_t>(v)))
                 : QString::number(v);
    case reports::Unit::None: break;
  }
  return QString::fromStdString(text);
}

void TableModel::setTable(std::shared_ptr<const reports::Table> table) {
  beginResetModel();
  m_table = std::move(table);
  endResetModel();
}

int TableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->rows.size());
}

int TableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->columns.size());
}

QVariant TableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
      !m_table)
    return {};
  const auto& column = m_table->columns[static_cast<std::size_t>(index.column())];
  const auto& row = m_table->rows[static_cast<std::size_t>(index.row())];
  const std::string empty;
  const auto& cell = static_cast<std::size_t>(index.column()) < row.size()
                         ? row[static_cast<std::size_t>(index.column())]
                         : empty;
  const bool suppressed = cell == reports::kSuppressedCell;
  switch (role) {
    case Qt::DisplayRole: return formatCell(cell, column.unit);
    case kRawRole: return QString::fromStdString(cell);
    case kSortRole: {
      double v = 0;
      if (!column.numeric) return QString::fromStdString(cell);
      // Suppressed and empty cells sort below every number.
      return parseNumber(cell, v) ? v : -std::numeric_limits<double>::infinity();
    }
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignVCenter |
                                 (column.align == reports::Align::Right ? Qt::AlignRight
                                                                        : Qt::AlignLeft));
    case Qt::ForegroundRole:
      return suppressed ? QVariant(QColor(Qt::gray)) : QVariant();
    case Qt::ToolTipRole:
      return suppressed ? QVariant(tr("Withheld by the privacy rules: fewer people behind "
                                      "this figure than the minimum group size"))
                        : QVariant();
    default: return {};
  }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || !m_table) return {};
  if (orientation == Qt::Vertical) return section + 1;
  if (section < 0 || section >= columnCount()) return {};
  return QString::fromStdString(m_table->columns[static_cast<std::size_t>(section)].name);
}

void HeatmapModel::setChart(std::shared_ptr<const reports::Chart> chart) {
  beginResetModel();
  m_chart = std::move(chart);
  m_min = std::numeric_limits<double>::infinity();
  m_max = 0;
  if (m_chart)
    for (const auto& s : m_chart->series)
      for (double v : s.values)
        if (std::isfinite(v)) m_min = std::min(m_min, v), m_max = std::max(m_max, v);
  endResetModel();
}

int HeatmapModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !m_chart ? 0 : static_cast<int>(m_chart->rows.size());
}

int HeatmapModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !m_chart ? 0 : static_cast<int>(m_chart->categories.size());
}

QVariant HeatmapModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
      !m_chart)
    return {};
  const auto& values = m_chart->series[static_cast<std::size_t>(index.row())].values;
  const double v = static_cast<std::size_t>(index.column()) < values.size()
                       ? values[static_cast<std::size_t>(index.column())]
                       : std::nan("");
  if (!std::isfinite(v)) return role == kSortRole ? QVariant(-1.0) : QVariant();
  // Position on a log scale: waits span seconds to weeks.
  const double lo = std::log1p(std::max(m_min, 0.0)), hi = std::log1p(m_max);
  const double t = hi > lo ? (std::log1p(v) - lo) / (hi - lo) : 0.5;
  switch (role) {
    case Qt::DisplayRole:
      return formatCell(reports::formatFixed(v, 3), m_chart->unit);
    case kSortRole:
    case kRawRole: return v;
    case Qt::BackgroundRole:
      // From pale yellow (short waits) to deep red (long waits).
      return QColor::fromHsvF(0.15 * (1 - t), 0.15 + 0.8 * t, 1.0 - 0.3 * t);
    case Qt::ForegroundRole: return t > 0.65 ? QColor(Qt::white) : QColor(Qt::black);
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case Qt::ToolTipRole:
      return QString::fromStdString(m_chart->rows[static_cast<std::size_t>(index.row())] +
                                    " → " +
                                    m_chart->categories[static_cast<std::size_t>(index.column())] +
                                    ": median wait " + reports::formatDuration(v));
    default: return {};
  }
}

QVariant HeatmapModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || !m_chart || section < 0) return {};
  const auto& labels = orientation == Qt::Horizontal ? m_chart->categories : m_chart->rows;
  return static_cast<std::size_t>(section) < labels.size()
             ? QString::fromStdString(labels[static_cast<std::size_t>(section)])
             : QVariant();
}

QSortFilterProxyModel* makeProxy(QAbstractItemModel* source, QObject* parent) {
  auto* proxy = new QSortFilterProxyModel(parent);
  proxy->setSourceModel(source);
  proxy->setSortRole(kSortRole);
  proxy->setFilterKeyColumn(-1);
  proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  return proxy;
}

}  // namespace orglens::viewer
