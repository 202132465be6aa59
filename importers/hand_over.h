// The bounded, ordered hand-over between a reader thread and the thread that consumes what it
// reads (importers/xes_pipeline.*, importers/slack_pipeline.*), and the guard that stops and
// joins the reader however the consumer leaves.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

namespace orglens::importers {

/// A queue of at most `capacity` items. A producer that finds it full waits until the consumer
/// has drained it to `resumeAt` items (resumeAt < capacity; capacity − 1 resumes at the first
/// free place, less saves wake-ups when items are small and many). stop() ends the hand-over:
/// queued items are dropped and push() returns false from then on.
template <class T>
class HandOver {
 public:
  HandOver(std::size_t capacity, std::size_t resumeAt) : m_capacity(capacity), m_resumeAt(resumeAt) {}

  /// False when the consumer has stopped (the item is dropped).
  bool push(T item) {
    std::unique_lock lock(m_mutex);
    if (m_items.size() >= m_capacity)
      m_space.wait(lock, [&] { return m_stopped || m_items.size() <= m_resumeAt; });
    if (m_stopped) return false;
    m_items.push_back(std::move(item));
    m_ready.notify_one();
    return true;
  }
  /// The next item; waits for one.
  T pop() {
    std::unique_lock lock(m_mutex);
    m_ready.wait(lock, [&] { return !m_items.empty(); });
    T item = std::move(m_items.front());
    m_items.pop_front();
    if (m_items.size() == m_resumeAt) m_space.notify_one();
    return item;
  }
  void stop() {
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_items.clear();
    m_space.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(m_mutex);
    return m_stopped;
  }

 private:
  const std::size_t m_capacity, m_resumeAt;
  std::mutex m_mutex;
  std::condition_variable m_ready, m_space;
  std::deque<T> m_items;
  bool m_stopped = false;
};

/// Stops the hand-over and joins the reader when the consumer's scope is left, by return or
/// by exception.
template <class T>
struct StopAndJoin {
  HandOver<T>& handOver;
  std::thread& reader;
  ~StopAndJoin() {
    handOver.stop();
    reader.join();
  }
};

}  // namespace orglens::importers
