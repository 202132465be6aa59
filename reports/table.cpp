#include "reports/table.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace orglens::reports {
namespace {

// Display width of UTF-8 text: counts code points, not bytes (good enough for alignment of
// Latin names; wide CJK glyphs would need a width table).
std::size_t displayWidth(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool isNumber(const std::string& s) {
  if (s.empty()) return false;
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string csvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

Format parseFormat(const std::string& text) {
  if (text == "table" || text == "text") return Format::Text;
  if (text == "json") return Format::Json;
  if (text == "csv") return Format::Csv;
  throw std::invalid_argument("unknown format '" + text + "' (use table, json or csv)");
}

std::string renderText(const Table& table) {
  std::vector<std::size_t> width(table.columns.size(), 0);
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    width[c] = displayWidth(table.columns[c].name);
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], displayWidth(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      const std::string pad(width[c] - displayWidth(cell), ' ');
      out += (c ? "  " : "");
      out += table.columns[c].align == Align::Right ? pad + cell : cell + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + '\n';
  };
  std::string out;
  if (!table.title.empty()) out += table.title + '\n';
  std::vector<std::string> names;
  for (const auto& c : table.columns) names.push_back(c.name);
  out += line(names);
  std::size_t total = 0;
  for (auto w : width) total += w;
  out += std::string(total + 2 * (width.empty() ? 0 : width.size() - 1), '-') + '\n';
  for (const auto& row : table.rows) out += line(row);
  return out;
}

std::string renderCsv(const Table& table) {
  std::string out;
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    out += (c ? "," : "") + csvCell(table.columns[c].name);
  out += '\n';
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + csvCell(row[c]);
    out += '\n';
  }
  return out;
}

std::string jsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + '"';
}

std::string renderJson(const Table& table) {
  std::string out = "[";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    out += r ? ",\n  {" : "\n  {";
    const auto& row = table.rows[r];
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string cell = c < row.size() ? row[c] : "";
      out += (c ? ", " : "") + jsonString(table.columns[c].name) + ": ";
      out += table.columns[c].numeric && isNumber(cell) ? cell
             : cell.empty() && table.columns[c].numeric ? "null"
                                                        : jsonString(cell);
    }
    out += "}";
  }
  return out + (table.rows.empty() ? "]\n" : "\n]\n");
}

std::string formatFixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string groupDigits(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace orglens::reports
