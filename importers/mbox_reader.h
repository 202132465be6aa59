// Streaming reader of mail files: mbox (mboxo, mboxrd, pipermail archives), plain or gzip,
// and single-message files (maildir). It splits messages and hands over each message's header
// block; body lines are passed one at a time and never kept, so memory does not grow with
// the archive (a header block is capped at kMaxHeaderBytes, a line at kBufferBytes).
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::importers {

/// Where a message starts and its header block, valid during MailHandler::onHeaders.
struct MailMessageStart {
  std::uint64_t line = 0;      // 1-based line of the first header line
  std::uint64_t offset = 0;    // byte offset of the message (its From_ line or first header)
  std::string_view envelope;   // sender of the From_ line ("ann at x.org"); empty when none
  std::string_view headers;    // the header lines, each ending in '\n', CR removed
  bool endsInHeaders = false;  // the input ended before the blank line after the headers
  bool headersCapped = false;  // the block passed kMaxHeaderBytes; the rest was dropped
};

class MailHandler {
 public:
  virtual ~MailHandler() = default;
  virtual void onHeaders(const MailMessageStart& message) = 0;
  /// One body line without its line break (and CR); the view dies after the call.
  virtual void onBodyLine(std::string_view line) = 0;
  virtual void onMessageEnd() = 0;
  /// About every MiB: bytes of the file consumed so far. Returning false stops reading.
  virtual bool onProgress(std::uint64_t fileBytesRead) = 0;
};

/// Thrown when the file cannot be opened or its gzip stream is corrupt.
class MailReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class MailSplit {
  Mbox,    // messages start at From_ lines (isFromLine)
  Single,  // the whole file is one message (maildir); a leading From_ line is skipped
};

inline constexpr std::size_t kMaxHeaderBytes = 1 << 20;
inline constexpr std::size_t kBufferBytes = 4 << 20;

/// Reads `path` (zlib reads plain and gzip files alike) and calls `handler` for every
/// message. Returns false when the handler stopped it. O(file size), O(kBufferBytes) memory.
bool readMailFile(const std::filesystem::path& path, MailSplit split, MailHandler& handler);

/// True when `line` is an mbox From_ line: `From <sender> <Day> <Mon> <D> <HH:MM[:SS]>
/// [<zone>] <YYYY> ...`. The date is required because pipermail does not escape body lines
/// starting with "From ", and the sender may hold spaces (pipermail's "ann at x.org").
/// Sets `sender` when given.
bool isFromLine(std::string_view line, std::string_view* sender = nullptr);

/// True when `path` is a maildir folder (it has `cur` and `new` subfolders).
bool isMaildir(const std::filesystem::path& path);

/// The message files of a maildir (`cur` and `new`; `tmp` holds deliveries in progress),
/// sorted by file name. Hidden files are skipped.
std::vector<std::filesystem::path> maildirMessages(const std::filesystem::path& folder);

}  // namespace orglens::importers
