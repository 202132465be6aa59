#include "importers/xes_parser.h"

#include "importers/xes_elements.h"
#include "importers/xes_lines.h"

#include <expat.h>
#include <zlib.h>

#include <array>
#include <charconv>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <unordered_map>

namespace orglens::importers {
namespace {

// 256 KiB: large enough that per-call overhead (gzread, XML_ParseBuffer) vanishes, small
// enough to stay in L2 while expat scans it.
constexpr int kChunkBytes = 256 * 1024;

// Where attributes read inside an element go.
enum class Target : std::uint8_t { None, Trace, Event, GlobalTrace, GlobalEvent };
enum class Frame : std::uint8_t { Log, Trace, Event, Global, Attribute, List, Values, Ignored };

struct FrameState {
  Frame kind = Frame::Ignored;
  Target target = Target::None;
  std::uint32_t key = 0;    // attribute and list frames: their (flattened) key
  std::uint32_t count = 0;  // list frames: child values seen
  std::uint64_t line = 0;
};

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>()(s);
  }
};

class XesReader {
 public:
  explicit XesReader(XesHandler& handler);
  ~XesReader() { XML_ParserFree(m_parser); }
  XesReader(const XesReader&) = delete;
  XesReader& operator=(const XesReader&) = delete;
  bool parse(const std::filesystem::path& path);

 private:
  static void XMLCALL onStart(void* self, const XML_Char* name, const XML_Char** atts);
  static void XMLCALL onEnd(void* self, const XML_Char* name);
  void start(const char* name, const char** atts);
  void startInLog(XesElement element, const char** atts, std::uint64_t line);
  void startAttribute(XesElement element, const char** atts, std::uint64_t line, Target target,
                      const FrameState* parent);
  void end();
  std::uint32_t internKey(std::string_view key);
  void addAttribute(Target target, XesType type, std::uint32_t key, std::string_view value,
                    std::uint64_t line);
  void applyGlobals(Target scope, std::uint64_t line);
  void warn(std::uint64_t line, std::string message) {
    m_warnings.emplace_back(line, std::move(message));
  }
  void stop(std::optional<XesParseError> fatal);
  void flushWarnings();
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
  std::vector<FrameState> m_stack;
  std::vector<std::string> m_keys;
  std::unordered_map<std::string, std::uint32_t, KeyHash, std::equal_to<>> m_keyIndex;
  std::string m_scratch;
  XesTrace m_trace;
  // <global> defaults: [0] scope="trace", [1] scope="event"; their values in m_globalText.
  std::array<std::vector<XesAttribute>, 2> m_globals;
  std::string m_globalText;
  // Per key, the serial of the last trace/event that had it (to apply missing defaults).
  std::vector<std::uint64_t> m_traceStamp, m_eventStamp;
  std::uint64_t m_traceSerial = 0, m_eventSerial = 0;
  bool m_traceReady = false;
  bool m_stopped = false;
  std::vector<std::pair<std::uint64_t, std::string>> m_warnings;
  std::optional<XesParseError> m_fatal;
  std::exception_ptr m_exception;  // thrown inside a callback, rethrown outside expat
};

XesReader::XesReader(XesHandler& handler)
    : m_handler(handler), m_parser(XML_ParserCreate(nullptr)) {
  if (!m_parser) throw std::bad_alloc();
  XML_SetUserData(m_parser, this);
  XML_SetElementHandler(m_parser, &XesReader::onStart, &XesReader::onEnd);
  for (const char* k : {"concept:name", "time:timestamp", "org:resource", "org:group", "org:role",
                        "lifecycle:transition", "concept:instance"})
    internKey(k);
  m_trace.keys = &m_keys;
}

// Exceptions must not unwind through expat's C frames: they are parked and rethrown.
void XMLCALL XesReader::onStart(void* self, const XML_Char* name, const XML_Char** atts) {
  auto* r = static_cast<XesReader*>(self);
  if (r->m_stopped) return;
  try {
    r->start(name, atts);
  } catch (...) {
    r->m_exception = std::current_exception();
    r->stop(std::nullopt);
  }
}

void XMLCALL XesReader::onEnd(void* self, const XML_Char*) {
  auto* r = static_cast<XesReader*>(self);
  if (r->m_stopped) return;
  try {
    r->end();
  } catch (...) {
    r->m_exception = std::current_exception();
    r->stop(std::nullopt);
  }
}

void XesReader::stop(std::optional<XesParseError> fatal) {
  m_fatal = std::move(fatal);
  m_stopped = true;
  XML_StopParser(m_parser, XML_FALSE);
}

