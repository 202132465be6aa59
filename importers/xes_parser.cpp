#include "importers/xes_parser.h"

#include <expat.h>

#include <algorithm>
#include <exception>
#include <optional>

#include "importers/xes_builder.h"
#include "importers/xes_input.h"
#include "importers/xes_lines.h"
#include "importers/xes_tokenizer.h"

namespace orglens::importers {
namespace {

/// The expat reader: expat's callbacks feed the shared XesTraceBuilder.
class ExpatReader {
 public:
  explicit ExpatReader(XesHandler& handler);
  ~ExpatReader() { XML_ParserFree(m_parser); }
  ExpatReader(const ExpatReader&) = delete;
  ExpatReader& operator=(const ExpatReader&) = delete;
  bool parse(XesInput& input, std::size_t chunkBytes);

 private:
  static void XMLCALL onStart(void* self, const XML_Char* name, const XML_Char** atts);
  static void XMLCALL onEnd(void* self, const XML_Char* name);
  void start(const char* name, const char** atts);
  void end();
  void stop() {
    m_stopped = true;
    XML_StopParser(m_parser, XML_FALSE);
  }
  XML_Status parseBuffer(int bytes, bool final);
  [[noreturn]] void throwXmlError();
  std::uint64_t line() {
    if (!m_lines.exact()) return XML_GetCurrentLineNumber(m_parser);
    const XML_Index at = XML_GetCurrentByteIndex(m_parser);
    return at < 0 ? XML_GetCurrentLineNumber(m_parser)
                  : m_lines.lineAt(static_cast<std::uint64_t>(at));
  }

