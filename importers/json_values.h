// Streaming JSON values out of a plain or gzip file, for the GitHub importers: NDJSON (one
// value per line, as GH Archive and `jq -c` write it) line by line, and anything else — a
// pretty-printed array, `gh api --paginate`'s arrays one after another, concatenated objects —
// split into the elements of its top-level arrays and its top-level values. Memory is bounded
// by the longest line (NDJSON) or value, never by the file.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::importers {

/// Lines of a plain or gzip file (zlib reads both), read in large blocks. Each line is
/// handed out without its '\n' (and '\r'), followed by at least `padding` readable bytes.
class LineReader {
 public:
  explicit LineReader(std::size_t padding = 0) : m_padding(padding) {}
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  /// False with error() set when the file cannot be opened.
  bool open(const std::filesystem::path& path);
  /// The next line; false at the end of the data or when reading failed (see error()). The
  /// view is valid until the next call.
  bool next(std::string_view& line);
  /// 1-based number of the line last returned.
  std::uint64_t lineNumber() const { return m_line; }
  /// Why reading stopped early ("unexpected end of file" of a truncated gzip stream, a
  /// corrupt block); empty when the data ended normally.
  const std::string& error() const { return m_error; }
  /// Bytes of the file consumed so far (compressed bytes for gzip): for progress.
  std::uint64_t fileOffset() const;

 private:
  bool fill();

  std::size_t m_padding;
  gzFile m_gz = nullptr;
  std::vector<char> m_buffer;  // data in [m_begin, m_end), then at least m_padding bytes
  std::size_t m_begin = 0, m_end = 0;
  bool m_eof = false;
  std::uint64_t m_line = 0;
  std::string m_error;
};

/// Cuts a text fed line by line into JSON values: each element of a top-level array, and each
/// top-level value outside arrays. Tracks strings and nesting only; whether a value is valid
/// JSON is for the parser to say.
class JsonValueSplitter {
 public:
  using Callback = std::function<void(std::string_view value, std::uint64_t firstLine)>;
  void feed(std::string_view line, std::uint64_t lineNumber, const Callback& onValue);
  /// True when a value is open (the text ended inside it); its first line is openLine().
  bool open() const { return m_depth > 0 || m_inString || m_scalar; }
  std::uint64_t openLine() const { return m_valueLine; }
  /// Between values and outside any array: a line that ended here was self-contained.
  bool idle() const { return !open() && !m_inArray; }

 private:
  void end(std::string_view line, std::size_t start, std::size_t stop, const Callback& onValue);

  int m_depth = 0;
  bool m_inArray = false, m_inString = false, m_escape = false, m_scalar = false;
  std::string m_value;  // the open value's earlier lines
  std::uint64_t m_valueLine = 0;
};

/// The JSON values of a file, NDJSON line by line when its first line is one whole object,
/// else through a JsonValueSplitter.
class JsonValueStream {
 public:
  explicit JsonValueStream(std::size_t padding) : m_lines(padding) {}
  bool open(const std::filesystem::path& path) { return m_lines.open(path); }
  /// The next value and its first line. `padded`: kPadding readable bytes follow the value
  /// (NDJSON lines). Valid until the next call. False at the end (see error()).
  bool next(std::string_view& value, std::uint64_t& line, bool& padded);
  /// Why the data ended early (a truncated gzip stream, a value left open); empty otherwise.
  const std::string& error() const { return m_error.empty() ? m_lines.error() : m_error; }
  std::uint64_t fileOffset() const { return m_lines.fileOffset(); }
  /// Number of the last line read.
  std::uint64_t lineNumber() const { return m_lines.lineNumber(); }
  /// True once the stream has decided it reads NDJSON.
  bool lineMode() const { return m_mode == Mode::Lines; }

 private:
  enum class Mode : std::uint8_t { Unknown, Lines, Values };
  bool nextLine(std::string_view& line);

  LineReader m_lines;
  Mode m_mode = Mode::Unknown;
  JsonValueSplitter m_splitter;
  std::deque<std::pair<std::string, std::uint64_t>> m_queue;
  std::string m_current;
  std::string m_error;
};

/// The first (up to `max`) whole JSON values of a text (a file's head); fewer when the head
/// ends first.
std::vector<std::string> leadingJsonValues(std::string_view head, std::size_t max);

}  // namespace orglens::importers
