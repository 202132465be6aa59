// Item models over the immutable results: one model per view; sorting and filtering happen in
// a QSortFilterProxyModel on top (makeProxy), sorting by kSortRole (numbers as numbers).
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <memory>

#include "reports/report.h"

namespace orglens::viewer {

/// Roles beyond Qt's: the value to sort by (double for numeric columns, text otherwise) and
/// the cell's raw text (seconds, not "3.2 d": what CSV export writes).
inline constexpr int kSortRole = Qt::UserRole + 1;
inline constexpr int kRawRole = Qt::UserRole + 2;

/// A reports::Table: numeric cells are shown in their unit ("3.2 d", "41.0%", "1,234"),
/// suppressed cells greyed with a tooltip naming the privacy rule.
class TableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  explicit TableModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}
  void setTable(std::shared_ptr<const reports::Table> table);
  const reports::Table* table() const { return m_table.get(); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::shared_ptr<const reports::Table> m_table;
};

/// A heatmap chart (rows × categories) as a table: the cell's colour is its value on a
/// logarithmic scale from the smallest to the largest; NaN cells are empty.
class HeatmapModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  explicit HeatmapModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}
  void setChart(std::shared_ptr<const reports::Chart> chart);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  std::shared_ptr<const reports::Chart> m_chart;
  double m_min = 0, m_max = 0;
};

/// A cell as people read it: the unit's format, or the text itself.
QString formatCell(const std::string& text, reports::Unit unit);

/// A proxy that sorts by kSortRole and filters on every column, case-insensitively.
QSortFilterProxyModel* makeProxy(QAbstractItemModel* source, QObject* parent);

}  // namespace orglens::viewer
