#include "importers/csv_sniff.h"

#include "model/identity.h"

namespace orglens::importers {

int sniffCsvHeader(const std::filesystem::path& path, std::string_view head,
                   const std::vector<FieldSpec>& specs, int score, int missingScore) {
  const auto ext = path.extension().string();
  if (ext != ".csv" && ext != ".tsv" && ext != ".txt") return 0;
  auto reader = CsvReader::fromString(std::string(head.substr(0, head.find('\n'))));
  reader->setDialect({sniffDelimiter(head), '"'});
  CsvRow row;
  std::vector<std::string> header;
  if (reader->next(row))
    for (auto f : row.fields) header.emplace_back(trimField(f));
  DiagnosticSink quiet(path.string(), false);
  try {
    resolveColumns(header, specs, {}, quiet);
    return score;
  } catch (const ImportError&) {
    return missingScore;
  }
}

model::AliasKind csvPersonKind(std::string_view text) {
  // An '@' is required: normaliseEmail also reads pipermail's "user at domain", and a name
  // such as "Mary at Sales" is not an address.
  return text.find('@') == std::string_view::npos || model::normaliseEmail(text).empty()
             ? model::AliasKind::Resource
             : model::AliasKind::Email;
}

}  // namespace orglens::importers
