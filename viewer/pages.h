// The viewer's pages. Each shows one kind of result (an immutable value from the
// AnalysisRunner) through its own models; none runs an analysis.
#pragma once

#include <QWidget>
#include <map>
#include <memory>

#include "viewer/snapshot.h"

class QComboBox;
class QGraphicsScene;
class QGraphicsView;
class QGridLayout;
class QLabel;
class QLineEdit;
class QCheckBox;
class QSlider;
class QSplitter;
class QVBoxLayout;

namespace orglens::viewer {

class ChartPanel;
class HeatmapModel;
class TableModel;
class TablePanel;
class NetworkItem;

/// Key figures and headline findings.
class OverviewPage : public QWidget {
  Q_OBJECT
 public:
  explicit OverviewPage(QWidget* parent = nullptr);
  void setStoreInfo(std::shared_ptr<const StoreInfo> info);
  void setReport(std::shared_ptr<const reports::Report> report);
  /// No report for this filter: says why where the findings go.
  void setUnavailable(const QString& reason);
  void clear();
  bool hasReport() const { return m_report != nullptr; }

 private:
  QLabel* addCard(int row, int column, const QString& title);
  void setCard(const QString& key, const QString& value, const QString& note = {});
  QLabel* m_heading;
  QLabel* m_findings;
  QGridLayout* m_cards;
  TableModel* m_measures;
  std::map<QString, std::pair<QLabel*, QLabel*>> m_cardLabels;
  std::shared_ptr<const reports::Report> m_report;
};

/// Handoff pairs (table, heatmap, wait distribution, drill-down to items and timelines).
class HandoffsPage : public QWidget {
  Q_OBJECT
 public:
  explicit HandoffsPage(QWidget* parent = nullptr);
  void setData(std::shared_ptr<const HandoffData> data);
  void clear() { setData(nullptr); }
  bool hasData() const { return m_data != nullptr; }
  /// Selects row `row` of the (sorted) pair table: chart and drill-down follow.
  void selectPair(int row);

 private:
  void showGrouping();
  void pairSelected();
  void itemSelected();
  std::shared_ptr<const HandoffData> m_data;
  QComboBox* m_grouping;
  TableModel* m_pairs;
  TablePanel* m_pairPanel;
  HeatmapModel* m_heatmap;
  ChartPanel* m_waits;
  TableModel* m_items;
  TablePanel* m_itemPanel;
  TableModel* m_timeline;
  TablePanel* m_timelinePanel;
  std::vector<std::size_t> m_selectedHandoffs;
};

/// The process map: activities and directly-follows edges, zoom and pan, frequency filter.
class FlowPage : public QWidget {
  Q_OBJECT
 public:
  explicit FlowPage(QWidget* parent = nullptr);
  void setData(std::shared_ptr<const FlowData> data);
  void clear() { setData(nullptr); }
  bool hasData() const { return m_data != nullptr; }
  QGraphicsView* view() const { return m_view; }

 private:
  void rebuild();
  std::shared_ptr<const FlowData> m_data;
  QGraphicsScene* m_scene;
  QGraphicsView* m_view;
  QSlider* m_frequency;
  QLabel* m_shown;
  TableModel* m_edges;
};

/// The people graph: coloured by team or community, sized by betweenness, search, brokers.
class NetworkPage : public QWidget {
  Q_OBJECT
 public:
  explicit NetworkPage(QWidget* parent = nullptr);
  void setData(std::shared_ptr<const NetworkData> data);
  void clear() { setData(nullptr); }
  bool hasData() const { return m_data != nullptr; }
  void setTeamFilter(const QString& team);
  /// Centres on the first person whose label contains `text`; false when none does.
  bool findPerson(const QString& text);

 private:
  void updateStyle();
  std::shared_ptr<const NetworkData> m_data;
  QGraphicsScene* m_scene;
  QGraphicsView* m_view;
  NetworkItem* m_item = nullptr;
  QComboBox* m_colourBy;
  QCheckBox* m_brokers;
  QLineEdit* m_search;
  QLabel* m_info;
  TableModel* m_people;
  TablePanel* m_peoplePanel;
  QString m_team;
  int m_found = -1;
};

/// Active share over time, tools × platform, departments, segments, champions.
class AdoptionPage : public QWidget {
  Q_OBJECT
 public:
  explicit AdoptionPage(QWidget* parent = nullptr);
  void setReport(std::shared_ptr<const reports::Report> report);
  /// No report for this filter: says why in place of the summary.
  void setUnavailable(const QString& reason);
  void clear() { setReport(nullptr); }
  bool hasData() const { return m_report != nullptr; }

 private:
  std::shared_ptr<const reports::Report> m_report;
  QLabel* m_summary;
  ChartPanel* m_trend;
  ChartPanel* m_tools;
  TableModel* m_departments;
  TableModel* m_segments;
  TableModel* m_champions;
  TablePanel* m_departmentPanel;
  TablePanel* m_championPanel;
};

}  // namespace orglens::viewer
