// GitHub REST API exports: files as users save them from the API — issues, pulls, issue
// events and timelines, reviews, comments; a JSON array (or `--paginate`'s arrays in a row) or
// one object per line, plain or .gz — one file, or a folder of them imported as one source.
// Each object is recognised by its keys (github_parser.cpp), so a folder may mix lists and a
// file may hold several kinds. The mapping is github_mapper.h's.
//
// The item of an event: its `issue` object, else its `issue_url`, `pull_request_url` or
// `html_url`. A per-issue timeline (`/issues/{n}/timeline`) names the issue only in some of
// its items (comments, reviews); the others take the file's item when the file's records
// name exactly one, and are skipped with a diagnostic otherwise.
#include <algorithm>
#include <set>

#include "importers/github_input.h"
#include "importers/github_mapper.h"
#include "importers/registry.h"

namespace orglens::importers {
namespace {

namespace fs = std::filesystem;

class GithubRestRun {
 public:
  explicit GithubRestRun(ImportContext& ctx) : m_ctx(ctx), m_mapper(ctx, true) {}
  void run();

 private:
  struct Input {
    fs::path path;
    std::string prefix;  // "issues.json: " in a folder, "" for a single file
    std::uint64_t bytes = 0;
  };
  std::vector<Input> listFolder();
  void importFile(const Input& input, double from, double to);

  ImportContext& m_ctx;
  GithubMapper m_mapper;
  GithubParser m_parser;
};

/// Whether a folder entry is hidden (".git", ".DS_Store"): such entries and everything below
/// them are not part of an export.
bool hiddenEntry(const fs::path& relative) {
  for (const auto& part : relative)
    if (const auto s = part.string(); !s.empty() && s[0] == '.') return true;
  return false;
}

std::vector<GithubRestRun::Input> GithubRestRun::listFolder() {
  std::vector<Input> out;
  std::error_code ec;
  // Exports keep per-item lists in sub-folders (timeline/12.json, reviews/12.json): the whole
  // tree is one export.
  for (const auto& entry : fs::recursive_directory_iterator(m_ctx.path, ec)) {
    const auto relative = entry.path().lexically_relative(m_ctx.path);
    const auto name = relative.generic_string();
    if (!entry.is_regular_file(ec) || name.empty() || hiddenEntry(relative)) continue;
    if (sniffGithubFile(entry.path(), readHead(entry.path(), 64 * 1024)) == GithubShape::None) {
      m_ctx.diagnostics.info(0, "'" + name + "' is not a GitHub export file; not imported");
      continue;
    }
    out.push_back({entry.path(), name + ": ", entry.file_size(ec)});
  }
  std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
  return out;
}

void GithubRestRun::importFile(const Input& input, double from, double to) {
  std::vector<GithubRecordCopy> pending;  // records that name no item (timeline items)
  std::set<std::pair<std::string, std::int64_t>> items;
  const bool opened = readGithubValues(
      m_ctx, input.path, input.prefix, m_parser,
      [&](const GithubRecord& r, std::uint64_t line) {
        const bool needsItem = r.action != GithubAction::Other && r.action != GithubAction::Pushed;
        if (needsItem && r.number <= 0) return pending.emplace_back(r, line), void();
        if (r.number > 0 && items.size() < 2) items.emplace(std::string(r.repo), r.number);
        m_mapper.add(r, line, input.prefix);
      },
      from, to);
  if (!opened) {
    if (input.prefix.empty()) throw ImportError("cannot open '" + input.path.string() + "'");
    m_ctx.diagnostics.warning(0, input.prefix + "cannot open the file; skipped");
    ++m_ctx.skippedRows;
    return;
  }
  for (auto& p : pending) {
    if (items.size() == 1) {
      p.setItem(items.begin()->first, items.begin()->second);
      m_mapper.add(p.view(), p.line(), input.prefix);
      continue;
    }
    m_ctx.diagnostics.warning(
        p.line(), input.prefix + std::string(p.view().type) +
                      " names no issue or pull request (no issue, issue_url, pull_request_url "
                      "or html_url) and the file's other records name " +
                      (items.empty() ? "none" : "several") + " to take it from; skipped");
    ++m_ctx.skippedRows;
  }
}

void GithubRestRun::run() {
  std::error_code ec;
  std::vector<Input> inputs;
  if (fs::is_directory(m_ctx.path, ec)) {
    inputs = listFolder();
    if (inputs.empty())
      throw ImportError("folder '" + m_ctx.path.string() +
                        "' holds no GitHub export file (*.json, *.ndjson, *.jsonl, optionally "
                        ".gz, with issues, pull requests, events, reviews or comments)");
  } else {
    inputs.push_back({m_ctx.path, "", fs::file_size(m_ctx.path, ec)});
  }
  std::uint64_t total = 0, done = 0;
  for (const auto& i : inputs) total += i.bytes;
  for (const auto& i : inputs) {
    if (m_ctx.progress.cancelled()) return;
    const double from = total ? double(done) / double(total) : 0;
    done += i.bytes;
    importFile(i, from, total ? double(done) / double(total) : 1);
  }
  m_mapper.finish();
}

class GithubRestImporter final : public Importer {
 public:
  std::string_view name() const override { return "github"; }
  std::string_view description() const override {
    return "GitHub REST API exports (issues, pulls, issue events/timeline, reviews, comments; "
           "JSON arrays or NDJSON, .gz): a file, or a folder of them as one source";
  }
  int sniff(const fs::path& path, std::string_view head) const override {
    std::error_code ec;
    if (!fs::is_directory(path, ec))
      return sniffGithubFile(path, head) == GithubShape::Rest ? 90 : 0;
    // A folder is one export when every file in its tree is one (hidden entries aside).
    bool any = false;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      if (hiddenEntry(entry.path().lexically_relative(path)) || entry.is_directory(ec)) continue;
      if (!entry.is_regular_file(ec)) return 0;
      if (sniffGithubFile(entry.path(), readHead(entry.path(), 64 * 1024)) != GithubShape::Rest)
        return 0;
      any = true;
    }
    return any ? 95 : 0;
  }
  void run(ImportContext& ctx) const override { GithubRestRun(ctx).run(); }
};

}  // namespace

std::unique_ptr<Importer> makeGithubImporter() {
  return std::make_unique<GithubRestImporter>();
}

}  // namespace orglens::importers
