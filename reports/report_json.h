// The batch report as one JSON object for machines, described by docs/report-schema.json and
// documented field by field in docs/report-schema.md. The numbers are the machine values
// (seconds, percent points, counts), never the text shown to people.
#pragma once

#include <string>
#include <string_view>

#include "reports/report.h"

namespace orglens::reports {

/// Renders the report as JSON (version kReportSchemaVersion of docs/report-schema.json):
/// schema_version, meta, findings, measures and sections with their blocks. Missing values
/// (NaN, no value, an empty numeric cell) are null; a cell suppressed by the privacy rules is
/// null and its [row, column] is listed in its table's "suppressed". Numbers are the shortest
/// text that reads back as the same double; invalid UTF-8 is replaced by U+FFFD and control
/// characters are escaped. Deterministic: the same report gives the same bytes. Linear in the
/// size of the report.
std::string renderReportJson(const Report& report);

/// "seconds", "percent", "count" or "none": the unit names of the JSON and CSV outputs.
std::string_view unitName(Unit unit);

/// "bar", "line", "heatmap" or "network".
std::string_view chartKindName(ChartKind kind);

/// The shortest decimal text that reads back as exactly `v` ("267840", "0.1", "1e+22");
/// empty for NaN and infinities, which have no JSON or CSV number.
std::string shortestNumber(double v);

/// `text` with every byte sequence that is not valid UTF-8 replaced by U+FFFD.
std::string validUtf8(std::string_view text);

}  // namespace orglens::reports
