// Writes an import's full row batches on a thread of their own, so that SQLite's inserts run
// beside the importer's parsing and model work instead of after it. One connection, never used
// by two threads at once: the importer's thread either drains the writer (BatchInsert::flush(),
// Store's queries, commit) or holds the connection between two batches once the table it
// reads has been written (ImportSession's look-ups: hold()).
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

  /// The connection between two batches, for a look-up or a single write, without waiting for
  /// the whole queue: the writer waits until the Hold goes. While it lives the holder must not
  /// submit, drain or use Store::db() (they would wait for the writer, which waits for it).
  class Hold {
   public:
    explicit Hold(std::mutex& connection) : m_lock(connection) {}

   private:
    std::unique_lock<std::mutex> m_lock;
  };
  /// Waits until no batch of `batch` is queued or being written (so its table holds every row
  /// submitted so far; other tables' batches may still wait), then holds the connection.
  /// Rethrows the error of a batch that failed.
  Hold hold(const BatchInsert& batch);
  /// Holds the connection between two batches, for tables that are not batched.
  Hold hold();

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
  const BatchInsert* m_running = nullptr;  // the batch being written, if any
  const BatchInsert* m_awaited = nullptr;  // hold(batch) waits for its batches
  std::mutex m_connection;                 // the writer's while it writes a batch
  bool m_stop = false;
  std::exception_ptr m_failure;
  std::thread m_thread;
};

}  // namespace orglens::model
