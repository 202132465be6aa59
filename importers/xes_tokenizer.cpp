#include "importers/xes_tokenizer.h"

#include <cstring>
#include <vector>

#include "importers/xes_builder.h"
#include "importers/xes_xml_text.h"

namespace orglens::importers {
namespace {

using namespace xes_xml;

class Tokenizer {
 public:
  Tokenizer(XesInput& input, XesHandler& handler, std::size_t chunkBytes)
      : m_input(input), m_handler(handler), m_chunk(chunkBytes) {}
  XesTokenizerResult run();

 private:
  enum class Doc : std::uint8_t { Start, Prolog, Root, Epilog };
  Step scan(const char*& p, const char* end);
  Step start(const char*& p, const char* end);
  Step text(const char*& p, const char* end);
  Step markup(const char*& p, const char* end);
  Step endTag(const char*& p, const char* end);
  Step startTag(const char*& p, const char* end);
  Step comment(const char*& p, const char* end);
  Step declaration(const char*& p, const char* end);
  Step spaces(const char*& p, const char* end, bool& any);
  Step attributeValue(const char*& p, const char* end, char quote, bool& decode);
  static void decodeValue(std::string_view raw, char*& out);
  /// spaces() for the common case of none (inline).
  Step skipSpaces(const char*& p, const char* end, bool& any) {
    if (p < end && is(*p, kSpace)) return spaces(p, end, any);
    any = false;
    return Step::Ok;
  }
  void closeElement();
  Step giveUp(const char* why) {
    if (m_reason.empty()) m_reason = why;
    return Step::Fail;
  }

