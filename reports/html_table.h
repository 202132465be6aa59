// A report Table as an accessible HTML table: <caption>, <th scope>, cells formatted by the
// column's unit with the raw number kept in data-sort (for the page's sort script), withheld
// cells marked, and the table's note underneath.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "reports/table.h"

namespace orglens::reports {

struct HtmlTableOptions {
  std::string id;           // id attribute of the block; none when empty
  unsigned minGroup = 5;    // k of the suppression rule, for the withheld cells' tooltip
  bool sortable = true;     // header buttons that sort by the column
  bool rowHeaders = false;  // the first column names the row (<th scope="row">)
};

std::string renderHtmlTable(const Table& table, const HtmlTableOptions& options);

/// The number a cell sorts by: the cell as a number, or a readable value parsed back
/// ("3.2 d" → 276480 s, "41.0%" → 41, "1,234" → 1234); nullopt when it has none.
std::optional<double> sortValue(std::string_view cell);

}  // namespace orglens::reports
