// GH Archive benchmark (issue #10): generates GH Archive-like hourly NDJSON at two sizes
// (plain and .gz), then measures the event parser (lines → records, no model), the same
// through zlib, and the import into a store with an --org filter, each with its peak RSS, to
// show throughput (target ≥ 150 MB/s NDJSON parse) and memory independent of the file size.
//   orglens-bench-gharchive [--quick] [--dir FOLDER] [--small MB] [--large MB]
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/bench_util.h"
#include "importers/github_parser.h"
#include "importers/import_file.h"
#include "importers/json_values.h"

namespace fs = std::filesystem;
using namespace orglens;

namespace {

/// Deterministic generator (LCG) of archive lines with the real mix of types and sizes: many
/// small pushes and watches, fewer large pull request and review events (whose payload holds
/// the whole pull request).
class Generator {
 public:
  std::string line();

 private:
  std::uint64_t next(std::uint64_t n) {
    m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (m_state >> 33) % n;
  }
  std::string user(std::uint64_t id) const;
  std::string repo(std::uint64_t id) const;
  std::string pull(std::uint64_t repoId, std::uint64_t number, std::uint64_t author);
  std::string wrap(const char* type, std::uint64_t actor, std::uint64_t repoId,
                   const std::string& payload);

  std::uint64_t m_state = 7;
  std::uint64_t m_seconds = 0;
};

std::string Generator::user(std::uint64_t id) const {
  char b[512];
  std::snprintf(
      b, sizeof b,
      R"({"login":"user%llu","id":%llu,"node_id":"MDQ6VXNlcj%llu","avatar_url":"https://avatars.githubusercontent.com/u/%llu?v=4","url":"https://api.github.com/users/user%llu","html_url":"https://github.com/user%llu","type":"User","site_admin":false})",
      (unsigned long long)id, (unsigned long long)id, (unsigned long long)id,
      (unsigned long long)id, (unsigned long long)id, (unsigned long long)id);
  return b;
}

std::string Generator::repo(std::uint64_t id) const {
  char b[256];
  std::snprintf(b, sizeof b, "org%llu/repo%llu", (unsigned long long)(id % 200),
                (unsigned long long)id);
  return b;
}

std::string Generator::pull(std::uint64_t repoId, std::uint64_t number, std::uint64_t author) {
  const std::string r = repo(repoId);
  const std::string n = std::to_string(number);
  std::string base =
      R"({"label":"main","ref":"main","sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e","user":)" +
      user(repoId) + R"(,"repo":{"id":)" + std::to_string(repoId) +
      R"(,"name":"repo","full_name":")" + r +
      R"(","private":false,"description":"A repository with a description of some length","fork":false,"url":"https://api.github.com/repos/)" +
      r + R"(","html_url":"https://github.com/)" + r + R"("}})";
  return R"({"url":"https://api.github.com/repos/)" + r + "/pulls/" + n + R"(","id":)" +
         std::to_string(next(1u << 30)) + R"(,"html_url":"https://github.com/)" + r + "/pull/" + n +
         R"(","number":)" + n +
         R"(,"state":"open","locked":false,"title":"Improve the handling of edge cases in the parser","user":)" +
         user(author) +
         R"(,"body":"This change makes the parser more robust against malformed input and adds tests.","created_at":"2024-03-04T09:00:00Z","updated_at":"2024-03-04T09:00:00Z","closed_at":null,"merged_at":null,"merge_commit_sha":null,"assignee":null,"assignees":[],"requested_reviewers":[],"labels":[],"draft":false,"head":)" +
         base + R"(,"base":)" + base +
         R"(,"author_association":"CONTRIBUTOR","merged":false,"comments":1,"review_comments":0,"commits":2,"additions":40,"deletions":3,"changed_files":2})";
}

