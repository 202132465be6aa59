// Building blocks of the pages: a non-modal message bar, a filterable table with CSV export,
// a chart with PNG/SVG export, and the conversion of the report's charts into Qt Charts.
#pragma once

#include <QFrame>
#include <QWidget>
#include <memory>

#include "reports/report.h"

class QChart;
class QChartView;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QAbstractItemModel;
class QGraphicsView;

namespace orglens::viewer {

/// An inline bar above the pages for errors and notices: never a modal box.
class MessageBar : public QFrame {
  Q_OBJECT
 public:
  explicit MessageBar(QWidget* parent = nullptr);
  void showError(const QString& text);
  void showInfo(const QString& text);
  QString text() const;

 private:
  void showMessage(const QString& text, const QString& style);
  QLabel* m_label;
};

/// A title, a filter box, a sortable table over `model` through a proxy, and "CSV…".
class TablePanel : public QWidget {
  Q_OBJECT
 public:
  TablePanel(const QString& title, QAbstractItemModel* model, QWidget* parent = nullptr);
  QTableView* view() const { return m_view; }
  QSortFilterProxyModel* proxy() const { return m_proxy; }
  void setTitle(const QString& title);
  void setNote(const QString& note);

 private:
  QLabel* m_title;
  QLabel* m_note;
  QLineEdit* m_filter;
  QTableView* m_view;
  QSortFilterProxyModel* m_proxy;
};

/// A QChartView with "PNG…" and "SVG…" buttons.
class ChartPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ChartPanel(QWidget* parent = nullptr);
  /// Takes ownership of `chart` (nullptr: an empty chart).
  void setChart(QChart* chart);
  QChartView* view() const { return m_view; }

 private:
  QChartView* m_view;
};

/// A Qt chart of a report chart: Bar (grouped bars), Line (dates on x when every category is
/// an ISO date). nullptr for other kinds.
QChart* makeChart(const reports::Chart& chart);

/// Writes `widget` as PNG (grab) or SVG (QSvgGenerator) by the file's suffix; false on error.
bool exportWidget(QWidget* widget, const QString& path);
/// Writes the rows of `model` (as sorted and filtered) as CSV with the raw cell texts.
bool exportCsv(const QAbstractItemModel* model, const QString& path);
/// Asks for a file name and exports `widget` (PNG or SVG); errors go to the message bar.
void exportWidgetInteractive(QWidget* widget, const QString& name);

/// Mouse-wheel zoom and drag-to-pan for a QGraphicsView.
void makeZoomable(QGraphicsView* view);

}  // namespace orglens::viewer
