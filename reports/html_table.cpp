#include "reports/html_table.h"

#include <algorithm>

#include "reports/html_format.h"

namespace orglens::reports {
namespace {

bool isNumericColumn(const Column& column) {
  return column.numeric || column.unit != Unit::None;
}

std::string withheldTitle(unsigned minGroup) {
  return "Withheld: a group of fewer than " + std::to_string(minGroup) + " people";
}

std::string headerCell(const Column& column, bool sortable) {
  const bool numeric = isNumericColumn(column);
  std::string out = "<th scope=\"col\"";
  if (numeric) out += " class=\"num\" data-type=\"num\"";
  out += ">";
  const std::string name = escapeHtml(column.name);
  if (!sortable) return out + name + "</th>";
  return out + "<button type=\"button\" class=\"sort\">" + name +
         "<span class=\"sort-icon\" aria-hidden=\"true\"></span></button></th>";
}

/// One body cell. Numbers are shown by unit and sort by their raw value; withheld and empty
/// cells carry class "missing" so that the sort script keeps them last.
std::string bodyCell(const std::string& cell, const Column& column, bool rowHeader,
                     unsigned minGroup) {
  const std::string open = rowHeader ? "<th scope=\"row\"" : "<td";
  const std::string close = rowHeader ? "</th>" : "</td>";
  const bool numeric = isNumericColumn(column);
  const std::string numClass = numeric || column.align == Align::Right ? "num " : "";
  if (cell == kSuppressedCell)
    return open + " class=\"" + numClass + "missing suppressed\" title=\"" +
           escapeHtml(withheldTitle(minGroup)) + "\"><span class=\"suppressed\">suppressed" +
           "</span>" + close;
  if (cell.empty() || cell == "nan" || cell == "NaN" || (numeric && cell == kNoValue))
    return open + " class=\"" + numClass + "missing\" title=\"no value\">" + kNoValue + close;
  const auto parsed = numeric ? sortValue(cell) : std::nullopt;
  if (!parsed) {
    const std::string cls = numClass.empty() ? "" : " class=\"num\"";
    return open + cls + ">" + escapeHtml(cell) + close;
  }
  const double number = parsed.value_or(0);  // value_or: GCC 12 misreads *parsed as unset
  // Format only plain numbers: a cell already readable ("3.2 d") is shown as given.
  const bool plain = parseNumber(cell).has_value();
  const std::string shown =
      plain && column.unit != Unit::None ? formatValue(number, column.unit) : cell;
  return open + " class=\"num\" data-sort=\"" + formatFixed(number, 6) + "\">" + escapeHtml(shown) +
         close;
}

double durationFactor(std::string_view suffix) {
  if (suffix == "s") return 1;
  if (suffix == "min") return 60;
  if (suffix == "h") return 3600;
  if (suffix == "d") return 86400;
  return 0;
}

}  // namespace

std::optional<double> sortValue(std::string_view cell) {
  if (auto v = parseNumber(cell)) return v;
  std::string digits;
  for (char c : cell)
    if (c != ',') digits += c;  // "1,234" as written by groupDigits
  if (auto v = parseNumber(digits)) return v;
  if (!digits.empty() && digits.back() == '%') {
    if (auto v = parseNumber(std::string_view(digits).substr(0, digits.size() - 1))) return v;
  }
  const auto space = digits.find(' ');
  if (space != std::string::npos) {
    const double factor = durationFactor(std::string_view(digits).substr(space + 1));
    if (auto v = parseNumber(std::string_view(digits).substr(0, space)); v && factor > 0)
      return *v * factor;
  }
  return std::nullopt;
}

std::string renderHtmlTable(const Table& table, const HtmlTableOptions& options) {
  std::string out = "<div class=\"table-block\"";
  if (!options.id.empty()) out += " id=\"" + escapeHtml(options.id) + "\"";
  out += ">\n<div class=\"table-scroll\">\n<table class=\"data";
  out += options.sortable ? " sortable\">\n" : "\">\n";
  out += "<caption>" + escapeHtml(table.title.empty() ? table.key : table.title) +
         "</caption>\n<thead><tr>";
  for (const auto& column : table.columns) out += headerCell(column, options.sortable);
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string cell = c < row.size() ? row[c] : std::string();
      out += bodyCell(cell, table.columns[c], options.rowHeaders && c == 0, options.minGroup);
    }
    out += "</tr>\n";
  }
  if (table.rows.empty())
    out += "<tr><td class=\"empty\" colspan=\"" +
           std::to_string(std::max<std::size_t>(1, table.columns.size())) +
           "\">No rows.</td></tr>\n";
  out += "</tbody>\n</table>\n</div>\n";
  if (!table.note.empty()) out += "<p class=\"note\">" + escapeHtml(table.note) + "</p>\n";
  return out + "</div>\n";
}

}  // namespace orglens::reports
