// GH Archive hourly files (https://www.gharchive.org: `YYYY-MM-DD-H.json.gz`, one GitHub
// event per line: `type`, `actor`, `repo`, `payload`, `created_at`), streamed line by line
// through zlib: memory depends on the longest line, not on the file. --repo/--org keep the
// events of some repositories (an hour of the archive holds all of GitHub). Events map as the
// REST exports do (github_mapper.h): PullRequestEvent (opened, closed → merged when
// payload.pull_request.merged, reopened, assigned, review_requested, ...),
// PullRequestReviewEvent, PullRequestReviewCommentEvent, IssuesEvent, IssueCommentEvent and
// PushEvent; other types are counted in an info diagnostic. The Events API's JSON arrays
// (`/repos/{o}/{r}/events`) have the same records and read too.
#include <cctype>
#include <cstring>

#include "importers/github_input.h"
#include "importers/github_mapper.h"
#include "importers/registry.h"

namespace orglens::importers {
namespace {

namespace fs = std::filesystem;

/// "2015-01-01-15.json.gz": date, '-', hour of one or two digits.
bool hasArchiveName(const fs::path& path) {
  std::string name = path.filename().string();
  for (const char* suffix : {".json.gz", ".json"})
    if (name.size() > std::strlen(suffix) &&
        name.compare(name.size() - std::strlen(suffix), std::string::npos, suffix) == 0) {
      name.resize(name.size() - std::strlen(suffix));
      break;
    }
  if (name.size() < 12 || name.size() > 13) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const bool dash = i == 4 || i == 7 || i == 10;
    if (dash != (name[i] == '-') || (!dash && !std::isdigit(static_cast<unsigned char>(name[i]))))
      return false;
  }
  return true;
}

class GhArchiveImporter final : public Importer {
 public:
  std::string_view name() const override { return "gharchive"; }
  std::string_view description() const override {
    return "GH Archive hourly event files (YYYY-MM-DD-H.json.gz, one GitHub event per line), "
           "streamed; --repo/--org keep some repositories";
  }
  int sniff(const fs::path& path, std::string_view head) const override {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return 0;
    if (sniffGithubFile(path, head) == GithubShape::Archive) return 95;
    return hasArchiveName(path) ? 60 : 0;
  }
  void run(ImportContext& ctx) const override {
    GithubMapper mapper(ctx, false);
    GithubParser parser;
    const bool opened = readGithubValues(
        ctx, ctx.path, "", parser,
        [&](const GithubRecord& r, std::uint64_t line) { mapper.add(r, line, ""); });
    if (!opened) throw ImportError("cannot open '" + ctx.path.string() + "'");
    mapper.finish();
  }
};

}  // namespace

std::unique_ptr<Importer> makeGhArchiveImporter() {
  return std::make_unique<GhArchiveImporter>();
}

}  // namespace orglens::importers