  XesInput& m_input;
  XesHandler& m_handler;
  std::size_t m_chunk;
  std::vector<char> m_buffer;
  std::size_t m_begin = 0, m_end = 0;  // the unread bytes in m_buffer
  std::size_t m_readAhead = 0;         // bytes to read before scanning again
  bool m_eof = false;
  std::uint64_t m_line = 1;
  Doc m_doc = Doc::Start;
  XesTraceBuilder m_builder;
  std::string m_names;  // the open elements' names, concatenated
  std::vector<std::uint32_t> m_nameSizes;
  std::vector<XesXmlAttribute> m_attributes;
  std::string m_decoded;
  XesTokenizerResult m_result;
  std::string m_reason;
};

/// White space (counting lines; CR LF and a lone CR end a line, as in expat). `any` tells
/// whether there was some.
Step Tokenizer::spaces(const char*& p, const char* end, bool& any) {
  const char* q = p;
  std::uint64_t lines = 0;
  for (; q < end && is(*q, kSpace); ++q) {
    if (*q == '\n') {
      ++lines;
    } else if (*q == '\r') {
      if (q + 1 == end && !m_eof) return Step::More;
      ++lines;
      if (q + 1 < end && q[1] == '\n') ++q;
    }
  }
  any = q != p;
  m_line += lines;
  p = q;
  return Step::Ok;
}

/// Character data up to the next '<'. XES has only white space there; other text is
/// checked (characters, references, no "]]>") and dropped, as the expat reader drops it.
Step Tokenizer::text(const char*& p, const char* end) {
  const char* q = p;
  std::uint64_t lines = 0;
  while (q < end) {
    const char c = *q;
    if (c == '<') break;
    if (c == ' ' || c == '\t') {
      ++q;
    } else if (c == '\n') {
      ++lines, ++q;
    } else if (c == '\r') {
      if (q + 1 == end && !m_eof) return Step::More;
      ++lines, ++q;
      if (q < end && *q == '\n') ++q;
    } else {
      if (m_doc != Doc::Root) return giveUp("text outside the root element");
      if (c == '&') {
        if (const Step s = reference(q, end, nullptr); s != Step::Ok) {
          if (s == Step::Fail) giveUp("a malformed or undefined entity reference");
          return s;
        }
      } else if (c == ']') {
        if (end - q < 3 && !m_eof) return Step::More;
        if (end - q >= 3 && q[1] == ']' && q[2] == '>') return giveUp("']]>' in text");
        ++q;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        if (const Step s = utf8(q, end); s != Step::Ok) {
          if (s == Step::Fail) giveUp("invalid UTF-8");
          return s;
        }
      } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        return giveUp("a control character");
      } else {
        ++q;
      }
    }
  }
  m_line += lines;
  p = q;
  return Step::Ok;
}

Step Tokenizer::attributeValue(const char*& p, const char* end, char quote, bool& decode) {
  const char* q = p;
  std::uint64_t lines = 0;
  for (;;) {
    q = skipPlainValue(q, end);
    if (q == end) return Step::More;
    const char c = *q;
    if (c == quote) break;
    if (c == '"' || c == '\'') {
      ++q;
    } else if (c == '&') {
      decode = true;
      if (const Step s = reference(q, end, nullptr); s != Step::Ok) {
        if (s == Step::Fail) giveUp("a malformed or undefined entity reference");
        return s;
      }
    } else if (c == '\t' || c == '\n') {
      decode = true;
      lines += c == '\n';
      ++q;
    } else if (c == '\r') {
      decode = true;
      if (q + 1 == end) return Step::More;
      ++lines, ++q;
      if (*q == '\n') ++q;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      if (const Step s = utf8(q, end); s != Step::Ok) {
        if (s == Step::Fail) giveUp("invalid UTF-8");
        return s;
      }
    } else {
      return giveUp(c == '<' ? "'<' in an attribute value" : "a control character");
    }
  }
  m_line += lines;
  p = q;
  return Step::Ok;
}

/// The value as XML hands it over: references replaced, each white-space character (a CR LF
/// pair counting as one) turned into a space.
void Tokenizer::decodeValue(std::string_view raw, char*& out) {
  const char* q = raw.data();
  const char* end = q + raw.size();
  while (q < end) {
    const char c = *q;
    if (c == '&') {
      reference(q, end, &out);
    } else if (c == '\t' || c == '\n' || c == '\r') {
      *out++ = ' ';
      q += (c == '\r' && q + 1 < end && q[1] == '\n') ? 2 : 1;
    } else {
      *out++ = c;
      ++q;
    }
  }
}

Step Tokenizer::startTag(const char*& p, const char* end) {
  if (m_doc == Doc::Epilog) return giveUp("a second root element");
  const std::uint64_t tagLine = m_line;
  const char* q = p + 1;
  const char* nameBegin = q;
  while (q < end && is(*q, kNameChar)) ++q;
  if (q == end) return Step::More;
  if (static_cast<unsigned char>(*q) >= 0x80) return giveUp("a non-ASCII element name");
  const std::string_view name(nameBegin, static_cast<std::size_t>(q - nameBegin));
  // Values are views into the buffer; those with references or white space to normalise
  // (a bit in `decode`) are rewritten into m_decoded once the tag is complete.
  m_attributes.clear();
  std::uint64_t decode = 0;
  bool selfClosing = false;
  for (;;) {
    bool space = false;
    if (skipSpaces(q, end, space) == Step::More || q == end) return Step::More;
    if (*q == '>') {
      ++q;
      break;
    }
    if (*q == '/') {
      if (q + 1 == end) return Step::More;
      if (q[1] != '>') return giveUp("a malformed start tag");
      q += 2;
      selfClosing = true;
      break;
    }
    if (!space || !is(*q, kNameStart)) {
      if (static_cast<unsigned char>(*q) >= 0x80) return giveUp("a non-ASCII attribute name");
      return giveUp("a malformed start tag");
    }
    const char* attributeName = q;
    while (q < end && is(*q, kNameChar)) ++q;
    if (q == end) return Step::More;
    if (static_cast<unsigned char>(*q) >= 0x80) return giveUp("a non-ASCII attribute name");
    const std::string_view attribute(attributeName, static_cast<std::size_t>(q - attributeName));
    if (skipSpaces(q, end, space) == Step::More || q == end) return Step::More;
    if (*q != '=') return giveUp("an attribute without '='");
    ++q;
    if (skipSpaces(q, end, space) == Step::More || q == end) return Step::More;
    const char quote = *q;
    if (quote != '"' && quote != '\'') return giveUp("an attribute value without quotes");
    ++q;
    bool needsDecoding = false;
    const char* value = q;
    if (const Step s = attributeValue(q, end, quote, needsDecoding); s != Step::Ok) return s;
    for (const XesXmlAttribute& other : m_attributes)
      if (other.name == attribute) return giveUp("a duplicate attribute");
    if (m_attributes.size() >= 64) return giveUp("more than 64 attributes in one tag");
    if (needsDecoding) decode |= std::uint64_t{1} << m_attributes.size();
    m_attributes.push_back({attribute, {value, static_cast<std::size_t>(q - value)}});
    ++q;  // the closing quote
  }
  // The whole tag is read and well-formed: hand it over.
  if (decode != 0) {
    std::size_t bytes = 0;  // decoding never lengthens a value
    for (std::size_t i = 0; i < m_attributes.size(); ++i)
      if (decode >> i & 1) bytes += m_attributes[i].value.size();
    if (m_decoded.size() < bytes) m_decoded.resize(bytes);
    char* out = m_decoded.data();
    for (std::size_t i = 0; i < m_attributes.size(); ++i) {
      if (!(decode >> i & 1)) continue;
      char* from = out;
      decodeValue(m_attributes[i].value, out);
      m_attributes[i].value = {from, static_cast<std::size_t>(out - from)};
    }
  }
  m_builder.start(name, m_attributes, tagLine);
  if (m_builder.fatal()) throw *m_builder.fatal();
  m_doc = Doc::Root;
  m_names.append(name);
  m_nameSizes.push_back(static_cast<std::uint32_t>(name.size()));
  p = q;
  if (selfClosing) closeElement();
  return Step::Ok;
}

void Tokenizer::closeElement() {
  m_names.resize(m_names.size() - m_nameSizes.back());
  m_nameSizes.pop_back();
  if (m_nameSizes.empty()) m_doc = Doc::Epilog;
  if (m_builder.end()) {
    m_result.warnings += m_builder.flushWarnings(m_handler);
    m_handler.onTrace(m_builder.trace());
    ++m_result.traces;
  }
}

Step Tokenizer::endTag(const char*& p, const char* end) {
  const char* q = p + 2;
  const char* nameBegin = q;
  while (q < end && is(*q, kNameChar)) ++q;
  if (q == end) return Step::More;
  const std::string_view name(nameBegin, static_cast<std::size_t>(q - nameBegin));
  bool space = false;
  const std::uint64_t line = m_line;
  if (skipSpaces(q, end, space) == Step::More || q == end) {
    m_line = line;
    return Step::More;
  }
  if (*q != '>' || m_nameSizes.empty() ||
      std::string_view(m_names).substr(m_names.size() - m_nameSizes.back()) != name) {
    m_line = line;
    return giveUp("a malformed or mismatched end tag");
  }
  p = q + 1;
  closeElement();
  return Step::Ok;
}

Step Tokenizer::comment(const char*& p, const char* end) {
  const char* q = p + 4;  // past "<!--"
  std::uint64_t lines = 0;
  for (;;) {
    if (q == end) return Step::More;
    const char c = *q;
    if (c == '-') {
      if (end - q < 3) return Step::More;
      if (q[1] == '-') {
        if (q[2] != '>') return giveUp("'--' inside a comment");
        p = q + 3;
        m_line += lines;
        return Step::Ok;
      }
      ++q;
    } else if (c == '\n') {
      ++lines, ++q;
    } else if (c == '\r') {
      if (q + 1 == end) return Step::More;
      ++lines, ++q;
      if (*q == '\n') ++q;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      if (const Step s = utf8(q, end); s != Step::Ok) {
        if (s == Step::Fail) giveUp("invalid UTF-8");
        return s;
      }
    } else if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) {
      return giveUp("a control character");
    } else {
      ++q;
    }
  }
}

