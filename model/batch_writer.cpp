#include "model/batch_writer.h"

#include <utility>

namespace orglens::model {

BatchWriter::~BatchWriter() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_jobs.clear();
  }
  m_work.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void BatchWriter::submit(BatchInsert& batch, BatchInsert::Rows rows) {
  std::unique_lock lock(m_mutex);
  if (!m_thread.joinable()) m_thread = std::thread(&BatchWriter::run, this);
  // A full queue is left to drain to half before this thread goes on: waking it for every
  // written batch (the writer being the slower one) cost two context switches a batch.
  if (m_jobs.size() >= m_capacity)
    m_done.wait(lock, [&] { return m_failure || m_jobs.size() <= m_capacity / 2; });
  if (m_failure) std::rethrow_exception(m_failure);
  m_jobs.push_back({&batch, std::move(rows)});
  m_work.notify_one();
}

BatchInsert::Rows BatchWriter::spare() {
  std::lock_guard lock(m_mutex);
  if (m_spare.empty()) return {};
  BatchInsert::Rows rows = std::move(m_spare.back());
  m_spare.pop_back();
  return rows;
}

void BatchWriter::drain() {
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [&] { return m_jobs.empty() && !m_running; });
  if (m_failure) std::rethrow_exception(m_failure);
}

void BatchWriter::abandon() {
  std::unique_lock lock(m_mutex);
  m_jobs.clear();
  m_done.wait(lock, [&] { return !m_running; });
  m_failure = nullptr;
}

BatchWriter::Hold BatchWriter::hold(const BatchInsert& batch) {
  {
    std::unique_lock lock(m_mutex);
    const auto pending = [&] {
      if (m_running == &batch) return true;
      for (const auto& job : m_jobs)
        if (job.batch == &batch) return true;
      return false;
    };
    m_awaited = &batch;
    m_done.wait(lock, [&] { return m_failure || !pending(); });
    m_awaited = nullptr;
    if (m_failure) std::rethrow_exception(m_failure);
  }
  // Only this thread submits, so no batch of `batch` can come before the lock.
  return Hold(m_connection);
}

BatchWriter::Hold BatchWriter::hold() {
  {
    std::lock_guard lock(m_mutex);
    if (m_failure) std::rethrow_exception(m_failure);
  }
  return Hold(m_connection);
}

void BatchWriter::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_work.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
    if (m_jobs.empty()) return;  // stopped
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    m_running = job.batch;
    lock.unlock();
    std::exception_ptr failure;
    try {
      const std::lock_guard connection(m_connection);
      job.batch->writeFull(job.rows);
    } catch (...) {
      failure = std::current_exception();
    }
    job.rows.clear();
    lock.lock();
    m_running = nullptr;
    const bool awaited = m_awaited == job.batch;
    if (failure) {
      m_failure = failure;
      m_jobs.clear();  // nothing after a failed batch is written
    }
    if (m_spare.size() <= m_capacity) m_spare.push_back(std::move(job.rows));
    if (failure || awaited || m_jobs.size() <= m_capacity / 2)
      m_done.notify_all();  // room, idle, or a batch hold() waits for
  }
}

}  // namespace orglens::model
