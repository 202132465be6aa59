// Line numbers for the XES reader without expat's XML_GetCurrentLineNumber, which rescans
// every byte since the previous call with its tokenizer (a tenth of the parse time on
// real logs). Newlines are found with memchr as chunks arrive; callbacks come in file
// order, so a forward-only cursor turns a byte index into a line in amortised O(1).
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

namespace orglens::importers {

class XesLineCounter {
 public:
  /// Records the newlines of the next `size` input bytes. A lone CR (old Mac line ends,
  /// which expat also counts) or UTF-16 input makes counting inexact: then exact() is false
  /// and the caller asks expat instead.
  void addChunk(const char* data, std::size_t size) {
    if (m_read == 0 && size >= 2 &&
        (data[0] == '\0' || data[1] == '\0' || static_cast<unsigned char>(data[0]) >= 0xFE))
      m_exact = false;
    m_newlines.erase(m_newlines.begin(), m_newlines.begin() + static_cast<std::ptrdiff_t>(m_next));
    m_passed += m_next;
    m_next = 0;
    for (const char* p = data;
         (p = static_cast<const char*>(std::memchr(p, '\n', size - (p - data)))); ++p)
      m_newlines.push_back(m_read + static_cast<std::uint64_t>(p - data));
    // A CR ending the previous chunk is lone unless this one starts with LF.
    if (m_crAtEnd && size > 0 && data[0] != '\n') m_exact = false;
    for (const char* p = data;
         (p = static_cast<const char*>(std::memchr(p, '\r', size - (p - data)))); ++p)
      if (p + 1 < data + size && p[1] != '\n') m_exact = false;
    if (size > 0) m_crAtEnd = data[size - 1] == '\r';
    m_read += size;
  }
  bool exact() const { return m_exact; }
  /// The 1-based line of byte `offset`; offsets must not decrease between calls.
  std::uint64_t lineAt(std::uint64_t offset) {
    while (m_next < m_newlines.size() && m_newlines[m_next] < offset) ++m_next;
    return m_passed + m_next + 1;
  }

 private:
  std::vector<std::uint64_t> m_newlines;  // offsets of the newlines not yet passed
  std::size_t m_next = 0;                 // first newline at or after the last offset asked
  std::uint64_t m_passed = 0;             // newlines before m_newlines[0]
  std::uint64_t m_read = 0;               // input bytes recorded
  bool m_exact = true;
  bool m_crAtEnd = false;  // the last chunk ended with CR (lone or the first half of CR LF)
};

}  // namespace orglens::importers