/// The XML declaration, read strictly: <?xml version="1.0" [encoding="UTF-8"]
/// [standalone="yes|no"]?> with either quote; anything else is left to expat.
Step Tokenizer::declaration(const char*& p, const char* end) {
  const char* close = nullptr;
  for (const char* q = p; q + 1 < end; ++q)
    if (q[0] == '?' && q[1] == '>') {
      close = q;
      break;
    }
  if (!close) return end - p > 1024 ? giveUp("a long XML declaration") : Step::More;
  const char* q = p + 5;  // past "<?xml"
  bool space = false;
  // name="value" or name='value' at q; q moves past it only when it is one.
  const auto pseudo = [&](std::string_view name, std::string_view& value) {
    if (static_cast<std::size_t>(close - q) < name.size() + 3 ||
        std::memcmp(q, name.data(), name.size()) != 0 || q[name.size()] != '=')
      return false;
    const char* r = q + name.size() + 1;
    const char quote = *r;
    if (quote != '"' && quote != '\'') return false;
    const char* v = ++r;
    while (r < close && *r != quote) ++r;
    if (r == close) return false;
    value = std::string_view(v, static_cast<std::size_t>(r - v));
    q = r + 1;
    return true;
  };
  std::string_view version, encoding, standalone;
  spaces(q, close, space);
  if (!space || !pseudo("version", version) || version != "1.0")
    return giveUp("an XML declaration other than version 1.0");
  spaces(q, close, space);
  if (space && pseudo("encoding", encoding)) {
    const bool utf8Name = encoding.size() == 5 && (encoding[0] | 0x20) == 'u' &&
                          (encoding[1] | 0x20) == 't' && (encoding[2] | 0x20) == 'f' &&
                          encoding.substr(3) == "-8";
    if (!utf8Name) return giveUp("an encoding other than UTF-8");
    spaces(q, close, space);
  }
  if (space && pseudo("standalone", standalone)) {
    if (standalone != "yes" && standalone != "no") return giveUp("a malformed XML declaration");
    spaces(q, close, space);
  }
  if (q != close) return giveUp("a malformed XML declaration");
  p = close + 2;
  return Step::Ok;
}

