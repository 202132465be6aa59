#include "importers/csv_columns.h"

#include <algorithm>
#include <cctype>

#include "model/text.h"

namespace orglens::importers {
namespace {

std::string listColumns(const std::vector<std::string>& header) {
  std::string out;
  for (const auto& h : header) out += (out.empty() ? "'" : ", '") + h + "'";
  return out;
}

}  // namespace

std::vector<std::string> fieldNames(const std::vector<FieldSpec>& specs) {
  std::vector<std::string> out;
  for (const auto& f : specs) out.push_back(f.field);
  return out;
}

void readCsvRows(CsvReader& reader, ImportContext& ctx,
                 const std::function<void(const CsvRow&)>& importRow) {
  CsvRow row;
  std::uint64_t rows = 0;
  while (reader.next(row)) {
    importRow(row);
    if ((++rows & 0xFFFF) == 0) {
      if (ctx.progress.cancelled()) return;
      if (const auto total = reader.totalBytes())
        ctx.progress.report(double(reader.bytesRead()) / double(total), "reading");
    }
  }
  if (!reader.error().empty()) {
    ctx.diagnostics.error(0, reader.error() + "; the rest of the file is not imported");
    ++ctx.skippedRows;
  }
}

std::string_view trimField(std::string_view s) {
  return model::trimAscii(s, " \t");
}

std::map<std::string, std::optional<std::size_t>> resolveColumns(
    const std::vector<std::string>& header, const std::vector<FieldSpec>& specs,
    const std::map<std::string, std::string>& mapping, const DiagnosticSink& where) {
  std::vector<std::string> lowered;
  for (const auto& h : header) lowered.push_back(model::asciiLower(trimField(h)));
  std::map<std::string, std::optional<std::size_t>> out;
  std::vector<bool> taken(header.size(), false);
  // Explicit mappings first, so that a guess never takes a column the user assigned.
  for (const auto& spec : specs) {
    auto m = mapping.find(spec.field);
    if (m == mapping.end()) continue;
    auto it = std::find(lowered.begin(), lowered.end(), model::asciiLower(trimField(m->second)));
    if (it == lowered.end())
      throw ImportError(where.where(1) + ": --map " + spec.field + "=" + m->second +
                        ": the file has no column '" + m->second + "'; its columns are " +
                        listColumns(header));
    out[spec.field] = static_cast<std::size_t>(it - lowered.begin());
    taken[*out[spec.field]] = true;
  }
  for (const auto& spec : specs) {
    if (out.count(spec.field)) continue;
    std::optional<std::size_t> column;
    for (auto guess : spec.guesses) {
      auto it = std::find(lowered.begin(), lowered.end(), guess);
      if (it != lowered.end() && !taken[static_cast<std::size_t>(it - lowered.begin())]) {
        column = static_cast<std::size_t>(it - lowered.begin());
        taken[*column] = true;
        break;
      }
    }
    if (!column && spec.required)
      throw ImportError(where.where(1) + ": no column for " + std::string(spec.meaning) + " ('" +
                        spec.field + "'); the columns are " + listColumns(header) +
                        "; name it with --map " + spec.field + "=COLUMN");
    out[spec.field] = column;
  }
  return out;
}

std::unique_ptr<CsvReader> openCsv(const std::filesystem::path& path,
                                   std::vector<std::string>& header) {
  std::string error;
  auto reader = CsvReader::open(path, error);
  if (!reader) throw ImportError("cannot read '" + path.string() + "': " + error);
  const std::string_view head = reader->head(64 * 1024);
  if (head.size() >= 2 &&
      ((head[0] == '\xff' && head[1] == '\xfe') || (head[0] == '\xfe' && head[1] == '\xff')))
    throw ImportError(
        path.string() +
        ": the file is UTF-16 encoded; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
  if (head.find('\0') != std::string_view::npos)
    throw ImportError(path.string() +
                      ": the file contains NUL bytes: it is binary or UTF-16/32, "
                      "not a UTF-8 CSV file");
  reader->setDialect({sniffDelimiter(head), '"'});
  CsvRow row;
  if (!reader->next(row)) {
    if (!reader->error().empty()) throw ImportError(path.string() + ": " + reader->error());
    throw ImportError(path.string() + ": the file is empty; a CSV file needs a header row");
  }
  for (auto f : row.fields) header.emplace_back(trimField(f));
  return reader;
}

bool isValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || end - p <= n) return false;
    for (int i = 1; i <= n; ++i)
      if ((p[i] & 0xC0) != 0x80) return false;
    p += n + 1;
  }
  return true;
}

std::string latin1ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string_view utf8Field(std::string_view s, std::string& scratch, DiagnosticSink& diagnostics,
                           std::uint64_t line, std::uint64_t& badRows) {
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii || isValidUtf8(s)) return s;
  if (badRows++ == 0)
    diagnostics.warning(line,
                        "text is not valid UTF-8; read as Latin-1/Windows-1252 (convert the "
                        "file to UTF-8 to be sure, e.g. iconv -f cp1252 -t utf-8)");
  scratch = latin1ToUtf8(s);
  return scratch;
}

bool rowHasWidth(const CsvRow& row, std::size_t width, ImportContext& ctx) {
  if (row.fields.size() == width) return true;
  ctx.diagnostics.warning(row.line, "expected " + std::to_string(width) + " fields, found " +
                                        std::to_string(row.fields.size()) + "; row skipped");
  ++ctx.skippedRows;
  return false;
}

}  // namespace orglens::importers
