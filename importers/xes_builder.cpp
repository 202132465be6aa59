#include "importers/xes_builder.h"

#include <charconv>

namespace orglens::importers {

XesTraceBuilder::XesTraceBuilder() {
  for (const char* k : {"concept:name", "time:timestamp", "org:resource", "org:group", "org:role",
                        "lifecycle:transition", "concept:instance"})
    internKey(k);
  m_trace.keys = &m_keys;
}

std::uint32_t XesTraceBuilder::internSlow(std::string_view key) {
  if (auto it = m_keyIndex.find(key); it != m_keyIndex.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(m_keys.size());
  m_keys.emplace_back(key);
  m_keyIndex.emplace(m_keys.back(), id);
  m_traceStamp.push_back(0);
  m_eventStamp.push_back(0);
  return id;
}

void XesTraceBuilder::start(std::string_view name, std::span<const XesXmlAttribute> attributes,
                            std::uint64_t at) {
  const XesElement element = classifyXesElement(name);
  if (m_stack.empty()) {
    if (element != XesElement::Log) {
      m_fatal.emplace(at, "not an XES log: the root element is <" + std::string(name) +
                              ">, expected <log>");
      return;
    }
    m_stack.push_back({Frame::Log, Target::None, 0, 0, at});
    return;
  }
  const FrameState parent = m_stack.back();
  switch (parent.kind) {
    case Frame::Log:
      return startInLog(element, attributes, at);
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
      if (isXesAttribute(element))
        return startAttribute(element, attributes, at, parent.target, &parent);
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
  if (isXesAttribute(element))
    return startAttribute(element, attributes, at, parent.target, nullptr);
  if (element == XesElement::Trace || element == XesElement::Event)
    warn(at, "a <" + std::string(name) + "> inside " +
                 (parent.kind == Frame::Trace   ? "a <trace>"
                  : parent.kind == Frame::Event ? "an <event>"
                                                : "an attribute or <global>") +
                 " is ignored");
  m_stack.push_back({Frame::Ignored});
}

void XesTraceBuilder::startInLog(XesElement element, std::span<const XesXmlAttribute> attributes,
                                 std::uint64_t at) {
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
    for (const XesXmlAttribute& a : attributes)
      if (a.name == "scope") scope = a.value;
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

void XesTraceBuilder::startAttribute(XesElement element,
                                     std::span<const XesXmlAttribute> attributes,
                                     std::uint64_t at, Target target, const FrameState* parent) {
  const std::string_view* key = nullptr;
  const std::string_view* value = nullptr;
  for (const XesXmlAttribute& a : attributes) {
    if (a.name == "key")
      key = &a.value;
    else if (a.name == "value")
      value = &a.value;
  }
  if (!key) {
    warn(at, "an attribute without a key is ignored");
    return m_stack.push_back({Frame::Ignored});
  }
  std::uint32_t id;
  if (parent) {  // nested: flattened as "parent/child"
    m_scratch.assign(m_keys[parent->key]).append(1, '/').append(*key);
    id = internKey(m_scratch);
  } else {
    id = internKey(*key);
  }
  if (element == XesElement::List) return m_stack.push_back({Frame::List, target, id, 0, at});
  if (element != XesElement::Container) {
    if (value)
      addAttribute(target, xesTypeOf(element), id, *value, at);
    else
      warn(at, "the attribute '" + m_keys[id] + "' has no value and is ignored");
  }
  m_stack.push_back({Frame::Attribute, target, id, 0, at});
}

void XesTraceBuilder::addAttribute(Target target, XesType type, std::uint32_t key,
                                   std::string_view value, std::uint64_t at) {
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
void XesTraceBuilder::applyGlobals(Target scope, std::uint64_t at) {
  const bool event = scope == Target::Event;
  const auto& stamp = event ? m_eventStamp : m_traceStamp;
  const std::uint64_t serial = event ? m_eventSerial : m_traceSerial;
  for (const XesAttribute& g : m_globals[event ? 1 : 0])
    if (stamp[g.key] != serial)
      addAttribute(scope, g.type, g.key, std::string_view(m_globalText).substr(g.offset, g.size),
                   at);
}

bool XesTraceBuilder::end() {
  const FrameState frame = m_stack.back();
  m_stack.pop_back();
  switch (frame.kind) {
    case Frame::Event:
      applyGlobals(Target::Event, frame.line);
      m_trace.events.back().end = static_cast<std::uint32_t>(m_trace.eventAttributes.size());
      return false;
    case Frame::Trace:
      applyGlobals(Target::Trace, frame.line);
      return true;
    case Frame::List: {
      char digits[16];
      const auto r = std::to_chars(digits, digits + sizeof digits, frame.count);
      addAttribute(frame.target, XesType::List, frame.key, std::string_view(digits, r.ptr - digits),
                   frame.line);
      return false;
    }
    default:
      return false;
  }
}

std::size_t XesTraceBuilder::flushWarnings(XesHandler& handler) {
  const std::size_t count = m_warnings.size();
  for (auto& [at, message] : m_warnings) handler.onWarning(at, message);
  m_warnings.clear();
  return count;
}

}  // namespace orglens::importers
