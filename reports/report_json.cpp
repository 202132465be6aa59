#include "reports/report_json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace orglens::reports {
namespace {

// A streaming JSON writer with fixed layout: objects one member per line, indented by two
// spaces; arrays and objects opened with `oneLine` stay on one line (numbers, table rows,
// columns, nodes and edges), which keeps long tables and networks readable.
class JsonWriter {
 public:
  void beginObject(bool oneLine = false) { open('{', oneLine); }
  void endObject() { close('}'); }
  void beginArray(bool oneLine = false) { open('[', oneLine); }
  void endArray() { close(']'); }
  void key(std::string_view name) {
    separate();
    m_out += jsonString(validUtf8(name)) + ": ";
    m_afterKey = true;
  }
  void string(std::string_view text) { scalar(jsonString(validUtf8(text))); }
  void number(double v) {
    const std::string s = shortestNumber(v);
    scalar(s.empty() ? "null" : s);
  }
  void number(const std::optional<double>& v) { v ? number(*v) : null(); }
  void integer(std::uint64_t v) { scalar(std::to_string(v)); }
  void boolean(bool v) { scalar(v ? "true" : "false"); }
  void null() { scalar("null"); }
  std::string take() { return std::move(m_out) + "\n"; }

  // Shorthands for members.
  void member(std::string_view name, std::string_view text) { key(name), string(text); }
  void memberOrNull(std::string_view name, const std::string& text) {
    key(name);
    text.empty() ? null() : string(text);
  }

 private:
  struct Frame {
    bool oneLine = false;
    bool empty = true;
  };
  void separate() {
    if (m_afterKey) {
      m_afterKey = false;
      return;
    }
    if (m_stack.empty()) return;
    Frame& f = m_stack.back();
    if (!f.empty) m_out += f.oneLine ? ", " : ",";
    if (!f.oneLine) newline(m_stack.size());
    f.empty = false;
  }
  void scalar(std::string_view text) {
    separate();
    m_out += text;
  }
  void open(char bracket, bool oneLine) {
    separate();
    m_out += bracket;
    m_stack.push_back({oneLine || (!m_stack.empty() && m_stack.back().oneLine), true});
  }
  void close(char bracket) {
    const Frame f = m_stack.back();
    m_stack.pop_back();
    if (!f.empty && !f.oneLine) newline(m_stack.size());
    m_out += bracket;
  }
  void newline(std::size_t depth) {
    m_out += '\n';
    m_out.append(2 * depth, ' ');
  }
  std::string m_out;
  std::vector<Frame> m_stack;
  bool m_afterKey = false;
};

// Length of the valid UTF-8 sequence at s[i], or 0 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
std::size_t utf8Length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const unsigned c = at(0);
  if (c < 0x80) return 1;
  const auto cont = [&](std::size_t k) { return (at(k) & 0xC0) == 0x80; };
  std::size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    len = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else
    return 0;
  if (at(1) < lo || at(1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (!cont(k)) return 0;
  return len;
}

void writeMeta(JsonWriter& w, const ReportMeta& meta) {
  w.key("meta");
  w.beginObject();
  w.member("title", meta.title);
  w.member("store", meta.store);
  w.member("window", meta.window);
  w.memberOrNull("compare_window", meta.compareWindow);
  w.memberOrNull("team", meta.team);
  w.memberOrNull("generated", meta.generated);
  w.member("version", meta.version);
  w.key("min_group"), w.integer(meta.minGroup);
  w.key("show_people"), w.boolean(meta.showPeople);
  w.endObject();
}

void writeMeasure(JsonWriter& w, const Measure& m) {
  w.beginObject();
  w.member("key", m.key);
  w.member("label", m.label);
  w.member("unit", unitName(m.unit));
  w.key("value"), w.number(m.value);
  w.key("previous"), w.number(m.previous);
  w.key("change");
  m.value&& m.previous ? w.number(*m.value - *m.previous) : w.null();
  w.member("note", m.note);
  w.endObject();
}

bool parseNumber(const std::string& s, double& v) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// One row: numeric columns as numbers (null when empty or NaN; the text when it is not a
// number), text columns as strings, suppressed cells as null (listed by the caller).
void writeRow(JsonWriter& w, const Table& table, const std::vector<std::string>& row) {
  w.beginArray(true);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const std::string& cell = c < row.size() ? row[c] : std::string();
    double v = 0;
    if (cell == kSuppressedCell)
      w.null();
    else if (!table.columns[c].numeric)
      w.string(cell);
    else if (cell.empty())
      w.null();
    else if (parseNumber(cell, v))
      w.number(v);
    else
      w.string(cell);
  }
  w.endArray();
}

void writeTable(JsonWriter& w, const Table& table) {
  w.member("type", "table");
  w.member("key", table.key);
  w.member("title", table.title);
  w.member("note", table.note);
  w.key("columns");
  w.beginArray();
  for (const auto& c : table.columns) {
    w.beginObject(true);
    w.member("name", c.name);
    w.member("unit", unitName(c.unit));
    w.key("numeric"), w.boolean(c.numeric);
    w.endObject();
  }
  w.endArray();
  w.key("rows");
  w.beginArray();
  std::vector<std::pair<std::size_t, std::size_t>> suppressed;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    writeRow(w, table, table.rows[r]);
    for (std::size_t c = 0; c < table.columns.size() && c < table.rows[r].size(); ++c)
      if (table.rows[r][c] == kSuppressedCell) suppressed.emplace_back(r, c);
  }
  w.endArray();
  w.key("suppressed");
  w.beginArray(true);
  for (const auto& [r, c] : suppressed) {
    w.beginArray(true);
    w.integer(r), w.integer(c);
    w.endArray();
  }
  w.endArray();
}