  XesHandler& m_handler;
  XML_Parser m_parser;
  XesLineCounter m_lines;
  XesTraceBuilder m_builder;
  std::vector<XesXmlAttribute> m_attributes;
  bool m_traceReady = false;
  bool m_stopped = false;
  std::exception_ptr m_exception;  // thrown inside a callback, rethrown outside expat
};

ExpatReader::ExpatReader(XesHandler& handler)
    : m_handler(handler), m_parser(XML_ParserCreate(nullptr)) {
  if (!m_parser) throw std::bad_alloc();
  XML_SetUserData(m_parser, this);
  XML_SetElementHandler(m_parser, &ExpatReader::onStart, &ExpatReader::onEnd);
}

// Exceptions must not unwind through expat's C frames: they are parked and rethrown.
void XMLCALL ExpatReader::onStart(void* self, const XML_Char* name, const XML_Char** atts) {
  auto* r = static_cast<ExpatReader*>(self);
  if (r->m_stopped) return;
  try {
    r->start(name, atts);
  } catch (...) {
    r->m_exception = std::current_exception();
    r->stop();
  }
}

void XMLCALL ExpatReader::onEnd(void* self, const XML_Char*) {
  auto* r = static_cast<ExpatReader*>(self);
  if (r->m_stopped) return;
  try {
    r->end();
  } catch (...) {
    r->m_exception = std::current_exception();
    r->stop();
  }
}

void ExpatReader::start(const char* name, const char** atts) {
  m_attributes.clear();
  for (int i = 0; atts[i]; i += 2) m_attributes.push_back({atts[i], atts[i + 1]});
  m_builder.start(name, m_attributes, line());
  if (m_builder.fatal()) stop();
}

void ExpatReader::end() {
  if (m_builder.end()) {
    // Suspend so that the trace is handed over outside expat (handlers may throw).
    m_traceReady = true;
    XML_StopParser(m_parser, XML_TRUE);
  }
}

XML_Status ExpatReader::parseBuffer(int bytes, bool final) {
  XML_Status status = XML_ParseBuffer(m_parser, bytes, final);
  while (status == XML_STATUS_SUSPENDED) {
    m_builder.flushWarnings(m_handler);
    if (m_traceReady) {
      m_traceReady = false;
      m_handler.onTrace(m_builder.trace());
    }
    status = XML_ResumeParser(m_parser);
  }
  return status;
}

void ExpatReader::throwXmlError() {
  if (m_exception) std::rethrow_exception(m_exception);
  if (m_builder.fatal()) throw *m_builder.fatal();
  throw XesParseError(XML_GetCurrentLineNumber(m_parser),
                      std::string("XML error: ") + XML_ErrorString(XML_GetErrorCode(m_parser)));
}

bool ExpatReader::parse(XesInput& input, std::size_t chunkBytes) {
  const int chunk = static_cast<int>(chunkBytes);
  for (;;) {
    void* buffer = XML_GetBuffer(m_parser, chunk);
    if (!buffer) throw std::bad_alloc();
    const int got = input.read(static_cast<char*>(buffer), chunk);
    if (got < 0) throw XesParseError(XML_GetCurrentLineNumber(m_parser), input.error());
    if (got > 0) m_lines.addChunk(static_cast<const char*>(buffer), static_cast<std::size_t>(got));
    if (got == 0 && input.total() == 0) throw XesParseError(0, "the file is empty");
    if (parseBuffer(got, got == 0) == XML_STATUS_ERROR) {
      // Warnings about what came before the error are handed over first: the tokenizer may
      // have delivered them before it stopped, and both readers must make the same calls.
      if (!m_exception) m_builder.flushWarnings(m_handler);
      throwXmlError();
    }
    m_builder.flushWarnings(m_handler);
    if (got == 0) return true;
    if (!m_handler.onChunk(input.offset(), input.fileSize())) return false;
  }
}

/// Forwards to `handler` what the tokenizer has not handed over yet: when expat takes over,
/// it reads the file from the start and its first traces, warnings and progress repeat what
/// the tokenizer already delivered (both readers build them with the same XesTraceBuilder).
class TakeOverHandler final : public XesHandler {
 public:
  TakeOverHandler(XesHandler& handler, const XesTokenizerResult& done)
      : m_handler(handler), m_skipTraces(done.traces), m_skipWarnings(done.warnings),
        m_chunkOffset(done.chunkOffset) {}
  void onTrace(const XesTrace& trace) override {
    if (m_skipTraces > 0) {
      --m_skipTraces;
      return;
    }
    m_handler.onTrace(trace);
  }
  void onWarning(std::uint64_t line, std::string_view message) override {
    if (m_skipWarnings > 0) {
      --m_skipWarnings;
      return;
    }
    m_handler.onWarning(line, message);
  }
  bool onChunk(std::uint64_t bytesRead, std::uint64_t fileSize) override {
    return bytesRead <= m_chunkOffset || m_handler.onChunk(bytesRead, fileSize);
  }

 private:
  XesHandler& m_handler;
  std::uint64_t m_skipTraces, m_skipWarnings, m_chunkOffset;
};

}  // namespace

bool parseXesFile(const std::filesystem::path& path, XesHandler& handler,
                  const XesParseOptions& options, XesParseReport* report) {
  const std::size_t chunkBytes = std::max<std::size_t>(options.chunkBytes, 1);
  if (options.reader == XesXmlReader::Tokenizer) {
    XesInput input(path, chunkBytes);
    const XesTokenizerResult result = tokenizeXes(input, handler, chunkBytes);
    if (result.status != XesTokenizerResult::Status::GaveUp)
      return result.status == XesTokenizerResult::Status::Done;
    if (report) {
      report->expatTookOver = true;
      report->takeOverLine = result.line;
      report->takeOverReason = result.reason;
    }
    XesInput again(path, chunkBytes);
    TakeOverHandler rest(handler, result);
    ExpatReader reader(rest);
    return reader.parse(again, chunkBytes);
  }
  XesInput input(path, chunkBytes);
  ExpatReader reader(handler);
  return reader.parse(input, chunkBytes);
}

bool parseXesFile(const std::filesystem::path& path, XesHandler& handler) {
  return parseXesFile(path, handler, XesParseOptions{});
}

}  // namespace orglens::importers
