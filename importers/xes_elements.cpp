#include "importers/xes_elements.h"

#include <array>
#include <cstring>
#include <utility>

namespace orglens::importers {

XesElement classifyXesElement(const char* name) {
  if (const char* colon = std::strrchr(name, ':')) name = colon + 1;
  static constexpr std::array<std::pair<const char*, XesElement>, 13> kNames = {{
      {"event", XesElement::Event},
      {"string", XesElement::String},
      {"date", XesElement::Date},
      {"int", XesElement::Int},
      {"float", XesElement::Float},
      {"boolean", XesElement::Boolean},
      {"trace", XesElement::Trace},
      {"id", XesElement::Id},
      {"list", XesElement::List},
      {"container", XesElement::Container},
      {"values", XesElement::Values},
      {"global", XesElement::Global},
      {"log", XesElement::Log},
  }};
  for (const auto& [text, element] : kNames)
    if (text[0] == name[0] && std::strcmp(text, name) == 0) return element;
  return XesElement::Other;
}

XesType xesTypeOf(XesElement e) {
  switch (e) {
    case XesElement::Date:
      return XesType::Date;
    case XesElement::Int:
      return XesType::Int;
    case XesElement::Float:
      return XesType::Float;
    case XesElement::Boolean:
      return XesType::Boolean;
    case XesElement::Id:
      return XesType::Id;
    case XesElement::List:
      return XesType::List;
    default:
      return XesType::String;
  }
}

}  // namespace orglens::importers
