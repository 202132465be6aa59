#include "reports/render_html.h"

#include <cmath>
#include <set>
#include <utility>
#include <vector>

#include "reports/html_assets.h"
#include "reports/html_format.h"
#include "reports/html_table.h"
#include "reports/svg_chart.h"

namespace orglens::reports {
namespace {

/// Hands out id attributes, each unique within the page ("x", "x-2", ...).
class IdRegistry {
 public:
  std::string take(std::string_view key) {
    const std::string base = htmlId(key);
    std::string id = base;
    for (int n = 2; m_used.count(id); ++n) id = base + "-" + std::to_string(n);
    m_used.insert(id);
    return id;
  }

 private:
  std::set<std::string> m_used;
};

struct TocEntry {
  std::string id, title;
};

std::string metaItem(const std::string& name, const std::string& value) {
  return "<div><dt>" + name + "</dt><dd>" + escapeHtml(value) + "</dd></div>\n";
}

std::string header(const ReportMeta& m) {
  std::string out = "<header class=\"report-header\">\n";
  if (m.title != "orglens report") out += "<p class=\"eyebrow\">orglens report</p>\n";
  out += "<h1>" + escapeHtml(m.title) + "</h1>\n<dl class=\"meta\">\n";
  if (!m.store.empty()) out += metaItem("Store", m.store);
  out += metaItem("Time window", m.window.empty() ? "all data" : m.window);
  if (!m.compareWindow.empty()) out += metaItem("Compared with", m.compareWindow);
  if (!m.team.empty()) out += metaItem("Team", m.team);
  if (!m.generated.empty()) out += metaItem("Generated", m.generated);
  if (!m.version.empty()) out += metaItem("orglens version", m.version);
  out += "</dl>\n<p class=\"privacy\"><strong>Privacy:</strong> ";
  out += m.showPeople ? "people shown by name" : "people shown as pseudonyms";
  out += "; groups of fewer than " + std::to_string(m.minGroup) + " people suppressed.</p>\n";
  return out + "</header>\n";
}

std::string toc(const std::vector<TocEntry>& entries) {
  if (entries.empty()) return {};
  std::string out =
      "<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n"
      "<h2 id=\"toc-heading\">Contents</h2>\n<ol>\n";
  for (const auto& e : entries)
    out += "<li><a href=\"#" + e.id + "\">" + escapeHtml(e.title) + "</a></li>\n";
  return out + "</ol>\n</nav>\n";
}

std::string findings(const Report& report, const std::string& id,
                     const std::vector<std::pair<std::string, std::string>>& sectionIds) {
  std::string out = "<section id=\"" + id + "\" aria-labelledby=\"" + id +
                    "-heading\">\n<h2 id=\"" + id + "-heading\">Headline findings</h2>\n" +
                    "<ol class=\"findings\">\n";
  for (const auto& f : report.findings) {
    out += "<li>" + escapeHtml(f.text);
    for (std::size_t s = 0; s < report.sections.size(); ++s) {
      if (report.sections[s].key != f.section) continue;
      out += " <a class=\"more\" href=\"#" + sectionIds[s].first + "\">" +
             escapeHtml(report.sections[s].title) + " &#8594;</a>";
      break;
    }
    out += "</li>\n";
  }
  return out + "</ol>\n</section>\n";
}

std::string changeCell(const Measure& m) {
  if (!m.value || !m.previous)
    return "<td class=\"num missing\">" + std::string(kNoValue) + "</td>";
  const double delta = *m.value - *m.previous;
  if (delta == 0) return "<td class=\"num change\">no change</td>";
  const bool up = delta > 0;
  std::string out = "<td class=\"num change\"><span class=\"dir\" aria-hidden=\"true\">";
  out += up ? "&#9650;" : "&#9660;";
  out += "</span><span class=\"sr-only\">";
  out += up ? "up " : "down ";
  out += "</span>" + escapeHtml(formatChange(delta, m.unit));
  // Percent measures change in points; a relative change of a share would mislead.
  if (m.unit != Unit::Percent && *m.previous != 0)
    out += " (" + formatChange(100 * delta / std::abs(*m.previous), Unit::None) + "%)";
  return out + "</td>";
}

std::string valueCell(const std::optional<double>& v, Unit unit) {
  if (!v || !std::isfinite(*v))
    return "<td class=\"num missing\" title=\"not available\">" + std::string(kNoValue) + "</td>";
  return "<td class=\"num\">" + escapeHtml(formatValue(*v, unit)) + "</td>";
}

std::string measures(const Report& report, const std::string& id) {
  bool compare = false;
  for (const auto& m : report.measures) compare = compare || m.previous.has_value();
  std::string out =
      "<section id=\"" + id + "\" aria-labelledby=\"" + id + "-heading\">\n<h2 id=\"" + id +
      "-heading\">Key measures</h2>\n" +
      "<div class=\"table-block\">\n<div class=\"table-scroll\">\n"
      "<table class=\"measures\">\n<caption class=\"sr-only\">Headline measures</caption>\n"
      "<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\" "
      "class=\"num\">Value</th>";
  if (compare)
    out += "<th scope=\"col\" class=\"num\">Before</th><th scope=\"col\" class=\"num\">Change</th>";
  out += "<th scope=\"col\">Refers to</th></tr></thead>\n<tbody>\n";
  for (const auto& m : report.measures) {
    out += "<tr><th scope=\"row\">" + escapeHtml(m.label.empty() ? m.key : m.label) + "</th>";
    out += valueCell(m.value, m.unit);
    if (compare) out += valueCell(m.previous, m.unit) + changeCell(m);
    out += "<td>" + escapeHtml(m.note) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
  if (compare)
    out += "<p class=\"note\">Before: the same measure in " +
           escapeHtml(report.meta.compareWindow.empty() ? "the compared window"
                                                        : report.meta.compareWindow) +
           ".</p>\n";
  return out + "</div>\n</section>\n";
}

std::string blockHtml(const Block& block, IdRegistry& ids, unsigned minGroup) {
  if (const auto* p = std::get_if<Paragraph>(&block)) return "<p>" + escapeHtml(p->text) + "</p>\n";
  if (const auto* t = std::get_if<Table>(&block)) {
    HtmlTableOptions options;
    options.id = ids.take("table-" + t->key);
    options.minGroup = minGroup;
    return renderHtmlTable(*t, options);
  }
  const auto& chart = std::get<Chart>(block);
  return renderChartFigure(chart, ids.take("chart-" + chart.key), minGroup);
}

std::string sectionHtml(const Section& s, const std::pair<std::string, std::string>& ids,
                        IdRegistry& registry, unsigned minGroup) {
  std::string out = "<section id=\"" + ids.first + "\" aria-labelledby=\"" + ids.second +
                    "\">\n<h2 id=\"" + ids.second + "\">" +
                    escapeHtml(s.title.empty() ? s.key : s.title) + "</h2>\n";
  for (const auto& block : s.blocks) out += blockHtml(block, registry, minGroup);
  return out + "</section>\n";
}

}  // namespace

std::string renderHtml(const Report& report) {
  IdRegistry ids;
  // Sections first: their id is their key, which other documents may link to.
  std::vector<std::pair<std::string, std::string>> sectionIds;  // section, heading
  for (const auto& s : report.sections) sectionIds.push_back({ids.take(s.key), ""});
  for (auto& s : sectionIds) s.second = ids.take(s.first + "-heading");
  ids.take("toc-heading");
  const std::string findingsId = ids.take("headline-findings");
  const std::string measuresId = ids.take("key-measures");

  std::vector<TocEntry> entries;
  if (!report.findings.empty()) entries.push_back({findingsId, "Headline findings"});
  if (!report.measures.empty()) entries.push_back({measuresId, "Key measures"});
  for (std::size_t i = 0; i < report.sections.size(); ++i) {
    const auto& s = report.sections[i];
    entries.push_back({sectionIds[i].first, s.title.empty() ? s.key : s.title});
  }

  const auto& m = report.meta;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"orglens" +
         (m.version.empty() ? "" : " " + escapeHtml(m.version)) + "\">\n";
  out +=
      "<title>" + escapeHtml(m.title + (m.window.empty() ? "" : " — " + m.window)) + "</title>\n";
  out += "<style>" + std::string(reportStyleSheet()) + "</style>\n</head>\n<body>\n";
  out += "<div class=\"page\">\n" + header(m) + toc(entries) + "<main>\n";
  if (!report.findings.empty()) out += findings(report, findingsId, sectionIds);
  if (!report.measures.empty()) out += measures(report, measuresId);
  for (std::size_t i = 0; i < report.sections.size(); ++i)
    out += sectionHtml(report.sections[i], sectionIds[i], ids, m.minGroup);
  if (entries.empty())
    out += "<p class=\"empty\">This report holds no findings, measures or sections.</p>\n";
  out += "</main>\n<footer class=\"report-footer\">Made with orglens";
  if (!m.version.empty()) out += " " + escapeHtml(m.version);
  if (!m.generated.empty()) out += " on " + escapeHtml(m.generated);
  out += ". A self-contained page: it needs no network connection.</footer>\n</div>\n";
  out += "<script>" + std::string(reportScript()) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace orglens::reports
