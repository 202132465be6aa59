// What the GitHub REST-export and GH Archive importers share: recognising a file by name and
// first value, and reading its JSON values into records with diagnostics for bad ones.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "importers/github_parser.h"
#include "importers/importer.h"

namespace orglens::importers {

/// The shape of a file's first JSON value (`head`: its first bytes, gunzipped), for files
/// named *.json, *.ndjson, *.jsonl (optionally .gz); None for other names.
GithubShape sniffGithubFile(const std::filesystem::path& path, std::string_view head);

using GithubRecordSink = std::function<void(const GithubRecord&, std::uint64_t line)>;

/// Streams the file's JSON values through `parser` into `onRecord`. A value that is not
/// valid JSON or not an object is a warning with its line (a skipped row); data that ends
/// early (a truncated gzip stream, an unclosed value) is a warning after the values read.
/// Reports progress as a share of the file's bytes scaled into [progressFrom, progressTo).
/// Returns false when the file cannot be opened (nothing read; the caller decides).
bool readGithubValues(ImportContext& ctx, const std::filesystem::path& path,
                      std::string_view prefix, GithubParser& parser,
                      const GithubRecordSink& onRecord, double progressFrom = 0,
                      double progressTo = 1);

}  // namespace orglens::importers
