#include "importers/csv_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace orglens::importers {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMinBufferSize = 16;  // bytes; keeps the growth arithmetic sane
constexpr std::size_t kSniffMaxRecords = 50;

std::size_t find(const char* base, std::size_t from, std::size_t to, char c) {
  const void* hit = std::memchr(base + from, c, to - from);
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base) : to;
}

/// Field count of each record at the start of `sample` when split on `delimiter`, quotes
/// respected; blank lines skipped, an unterminated last record dropped unless it is the only one.
std::vector<std::size_t> recordWidths(std::string_view sample, char delimiter, char quote) {
  std::vector<std::size_t> widths;
  std::size_t fields = 1;
  bool inQuotes = false;
  bool atFieldStart = true;
  bool emptyRecord = true;
  for (std::size_t i = 0; i < sample.size() && widths.size() < kSniffMaxRecords; ++i) {
    const char c = sample[i];
    if (inQuotes) {
      if (c == quote) {
        if (i + 1 < sample.size() && sample[i + 1] == quote) {
          ++i;
        } else {
          inQuotes = false;
        }
      }
    } else if (c == '\n' || c == '\r') {
      if (!emptyRecord) widths.push_back(fields);
      fields = 1;
      atFieldStart = true;
      emptyRecord = true;
    } else {
      inQuotes = c == quote && atFieldStart;
      atFieldStart = c == delimiter;
      fields += c == delimiter ? 1 : 0;
      emptyRecord = false;
    }
  }
  if (!emptyRecord && !inQuotes && widths.empty()) widths.push_back(fields);
  return widths;
}

}  // namespace

char sniffDelimiter(std::string_view sample) {
  char best = ',';
  std::size_t bestScore = 0;
  std::size_t bestWidth = 0;
  for (const char candidate : {',', ';', '\t'}) {
    const std::vector<std::size_t> widths = recordWidths(sample, candidate, '"');
    // Mode of the widths: the field count the file most likely has with this delimiter.
    std::size_t modeWidth = 0;
    std::size_t modeCount = 0;
    for (const std::size_t w : widths) {
      const auto count = static_cast<std::size_t>(std::count(widths.begin(), widths.end(), w));
      if (count > modeCount || (count == modeCount && w > modeWidth)) {
        modeWidth = w;
        modeCount = count;
      }
    }
    if (modeWidth < 2) continue;  // the candidate never splits a line
    if (modeCount > bestScore || (modeCount == bestScore && modeWidth > bestWidth)) {
      best = candidate;
      bestScore = modeCount;
      bestWidth = modeWidth;
    }
  }
  return best;
}

CsvReader::CsvReader(std::size_t bufferSize) : m_buf(std::max(bufferSize, kMinBufferSize)) {}

CsvReader::~CsvReader() {
  if (m_file) std::fclose(m_file);
}

std::unique_ptr<CsvReader> CsvReader::open(const std::filesystem::path& path, std::string& error,
                                           std::size_t bufferSize) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "cannot open '" + path.string() + "': it is a directory";
    return nullptr;
  }
  errno = 0;
#ifdef _WIN32
  std::FILE* file = _wfopen(path.c_str(), L"rb");  // path::c_str() is wide there
#else
  std::FILE* file = std::fopen(path.c_str(), "rb");
#endif
  if (!file) {
    error = "cannot open '" + path.string() + "': " + std::generic_category().message(errno);
    return nullptr;
  }
  std::setvbuf(file, nullptr, _IONBF, 0);  // we read in large blocks; stdio buffering is a copy
  std::unique_ptr<CsvReader> reader(new CsvReader(bufferSize));
  reader->m_file = file;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  reader->m_totalBytes = ec ? 0 : size;
  return reader;
}

std::unique_ptr<CsvReader> CsvReader::fromString(std::string text, std::size_t bufferSize) {
  std::unique_ptr<CsvReader> reader(new CsvReader(bufferSize));
  reader->m_totalBytes = text.size();
  reader->m_text = std::move(text);
  return reader;
}

void CsvReader::setDialect(CsvDialect dialect) {
  m_dialect = dialect;
}

std::size_t CsvReader::readSource(char* dst, std::size_t n) {
  if (m_file) {
    errno = 0;
    const std::size_t got = std::fread(dst, 1, n, m_file);
    if (got == 0 && std::ferror(m_file)) {
      m_error = "line " + std::to_string(m_line) +
                ": read error: " + std::generic_category().message(errno);
    }
    return got;
  }
  const std::size_t got = std::min(n, m_text.size() - m_textPos);
  std::memcpy(dst, m_text.data() + m_textPos, got);
  m_textPos += got;
  return got;
}

