#include "importers/github_input.h"

#include "importers/json_values.h"

namespace orglens::importers {
namespace {

bool hasJsonName(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  if (p.extension() == ".gz") p = p.stem();
  const auto ext = p.extension();
  return ext == ".json" || ext == ".ndjson" || ext == ".jsonl";
}

/// When the head ends inside the first value (an object of more than 64 KiB), its first keys
/// still tell: GH Archive writes `"type"` before `"payload"`; REST objects carry `node_id`.
GithubShape guessFromKeys(std::string_view head) {
  const auto payload = head.find("\"payload\":");
  if (payload != std::string_view::npos && head.find("Event\"") < payload)
    return GithubShape::Archive;
  if (head.find("\"node_id\"") != std::string_view::npos &&
      head.find("github") != std::string_view::npos)
    return GithubShape::Rest;
  return GithubShape::None;
}

}  // namespace

GithubShape sniffGithubFile(const std::filesystem::path& path, std::string_view head) {
  if (!hasJsonName(path)) return GithubShape::None;
  // The first values decide: an archive event first, or a REST record among the first few
  // (a pull request's timeline may open with commits and mentions, which name nothing).
  constexpr std::size_t kLooked = 32;
  const auto values = leadingJsonValues(head, kLooked);
  if (values.empty()) return guessFromKeys(head);
  GithubParser parser;
  if (parser.shape(values.front()) == GithubShape::Archive) return GithubShape::Archive;
  for (const auto& v : values)
    if (parser.shape(v) == GithubShape::Rest) return GithubShape::Rest;
  return GithubShape::None;
}

bool readGithubValues(ImportContext& ctx, const std::filesystem::path& path,
                      std::string_view prefix, GithubParser& parser,
                      const GithubRecordSink& onRecord, double progressFrom, double progressTo) {
  JsonValueStream values(GithubParser::kPadding);
  if (!values.open(path)) return false;
  std::error_code ec;
  const double size = static_cast<double>(std::filesystem::file_size(path, ec));
  std::string_view text;
  std::uint64_t line = 0, count = 0;
  bool padded = false;
  while (values.next(text, line, padded)) {
    const std::string error =
        parser.parse(text, padded, [&](const GithubRecord& r) { onRecord(r, line); });
    if (!error.empty()) {
      ctx.diagnostics.warning(line, std::string(prefix) + error + "; skipped");
      ++ctx.skippedRows;
    }
    // Progress and cancellation every 4096 values: cheap next to parsing them.
    if (++count % 4096 == 0) {
      if (ctx.progress.cancelled()) return true;
      if (size > 0)
        ctx.progress.report(progressFrom + (progressTo - progressFrom) *
                                               std::min(1.0, double(values.fileOffset()) / size),
                            "reading GitHub records");
    }
  }
  if (!values.error().empty()) {
    ctx.diagnostics.warning(values.lineNumber(),
                            std::string(prefix) + "reading stopped after line " +
                                std::to_string(values.lineNumber()) + ": " + values.error() +
                                " (a truncated or damaged file?); the records before were kept");
    ++ctx.skippedRows;
  }
  return true;
}

}  // namespace orglens::importers
