// A forward-only cursor over short texts (timestamps, POSIX TZ rules): the parsers' common
// tokenizer, with no allocation.
#pragma once

#include <cstdint>
#include <string_view>

namespace orglens::importers {

inline bool isDigit(char c) {
  return static_cast<unsigned char>(c - '0') <= 9;
}

// Forward-only cursor over the timestamp text.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : m_p(s.data()), m_end(s.data() + s.size()) {}
  bool atEnd() const { return m_p == m_end; }
  char peek() const { return m_p < m_end ? *m_p : '\0'; }
  bool accept(char c) {
    if (m_p == m_end || *m_p != c) return false;
    ++m_p;
    return true;
  }
  void skip() { m_p += m_p < m_end ? 1 : 0; }
  /// Reads between minDigits and maxDigits digits into value; false (nothing consumed) when
  /// fewer than minDigits are there.
  bool digits(int minDigits, int maxDigits, int& value, int* count = nullptr) {
    const char* p = m_p;
    int v = 0;
    while (p < m_end && p - m_p < maxDigits && isDigit(*p)) v = v * 10 + (*p++ - '0');
    const auto n = static_cast<int>(p - m_p);
    if (n < minDigits) return false;
    m_p = p;
    value = v;
    if (count) *count = n;
    return true;
  }
  /// Reads 1–9 fraction digits as microseconds (truncating).
  bool fraction(std::int64_t& micros) {
    constexpr int kMaxFractionDigits = 9;  // nanoseconds; digits past the sixth are truncated
    int value = 0;
    int count = 0;
    if (!digits(1, kMaxFractionDigits, value, &count) || isDigit(peek())) return false;
    for (int i = count; i < kMaxFractionDigits; ++i) value *= 10;
    micros = value / 1000;  // nanoseconds to microseconds
    return true;
  }

 private:
  const char* m_p;
  const char* m_end;
};

}  // namespace orglens::importers