std::string Generator::wrap(const char* type, std::uint64_t actor, std::uint64_t repoId,
                            const std::string& payload) {
  ++m_seconds;
  char t[32];
  std::snprintf(t, sizeof t, "2024-03-%02lluT%02llu:%02llu:%02lluZ",
                (unsigned long long)(m_seconds / 86400 % 28 + 1),
                (unsigned long long)(m_seconds / 3600 % 24),
                (unsigned long long)(m_seconds / 60 % 60), (unsigned long long)(m_seconds % 60));
  const std::string r = repo(repoId);
  return R"({"id":")" + std::to_string(30'000'000'000ULL + m_seconds) + R"(","type":")" + type +
         R"(","actor":{"id":)" + std::to_string(actor) + R"(,"login":"user)" +
         std::to_string(actor) + R"(","display_login":"user)" + std::to_string(actor) +
         R"(","gravatar_id":"","url":"https://api.github.com/users/user)" + std::to_string(actor) +
         R"(","avatar_url":"https://avatars.githubusercontent.com/u/1?"},"repo":{"id":)" +
         std::to_string(repoId) + R"(,"name":")" + r + R"(","url":"https://api.github.com/repos/)" +
         r + R"("},"payload":)" + payload + R"(,"public":true,"created_at":")" + t + "\"}";
}

std::string Generator::line() {
  const std::uint64_t kind = next(100), actor = next(5000), repoId = next(2000),
                      number = next(500) + 1;
  if (kind < 45)
    return wrap(
        "PushEvent", actor, repoId,
        R"({"repository_id":1,"push_id":1,"size":1,"distinct_size":1,"ref":"refs/heads/main","head":"7a8f3ac80e2ad2f6842cb86f576d4bfe2c03e300","before":"c2c2e8a2ab6e29c2c2f1f8e0b2b2a1d0c0e0f0a0","commits":[{"sha":"7a8f3ac80e2ad2f6842cb86f576d4bfe2c03e300","author":{"email":"someone@example.org","name":"Some One"},"message":"Fix the build","distinct":true,"url":"https://api.github.com/repos/x/y/commits/7a8f"}]})");
  if (kind < 60) return wrap("WatchEvent", actor, repoId, R"({"action":"started"})");
  if (kind < 75)
    return wrap("PullRequestEvent", actor, repoId,
                R"({"action":")" + std::string(next(3) ? "opened" : "closed") + R"(","number":)" +
                    std::to_string(number) + R"(,"pull_request":)" + pull(repoId, number, actor) +
                    "}");
  const std::string issue =
      R"({"url":"https://api.github.com/repos/)" + repo(repoId) + "/issues/" +
      std::to_string(number) + R"(","number":)" + std::to_string(number) +
      R"(,"title":"Crash when saving","user":)" + user(next(5000)) +
      R"(,"state":"open","comments":2,"body":"Steps to reproduce: open, edit, save."})";
  if (kind < 85)
    return wrap(
        "IssueCommentEvent", actor, repoId,
        R"({"action":"created","issue":)" + issue + R"(,"comment":{"user":)" + user(actor) +
            R"(,"created_at":"2024-03-04T09:00:00Z","body":"I can reproduce this on the latest release."}})");
  if (kind < 93)
    return wrap("IssuesEvent", actor, repoId, R"({"action":"opened","issue":)" + issue + "}");
  if (kind < 97)
    return wrap(
        "PullRequestReviewEvent", actor, repoId,
        R"({"action":"created","review":{"user":)" + user(actor) +
            R"(,"state":"approved","submitted_at":"2024-03-04T09:00:00Z"},"pull_request":)" +
            pull(repoId, number, next(5000)) + "}");
  return wrap(
      "PullRequestReviewCommentEvent", actor, repoId,
      R"({"action":"created","comment":{"user":)" + user(actor) +
          R"(,"created_at":"2024-03-04T09:00:00Z","body":"nit","diff_hunk":"@@ -1 +1 @@"},"pull_request":)" +
          pull(repoId, number, next(5000)) + "}");
}

/// Writes about `megabytes` MB of lines to `plain` and the same gzip-compressed to `gz`.
void generate(const fs::path& plain, const fs::path& gz, std::uint64_t megabytes) {
  Generator g;
  std::ofstream out(plain, std::ios::binary);
  gzFile z = gzopen(gz.c_str(), "wb6");
  std::uint64_t written = 0;
  while (written < megabytes * 1'000'000) {
    const std::string l = g.line() + "\n";
    out << l;
    gzwrite(z, l.data(), static_cast<unsigned>(l.size()));
    written += l.size();
  }
  gzclose(z);
}