/// The start of the file: a UTF-8 byte order mark and the XML declaration, both optional.
Step Tokenizer::start(const char*& p, const char* end) {
  if (end - p < 9 && !m_eof) return Step::More;  // a BOM and "<?xml "
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  const std::ptrdiff_t size = end - p;
  if (size >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    p += 3;
  } else if (size >= 1 && (u[0] == 0 || u[0] >= 0xFE || (size >= 2 && u[1] == 0))) {
    return giveUp("UTF-16 or another encoding");
  }
  if (end - p >= 6 && std::memcmp(p, "<?xml", 5) == 0 && is(p[5], kSpace)) {
    const Step s = declaration(p, end);
    if (s != Step::Ok) {
      if (s == Step::More) p = reinterpret_cast<const char*>(u);
      return s;
    }
  }
  m_doc = Doc::Prolog;
  return Step::Ok;
}

Step Tokenizer::markup(const char*& p, const char* end) {
  if (end - p < 2) return Step::More;
  const char c = p[1];
  if (c == '/') return endTag(p, end);
  if (is(c, kNameStart)) return startTag(p, end);
  if (c == '!') {
    if (end - p < 4) return std::memcmp(p, "<!--", static_cast<std::size_t>(end - p)) == 0
                                ? Step::More
                                : giveUp("a DOCTYPE or CDATA section");
    if (std::memcmp(p, "<!--", 4) == 0) return comment(p, end);
    return giveUp(p[2] == '[' ? "a CDATA section" : "a DOCTYPE declaration");
  }
  if (c == '?') return giveUp("a processing instruction");
  if (static_cast<unsigned char>(c) >= 0x80) return giveUp("a non-ASCII element name");
  return giveUp("a '<' that starts no tag");
}

/// Reads every complete token in [p, end); p ends at the first one that needs more input.
Step Tokenizer::scan(const char*& p, const char* end) {
  if (m_doc == Doc::Start) {
    if (const Step s = start(p, end); s != Step::Ok) return s;
  }
  while (p < end) {
    const char* token = p;
    const std::uint64_t line = m_line;
    const Step s = *p == '<' ? markup(p, end) : text(p, end);
    if (s == Step::Ok) continue;
    p = token;
    m_line = line;
    if (s == Step::Fail) m_result.line = line;
    return s;
  }
  return Step::Ok;
}

XesTokenizerResult Tokenizer::run() {
  const auto stop = [this](const char* why) {
    m_result.status = XesTokenizerResult::Status::GaveUp;
    if (m_result.line == 0) m_result.line = m_line;
    m_result.reason = m_reason.empty() ? why : m_reason;
    // Pending warnings are dropped: expat finds them again (as it drops them at an error).
    return m_result;
  };
  for (;;) {
    // Keep the unread tail, make room for one more chunk after it.
    const std::size_t tail = m_end - m_begin;
    if (m_begin > 0 && tail > 0) std::memmove(m_buffer.data(), m_buffer.data() + m_begin, tail);
    m_begin = 0;
    m_end = tail;
    if (m_buffer.size() < tail + m_chunk + kPadding) m_buffer.resize(tail + m_chunk + kPadding);
    const int got = m_input.read(m_buffer.data() + m_end, static_cast<int>(m_chunk));
    if (got < 0) return stop("an unreadable gzip stream");
    if (got == 0 && m_input.total() == 0) throw XesParseError(0, "the file is empty");
    m_eof = got == 0;
    m_end += static_cast<std::size_t>(got);
    // A token longer than a chunk is scanned again only once the input read since has grown
    // as large as it (so a huge token costs linear time, not quadratic). Scanning later only
    // hands warnings over later, never earlier than expat, which keeps expat's take-over exact.
    m_readAhead -= std::min(m_readAhead, static_cast<std::size_t>(got));
    if (m_readAhead == 0 || m_eof) {
      m_readAhead = 0;
      const char* p = m_buffer.data() + m_begin;
      const char* end = m_buffer.data() + m_end;
      const Step s = scan(p, end);
      m_begin = static_cast<std::size_t>(p - m_buffer.data());
      if (s == Step::Fail) return stop("malformed XML");
      if (s == Step::More && m_end - m_begin > m_chunk) m_readAhead = m_end - m_begin;
      m_result.warnings += m_builder.flushWarnings(m_handler);
    }
    if (m_eof) {
      if (m_begin != m_end) return stop("the file ends inside a tag");
      if (m_doc != Doc::Epilog) return stop("the file ends before the root element is closed");
      m_result.status = XesTokenizerResult::Status::Done;
      return m_result;
    }
    m_result.chunkOffset = m_input.offset();
    if (!m_handler.onChunk(m_result.chunkOffset, m_input.fileSize())) {
      m_result.status = XesTokenizerResult::Status::Stopped;
      return m_result;
    }
  }
}

}  // namespace

XesTokenizerResult tokenizeXes(XesInput& input, XesHandler& handler, std::size_t chunkBytes) {
  Tokenizer tokenizer(input, handler, chunkBytes);
  return tokenizer.run();
}

}  // namespace orglens::importers
