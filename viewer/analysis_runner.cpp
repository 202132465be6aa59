#include "viewer/analysis_runner.h"

#include <QMetaObject>
#include <chrono>
#include <future>

namespace orglens::viewer {

namespace {

/// model::Progress for a pool job: throttled (at most every 50 ms) reports sent to the GUI
/// thread, cancellation from a shared flag. `stage`/`stages` map a pass onto the whole job.
class JobProgress final : public model::Progress {
 public:
  using Sink = std::function<void(double, QString)>;
  JobProgress(std::shared_ptr<std::atomic<bool>> cancel, Sink sink)
      : m_cancel(std::move(cancel)), m_sink(std::move(sink)) {}
  void setStage(int stage, int stages) {
    m_stage = stage;
    m_stages = stages;
    report(0, "starting");
  }
  void report(double fraction, std::string_view phase) override {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last < std::chrono::milliseconds(50) && fraction < 1) return;
    m_last = now;
    const double overall = (m_stage + std::clamp(fraction, 0.0, 1.0)) / m_stages;
    m_sink(overall, QString::fromUtf8(phase.data(), static_cast<qsizetype>(phase.size())));
  }
  bool cancelled() const override { return m_cancel->load(); }

 private:
  std::shared_ptr<std::atomic<bool>> m_cancel;
  Sink m_sink;
  int m_stage = 0, m_stages = 1;
  std::chrono::steady_clock::time_point m_last{};
};

}  // namespace

struct AnalysisRunner::Job {
  quint64 generation;
  std::string path;
  Filter filter;
  std::shared_ptr<std::atomic<bool>> cancel;
};

AnalysisRunner::AnalysisRunner(QObject* parent) : QObject(parent) {
  // Two workers: the newest analysis can start while a cancelled one winds down, and an
  // import runs beside an analysis. The analyses are parallel inside themselves.
  m_pool.setMaxThreadCount(3);
}

AnalysisRunner::~AnalysisRunner() {
  cancel();
  cancelImport();
  m_pool.waitForDone();
}

template <class F>
void AnalysisRunner::deliver(quint64 generation, F f) {
  QMetaObject::invokeMethod(
      this,
      [this, generation, f = std::move(f)]() mutable {
        if (generation == m_generation.load()) f();
      },
      Qt::QueuedConnection);
}

quint64 AnalysisRunner::start(const QString& storePath, const Filter& filter) {
  if (m_cancel) m_cancel->store(true);
  m_cancel = std::make_shared<std::atomic<bool>>(false);
  auto job = std::make_shared<Job>(
      Job{++m_generation, storePath.toStdString(), filter, m_cancel});
  m_busy = true;
  m_pool.start([this, job] { run(job); });
  return job->generation;
}

void AnalysisRunner::cancelImport() {
  if (m_importCancel) m_importCancel->store(true);
}

void AnalysisRunner::cancel() {
  if (m_cancel) m_cancel->store(true);
  ++m_generation;  // anything still on its way is stale now
  m_busy = false;
}

void AnalysisRunner::run(const std::shared_ptr<Job>& job) {
  const auto gen = job->generation;
  auto stale = [&] { return job->cancel->load() || gen != m_generation.load(); };
  JobProgress progress(job->cancel, [this, gen](double f, QString phase) {
    deliver(gen, [this, f, phase] { emit this->progress(f, phase); });
  });
  try {
    constexpr int kStages = 5;
    progress.setStage(0, kStages);
    // The key figures (store summary) are read on a thread of their own, beside the report:
    // they are shown as soon as they are there, and the report's data-quality section takes
    // the same summary instead of reading it again.
    std::shared_future<std::shared_ptr<const StoreInfo>> info =
        std::async(std::launch::async, [this, gen, path = job->path] {
          auto i = std::make_shared<const StoreInfo>(loadStoreInfo(path));
          deliver(gen, [this, i] { emit storeInfoReady(i); });
          return i;
        }).share();
    const auto store = model::Store::open(job->path, model::Store::Mode::ReadOnly);
    if (stale()) return;
    progress.setStage(1, kStages);
    std::shared_ptr<const reports::Report> report;
    QString refused;
    try {
      report = computeReport(*store, job->filter, progress, [info] {
        const auto i = info.get();
        return std::shared_ptr<const model::StoreSummary>(i, &i->summary);
      });
    } catch (const std::invalid_argument& e) {
      refused = QString::fromStdString(e.what());
    }
    info.get();  // a store whose summary cannot be read fails the job here
    if (stale()) return;
    if (report)
      deliver(gen, [this, report] { emit reportReady(report); });
    else
      deliver(gen, [this, refused] { emit reportUnavailable(refused); });
    progress.setStage(2, kStages);
    auto log = loadWindowLog(*store, job->filter);
    auto flow = computeFlow(log, progress);
    if (stale()) return;
    auto handoffs = computeHandoffs(*store, std::move(log), job->filter, progress);
    if (stale()) return;
    deliver(gen, [this, handoffs] { emit handoffsReady(handoffs); });
    deliver(gen, [this, flow] { emit flowReady(flow); });
    progress.setStage(3, kStages);
    auto network = computeNetwork(*store, job->filter, progress);
    if (stale()) return;
    deliver(gen, [this, network] { emit networkReady(network); });
    progress.setStage(4, kStages);
    progress.report(1, "done");
    deliver(gen, [this, gen] {
      m_busy = false;
      emit finished(gen);
    });
  } catch (const std::exception& e) {
    const auto message = QString::fromStdString(e.what());
    deliver(gen, [this, message] {
      m_busy = false;
      emit failed(message);
    });
  }
}

void AnalysisRunner::startImport(const QString& storePath, const QString& source,
                                 const importers::ImportOptions& options) {
  m_importCancel = std::make_shared<std::atomic<bool>>(false);
  auto cancel = m_importCancel;
  const auto store = storePath.toStdString(), file = source.toStdString();
  m_pool.start([this, cancel, store, file, options] {
    auto post = [this](auto f) { QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection); };
    JobProgress progress(cancel, [this, post](double f, QString phase) {
      post([this, f, phase] { emit importProgress(f, phase); });
    });
    try {
      auto s = model::Store::open(store, model::Store::Mode::Create);
      auto outcome = std::make_shared<const importers::ImportOutcome>(
          importers::importFile(*s, file, options, progress));
      post([this, outcome] { emit importFinished(outcome); });
    } catch (const std::exception& e) {
      const auto message = QString::fromStdString(e.what());
      post([this, message] { emit importFailed(message); });
    }
  });
}

}  // namespace orglens::viewer
