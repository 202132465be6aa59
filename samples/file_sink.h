// Buffered binary file output for the sample writers: failures name the file.
#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace orglens::samples {

class FileSink {
 public:
  explicit FileSink(const std::filesystem::path& path)
      : m_path(path), m_out(path, std::ios::binary | std::ios::trunc) {
    if (!m_out) throw std::runtime_error("cannot create '" + path.string() + "'");
  }
  std::string& buffer() { return m_buffer; }
  void flushIfFull() {
    if (m_buffer.size() >= kFlushBytes) flush();
  }
  void finish() {
    flush();
    m_out.close();
    if (!m_out) throw std::runtime_error("cannot write '" + m_path.string() + "'");
  }

 private:
  static constexpr std::size_t kFlushBytes = 1 << 20;

  void flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    if (!m_out) throw std::runtime_error("cannot write '" + m_path.string() + "'");
    m_buffer.clear();
  }

  std::filesystem::path m_path;
  std::ofstream m_out;
  std::string m_buffer;
};

}  // namespace orglens::samples
