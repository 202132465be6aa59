// The XES semantics shared by the two XML readers of xes_parser.cpp (the hand-written
// tokenizer and expat): given start tags (name, attributes, line) and end tags in document
// order, it builds one XesTrace at a time, applies the <global> defaults, flattens nested
// attributes and collects warnings. Both readers feed it the same calls for the same input,
// so they hand over the same traces and warnings. Internal to the importers library.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "importers/xes_elements.h"
#include "importers/xes_parser.h"

namespace orglens::importers {

/// One XML attribute of a start tag, its value already decoded (entities, normalisation).
struct XesXmlAttribute {
  std::string_view name;
  std::string_view value;
};

class XesTraceBuilder {
 public:
  XesTraceBuilder();
  XesTraceBuilder(const XesTraceBuilder&) = delete;
  XesTraceBuilder& operator=(const XesTraceBuilder&) = delete;

  /// A start tag at `line`. A problem that ends the parse (the root is not <log>) is left
  /// in fatal(); the reader must stop then.
  void start(std::string_view name, std::span<const XesXmlAttribute> attributes,
             std::uint64_t line);
  /// The matching end tag. True when it closed a trace: trace() is then complete and must be
  /// handed over (after the warnings) before the next start().
  bool end();
  const XesTrace& trace() const { return m_trace; }
  const std::optional<XesParseError>& fatal() const { return m_fatal; }
  /// Hands the pending warnings to the handler, in the order they were found; returns how many.
  std::size_t flushWarnings(XesHandler& handler);
  std::size_t depth() const { return m_stack.size(); }

  /// The id of `key`; cached by the key's text so repeated keys cost one compare.
  std::uint32_t internKey(std::string_view key) {
    Slot& slot = m_cache[cacheIndex(key)];
    if (slot.size == key.size() && slot.id != kNoKey &&
        std::string_view(m_keys[slot.id]) == key)
      return slot.id;
    const std::uint32_t id = internSlow(key);
    slot = {id, static_cast<std::uint32_t>(key.size())};
    return id;
  }

 private:
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
  struct Slot {
    std::uint32_t id = kNoKey;
    std::uint32_t size = 0;
  };
  static constexpr std::uint32_t kNoKey = ~std::uint32_t{0};
  static constexpr std::size_t kCacheSlots = 256;

  static std::size_t cacheIndex(std::string_view key) {
    std::size_t h = key.size() * 0x9E3779B1u;
    if (!key.empty())
      h += static_cast<unsigned char>(key.front()) * 31u + static_cast<unsigned char>(key.back()) +
           static_cast<unsigned char>(key[key.size() / 2]) * 131u;
    return (h ^ (h >> 8)) & (kCacheSlots - 1);
  }
  std::uint32_t internSlow(std::string_view key);
  void startInLog(XesElement element, std::span<const XesXmlAttribute> attributes,
                  std::uint64_t line);
  void startAttribute(XesElement element, std::span<const XesXmlAttribute> attributes,
                      std::uint64_t line, Target target, const FrameState* parent);
  void addAttribute(Target target, XesType type, std::uint32_t key, std::string_view value,
                    std::uint64_t line);
  void applyGlobals(Target scope, std::uint64_t line);
  void warn(std::uint64_t line, std::string message) {
    m_warnings.emplace_back(line, std::move(message));
  }

  std::vector<FrameState> m_stack;
  std::vector<std::string> m_keys;
  std::unordered_map<std::string, std::uint32_t, KeyHash, std::equal_to<>> m_keyIndex;
  std::array<Slot, kCacheSlots> m_cache{};
  std::string m_scratch;
  XesTrace m_trace;
  // <global> defaults: [0] scope="trace", [1] scope="event"; their values in m_globalText.
  std::array<std::vector<XesAttribute>, 2> m_globals;
  std::string m_globalText;
  // Per key, the serial of the last trace/event that had it (to apply missing defaults).
  std::vector<std::uint64_t> m_traceStamp, m_eventStamp;
  std::uint64_t m_traceSerial = 0, m_eventSerial = 0;
  std::vector<std::pair<std::uint64_t, std::string>> m_warnings;
  std::optional<XesParseError> m_fatal;
};

}  // namespace orglens::importers
