// The viewer's main window: the store, the global filter (time range, team, privacy), the
// pages, the message bar, progress and cancel. Results come from one AnalysisRunner.
#pragma once

#include <QMainWindow>
#include <QStringList>

#include "viewer/snapshot.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTimer;

namespace orglens::viewer {

class AnalysisRunner;
class MessageBar;
class OverviewPage;
class HandoffsPage;
class FlowPage;
class NetworkPage;
class AdoptionPage;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a store and analyses it; a missing or unreadable file shows in the message bar.
  void openStore(const QString& path);
  /// The page names of --page: overview, handoffs, flow, network, adoption.
  static QStringList pageNames();
  /// Shows a page by name; false for an unknown name.
  bool setPage(const QString& name);
  /// True when the page's results of the current filter arrived.
  bool pageReady(const QString& name) const;
  void setFilter(const Filter& filter);
  Filter filter() const { return m_filter; }
  AnalysisRunner* runner() const { return m_runner; }
  MessageBar* messageBar() const { return m_message; }
  /// Opens the import dialog (optionally with a source file filled in).
  void showImportDialog(const QString& source = {});

 signals:
  /// Every stage of the current generation arrived (or it failed: ok false).
  void analysisDone(bool ok);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildMenus();
  QWidget* buildFilterBar();
  void connectRunner();
  void startAnalysis();
  void filterChanged();
  void rememberRecent(const QString& path);
  void updateRecentMenu();
  void storeInfoArrived(std::shared_ptr<const StoreInfo> info);

  AnalysisRunner* m_runner;
  MessageBar* m_message;
  QTabWidget* m_tabs;
  OverviewPage* m_overview;
  HandoffsPage* m_handoffs;
  FlowPage* m_flow;
  NetworkPage* m_network;
  AdoptionPage* m_adoption;
  QDateEdit* m_from;
  QDateEdit* m_to;
  QComboBox* m_team;
  QCheckBox* m_privacy;
  QProgressBar* m_progress;
  QPushButton* m_cancel;
  QLabel* m_status;
  QMenu* m_recent;
  QTimer* m_debounce;
  QString m_path;
  Filter m_filter;
  bool m_updatingFilter = false;
};

}  // namespace orglens::viewer
