// The batch report as one self-contained HTML5 page: inline CSS, inline SVG charts and a small
// inline sort script; no request to any server when it is opened, and the same report always
// gives the same bytes (no clock: a time appears only when the report carries one).
#pragma once

#include <string>

#include "reports/report.h"

namespace orglens::reports {

/// The whole page: title, meta block (store, windows, privacy rules in force, version),
/// headline findings, measures, a table of contents and every section's blocks in order.
/// Sections get id = their key. Linear in the size of the report.
std::string renderHtml(const Report& report);

}  // namespace orglens::reports
