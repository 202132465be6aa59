// The report's sections are built side by side on several workers (each with its own store
// connection): the report must not depend on the number of workers, the caller's Progress must
// never be entered by two threads at once, and a summary handed in by the caller (the viewer's
// key figures) must be the one the data-quality section shows.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "reports/report_builder.h"
#include "reports/report_json.h"
#include "reports/table.h"
#include "tests/support/sample_store.h"

using namespace orglens;

namespace {

std::string reportJson(reports::ReportOptions options, unsigned threads) {
  options.threads = threads;
  auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  model::NoProgress progress;
  return reports::renderReportJson(reports::buildReport(*store, options, progress));
}

/// Fails the test if report() is entered while another call is still inside it.
class ExclusiveProgress final : public model::Progress {
 public:
  void report(double fraction, std::string_view) override {
    if (m_inside.fetch_add(1) != 0) m_overlapped = true;
    std::this_thread::sleep_for(std::chrono::microseconds(50));  // widen the window
    {
      const std::lock_guard lock(m_mutex);
      m_calls++;
      m_last = fraction;
      m_inRange = m_inRange && fraction >= 0 && fraction <= 1;
    }
    m_inside.fetch_sub(1);
  }
  bool cancelled() const override { return false; }
  bool overlapped() const { return m_overlapped; }
  int calls() const { return m_calls; }
  double last() const { return m_last; }
  bool inRange() const { return m_inRange; }

 private:
  std::atomic<int> m_inside{0};
  std::atomic<bool> m_overlapped{false};
  std::mutex m_mutex;
  int m_calls = 0;
  double m_last = -1;
  bool m_inRange = true;
};

}  // namespace

TEST_CASE("The report is the same built by one, two or five workers",
          "[reports][builder][parallel]") {
  reports::ReportOptions whole;
  const auto one = reportJson(whole, 1);
  CHECK(reportJson(whole, 2) == one);
  CHECK(reportJson(whole, 5) == one);

  auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  const auto summary = store->summary();
  REQUIRE(summary.firstEvent);
  REQUIRE(summary.lastEvent);
  const auto span = *summary.lastEvent - *summary.firstEvent;
  reports::ReportOptions window;  // a window, a comparison and people shown
  window.from = *summary.firstEvent + span / 2;
  window.to = *summary.firstEvent + span * 3 / 4;
  window.compare = true;
  window.compareFrom = *summary.firstEvent + span / 4;
  window.compareTo = window.from;
  window.privacy.showPeople = true;
  const auto windowOne = reportJson(window, 1);
  CHECK(windowOne != one);
  CHECK(reportJson(window, 2) == windowOne);
  CHECK(reportJson(window, 3) == windowOne);
}

TEST_CASE("Sections on several workers report progress one call at a time, up to 1",
          "[reports][builder][parallel]") {
  auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  ExclusiveProgress progress;
  reports::ReportOptions options;
  options.threads = 4;
  const auto report = reports::buildReport(*store, options, progress);
  CHECK_FALSE(report.sections.empty());
  CHECK(progress.calls() > 0);
  CHECK_FALSE(progress.overlapped());
  CHECK(progress.inRange());
  CHECK(progress.last() == 1.0);  // every section done: the mean of their fractions is 1
}

TEST_CASE("A summary handed in by the caller is the one the data-quality section shows",
          "[reports][builder][parallel]") {
  auto store = model::Store::open(test::importedSampleStore(), model::Store::Mode::ReadOnly);
  auto summary = std::make_shared<model::StoreSummary>(store->summary());
  summary->events = 123456789;  // a figure the store does not have
  std::atomic<int> asked{0};
  reports::ReportOptions options;
  options.threads = 2;
  options.summary = [&] {
    ++asked;
    return std::shared_ptr<const model::StoreSummary>(summary);
  };
  model::NoProgress progress;
  const auto report = reports::buildReport(*store, options, progress);
  CHECK(asked == 1);
  const auto json = reports::renderReportJson(report);
  CHECK(json.find("123,456,789 events") != std::string::npos);

  options.summary = {};  // without one, the section reads the store's own
  const auto own = reports::renderReportJson(reports::buildReport(*store, options, progress));
  CHECK(own.find("123,456,789") == std::string::npos);
  CHECK(own.find(reports::groupDigits(store->summary().events) + " events") != std::string::npos);
}
