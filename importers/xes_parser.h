// A streaming reader of XES (IEEE 1849) event logs, independent of the model: it hands over
// one complete trace at a time (its attributes and its events' attributes, with the <global>
// defaults applied), so memory is bounded by the largest trace, not the log.
// Two XML readers feed it: a hand-written tokenizer (xes_tokenizer.h, the default, four to
// six times faster; docs/xes.md) and expat. The tokenizer reads the XML that XES files are made of;
// when it meets anything else (a DOCTYPE, CDATA, a processing instruction, another
// encoding) or malformed XML, expat reads the file again from the start and takes over
// where the tokenizer stopped, so both accept the same files and report the same errors.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::importers {

/// The XES attribute types. List values arrive as the decimal count of their child values
/// (their children are not reported); containers have no value of their own and are never
/// reported, only their flattened children.
enum class XesType : std::uint8_t { String, Date, Int, Float, Boolean, Id, List };

/// Keys the parser interns first, so that readers can test them by id without comparing text.
enum XesKey : std::uint32_t {
  kXesConceptName = 0,
  kXesTimestamp,
  kXesResource,
  kXesGroup,
  kXesRole,
  kXesLifecycle,
  kXesInstance,
  kXesWellKnownKeys  // the number of keys above
};

struct XesAttribute {
  std::uint32_t key = 0;  // index into XesTrace::keyName(); nested keys are "parent/child"
  XesType type = XesType::String;
  std::uint32_t size = 0;  // value bytes
  std::size_t offset = 0;  // value start in the trace's text arena
  std::uint64_t line = 0;  // line of the attribute element (1-based)
};

struct XesEvent {
  std::uint64_t line = 0;   // line of <event>
  std::uint32_t begin = 0;  // [begin, end) in XesTrace::eventAttributes
  std::uint32_t end = 0;
};

/// One trace as read: valid only during XesHandler::onTrace (its storage is reused).
struct XesTrace {
  std::uint64_t line = 0;  // line of <trace>
  std::vector<XesAttribute> attributes;
  std::vector<XesEvent> events;
  std::vector<XesAttribute> eventAttributes;  // every event's attributes, in file order
  std::string text;                           // the arena all values point into
  const std::vector<std::string>* keys = nullptr;

  std::string_view value(const XesAttribute& a) const { return {text.data() + a.offset, a.size}; }
  std::string_view keyName(std::uint32_t key) const { return (*keys)[key]; }
  std::span<const XesAttribute> attributesOf(const XesEvent& e) const {
    return std::span<const XesAttribute>(eventAttributes).subspan(e.begin, e.end - e.begin);
  }
};

/// Receives the parse results. Called outside expat's frames, so handlers may throw (the
/// exception propagates out of XesParser::parseFile).
class XesHandler {
 public:
  virtual ~XesHandler() = default;
  virtual void onTrace(const XesTrace& trace) = 0;
  /// A structural problem the parser skipped (an event outside a trace, an attribute
  /// without a key or value, ...).
  virtual void onWarning(std::uint64_t line, std::string_view message) = 0;
  /// After each chunk: compressed bytes read so far and the file size. False stops the parse.
  virtual bool onChunk(std::uint64_t bytesRead, std::uint64_t fileSize) = 0;
};

/// A fatal problem: malformed XML, not an XES log, an unreadable or corrupt gzip stream.
/// `line` is the (decompressed) line where it was found, 0 when none applies.
class XesParseError : public std::runtime_error {
 public:
  XesParseError(std::uint64_t line, const std::string& message)
      : std::runtime_error(message), m_line(line) {}
  std::uint64_t line() const { return m_line; }

 private:
  std::uint64_t m_line;
};

enum class XesXmlReader : std::uint8_t {
  Tokenizer,  // the hand-written tokenizer, expat where it stops (the default)
  Expat       // expat only (for comparison in tests and benchmarks)
};

struct XesParseOptions {
  XesXmlReader reader = XesXmlReader::Tokenizer;
  /// Decompressed bytes read at a time; tests use tiny chunks to split every token.
  std::size_t chunkBytes = 256 * 1024;
};

/// How a parse went (for tests and benchmarks).
struct XesParseReport {
  bool expatTookOver = false;  // the tokenizer stopped and expat read the rest
  std::uint64_t takeOverLine = 0;
  std::string takeOverReason;  // what the tokenizer did not read, e.g. "a CDATA section"
};

/// Reads a plain or gzip-compressed XES file in 256 KiB chunks. Returns false when the
/// handler stopped it (onChunk returned false), true at the end of the log. Throws
/// XesParseError on fatal problems. O(file size); memory O(largest trace).
bool parseXesFile(const std::filesystem::path& path, XesHandler& handler);
bool parseXesFile(const std::filesystem::path& path, XesHandler& handler,
                  const XesParseOptions& options, XesParseReport* report = nullptr);

}  // namespace orglens::importers
