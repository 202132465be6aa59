// Element kinds of the XES XML schema, told apart from expat's element names.
#pragma once

#include <cstdint>
#include <string_view>

#include "importers/xes_parser.h"

namespace orglens::importers {

enum class XesElement : std::uint8_t {
  Log,
  Trace,
  Event,
  Global,
  Values,
  String,
  Date,
  Int,
  Float,
  Boolean,
  Id,
  List,
  Container,
  Other
};

/// Element kind from its name; a namespace prefix (rare in XES) is dropped. O(name length).
XesElement classifyXesElement(std::string_view name);
/// True for the attribute elements (string ... container).
inline bool isXesAttribute(XesElement e) {
  return e >= XesElement::String && e <= XesElement::Container;
}
/// The attribute type of an attribute element (string for container, which has no value).
XesType xesTypeOf(XesElement e);

}  // namespace orglens::importers
