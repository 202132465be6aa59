#include "model/range_reader.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "model/store.h"

namespace orglens::model::detail {

RangeReader::RangeReader(const Store& store, unsigned threads, std::int64_t perThread,
                         std::string_view table)
    : m_store(store) {
  m_end = queryInt(store.db(), "SELECT ifnull(max(rowid), 0) + 1 FROM " + std::string(table))
              .value_or(1);
  const auto wanted = static_cast<std::int64_t>(
      threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency()));
  perThread = std::max<std::int64_t>(1, perThread);
  if (wanted < 2 || m_end - 1 < perThread) return;  // one thread
  // At least two workers once the store is worth a thread: the side task beside the events.
  const std::int64_t workers = std::clamp<std::int64_t>((m_end - 1) / perThread, 2, wanted);
  for (std::int64_t w = 1; w < workers; ++w)
    if (auto reader = store.openReader()) m_readers.push_back(std::move(reader));
  if (m_readers.size() != static_cast<std::size_t>(workers - 1)) {
    m_readers.clear();
    return;
  }
  m_ranges =
      static_cast<std::size_t>(std::min<std::int64_t>(kRangesPerWorker * workers, m_end - 1));
}

void RangeReader::run(
    const std::function<void(const Store&, std::int64_t, std::int64_t, std::size_t)>& read,
    const std::function<void(const Store&)>& side) const {
  std::atomic<bool> failed{false};
  std::atomic<std::size_t> next{0};
  const auto n = static_cast<std::int64_t>(m_ranges);
  // A worker takes the next range until none is left (ranges differ in cost: a range of
  // events the query leaves out is cheap), the side task first when it is the one to do it.
  const auto work = [&](const Store& connection, bool withSide, std::exception_ptr& slot) {
    try {
      if (withSide) side(connection);
      for (std::size_t r; !failed && (r = next++) < m_ranges;) {
        const auto k = static_cast<std::int64_t>(r);
        read(connection, 1 + (m_end - 1) * k / n, 1 + (m_end - 1) * (k + 1) / n, r);
      }
    } catch (...) {
      slot = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::exception_ptr> errors(m_readers.size() + 1);
  {
    std::vector<std::jthread> threads;
    for (std::size_t w = 0; w < m_readers.size(); ++w)
      threads.emplace_back([&, w] { work(*m_readers[w], w == 0, errors[w + 1]); });
    work(m_store, false, errors[0]);
  }
  if (m_readers.empty() && !failed) work(m_store, true, errors[0]);
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace orglens::model::detail
