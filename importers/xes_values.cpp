#include "importers/xes_values.h"

#include <charconv>

#include "model/text.h"

namespace orglens::importers {
namespace {

// xs:long and xs:double allow a leading '+', which std::from_chars does not.
std::string_view withoutPlus(std::string_view text) {
  return !text.empty() && text[0] == '+' ? text.substr(1) : text;
}

template <class T>
bool parseNumber(std::string_view text, T& out) {
  text = withoutPlus(text);
  const char* end = text.data() + text.size();
  const auto r = std::from_chars(text.data(), end, out);
  return r.ec == std::errc() && r.ptr == end && !text.empty();
}

using model::equalsNoCase;

const char* typeName(XesType type) {
  switch (type) {
    case XesType::String:
      return "string";
    case XesType::Date:
      return "date";
    case XesType::Int:
      return "int";
    case XesType::Float:
      return "float";
    case XesType::Boolean:
      return "boolean";
    case XesType::Id:
      return "id";
    case XesType::List:
      return "list";
  }
  return "?";
}

}  // namespace

const model::Value& XesValueReader::asString(std::string_view text) {
  std::get<std::string>(m_string).assign(text);
  return m_string;
}

bool XesValueReader::readTyped(XesType type, std::string_view text) {
  switch (type) {
    case XesType::Int:
    case XesType::List: {
      std::int64_t i = 0;
      if (!parseNumber(text, i)) return false;
      m_value = i;
      return true;
    }
    case XesType::Float: {
      double d = 0;
      if (!parseNumber(text, d)) return false;
      m_value = d;
      return true;
    }
    case XesType::Boolean:
      if (equalsNoCase(text, "true") || text == "1")
        m_value = true;
      else if (equalsNoCase(text, "false") || text == "0")
        m_value = false;
      else
        return false;
      return true;
    case XesType::Date:
      if (auto t = m_time.parse(text)) {
        m_value = model::TimeValue{*t};
        return true;
      }
      return false;
    case XesType::String:
    case XesType::Id:
      break;
  }
  return false;
}

const model::Value& XesValueReader::read(const XesAttribute& attribute, std::string_view text,
                                         std::string_view key, DiagnosticSink& diagnostics) {
  if (attribute.type == XesType::String || attribute.type == XesType::Id) return asString(text);
  if (readTyped(attribute.type, text)) return m_value;
  diagnostics.warning(attribute.line, std::string("the ") + typeName(attribute.type) +
                                          " attribute '" + std::string(key) + "' has the value '" +
                                          std::string(text) + "'; kept as text");
  return asString(text);
}

}  // namespace orglens::importers
