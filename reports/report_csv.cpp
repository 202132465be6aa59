#include "reports/report_csv.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <vector>

#include "reports/report_json.h"

namespace orglens::reports {
namespace {

namespace fs = std::filesystem;

std::string csvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csvField(fields[i]);
  return out + '\n';
}

std::string number(const std::optional<double>& v) {
  return v ? shortestNumber(*v) : "";
}

// A key as a portable file name: lower-case ASCII letters, digits, '_' and '-' only, so that
// names never differ by case alone (case-insensitive file systems) nor escape the folder.
std::string fileStem(std::string_view key, std::string_view fallback) {
  std::string out;
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    out += keep ? c : '_';
  }
  return out.empty() ? std::string(fallback) : out;
}

// The folder being written: unique file names, and the index of what was written.
class CsvFolder {
 public:
  explicit CsvFolder(const fs::path& folder) : m_folder(folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder))
      throw std::runtime_error("cannot create the report folder '" + folder.string() +
                               "': " + (ec ? ec.message() : "not a folder"));
    m_used.insert("index.csv");
  }

  void add(std::string_view stem, const std::string& text, const std::string& section,
           std::string_view kind, const std::string& key, const std::string& title) {
    std::string name = std::string(stem) + ".csv";
    for (int n = 2; m_used.count(name); ++n)
      name = std::string(stem) + "_" + std::to_string(n) + ".csv";
    m_used.insert(name);
    write(name, text);
    m_index += csvLine({name, section, std::string(kind), key, title});
  }

  void finish() { write("index.csv", "file,section,kind,key,title\n" + m_index); }

 private:
  void write(const std::string& name, const std::string& text) {
    const fs::path path = m_folder / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (out) out.close();
    if (!out) throw std::runtime_error("cannot write the report file '" + path.string() + "'");
  }

  fs::path m_folder;
  std::set<std::string> m_used;
  std::string m_index;
};

std::string measuresCsv(const std::vector<Measure>& measures) {
  std::string out = "key,label,unit,value,previous,change,note\n";
  for (const auto& m : measures) {
    const std::string change = m.value && m.previous ? shortestNumber(*m.value - *m.previous) : "";
    out += csvLine({m.key, m.label, std::string(unitName(m.unit)), number(m.value),
                    number(m.previous), change, m.note});
  }
  return out;
}

std::string findingsCsv(const std::vector<Finding>& findings) {
  std::string out = "section,text\n";
  for (const auto& f : findings) out += csvLine({f.section, f.text});
  return out;
}

// renderCsv with every row as wide as the header, so that each line has the same fields.
std::string tableCsv(Table table) {
  for (auto& row : table.rows) row.resize(table.columns.size());
  return renderCsv(table);
}

double valueAt(const std::vector<Series>& series, std::size_t s, std::size_t c) {
  if (s >= series.size() || c >= series[s].values.size())
    return std::numeric_limits<double>::quiet_NaN();
  return series[s].values[c];
}

// Long form: one line per (series, category), gaps as empty values.
std::string seriesCsv(const Chart& chart) {
  std::string out = "series,category,value\n";
  for (std::size_t s = 0; s < chart.series.size(); ++s)
    for (std::size_t c = 0; c < chart.categories.size(); ++c)
      out += csvLine(
          {chart.series[s].name, chart.categories[c], shortestNumber(valueAt(chart.series, s, c))});
  return out;
}

std::string heatmapCsv(const Chart& chart) {
  std::string out = "row,column,value\n";
  const std::size_t n = std::max(chart.rows.size(), chart.series.size());
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < chart.categories.size(); ++c)
      out += csvLine({r < chart.rows.size() ? chart.rows[r] : chart.series[r].name,
                      chart.categories[c], shortestNumber(valueAt(chart.series, r, c))});
  return out;
}

std::string nodesCsv(const Chart& chart) {
  std::string out = "index,label,group,size,x,y\n";
  for (std::size_t i = 0; i < chart.nodes.size(); ++i) {
    const auto& n = chart.nodes[i];
    out += csvLine({std::to_string(i), n.label, n.group, shortestNumber(n.size),
                    shortestNumber(n.x), shortestNumber(n.y)});
  }
  return out;
}

std::string edgesCsv(const Chart& chart) {
  auto label = [&](std::uint32_t i) { return i < chart.nodes.size() ? chart.nodes[i].label : ""; };
  std::string out = "a,b,a_label,b_label,weight\n";
  for (const auto& e : chart.edges)
    out += csvLine({std::to_string(e.a), std::to_string(e.b), label(e.a), label(e.b),
                    shortestNumber(e.weight)});
  return out;
}

void addChart(CsvFolder& folder, const Section& section, const Chart& chart) {
  const std::string stem = "chart_" + fileStem(chart.key, "chart");
  switch (chart.kind) {
    case ChartKind::Bar:
    case ChartKind::Line:
      folder.add(stem, seriesCsv(chart), section.key, chartKindName(chart.kind), chart.key,
                 chart.title);
      break;
    case ChartKind::Heatmap:
      folder.add(stem, heatmapCsv(chart), section.key, "heatmap", chart.key, chart.title);
      break;
    case ChartKind::Network:
      folder.add(stem + "_nodes", nodesCsv(chart), section.key, "network_nodes", chart.key,
                 chart.title);
      folder.add(stem + "_edges", edgesCsv(chart), section.key, "network_edges", chart.key,
                 chart.title);
      break;
  }
}

}  // namespace

void writeCsvFolder(const Report& report, const std::filesystem::path& folder) {
  CsvFolder out(folder);
  out.add("measures", measuresCsv(report.measures), "", "measures", "", "Measures");
  out.add("findings", findingsCsv(report.findings), "", "findings", "", "Findings");
  for (const auto& section : report.sections) {
    for (const auto& block : section.blocks) {
      if (const auto* t = std::get_if<Table>(&block))
        out.add(fileStem(t->key, "table"), tableCsv(*t), section.key, "table", t->key, t->title);
      else if (const auto* c = std::get_if<Chart>(&block))
        addChart(out, section, *c);
    }
  }
  out.finish();
}

}  // namespace orglens::reports
