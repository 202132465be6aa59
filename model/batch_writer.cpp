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
  m_done.wait(lock, [&] { return m_jobs.empty() && !m_writing; });
  if (m_failure) std::rethrow_exception(m_failure);
}

void BatchWriter::abandon() {
  std::unique_lock lock(m_mutex);
  m_jobs.clear();
  m_done.wait(lock, [&] { return !m_writing; });
  m_failure = nullptr;
}

void BatchWriter::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_work.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
    if (m_jobs.empty()) return;  // stopped
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    m_writing = true;
    lock.unlock();
    std::exception_ptr failure;
    try {
      job.batch->writeFull(job.rows);
    } catch (...) {
      failure = std::current_exception();
    }
    job.rows.clear();
    lock.lock();
    m_writing = false;
    if (failure) {
      m_failure = failure;
      m_jobs.clear();  // nothing after a failed batch is written
    }
    if (m_spare.size() <= m_capacity) m_spare.push_back(std::move(job.rows));
    if (failure || m_jobs.size() <= m_capacity / 2) m_done.notify_all();  // room, or idle
  }
}

}  // namespace orglens::model
