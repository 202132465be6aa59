// The batch report as GitHub-flavoured Markdown: for a pull request, a wiki page or a ticket.
// Charts cannot be drawn in Markdown, so each appears as its text alternative followed by its
// data as a table; nothing of the report is lost to a reader without images.
#pragma once

#include <string>

#include "reports/report.h"

namespace orglens::reports {

/// Renders the whole report: title, meta (store, windows, the privacy rules in force),
/// findings, measures, a table of contents, then every section with its paragraphs, tables
/// and charts. Durations are readable ("3.1 d"), percentages "41.0%", counts grouped
/// ("1,234"), suppressed cells `*suppressed*`, missing values "–". Text from the report is
/// escaped so that it never turns into Markdown or HTML. Deterministic: the same report gives
/// the same bytes. Linear in the size of the report.
std::string renderMarkdown(const Report& report);

}  // namespace orglens::reports