// Moves the unconsumed bytes to the front, grows the buffer when they fill most of it (a
// record longer than the buffer), and appends input. Returns false at end of input.
bool CsvReader::refill() {
  if (m_eof) return false;
  if (m_pos > 0) {
    std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
    m_bufferInputOffset += m_pos;
    m_end -= m_pos;
    m_lfScan = m_lfScan > m_pos ? m_lfScan - m_pos : 0;
    m_pos = 0;
  }
  if (m_buf.size() - m_end < m_buf.size() / 4) m_buf.resize(m_buf.size() * 2);
  const std::size_t got = readSource(m_buf.data() + m_end, m_buf.size() - m_end);
  if (got == 0) {
    m_eof = true;
    return false;
  }
  m_end += got;
  return true;
}

void CsvReader::skipBom() {
  m_started = true;
  while (m_end - m_pos < kUtf8Bom.size() && refill()) {
  }
  const std::string_view start(m_buf.data() + m_pos, m_end - m_pos);
  if (start.substr(0, kUtf8Bom.size()) == kUtf8Bom) m_pos += kUtf8Bom.size();
}

std::string_view CsvReader::head(std::size_t n) {
  if (!m_started) skipBom();
  while (m_end - m_pos < n && refill()) {
  }
  return {m_buf.data() + m_pos, std::min(n, m_end - m_pos)};
}

// Skips empty lines (LF, CRLF or lone CR). Returns false at end of input.
bool CsvReader::skipBlankLines() {
  for (;;) {
    if (m_pos == m_end && !refill()) return false;
    const char c = m_buf[m_pos];
    if (c != '\n' && c != '\r') return true;
    if (c == '\r' && m_pos + 1 == m_end) refill();  // is it CRLF? (refill keeps m_pos on CR)
    ++m_pos;
    if (c == '\r' && m_pos < m_end && m_buf[m_pos] == '\n') ++m_pos;
    ++m_line;
  }
}

std::size_t CsvReader::findLf(std::size_t from) {
  if (m_lfScan < from) m_lfScan = from;
  if (m_lfScan < m_end && m_buf[m_lfScan] == '\n') return m_lfScan;
  m_lfScan = find(m_buf.data(), m_lfScan, m_end, '\n');
  return m_lfScan;
}

// Fast path: a record that is one physical line without any quote character is split with
// memchr straight into views of the buffer.
CsvReader::ParseStatus CsvReader::splitPlainLine(CsvRow& row) {
  const char* base = m_buf.data();
  const std::size_t lf = findLf(m_pos);
  const std::size_t cr = find(base, m_pos, lf, '\r');
  std::size_t lineEnd = 0;
  std::size_t nextPos = 0;
  if (cr < lf) {
    if (cr + 1 == m_end && !m_eof) return ParseStatus::NeedMoreData;  // CR, or CRLF split?
    lineEnd = cr;
    nextPos = cr + 1 == lf && lf < m_end ? lf + 1 : cr + 1;  // CRLF or lone CR
  } else if (lf < m_end) {
    lineEnd = lf;
    nextPos = lf + 1;
  } else if (m_eof) {
    lineEnd = nextPos = m_end;  // last line without a line break
  } else {
    return ParseStatus::NeedMoreData;
  }
  if (find(base, m_pos, lineEnd, m_dialect.quote) < lineEnd) return ParseStatus::Quoted;

  const char* p = base + m_pos;
  const char* const end = base + lineEnd;
  for (;;) {
    const void* hit = std::memchr(p, m_dialect.delimiter, static_cast<std::size_t>(end - p));
    const char* fieldEnd = hit ? static_cast<const char*>(hit) : end;
    row.fields.emplace_back(p, static_cast<std::size_t>(fieldEnd - p));
    if (!hit) break;
    p = fieldEnd + 1;
  }
  m_pos = nextPos;
  ++m_line;
  return ParseStatus::Complete;
}

// Line breaks in [begin, end): LF, CRLF and lone CR each count once.
std::uint64_t CsvReader::countLineBreaks(const char* begin, const char* end) const {
  const auto size = static_cast<std::size_t>(end - begin);
  if (!std::memchr(begin, '\n', size) && !std::memchr(begin, '\r', size)) return 0;
  std::uint64_t breaks = 0;
  for (const char* p = begin; p < end; ++p) {
    if (*p == '\n') {
      ++breaks;
    } else if (*p == '\r') {
      if (p + 1 < end && p[1] == '\n') ++p;
      ++breaks;
    }
  }
  return breaks;
}

