// Content sniffing shared by the CSV importers whose header names tell them apart (message
// edges, usage logs, events).
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "importers/csv_columns.h"

namespace orglens::importers {

/// `score` when `path` is a .csv/.tsv/.txt file whose first line (of `head`) names a column for
/// every required field of `specs` by the usual names; 0 otherwise (the generic event CSV
/// importer then claims the file and its error message explains --map). A .csv/.tsv/.txt file
/// whose header lacks a required field scores `missingScore`.
int sniffCsvHeader(const std::filesystem::path& path, std::string_view head,
                   const std::vector<FieldSpec>& specs, int score, int missingScore = 0);

/// The alias kind of a person named in a CSV cell: an e-mail address when the text holds one
/// (so that rosters and mail merge with it), else a resource name (as the event CSV's actor).
model::AliasKind csvPersonKind(std::string_view text);

}  // namespace orglens::importers