std::uint32_t XesReader::internKey(std::string_view key) {
  if (auto it = m_keyIndex.find(key); it != m_keyIndex.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(m_keys.size());
  m_keys.emplace_back(key);
  m_keyIndex.emplace(m_keys.back(), id);
  m_traceStamp.push_back(0);
  m_eventStamp.push_back(0);
  return id;
}

void XesReader::start(const char* name, const char** atts) {
  const XesElement element = classifyXesElement(name);
  const std::uint64_t at = line();
  if (m_stack.empty()) {
    if (element != XesElement::Log)
      return stop(XesParseError(
          at, "not an XES log: the root element is <" + std::string(name) + ">, expected <log>"));
    m_stack.push_back({Frame::Log, Target::None, 0, 0, at});
    return;
  }
  const FrameState parent = m_stack.back();
  switch (parent.kind) {
    case Frame::Log:
      return startInLog(element, atts, at);
    case Frame::Trace:
      if (element == XesElement::Event) {
        ++m_eventSerial;
        const auto first = static_cast<std::uint32_t>(m_trace.eventAttributes.size());
        m_trace.events.push_back({at, first, first});
        m_stack.push_back({Frame::Event, Target::Event, 0, 0, at});
        return;
      }
      break;
    case Frame::Event:
    case Frame::Global:
      break;
    case Frame::Attribute:
      if (isXesAttribute(element)) return startAttribute(element, atts, at, parent.target, &parent);
      break;
    case Frame::List:
      if (element == XesElement::Values) return m_stack.push_back({Frame::Values, Target::None});
      [[fallthrough]];
    case Frame::Values:
      // A list's values are counted, not kept (see XesType).
      if (isXesAttribute(element))
        ++m_stack[m_stack.size() - (parent.kind == Frame::List ? 1 : 2)].count;
      [[fallthrough]];
    case Frame::Ignored:
      return m_stack.push_back({Frame::Ignored});
  }
  if (isXesAttribute(element)) return startAttribute(element, atts, at, parent.target, nullptr);
  if (element == XesElement::Trace || element == XesElement::Event)
    warn(at, "a <" + std::string(name) + "> inside " +
                 (parent.kind == Frame::Trace   ? "a <trace>"
                  : parent.kind == Frame::Event ? "an <event>"
                                                : "an attribute or <global>") +
                 " is ignored");
  m_stack.push_back({Frame::Ignored});
}

void XesReader::startInLog(XesElement element, const char** atts, std::uint64_t at) {
  if (element == XesElement::Trace) {
    ++m_traceSerial;
    m_trace.line = at;
    m_trace.attributes.clear();
    m_trace.events.clear();
    m_trace.eventAttributes.clear();
    m_trace.text.clear();
    m_stack.push_back({Frame::Trace, Target::Trace, 0, 0, at});
    return;
  }
  if (element == XesElement::Global) {
    std::string_view scope = "event";  // the XES default scope
    for (int i = 0; atts[i]; i += 2)
      if (std::strcmp(atts[i], "scope") == 0) scope = atts[i + 1];
    const Target target = scope == "trace"   ? Target::GlobalTrace
                          : scope == "event" ? Target::GlobalEvent
                                             : Target::None;
    m_stack.push_back({target == Target::None ? Frame::Ignored : Frame::Global, target});
    return;
  }
  if (element == XesElement::Event) warn(at, "an <event> outside any <trace> is ignored");
  // Log-level attributes, <extension>, <classifier> and unknown elements: not needed.
  m_stack.push_back({Frame::Ignored});
}

void XesReader::startAttribute(XesElement element, const char** atts, std::uint64_t at,
                               Target target, const FrameState* parent) {
  const char* key = nullptr;
  const char* value = nullptr;
  for (int i = 0; atts[i]; i += 2) {
    if (std::strcmp(atts[i], "key") == 0)
      key = atts[i + 1];
    else if (std::strcmp(atts[i], "value") == 0)
      value = atts[i + 1];
  }
  if (!key) {
    warn(at, "an attribute without a key is ignored");
    return m_stack.push_back({Frame::Ignored});
  }
  std::uint32_t id;
  if (parent) {  // nested: flattened as "parent/child"
    m_scratch.assign(m_keys[parent->key]).append(1, '/').append(key);
    id = internKey(m_scratch);
  } else {
    id = internKey(key);
  }
  if (element == XesElement::List) return m_stack.push_back({Frame::List, target, id, 0, at});
  if (element != XesElement::Container) {
    if (value)
      addAttribute(target, xesTypeOf(element), id, value, at);
    else
      warn(at, "the attribute '" + m_keys[id] + "' has no value and is ignored");
  }
  m_stack.push_back({Frame::Attribute, target, id, 0, at});
}

void XesReader::addAttribute(Target target, XesType type, std::uint32_t key, std::string_view value,
                             std::uint64_t at) {
  const bool global = target == Target::GlobalTrace || target == Target::GlobalEvent;
  std::string& text = global ? m_globalText : m_trace.text;
  XesAttribute a{key, type, static_cast<std::uint32_t>(value.size()), text.size(), at};
  text.append(value);
  switch (target) {
    case Target::Trace:
      m_trace.attributes.push_back(a);
      m_traceStamp[key] = m_traceSerial;
      break;
    case Target::Event:
      m_trace.eventAttributes.push_back(a);
      m_eventStamp[key] = m_eventSerial;
      break;
    case Target::GlobalTrace:
      m_globals[0].push_back(a);
      break;
    case Target::GlobalEvent:
      m_globals[1].push_back(a);
      break;
    case Target::None:
      break;
  }
}

/// Adds the <global> defaults the trace or event just closed lacks; `at` is its line.
void XesReader::applyGlobals(Target scope, std::uint64_t at) {
  const bool event = scope == Target::Event;
  const auto& stamp = event ? m_eventStamp : m_traceStamp;
  const std::uint64_t serial = event ? m_eventSerial : m_traceSerial;
  for (const XesAttribute& g : m_globals[event ? 1 : 0])
    if (stamp[g.key] != serial)
      addAttribute(scope, g.type, g.key, std::string_view(m_globalText).substr(g.offset, g.size),
                   at);
}

void XesReader::end() {
  const FrameState frame = m_stack.back();
  m_stack.pop_back();
  switch (frame.kind) {
    case Frame::Event:
      applyGlobals(Target::Event, frame.line);
      m_trace.events.back().end = static_cast<std::uint32_t>(m_trace.eventAttributes.size());
      break;
    case Frame::Trace:
      applyGlobals(Target::Trace, frame.line);
      // Suspend so that the trace is handed over outside expat (handlers may throw).
      m_traceReady = true;
      XML_StopParser(m_parser, XML_TRUE);
      break;
    case Frame::List: {
      char digits[16];
      const auto r = std::to_chars(digits, digits + sizeof digits, frame.count);
      addAttribute(frame.target, XesType::List, frame.key, std::string_view(digits, r.ptr - digits),
                   frame.line);
      break;
    }
    default:
      break;
  }
}

void XesReader::flushWarnings() {
  for (auto& [at, message] : m_warnings) m_handler.onWarning(at, message);
  m_warnings.clear();
}

XML_Status XesReader::parseBuffer(int bytes, bool final) {
  XML_Status status = XML_ParseBuffer(m_parser, bytes, final);
  while (status == XML_STATUS_SUSPENDED) {
    flushWarnings();
    if (m_traceReady) {
      m_traceReady = false;
      m_handler.onTrace(m_trace);
    }
    status = XML_ResumeParser(m_parser);
  }
  return status;
}

void XesReader::throwXmlError() {
  if (m_exception) std::rethrow_exception(m_exception);
  if (m_fatal) throw *m_fatal;
  throw XesParseError(XML_GetCurrentLineNumber(m_parser),
                      std::string("XML error: ") + XML_ErrorString(XML_GetErrorCode(m_parser)));
}

bool XesReader::parse(const std::filesystem::path& path) {
  std::error_code ec;
  const auto fileSize = std::filesystem::file_size(path, ec);
  std::unique_ptr<gzFile_s, int (*)(gzFile)> gz(gzopen(path.c_str(), "rb"), &gzclose);
  if (ec || !gz)
    throw XesParseError(0, "cannot open the file: " + std::string(std::strerror(errno)));
  gzbuffer(gz.get(), kChunkBytes);
  std::uint64_t total = 0;
  for (;;) {
    void* buffer = XML_GetBuffer(m_parser, kChunkBytes);
    if (!buffer) throw std::bad_alloc();
    const int got = gzread(gz.get(), buffer, kChunkBytes);
    int zerr = Z_OK;
    const char* zmessage = gzerror(gz.get(), &zerr);
    if (got < 0 || (got == 0 && zerr != Z_OK))
      throw XesParseError(
          XML_GetCurrentLineNumber(m_parser),
          std::string("the gzip stream is truncated or corrupt (") + zmessage + ")");
    total += static_cast<std::uint64_t>(got);
    if (got > 0) m_lines.addChunk(static_cast<const char*>(buffer), static_cast<std::size_t>(got));
    if (got == 0 && total == 0) throw XesParseError(0, "the file is empty");
    if (parseBuffer(got, got == 0) == XML_STATUS_ERROR) throwXmlError();
    flushWarnings();
    if (got == 0) return true;
    if (!m_handler.onChunk(static_cast<std::uint64_t>(gzoffset(gz.get())), fileSize)) return false;
  }
}

}  // namespace

bool parseXesFile(const std::filesystem::path& path, XesHandler& handler) {
  XesReader reader(handler);
  return reader.parse(path);
}

}  // namespace orglens::importers
