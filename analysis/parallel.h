// Deterministic parallel loops: a range is cut into contiguous chunks, each worked on by its
// own thread into its own result; the caller merges the results in chunk order, so the
// outcome does not depend on the number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace orglens::analysis {

/// Threads to use for `requested` (0 = hardware concurrency), never more than the work.
inline unsigned threadCount(unsigned requested, std::size_t work) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, work)));
}

namespace detail {

/// Runs fn(bounds[t], bounds[t + 1], results[t]) for each chunk t, the last on the calling thread.
template <class Result, class Fn>
std::vector<Result> runChunks(const std::vector<std::size_t>& bounds, Fn& fn) {
  const std::size_t n = bounds.size() - 1;
  std::vector<Result> results(n);
  std::vector<std::thread> workers;
  for (std::size_t t = 0; t + 1 < n; ++t)
    workers.emplace_back([&fn, &results, &bounds, t] { fn(bounds[t], bounds[t + 1], results[t]); });
  fn(bounds[n - 1], bounds[n], results[n - 1]);
  for (auto& w : workers) w.join();
  return results;
}

}  // namespace detail

/// Runs fn(begin, end, result) on chunks of [first, last) and returns the chunk results in
/// order. `Result` must be default-constructible.
template <class Result, class Fn>
std::vector<Result> parallelChunks(std::size_t first, std::size_t last, unsigned threads, Fn fn) {
  const std::size_t work = last > first ? last - first : 0;
  const unsigned n = threadCount(threads, work);
  std::vector<std::size_t> bounds;
  for (unsigned t = 0; t <= n; ++t) bounds.push_back(first + work * t / n);
  return detail::runChunks<Result>(bounds, fn);
}

/// parallelChunks() with chunks of about equal work instead of equal length, for items of uneven
/// size (the groups of a table: a few hold most of the rows). workBefore(k) is the work of the
/// items before k, non-decreasing in k, for k in [first, last] (the offsets of contiguous
/// ranges, say). Chunk t ends where the work before comes nearest to t + 1 shares of the total
/// (the first such item); chunks may be empty. The results are merged in order as with
/// parallelChunks(), so the outcome does not depend on the number of threads either.
template <class Result, class WorkBefore, class Fn>
std::vector<Result> parallelChunksByWork(std::size_t first, std::size_t last, unsigned threads,
                                         WorkBefore workBefore, Fn fn) {
  const std::size_t items = last > first ? last - first : 0;
  const unsigned n = threadCount(threads, items);
  std::vector<std::size_t> bounds{first};
  if (items > 0) {
    const std::uint64_t base = workBefore(first), total = workBefore(last) - base;
    for (unsigned t = 1; t < n; ++t) {
      const std::uint64_t share = total / n * t + total % n * t / n;  // ⌊total · t / n⌋
      std::size_t lo = bounds.back(), hi = last;  // the first k with work before k >= share
      while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (workBefore(mid) - base < share)
          lo = mid + 1;
        else
          hi = mid;
      }
      // The nearer of k and k − 1: an item of much work goes where it fits the shares better.
      if (lo > bounds.back() &&
          share - (workBefore(lo - 1) - base) < (workBefore(lo) - base) - share)
        --lo;
      bounds.push_back(lo);
    }
  }
  bounds.push_back(items > 0 ? last : first);
  return detail::runChunks<Result>(bounds, fn);
}

}  // namespace orglens::analysis
