#include "model/range_reader.h"

#include <algorithm>
#include <exception>
#include <thread>

#include "model/store.h"

namespace orglens::model::detail {

RangeReader::RangeReader(const Store& store, unsigned threads, std::int64_t perThread)
    : m_store(store) {
  m_end = queryInt(store.db(), "SELECT ifnull(max(id), 0) + 1 FROM events").value_or(1);
  const auto wanted = static_cast<std::int64_t>(
      threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency()));
  const std::int64_t ranges =
      std::clamp<std::int64_t>((m_end - 1) / std::max<std::int64_t>(1, perThread), 1, wanted);
  // A side connection as soon as one range is worth a thread of its own.
  if (wanted < 2 || m_end - 1 < std::max<std::int64_t>(1, perThread)) return;
  for (std::int64_t r = 0; r < ranges; ++r)
    if (auto reader = store.openReader()) m_readers.push_back(std::move(reader));
  if (m_readers.size() != static_cast<std::size_t>(ranges)) {
    m_readers.clear();
    return;
  }
  m_ranges = static_cast<std::size_t>(ranges);
}

void RangeReader::run(
    const std::function<void(const Store&, std::int64_t, std::int64_t, std::size_t)>& read,
    const std::function<void(const Store&)>& side) const {
  std::vector<std::exception_ptr> errors(m_ranges + 1);
  const auto guarded = [&errors](std::size_t slot, const auto& work) {
    try {
      work();
    } catch (...) {
      errors[slot] = std::current_exception();
    }
  };
  const auto n = static_cast<std::int64_t>(m_ranges);
  const auto range = [&](std::size_t r, const Store& connection) {
    const auto k = static_cast<std::int64_t>(r);
    guarded(r + 1,
            [&] { read(connection, 1 + (m_end - 1) * k / n, 1 + (m_end - 1) * (k + 1) / n, r); });
  };
  {
    std::vector<std::jthread> threads;
    if (!m_readers.empty()) {
      threads.emplace_back([&] { guarded(0, [&] { side(*m_readers[0]); }); });
      for (std::size_t r = 1; r < m_ranges; ++r)
        threads.emplace_back([&, r] { range(r, *m_readers[r]); });
    }
    range(0, m_store);
  }
  if (m_readers.empty()) guarded(0, [&] { side(m_store); });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace orglens::model::detail