void writeStrings(JsonWriter& w, std::string_view name, const std::vector<std::string>& items) {
  w.key(name);
  w.beginArray(true);
  for (const auto& s : items) w.string(s);
  w.endArray();
}

void writeNetwork(JsonWriter& w, const Chart& chart) {
  w.key("nodes");
  w.beginArray();
  for (const auto& n : chart.nodes) {
    w.beginObject(true);
    w.member("label", n.label);
    w.member("group", n.group);
    w.key("size"), w.number(n.size);
    w.key("x"), w.number(n.x);
    w.key("y"), w.number(n.y);
    w.endObject();
  }
  w.endArray();
  w.key("edges");
  w.beginArray();
  for (const auto& e : chart.edges) {
    w.beginObject(true);
    w.key("a"), w.integer(e.a);
    w.key("b"), w.integer(e.b);
    w.key("weight"), w.number(e.weight);
    w.endObject();
  }
  w.endArray();
}

void writeChart(JsonWriter& w, const Chart& chart) {
  w.member("type", "chart");
  w.member("key", chart.key);
  w.member("kind", chartKindName(chart.kind));
  w.member("title", chart.title);
  w.member("description", chart.description);
  w.member("x_label", chart.xLabel);
  w.member("y_label", chart.yLabel);
  w.member("unit", unitName(chart.unit));
  writeStrings(w, "categories", chart.categories);
  writeStrings(w, "rows", chart.rows);
  w.key("series");
  w.beginArray();
  for (const auto& s : chart.series) {
    w.beginObject();
    w.member("name", s.name);
    w.key("values");
    w.beginArray(true);
    for (double v : s.values) w.number(v);
    w.endArray();
    w.endObject();
  }
  w.endArray();
  writeNetwork(w, chart);
}

void writeSection(JsonWriter& w, const Section& section) {
  w.beginObject();
  w.member("key", section.key);
  w.member("title", section.title);
  w.key("blocks");
  w.beginArray();
  for (const auto& block : section.blocks) {
    w.beginObject();
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      w.member("type", "paragraph");
      w.member("text", p->text);
    } else if (const auto* t = std::get_if<Table>(&block)) {
      writeTable(w, *t);
    } else if (const auto* c = std::get_if<Chart>(&block)) {
      writeChart(w, *c);
    }
    w.endObject();
  }
  w.endArray();
  w.endObject();
}

}  // namespace

std::string_view unitName(Unit unit) {
  switch (unit) {
    case Unit::Seconds:
      return "seconds";
    case Unit::Percent:
      return "percent";
    case Unit::Count:
      return "count";
    case Unit::None:
      break;
  }
  return "none";
}

std::string_view chartKindName(ChartKind kind) {
  switch (kind) {
    case ChartKind::Bar:
      return "bar";
    case ChartKind::Line:
      return "line";
    case ChartKind::Heatmap:
      return "heatmap";
    case ChartKind::Network:
      return "network";
  }
  return "bar";
}

std::string shortestNumber(double v) {
  if (!std::isfinite(v)) return {};
  char buf[32];  // the longest shortest-round-trip double is 24 characters
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string validUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8Length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD replaces one invalid byte
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string renderReportJson(const Report& report) {
  JsonWriter w;
  w.beginObject();
  w.key("schema_version"), w.integer(kReportSchemaVersion);
  writeMeta(w, report.meta);
  w.key("findings");
  w.beginArray();
  for (const auto& f : report.findings) {
    w.beginObject();
    w.member("section", f.section);
    w.member("text", f.text);
    w.endObject();
  }
  w.endArray();
  w.key("measures");
  w.beginArray();
  for (const auto& m : report.measures) writeMeasure(w, m);
  w.endArray();
  w.key("sections");
  w.beginArray();
  for (const auto& s : report.sections) writeSection(w, s);
  w.endArray();
  w.endObject();
  return w.take();
}

}  // namespace orglens::reports
