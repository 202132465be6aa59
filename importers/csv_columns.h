// Header handling shared by the CSV importers: finding a field's column from an explicit
// --map or from the usual names, text clean-up of fields, and the row loop.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/csv_reader.h"
#include "importers/importer.h"

namespace orglens::importers {

struct FieldSpec {
  std::string field;                      // "item"
  std::vector<std::string_view> guesses;  // lower-case header names tried in order
  bool required = false;
  std::string_view meaning;  // "the work item (case) id", for messages
};

/// Column index of every field (nullopt = absent). Explicit mappings must name an existing
/// column; a required field without a column is an ImportError that lists the header and
/// says how to map it.
std::map<std::string, std::optional<std::size_t>> resolveColumns(
    const std::vector<std::string>& header, const std::vector<FieldSpec>& specs,
    const std::map<std::string, std::string>& mapping, const DiagnosticSink& where);

/// Opens a CSV file with the delimiter sniffed from its start and reads its header. Throws
/// ImportError for an unreadable, empty, UTF-16/32 or header-less file.
std::unique_ptr<CsvReader> openCsv(const std::filesystem::path& path,
                                   std::vector<std::string>& header);

/// The `field` names of `specs`, in order (an importer's mappingFields()).
std::vector<std::string> fieldNames(const std::vector<FieldSpec>& specs);

/// Passes every row of `reader` to `importRow`. Every 65536 rows it stops when the import is
/// cancelled and otherwise reports the share of the file read. A reader error at the end is
/// an error diagnostic (and a skipped row): the rest of the file is not imported.
void readCsvRows(CsvReader& reader, ImportContext& ctx,
                 const std::function<void(const CsvRow&)>& importRow);

/// Trims ASCII spaces.
std::string_view trimField(std::string_view s);

/// True when `row` has `width` fields; otherwise warns at the row's line ("expected N fields,
/// found M; row skipped"), counts the row as skipped and returns false.
bool rowHasWidth(const CsvRow& row, std::size_t width, ImportContext& ctx);

/// True when `s` is valid UTF-8.
bool isValidUtf8(std::string_view s);
/// Re-encodes Latin-1 / Windows-1252 bytes as UTF-8 (used for fields that are not UTF-8).
std::string latin1ToUtf8(std::string_view s);

/// Field text as UTF-8: returned as is when valid, else re-encoded from Latin-1 with a
/// warning (once per file; later rows are counted in `badRows`).
std::string_view utf8Field(std::string_view s, std::string& scratch, DiagnosticSink& diagnostics,
                           std::uint64_t line, std::uint64_t& badRows);

}  // namespace orglens::importers
