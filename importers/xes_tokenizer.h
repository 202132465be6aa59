// A hand-written streaming XML tokenizer for XES files, the default reader of parseXesFile.
// It reads the XML subset XES files use: UTF-8 (with or without a BOM), the XML declaration,
// comments, elements with single- or double-quoted attributes, the five predefined entities
// and character references (decoded, attribute values normalised as XML requires), and
// character data. It checks well-formedness as it goes (names, nesting, duplicate
// attributes, UTF-8 and XML characters, entities). It stops ("gives up") at anything else:
// a DOCTYPE, CDATA, processing instructions, another encoding, non-ASCII names, and any
// malformed XML; parseXesFile then lets expat read the file (and word the error).
// Internal to the importers library.
#pragma once

#include <cstdint>
#include <string>

#include "importers/xes_input.h"
#include "importers/xes_parser.h"

namespace orglens::importers {

struct XesTokenizerResult {
  enum class Status : std::uint8_t { Done, Stopped, GaveUp };
  Status status = Status::Done;
  // What the handler received before the tokenizer gave up.
  std::uint64_t traces = 0;
  std::uint64_t warnings = 0;
  std::uint64_t chunkOffset = 0;  // bytesRead of the last onChunk
  std::uint64_t line = 0;         // where it gave up
  std::string reason;             // why
};

/// Reads `input` to the end, feeding `handler`; O(input) time, memory O(chunk + largest
/// token + largest trace). Throws XesParseError only for the XES-level fatal problem
/// (the root is not <log>) and an empty file; handler exceptions propagate.
XesTokenizerResult tokenizeXes(XesInput& input, XesHandler& handler, std::size_t chunkBytes);

}  // namespace orglens::importers
