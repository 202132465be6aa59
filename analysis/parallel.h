// Deterministic parallel loops: a range is cut into contiguous chunks, each worked on by its
// own thread into its own result; the caller merges the results in chunk order, so the
// outcome does not depend on the number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace orglens::analysis {

/// Threads to use for `requested` (0 = hardware concurrency), never more than the work.
inline unsigned threadCount(unsigned requested, std::size_t work) {
  unsigned n = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, work)));
}

/// Runs fn(begin, end, result) on chunks of [first, last) and returns the chunk results in
/// order. `Result` must be default-constructible.
template <class Result, class Fn>
std::vector<Result> parallelChunks(std::size_t first, std::size_t last, unsigned threads, Fn fn) {
  const std::size_t work = last > first ? last - first : 0;
  const unsigned n = threadCount(threads, work);
  std::vector<Result> results(n);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < n; ++t) {
    const std::size_t begin = first + work * t / n, end = first + work * (t + 1) / n;
    if (t + 1 == n) {
      fn(begin, end, results[t]);  // the calling thread takes the last chunk
    } else {
      workers.emplace_back([&fn, &results, t, begin, end] { fn(begin, end, results[t]); });
    }
  }
  for (auto& w : workers) w.join();
  return results;
}

}  // namespace orglens::analysis
