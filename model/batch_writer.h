// Writes an import's full row batches on a thread of their own, so that SQLite's inserts run
// beside the importer's parsing and model work instead of after it. One connection, never used
// by two threads at once: the importer's thread drains the writer before it touches the
// connection itself (BatchInsert::flush(), ImportSession's look-ups, Store's queries).
// Batches are written in the order they were submitted, so the store ends up exactly as if
// they had been written on the importer's thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "model/sqlite_util.h"

namespace orglens::model {

class BatchWriter {
 public:
  /// At most `capacity` batches wait to be written; submit() waits for room beyond that.
  explicit BatchWriter(std::size_t capacity = 8) : m_capacity(capacity) {}
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;
  /// Drops what is still queued and joins the thread.
  ~BatchWriter();

  /// Queues a full batch of `batch` (the first call starts the thread). Rethrows the error of
  /// a batch that failed before: nothing after it is written.
  void submit(BatchInsert& batch, BatchInsert::Rows rows);
  /// An empty buffer for the next batch (a written one's, with its capacity, when there is).
  BatchInsert::Rows spare();
  /// Waits until every queued batch is written; rethrows the error of one that failed. The
  /// connection is then the caller's until its next submit().
  void drain();
  /// For a rollback: drops the queued batches, waits for the one being written and forgets
  /// any error.
  void abandon();

 private:
  struct Job {
    BatchInsert* batch;
    BatchInsert::Rows rows;
  };
  void run();

  const std::size_t m_capacity;
  std::mutex m_mutex;
  std::condition_variable m_work;  // a job or the stop for the thread
  std::condition_variable m_done;  // room in the queue, or the writer idle
  std::deque<Job> m_jobs;
  std::vector<BatchInsert::Rows> m_spare;
  bool m_writing = false, m_stop = false;
  std::exception_ptr m_failure;
  std::thread m_thread;
};

}  // namespace orglens::model
