// The character-level pieces of the XES tokenizer (xes_tokenizer.cpp): byte classes, the
// SSE2 scan of attribute values, UTF-8 checks and entity/character references, each the
// way expat reads them. Internal to the importers library.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace orglens::importers::xes_xml {

// Byte classes. kAttrPlain: bytes an attribute value takes as they are (printable ASCII
// but the quotes, '<' and '&'); everything else gets a closer look. kNameStart/kNameChar:
// ASCII name characters (a non-ASCII name makes the tokenizer give up, expat reads those).
enum : std::uint8_t { kAttrPlain = 1, kNameStart = 2, kNameChar = 4, kSpace = 8 };

constexpr std::array<std::uint8_t, 256> makeClasses() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c)
    if (c != '"' && c != '\'' && c != '<' && c != '&') t[c] |= kAttrPlain;
  for (int c = 'a'; c <= 'z'; ++c) t[c] |= kNameStart | kNameChar;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= kNameStart | kNameChar;
  for (int c = '0'; c <= '9'; ++c) t[c] |= kNameChar;
  t['_'] |= kNameStart | kNameChar;
  t[':'] |= kNameStart | kNameChar;
  t['-'] |= kNameChar;
  t['.'] |= kNameChar;
  t[' '] |= kSpace;
  t['\t'] |= kSpace;
  t['\n'] |= kSpace;
  t['\r'] |= kSpace;
  return t;
}
inline constexpr std::array<std::uint8_t, 256> kClass = makeClasses();

inline bool is(char c, std::uint8_t cls) { return kClass[static_cast<unsigned char>(c)] & cls; }

// The buffer keeps this many readable bytes after the data, so 16-byte loads near its end
// stay inside it (what they read past the end is ignored).
inline constexpr std::size_t kPadding = 16;

/// The first byte in [p, end) that is not kAttrPlain, or end. Reads up to 15 bytes past end.
inline const char* skipPlainValue(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
  const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''), lt = _mm_set1_epi8('<'),
                amp = _mm_set1_epi8('&');
  for (; p < end; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed: below ' ' is a control character or (negative) a byte >= 0x80.
    __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
    special = _mm_or_si128(special, _mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, sq)));
    special = _mm_or_si128(special, _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)));
    if (const int mask = _mm_movemask_epi8(special)) {
      const char* at = p + __builtin_ctz(static_cast<unsigned>(mask));
      return at < end ? at : end;
    }
  }
  return end;
#else
  while (p < end && is(*p, kAttrPlain)) ++p;
  return p;
#endif
}

// The outcome of reading one token: done (the cursor moved past it), incomplete (more
// input is needed; nothing was changed) or given up (not read here: expat takes over).
enum class Step : std::uint8_t { Ok, More, Fail };

/// Checks one UTF-8 sequence at p (a byte >= 0x80) the way expat does: no overlong forms,
/// no surrogates, nothing above U+10FFFF, not U+FFFE/U+FFFF. Moves p past it.
inline Step utf8(const char*& p, const char* end) {
  const auto b = [&](std::ptrdiff_t i) { return static_cast<unsigned char>(p[i]); };
  const unsigned char c0 = b(0);
  const auto cont = [](unsigned char c) { return (c & 0xC0) == 0x80; };
  int n;
  if (c0 < 0xC2) return Step::Fail;
  if (c0 < 0xE0)
    n = 2;
  else if (c0 < 0xF0)
    n = 3;
  else if (c0 < 0xF5)
    n = 4;
  else
    return Step::Fail;
  if (end - p < n) {
    // A sequence cut by the chunk end; bytes already there must still be able to continue it.
    for (std::ptrdiff_t i = 1; i < end - p; ++i)
      if (!cont(b(i))) return Step::Fail;
    return Step::More;
  }
  for (int i = 1; i < n; ++i)
    if (!cont(b(i))) return Step::Fail;
  if (n == 3) {
    if (c0 == 0xE0 && b(1) < 0xA0) return Step::Fail;                 // overlong
    if (c0 == 0xED && b(1) > 0x9F) return Step::Fail;                 // surrogate
    if (c0 == 0xEF && b(1) == 0xBF && b(2) >= 0xBE) return Step::Fail;  // U+FFFE, U+FFFF
  } else if (n == 4) {
    if (c0 == 0xF0 && b(1) < 0x90) return Step::Fail;  // overlong
    if (c0 == 0xF4 && b(1) > 0x8F) return Step::Fail;  // above U+10FFFF
  }
  p += n;
  return Step::Ok;
}

/// Appends code point `v` as UTF-8.
inline char* putUtf8(char* out, std::uint32_t v) {
  if (v < 0x80) {
    *out++ = static_cast<char>(v);
  } else if (v < 0x800) {
    *out++ = static_cast<char>(0xC0 | (v >> 6));
    *out++ = static_cast<char>(0x80 | (v & 0x3F));
  } else if (v < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (v >> 12));
    *out++ = static_cast<char>(0x80 | ((v >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (v & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (v >> 18));
    *out++ = static_cast<char>(0x80 | ((v >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((v >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (v & 0x3F));
  }
  return out;
}

/// Reads the entity or character reference at p ('&'): one of the five predefined entities
/// or &#N; / &#xH; naming an XML character. Writes its text to `out` when given (never more
/// bytes than the reference is long). Moves p past it.
inline Step reference(const char*& p, const char* end, char** out) {
  const char* q = p + 1;
  if (q == end) return Step::More;
  if (*q == '#') {
    ++q;
    if (q == end) return Step::More;
    const bool hex = *q == 'x';
    if (hex) ++q;
    std::uint32_t v = 0;
    int digits = 0;
    for (; q < end; ++q, ++digits) {
      const char c = *q;
      std::uint32_t d;
      if (c >= '0' && c <= '9')
        d = static_cast<std::uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f')
        d = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F')
        d = static_cast<std::uint32_t>(c - 'A' + 10);
      else
        break;
      v = v * (hex ? 16 : 10) + d;
      if (v > 0x10FFFF) return Step::Fail;
    }
    if (q == end) return Step::More;
    if (*q != ';' || digits == 0) return Step::Fail;
    const bool ok = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
                    (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000;
    if (!ok) return Step::Fail;
    if (out) *out = putUtf8(*out, v);
    p = q + 1;
    return Step::Ok;
  }
  static constexpr std::array<std::pair<std::string_view, char>, 5> kEntities = {
      {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}}};
  const auto left = static_cast<std::size_t>(end - q);
  for (const auto& [name, c] : kEntities) {
    if (left >= name.size() ? std::memcmp(q, name.data(), name.size()) == 0
                            : std::memcmp(q, name.data(), left) == 0) {
      if (left < name.size()) return Step::More;
      if (out) *(*out)++ = c;
      p = q + name.size();
      return Step::Ok;
    }
  }
  return Step::Fail;  // an undefined entity (or a malformed reference)
}

}  // namespace orglens::importers::xes_xml
