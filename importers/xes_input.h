// The bytes of a plain or gzip-compressed XES file, read in chunks (zlib reads plain files
// through unchanged). Internal to the XES readers of xes_parser.cpp.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include "importers/xes_parser.h"

namespace orglens::importers {

class XesInput {
 public:
  /// Throws XesParseError (line 0) when the file cannot be opened.
  XesInput(const std::filesystem::path& path, std::size_t bufferBytes)
      : m_gz(gzopen(path.c_str(), "rb"), &gzclose) {
    std::error_code ec;
    m_fileSize = std::filesystem::file_size(path, ec);
    if (ec || !m_gz)
      throw XesParseError(0, "cannot open the file: " + std::string(std::strerror(errno)));
    gzbuffer(m_gz.get(), static_cast<unsigned>(std::max<std::size_t>(bufferBytes, 8192)));
  }
  /// Reads up to `size` bytes; 0 at the end. -1 when the stream is truncated or corrupt:
  /// error() then says why.
  int read(char* into, int size) {
    const int got = gzread(m_gz.get(), into, static_cast<unsigned>(size));
    int zerr = Z_OK;
    const char* message = gzerror(m_gz.get(), &zerr);
    if (got < 0 || (got == 0 && zerr != Z_OK)) {
      m_error = std::string("the gzip stream is truncated or corrupt (") + message + ")";
      return -1;
    }
    m_total += static_cast<std::uint64_t>(got);
    return got;
  }
  const std::string& error() const { return m_error; }
  /// Decompressed bytes read so far.
  std::uint64_t total() const { return m_total; }
  /// Compressed bytes consumed so far (for progress) and the file size.
  std::uint64_t offset() { return static_cast<std::uint64_t>(gzoffset(m_gz.get())); }
  std::uint64_t fileSize() const { return m_fileSize; }

 private:
  std::unique_ptr<gzFile_s, int (*)(gzFile)> m_gz;
  std::uint64_t m_fileSize = 0;
  std::uint64_t m_total = 0;
  std::string m_error;
};

}  // namespace orglens::importers