struct Measure {
  double seconds = 0;
  std::uint64_t bytes = 0;  // uncompressed bytes read
  std::uint64_t records = 0;
  std::uint64_t peakKiB = 0;
};

/// The parse alone: lines (through zlib for .gz) → records, counted.
Measure parse(const fs::path& path) {
  bench::resetPeakRss();
  Measure m;
  const auto start = bench::Clock::now();
  importers::LineReader lines(importers::GithubParser::kPadding);
  importers::GithubParser parser;
  lines.open(path);
  std::string_view line;
  while (lines.next(line)) {
    m.bytes += line.size() + 1;
    parser.parse(line, true, [&](const importers::GithubRecord&) { ++m.records; });
  }
  m.seconds = bench::secondsSince(start);
  m.peakKiB = bench::peakRssKiB();
  return m;
}

/// The import into a new store, keeping 2 of the 200 organisations (--org). `bytes`: the
/// uncompressed size, for MB/s comparable with the parse.
Measure import(const fs::path& path, const fs::path& dir, std::uint64_t bytes) {
  fs::remove(dir / "bench.orglens");
  auto store = model::Store::open(dir / "bench.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  importers::ImportOptions options;
  options.githubOwners = {"org1", "org2"};
  bench::resetPeakRss();
  Measure m;
  const auto start = bench::Clock::now();
  const auto outcome = importers::importFile(*store, path, options, progress);
  m.seconds = bench::secondsSince(start);
  m.peakKiB = bench::peakRssKiB();
  m.records = outcome.counts.events;
  m.bytes = bytes;
  return m;
}

bench::Row row(const std::string& what, const fs::path& path, const Measure& m, bool target,
               const char* counted = " records") {
  const double rate = double(m.bytes) / 1e6 / m.seconds;
  return {what,
          bench::formatBytes(double(fs::file_size(path))),
          bench::fixed(m.seconds, 2),
          bench::fixed(rate, 0) + " MB/s, " + bench::withCommas(m.records) + counted,
          bench::formatKiB(m.peakKiB),
          target ? ">= 150 MB/s" : "-",
          target ? (rate >= 150 ? "meets" : "misses") : "-"};
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t small = 100, large = 400;
  fs::path dir = fs::temp_directory_path() / ("orglens-bench-gha-" + std::to_string(::getpid()));
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick")
      small = 20, large = 80;
    else if (arg == "--dir" && i + 1 < argc)
      dir = argv[++i], keep = true;
    else if (arg == "--small" && i + 1 < argc)
      small = std::stoull(argv[++i]);
    else if (arg == "--large" && i + 1 < argc)
      large = std::stoull(argv[++i]);
  }
  fs::create_directories(dir);
  // Every file first, then each measurement at both sizes in a row: peak RSS is reset to the
  // current RSS before each, so rows of one kind compare directly.
  std::vector<std::pair<fs::path, fs::path>> files;  // plain, gz
  for (const std::uint64_t mb : {small, large}) {
    const fs::path plain = dir / ("2024-03-04-" + std::to_string(mb) + ".json");
    const fs::path gz = dir / ("2024-03-04-" + std::to_string(mb) + ".json.gz");
    if (!fs::exists(plain) || !fs::exists(gz)) generate(plain, gz, mb);
    files.emplace_back(plain, gz);
  }
  std::vector<bench::Row> rows;
  for (const auto& [plain, gz] : files)
    rows.push_back(row("parse NDJSON", plain, parse(plain), true));
  for (const auto& [plain, gz] : files)
    rows.push_back(row("parse .json.gz (zlib)", gz, parse(gz), false));
  for (const auto& [plain, gz] : files)
    rows.push_back(row("import .json.gz --org (2 of 200)", gz,
                       import(gz, dir, fs::file_size(plain)), false, " events kept"));
  std::cout << "GH Archive-like hourly files (MB/s of uncompressed JSON; sizes as on disk)\n";
  bench::printTable(rows);
  if (!keep) fs::remove_all(dir);
  return 0;
}
