// Importing one file into a store: format choice, the "same file twice" check, one
// transaction, the source record with counts and diagnostics.
#pragma once

#include "importers/importer.h"
#include "model/store.h"

namespace orglens::importers {

struct ImportOutcome {
  std::string format;
  model::SourceId source;
  bool alreadyImported = false;  // the same content, format and options were imported before
  model::ImportCounts counts;
  std::vector<model::Diagnostic> diagnostics;  // the first DiagnosticSink::kKept
};

/// Imports `path` into `store` as one transaction: on any ImportError (or cancellation)
/// nothing is written and the error propagates. O(file size). With options.pseudonymKey,
/// identities are pseudonymised (docs/privacy.md) and an import that would mix pseudonyms
/// with real identities, or with another key's pseudonyms, is refused (ImportError).
ImportOutcome importFile(model::Store& store, const std::filesystem::path& path,
                         const ImportOptions& options, model::Progress& progress);

/// Imports into an in-memory model instead (tests, small files). Same errors. Pseudonymises
/// as above, except attribute values naming someone the import meets only later (the store
/// rewrites those at the end) and without the mixing check (a model has no meta table).
ImportOutcome importFile(model::Model& model, const std::filesystem::path& path,
                         const ImportOptions& options, model::Progress& progress);

/// Hex SHA-256 of a text (OpenSSL).
std::string sha256Text(std::string_view text);

/// Hex SHA-256 of a file's bytes (OpenSSL), streamed in 1 MiB blocks. For a folder (a
/// Slack export): of its files' relative paths, sizes and bytes, in path order.
std::string sha256File(const std::filesystem::path& path);

}  // namespace orglens::importers
