// Imports a source file (event log, mbox, Slack export, roster, usage log, OCEL, git log)
// into a store off the GUI thread, with progress, cancel and the import's diagnostics.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace orglens::viewer {

class AnalysisRunner;

class ImportDialog : public QDialog {
  Q_OBJECT
 public:
  /// `store`: the open store (empty: a new one next to the source); `source` pre-filled.
  ImportDialog(AnalysisRunner* runner, const QString& store, const QString& source,
               QWidget* parent = nullptr);

 signals:
  /// The import finished and the user asked to open the store.
  void openStore(const QString& path);

 private:
  void startImport();
  AnalysisRunner* m_runner;
  QLineEdit* m_source;
  QLineEdit* m_store;
  QProgressBar* m_progress;
  QLabel* m_status;
  QPlainTextEdit* m_diagnostics;
  QPushButton* m_import;
  QPushButton* m_open;
  bool m_running = false;
};

}  // namespace orglens::viewer
