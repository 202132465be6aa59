#include "importers/xes_elements.h"

#include <array>
#include <utility>

namespace orglens::importers {

XesElement classifyXesElement(std::string_view name) {
  if (const auto colon = name.rfind(':'); colon != std::string_view::npos)
    name.remove_prefix(colon + 1);
  if (name.empty()) return XesElement::Other;
  static constexpr std::array<std::pair<std::string_view, XesElement>, 13> kNames = {{
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
    if (text[0] == name[0] && text == name) return element;
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
