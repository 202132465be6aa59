// The batch report as a folder of CSV files, one per table and per chart, for spreadsheets
// and scripts. Cells hold machine values (seconds, percent points, counts) as plain numbers.
#pragma once

#include <filesystem>
#include <string>

#include "reports/report.h"

namespace orglens::reports {

/// Creates `folder` (and its parents) and writes into it:
///   index.csv            file,section,kind,key,title: one line per file below
///   measures.csv         key,label,unit,value,previous,change,note
///   findings.csv         section,text
///   <table key>.csv      the table's columns and rows; suppressed cells read "suppressed"
///   chart_<key>.csv      bar/line: series,category,value; heatmap: row,column,value
///   chart_<key>_nodes.csv, chart_<key>_edges.csv   network charts
/// Missing values are empty fields. Keys become file names with anything but [a-z0-9_-]
/// replaced by '_'; a name already used gets "_2", "_3". Files already in the folder with
/// other names are left alone. Deterministic. Throws std::runtime_error naming the path when
/// the folder cannot be created or a file cannot be written.
void writeCsvFolder(const Report& report, const std::filesystem::path& folder);

}  // namespace orglens::reports
