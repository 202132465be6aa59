// Runs the viewer's heavy work on a thread pool: the analyses of a store under a filter, and
// imports. Each start() begins a new generation and cancels the previous one; results come
// back to the GUI thread by queued invocation tagged with their generation, and a result of
// an older generation is dropped there, so a page never shows data of a stale filter.
#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <memory>

#include "importers/import_file.h"
#include "viewer/snapshot.h"

namespace orglens::viewer {

class AnalysisRunner : public QObject {
  Q_OBJECT
 public:
  explicit AnalysisRunner(QObject* parent = nullptr);
  ~AnalysisRunner() override;  // cancels and waits for the jobs

  /// Analyses `storePath` under `filter` in stages (store info, report, handoffs, flow,
  /// network); returns the new generation.
  quint64 start(const QString& storePath, const Filter& filter);
  /// Imports `source` into `storePath` (created when missing); one import at a time.
  void startImport(const QString& storePath, const QString& source,
                   const importers::ImportOptions& options);
  /// Cancels the running analysis; its results are dropped.
  void cancel();
  /// Cancels the running import: nothing is written (one transaction).
  void cancelImport();
  quint64 generation() const { return m_generation.load(); }
  bool busy() const { return m_busy; }
  /// Blocks until every job ended (tests, shutdown).
  void waitForDone() { m_pool.waitForDone(); }

 signals:
  void progress(double fraction, const QString& phase);
  void storeInfoReady(std::shared_ptr<const orglens::viewer::StoreInfo> info);
  void reportReady(std::shared_ptr<const orglens::reports::Report> report);
  /// The filter asks for a report the rules refuse (a team smaller than the suppression
  /// rule allows); the other pages still get their results.
  void reportUnavailable(const QString& reason);
  void handoffsReady(std::shared_ptr<const orglens::viewer::HandoffData> data);
  void flowReady(std::shared_ptr<const orglens::viewer::FlowData> data);
  void networkReady(std::shared_ptr<const orglens::viewer::NetworkData> data);
  void finished(quint64 generation);
  void failed(const QString& message);
  void importProgress(double fraction, const QString& phase);
  void importFinished(std::shared_ptr<const orglens::importers::ImportOutcome> outcome);
  void importFailed(const QString& message);

 private:
  struct Job;
  void run(const std::shared_ptr<Job>& job);
  /// Calls `f` on the GUI thread unless `generation` is no longer the current one.
  template <class F>
  void deliver(quint64 generation, F f);

  QThreadPool m_pool;
  std::atomic<quint64> m_generation{0};
  std::shared_ptr<std::atomic<bool>> m_cancel;
  std::shared_ptr<std::atomic<bool>> m_importCancel;
  bool m_busy = false;
};

}  // namespace orglens::viewer
