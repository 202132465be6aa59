// Small helpers for the sample's hand-written JSON exports (GitHub, Jira): RFC 8259 strings
// and `"key": value` members appended to a buffer, with stable key order so that the bytes are
// the same for a seed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace orglens::samples::json {

inline void quote(std::string& out, std::string_view value) {
  out += '"';
  for (const char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
      out += buffer;
    } else {
      out += c;
    }
  }
  out += '"';
}

/// `"key": ` preceded by ", " unless it opens an object.
inline void key(std::string& out, std::string_view name, bool first = false) {
  if (!first) out += ", ";
  quote(out, name);
  out += ": ";
}

inline void text(std::string& out, std::string_view name, std::string_view value,
                 bool first = false) {
  key(out, name, first);
  quote(out, value);
}

/// A member whose value is already JSON (a number, true, null, an object).
inline void raw(std::string& out, std::string_view name, std::string_view value,
                bool first = false) {
  key(out, name, first);
  out += value;
}

inline void number(std::string& out, std::string_view name, std::int64_t value,
                   bool first = false) {
  raw(out, name, std::to_string(value), first);
}

}  // namespace orglens::samples::json