// Parses the quoted field starting at m_buf[p] (the opening quote) into m_scratch, undoubling
// quotes. Text after the closing quote up to the next delimiter or line break is kept literally
// (lenient, like Python's csv). Advances p; adds the line breaks inside the quotes to `lines`.
CsvReader::ParseStatus CsvReader::parseQuotedField(std::size_t& p, std::uint64_t& lines) {
  const char quote = m_dialect.quote;
  const std::size_t scratchStart = m_scratch.size();
  const std::uint64_t startLine = m_line + lines;
  const char* base = m_buf.data();
  std::size_t segment = p + 1;
  for (;;) {
    const std::size_t q = find(base, segment, m_end, quote);
    if (q == m_end) {
      if (!m_eof) return ParseStatus::NeedMoreData;
      // Report the last line that has content, not the empty one after a final line break.
      const bool endsWithBreak =
          m_end > segment && (base[m_end - 1] == '\n' || base[m_end - 1] == '\r');
      const std::uint64_t lastLine =
          startLine + countLineBreaks(base + segment, base + m_end) - (endsWithBreak ? 1 : 0);
      m_error = "line " + std::to_string(lastLine) +
                ": unterminated quoted field (starts at line " + std::to_string(startLine) + ")";
      return ParseStatus::Error;
    }
    lines += countLineBreaks(base + segment, base + q);
    m_scratch.append(base + segment, q - segment);
    if (q + 1 == m_end && !m_eof) return ParseStatus::NeedMoreData;  // closing or doubled?
    if (q + 1 < m_end && base[q + 1] == quote) {
      m_scratch.push_back(quote);
      segment = q + 2;
      continue;
    }
    p = q + 1;
    break;
  }
  const char delimiter = m_dialect.delimiter;
  while (p < m_end && base[p] != delimiter && base[p] != '\n' && base[p] != '\r') {
    m_scratch.push_back(base[p++]);
  }
  m_spans.push_back({scratchStart, m_scratch.size() - scratchStart, true});
  return ParseStatus::Complete;
}

// Quote-aware path for a record whose first line contains the quote character. Restarts from
// the record start after every refill, so spans never point into a moved buffer; a record is
// re-parsed at most O(log(record size / buffer size)) + 2 times.
CsvReader::ParseStatus CsvReader::parseQuotedRecord(CsvRow& row) {
  m_scratch.clear();
  m_spans.clear();
  const char delimiter = m_dialect.delimiter;
  std::size_t p = m_pos;
  std::uint64_t lines = 0;  // line breaks inside quoted fields
  for (;;) {
    if (p < m_end && m_buf[p] == m_dialect.quote) {
      const ParseStatus status = parseQuotedField(p, lines);
      if (status != ParseStatus::Complete) return status;
    } else {
      const std::size_t start = p;
      while (p < m_end && m_buf[p] != delimiter && m_buf[p] != '\n' && m_buf[p] != '\r') ++p;
      m_spans.push_back({start - m_pos, p - start, false});
    }
    if (p == m_end) {
      if (!m_eof) return ParseStatus::NeedMoreData;
      break;
    }
    if (m_buf[p] == delimiter) {
      ++p;
      continue;
    }
    if (m_buf[p] == '\r' && p + 1 == m_end && !m_eof) return ParseStatus::NeedMoreData;
    if (m_buf[p] == '\r' && p + 1 < m_end && m_buf[p + 1] == '\n') ++p;
    ++p;
    break;
  }
  // The buffer and m_scratch no longer change for this record: the views stay valid.
  row.fields.clear();
  for (const FieldSpan& span : m_spans) {
    const char* data = span.inScratch ? m_scratch.data() : m_buf.data() + m_pos;
    row.fields.emplace_back(data + span.offset, span.length);
  }
  m_pos = p;
  m_line += lines + 1;
  return ParseStatus::Complete;
}

bool CsvReader::next(CsvRow& row) {
  row.fields.clear();
  if (!m_error.empty()) return false;
  if (!m_started) skipBom();
  if (!skipBlankLines()) return false;
  row.line = m_line;
  for (;;) {
    ParseStatus status = splitPlainLine(row);
    if (status == ParseStatus::Quoted) status = parseQuotedRecord(row);
    if (status == ParseStatus::Complete) return true;
    if (status == ParseStatus::Error) return false;
    if (!refill() && !m_error.empty()) return false;  // NeedMoreData; at EOF parse once more
  }
}

}  // namespace orglens::importers
