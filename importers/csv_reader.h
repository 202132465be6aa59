// Streaming RFC 4180 CSV reader: the lowest layer of the CSV importer.
//
// Reads through one growable buffer (1 MiB by default) and hands out each record as
// string_views into that buffer, so a record costs no allocation once the caller's CsvRow has
// grown to the widest row. Unquoted lines are split with memchr; only lines containing the
// quote character go through the slower quote-aware path.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::importers {

struct CsvDialect {
  char delimiter = ',';
  char quote = '"';
};

/// Guesses the delimiter among ',', ';', '\t' from the first lines of `sample`: the one whose
/// field count (quotes respected) is the same, and greater than one, on the most lines; ties go
/// to the wider split, then to the order above. A last line cut off by the end of the sample is
/// ignored. Returns ',' when no candidate splits any line. O(size of the first 50 lines).
char sniffDelimiter(std::string_view sample);

struct CsvRow {
  std::vector<std::string_view> fields;  // valid until the next call to next()
  std::uint64_t line = 0;                // 1-based physical line where the record starts
};

class CsvReader {
 public:
  static constexpr std::size_t kDefaultBufferSize = std::size_t{1} << 20;  // bytes

  /// Reads from a file path, streaming through a buffer of `bufferSize` bytes (grown when a
  /// record does not fit). Returns nullptr and sets `error` ("cannot open 'x.csv': No such
  /// file or directory") when the file cannot be opened. `bufferSize` is a test hook.
  static std::unique_ptr<CsvReader> open(const std::filesystem::path& path, std::string& error,
                                         std::size_t bufferSize = kDefaultBufferSize);
  /// Reads from an in-memory buffer (tests, sniffing). It is fed through the same buffer
  /// logic as a file, in chunks of `bufferSize` bytes.
  static std::unique_ptr<CsvReader> fromString(std::string text,
                                               std::size_t bufferSize = kDefaultBufferSize);

  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  void setDialect(CsvDialect dialect);
  const CsvDialect& dialect() const { return m_dialect; }

  /// Up to n bytes of the unconsumed input (the start of the file before the first next()),
  /// without consuming it; a UTF-8 BOM is already skipped. Reads more input if needed.
  std::string_view head(std::size_t n);

  /// Next record. Blank lines are skipped. Returns false at the end of input or on a fatal
  /// structural error; then error() is non-empty and names the line, e.g. "line 42:
  /// unterminated quoted field (starts at line 40)".
  bool next(CsvRow& row);

  const std::string& error() const { return m_error; }
  /// Input bytes consumed so far, BOM included (for progress).
  std::uint64_t bytesRead() const { return m_bufferInputOffset + m_pos; }
  /// Input size in bytes if known (file size, string length), else 0.
  std::uint64_t totalBytes() const { return m_totalBytes; }

 private:
  // One field of the quote-aware path. Offsets are relative to the record start in the buffer
  // (stable across compaction) or to m_scratch, and become string_views once the record ends.
  struct FieldSpan {
    std::size_t offset;
    std::size_t length;
    bool inScratch;
  };
  enum class ParseStatus { Complete, Quoted, NeedMoreData, Error };

  explicit CsvReader(std::size_t bufferSize);
  bool refill();
  std::size_t readSource(char* dst, std::size_t n);
  void skipBom();
  bool skipBlankLines();
  std::size_t findLf(std::size_t from);
  ParseStatus splitPlainLine(CsvRow& row);
  ParseStatus parseQuotedRecord(CsvRow& row);
  ParseStatus parseQuotedField(std::size_t& p, std::uint64_t& lines);
  std::uint64_t countLineBreaks(const char* begin, const char* end) const;

  CsvDialect m_dialect;
  std::vector<char> m_buf;  // [m_pos, m_end) is unconsumed input
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  // Invariant: no '\n' in [m_pos, m_lfScan); m_buf[m_lfScan] is '\n' when m_lfScan < m_end.
  // Spares re-scanning a buffer without LF (lone-CR files) once per line.
  std::size_t m_lfScan = 0;
  std::uint64_t m_bufferInputOffset = 0;  // input offset of m_buf[0]
  std::uint64_t m_totalBytes = 0;
  std::uint64_t m_line = 1;  // physical line of m_buf[m_pos]
  bool m_eof = false;
  bool m_started = false;  // BOM handled
  std::string m_error;

  std::FILE* m_file = nullptr;  // source: a file, or m_text from m_textPos
  std::string m_text;
  std::size_t m_textPos = 0;

  std::string m_scratch;  // unescaped quoted fields of the current record
  std::vector<FieldSpan> m_spans;
};

}  // namespace orglens::importers
