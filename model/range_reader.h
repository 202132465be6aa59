// Reading a big store with several threads, each over its own read-only connection: SQLite is
// most of a load's time, and one connection is one thread. Internal to model/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::model {

class Store;

namespace detail {

/// The store's event ids [1, end) in ranges read by several workers, each over its own
/// read-only connection (the first over the store's own), plus one side task (the lookups, say)
/// that the second worker does first. A worker takes the next range left, so the ranges can
/// differ in cost. The caller joins the ranges' parts in range order, so what it builds is the
/// same for any number of threads. One thread does everything, the side task last, when the store
/// has fewer than `perThread` event ids, `threads` is 1, or other connections would not see what
/// the store's sees (an import or a transaction is open: Store::openReader()).
class RangeReader {
 public:
  /// `threads` 0: one per core. The ranges are of the rowids of `table` (a constant name; its
  /// rows stand in for events, as event_objects' do).
  RangeReader(const Store& store, unsigned threads, std::int64_t perThread,
              std::string_view table = "events");
  /// Ranges a worker (thread) on average: a few, for the balance.
  static constexpr std::int64_t kRangesPerWorker = 4;
  std::size_t ranges() const { return m_ranges; }
  /// Calls read(connection, first, last, r) for each range r = [first, last) of ids and
  /// side(connection), a connection being the store or a reader of it; returns when all are
  /// done, rethrowing the first error.
  void run(const std::function<void(const Store&, std::int64_t, std::int64_t, std::size_t)>& read,
           const std::function<void(const Store&)>& side) const;

 private:
  const Store& m_store;
  std::int64_t m_end = 1;
  std::size_t m_ranges = 1;
  std::vector<std::unique_ptr<Store>> m_readers;  // the workers' but the first; [0] the side's
};

}  // namespace detail
}  // namespace orglens::model
