#include "importers/json_values.h"

#include <algorithm>
#include <cstring>

namespace orglens::importers {
namespace {

constexpr std::size_t kBlock = 1 << 20;  // bytes per read: few calls, little memory

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

LineReader::~LineReader() {
  if (m_gz) gzclose(m_gz);
}

bool LineReader::open(const std::filesystem::path& path) {
  m_gz = gzopen(path.c_str(), "rb");
  if (!m_gz) {
    m_error = "cannot open '" + path.string() + "'";
    return false;
  }
  gzbuffer(m_gz, 256 * 1024);
  m_buffer.assign(kBlock + m_padding, '\0');
  return true;
}

std::uint64_t LineReader::fileOffset() const {
  return m_gz ? static_cast<std::uint64_t>(std::max<z_off_t>(0, gzoffset(m_gz))) : 0;
}

bool LineReader::fill() {
  // Keep the unread rest at the front; grow when one line fills the whole buffer.
  if (m_begin > 0) {
    std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
    m_end -= m_begin;
    m_begin = 0;
  }
  const std::size_t capacity = m_buffer.size() - m_padding;
  if (m_end == capacity) m_buffer.resize(2 * capacity + m_padding, '\0');
  const std::size_t room = std::min<std::size_t>(m_buffer.size() - m_padding - m_end, 1u << 30);
  const int got = gzread(m_gz, m_buffer.data() + m_end, static_cast<unsigned>(room));
  int code = Z_OK;
  const char* message = gzerror(m_gz, &code);
  if (got < 0 || (code != Z_OK && code != Z_STREAM_END)) {
    m_error = message && *message ? message : "read error";
    m_eof = true;
  }
  if (got > 0) m_end += static_cast<std::size_t>(got);
  if (got <= 0) m_eof = true;
  return got > 0;
}

bool LineReader::next(std::string_view& line) {
  if (!m_gz) return false;
  while (true) {
    const char* begin = m_buffer.data() + m_begin;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', m_end - m_begin));
    if (newline || (m_eof && m_begin < m_end)) {
      const std::size_t length = newline ? std::size_t(newline - begin) : m_end - m_begin;
      line = std::string_view(begin, length);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      m_begin += length + (newline ? 1 : 0);
      ++m_line;
      return true;
    }
    if (m_eof) return false;
    fill();
  }
}

void JsonValueSplitter::end(std::string_view line, std::size_t start, std::size_t stop,
                            const Callback& onValue) {
  if (m_value.empty()) {
    onValue(line.substr(start, stop - start), m_valueLine);
    return;
  }
  m_value.append(line.substr(0, stop));
  onValue(m_value, m_valueLine);
  m_value.clear();
}

void JsonValueSplitter::feed(std::string_view line, std::uint64_t lineNumber,
                             const Callback& onValue) {
  std::size_t start = 0;  // of the open value in this line
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (m_inString) {
      if (m_escape)
        m_escape = false;
      else if (c == '\\')
        m_escape = true;
      else if (c == '"' && (m_inString = false, m_depth == 0))
        end(line, start, i + 1, onValue);  // a top-level string
      continue;
    }
    if (m_scalar) {
      if (!isSpace(c) && c != ',' && c != ']' && c != '}') continue;
      m_scalar = false;
      end(line, start, i, onValue);  // `c` is looked at again below, between values
    } else if (m_depth > 0) {
      if (c == '"') m_inString = true;
      if (c == '{' || c == '[') ++m_depth;
      if ((c == '}' || c == ']') && --m_depth == 0) end(line, start, i + 1, onValue);
      continue;
    }
    // Between values.
    if (isSpace(c) || c == ',') continue;
    if (c == '[' && !m_inArray) {
      m_inArray = true;
      continue;
    }
    if (c == ']' && m_inArray) {
      m_inArray = false;
      continue;
    }
    start = i;
    m_valueLine = lineNumber;
    if (c == '{' || c == '[')
      m_depth = 1;
    else if (c == '"')
      m_inString = true;
    else if (c == '}' || c == ']')
      end(line, i, i + 1, onValue);  // a stray closer: handed on as a (bad) value
    else
      m_scalar = true;
  }
  if (m_scalar) {  // a scalar ends with its line
    m_scalar = false;
    end(line, start, line.size(), onValue);
  } else if (open()) {
    m_value.append(line.substr(start));
    m_value += '\n';
  }
}

bool JsonValueStream::nextLine(std::string_view& line) {
  while (m_lines.next(line))
    if (line.find_first_not_of(" \t") != std::string_view::npos) return true;
  return false;
}

bool JsonValueStream::next(std::string_view& value, std::uint64_t& line, bool& padded) {
  if (m_mode != Mode::Values) {
    std::string_view text;
    if (!nextLine(text)) return false;
    if (m_mode == Mode::Unknown) {
      // NDJSON when the first line is one whole object and nothing else.
      JsonValueSplitter probe;
      int values = 0;
      probe.feed(text, 1, [&](std::string_view, std::uint64_t) { ++values; });
      const auto first = text.find_first_not_of(" \t");
      m_mode = values == 1 && probe.idle() && text[first] == '{' ? Mode::Lines : Mode::Values;
    }
    if (m_mode == Mode::Lines) {
      value = text;
      line = m_lines.lineNumber();
      padded = true;
      return true;
    }
    m_splitter.feed(text, m_lines.lineNumber(), [&](std::string_view v, std::uint64_t l) {
      m_queue.emplace_back(std::string(v), l);
    });
  }
  while (m_queue.empty()) {
    std::string_view text;
    if (!nextLine(text)) {
      if (m_splitter.open() && m_error.empty())
        m_error = "the data ends inside the JSON value that starts at line " +
                  std::to_string(m_splitter.openLine());
      return false;
    }
    m_splitter.feed(text, m_lines.lineNumber(), [&](std::string_view v, std::uint64_t l) {
      m_queue.emplace_back(std::string(v), l);
    });
  }
  m_current = std::move(m_queue.front().first);
  line = m_queue.front().second;
  m_queue.pop_front();
  value = m_current;
  padded = false;
  return true;
}

std::vector<std::string> leadingJsonValues(std::string_view head, std::size_t max) {
  JsonValueSplitter splitter;
  std::vector<std::string> out;
  std::uint64_t number = 0;
  while (!head.empty() && out.size() < max) {
    const auto newline = std::min(head.find('\n'), head.size());
    splitter.feed(head.substr(0, newline), ++number, [&](std::string_view v, std::uint64_t) {
      if (out.size() < max) out.emplace_back(v);
    });
    head.remove_prefix(std::min(newline + 1, head.size()));
  }
  return out;
}

}  // namespace orglens::importers
