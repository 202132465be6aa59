// Git history: `orglens import --format git PATH` on a working tree or a bare repository.
// Runs `git log` with a fixed machine-readable format (numstat, trailers, mailmap applied, no
// pager) and turns
//  - every file a commit touches into an `edited` event by the commit's author on a document
//    (the file path), with the tool `git`;
//  - every commit into a review chain on a `task` (the patch, key = the commit hash): an
//    `authored` event by the author at the author date and a `committed` event by the
//    committer at the commit date. When they differ, handoffs/1 sees a handoff author →
//    committer whose wait is commit date − author date: the time the patch waited to be
//    applied (a maintainer's queue in mailing-list workflows);
//  - the trailers Signed-off-by, Reviewed-by, Acked-by, Tested-by and Co-developed-by into
//    people related to the commit object (relation commit → person, qualifier the trailer's
//    key in lower case: `reviewed-by`, ...).
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unordered_map>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "importers/timestamp.h"
#include "model/identity.h"

namespace orglens::importers {
namespace {

using model::BuiltinType;

// Record separator \x1e before every commit, unit separator \x1f between fields. %aN/%aE/%cN/%cE
// are the .mailmap-resolved names and addresses. The trailers come last, unfolded onto one
// line and separated by \x1d.
constexpr const char* kFormat =
    "--format=%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%cN%x1f%cE%x1f%cI%x1f%P%x1f"
    "%(trailers:only,unfold,separator=%x1d)";
constexpr std::size_t kHeaderFields = 9;

/// Trailers that name people who took part in a patch, as relation qualifiers.
constexpr std::string_view kPeopleTrailers[] = {"signed-off-by", "reviewed-by", "acked-by",
                                                "tested-by", "co-developed-by"};

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool isRepository(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return false;
  if (std::filesystem::exists(path / ".git", ec)) return true;  // working tree (or worktree file)
  return std::filesystem::is_regular_file(path / "HEAD", ec) &&
         std::filesystem::is_directory(path / "objects", ec) &&
         std::filesystem::is_directory(path / "refs", ec);
}

struct Commit {
  std::string hash, author, authorEmail, authorDate, committer, committerEmail, committerDate,
      parents, trailers;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

class GitRun {
 public:
  explicit GitRun(ImportContext& ctx) : m_ctx(ctx), m_people(ctx.sink) {}
  void run();

 private:
  void header(const std::string& line, std::uint64_t lineNo);
  void numstat(const std::string& line, std::uint64_t lineNo);
  /// A person from git's name and address ("name <addr>" when the address is unusable).
  model::PersonId person(const std::string& name, const std::string& email);
  /// The patch task with its `authored` and `committed` events, and the trailer people.
  void reviewChain(std::uint64_t lineNo);

  ImportContext& m_ctx;
  model::IdentityResolver m_people;
  TimestampParser m_time;
  Commit m_commit;
  bool m_commitOk = false;
  model::MicrosUtc m_when = 0;
  model::PersonId m_author;
  model::ObjectId m_commitObject;
  std::uint64_t m_commits = 0;
  std::uint64_t m_known = 0;  // commits already in the store
};

void GitRun::header(const std::string& line, std::uint64_t lineNo) {
  const auto f = split(line.substr(1), '\x1f');
  m_commitOk = false;
  if (f.size() != kHeaderFields) {
    m_ctx.diagnostics.warning(lineNo, "unexpected git log line; commit skipped");
    ++m_ctx.skippedRows;
    return;
  }
  m_commit = {f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]};
  const auto when = m_time.parse(m_commit.authorDate);
  if (!when) {
    m_ctx.diagnostics.warning(lineNo, "commit " + m_commit.hash + ": unreadable author date '" +
                                          m_commit.authorDate + "'; skipped");
    ++m_ctx.skippedRows;
    return;
  }
  m_when = *when;
  m_author = person(m_commit.author, m_commit.authorEmail);
  auto& sink = m_ctx.sink;
  // A commit imported before (an earlier import of the same repository) is not added again,
  // so importing a repository after new commits adds just those.
  const auto commitType = sink.objectType("commit");
  if (sink.findObject(commitType, m_commit.hash)) {
    ++m_known;
    return;
  }
  m_commitObject = sink.object(commitType, m_commit.hash);
  sink.setObjectAttribute(m_commitObject, sink.intern("author_date"), model::TimeValue{m_when});
  if (auto committed = m_time.parse(m_commit.committerDate))
    sink.setObjectAttribute(m_commitObject, sink.intern("commit_date"),
                            model::TimeValue{*committed});
  sink.setObjectAttribute(m_commitObject, sink.intern("committer"),
                          m_ctx.identity(m_commit.committerEmail));
  if (!m_commit.parents.empty())
    sink.setObjectAttribute(m_commitObject, sink.intern("parents"), m_commit.parents);
  m_commitOk = true;
  ++m_commits;
  reviewChain(lineNo);
}

model::PersonId GitRun::person(const std::string& name, const std::string& email) {
  // People resolve by e-mail; one without a usable address falls back to "name <addr>".
  return model::normaliseEmail(email).empty()
             ? m_people.resolve(model::AliasKind::GitAuthor, name + " <" + email + ">", name)
             : m_people.resolve(model::AliasKind::Email, email, name);
}

void GitRun::reviewChain(std::uint64_t lineNo) {
  auto& sink = m_ctx.sink;
  model::EventRecord e;
  e.time = m_when;
  e.activity = sink.intern("authored");
  e.actor = m_author;
  e.item = sink.object(model::typeId(BuiltinType::Task), m_commit.hash);
  e.tool = sink.intern("git");
  sink.addEventLink(sink.addEvent(e), {m_commitObject, sink.intern("commit")});
  if (auto committed = m_time.parse(m_commit.committerDate)) {
    e.time = *committed;
    e.activity = sink.intern("committed");
    e.actor = person(m_commit.committer, m_commit.committerEmail);
    sink.addEventLink(sink.addEvent(e), {m_commitObject, sink.intern("commit")});
  } else {
    m_ctx.diagnostics.warning(lineNo, "commit " + m_commit.hash + ": unreadable commit date '" +
                                          m_commit.committerDate + "'; no `committed` event");
  }
  for (const auto& trailer : split(m_commit.trailers, '\x1d')) {
    const auto colon = trailer.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = lower(trailer.substr(0, colon));
    if (std::find(std::begin(kPeopleTrailers), std::end(kPeopleTrailers), key) ==
        std::end(kPeopleTrailers))
      continue;
    std::string value = trailer.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    const auto lt = value.find('<');
    std::string name = value.substr(0, lt);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    const std::string email = lt == std::string::npos ? std::string() : value.substr(lt);
    const auto who = email.empty() ? m_people.resolve(model::AliasKind::GitAuthor, value, value)
                                   : person(name, email);
    if (who)
      sink.addRelation(
          {m_commitObject, who.object(), sink.intern(key), std::nullopt, std::nullopt});
  }
}

void GitRun::numstat(const std::string& line, std::uint64_t lineNo) {
  if (!m_commitOk) return;
  const auto f = split(line, '\t');
  if (f.size() != 3) {
    m_ctx.diagnostics.warning(lineNo, "unexpected numstat line '" + line + "'; ignored");
    return;
  }
  auto& sink = m_ctx.sink;
  model::EventRecord e;
  e.time = m_when;
  e.activity = sink.intern("edited");
  e.actor = m_author;
  e.item = sink.object(model::typeId(BuiltinType::Document), f[2]);
  e.tool = sink.intern("git");
  const auto id = sink.addEvent(e);
  sink.addEventLink(id, {m_commitObject, sink.intern("commit")});
  // Binary files show "-" for their line counts.
  if (f[0] != "-")
    sink.setEventAttribute(id, sink.intern("lines_added"), std::int64_t{std::stoll(f[0])});
  if (f[1] != "-")
    sink.setEventAttribute(id, sink.intern("lines_deleted"), std::int64_t{std::stoll(f[1])});
}

void GitRun::run() {
  if (!isRepository(m_ctx.path))
    throw ImportError("'" + m_ctx.path.string() +
                      "' is not a git repository (no .git folder, not a bare repository)");
  const auto errors = std::filesystem::temp_directory_path() /
                      ("orglens-git-" + std::to_string(::getpid()) + ".err");
  const std::string command = "git --no-pager -c core.quotepath=off -C " +
                              shellQuote(m_ctx.path.string()) +
                              " log --use-mailmap --numstat --no-renames --no-color " +
                              shellQuote(kFormat) + " 2>" + shellQuote(errors.string());
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), &::pclose);
  if (!pipe)
    throw ImportError("cannot run git for '" + m_ctx.path.string() + "': is git installed?");
  std::string line;
  std::uint64_t lineNo = 0;
  char buf[65536];
  while (std::fgets(buf, sizeof buf, pipe.get())) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    line.pop_back();
    ++lineNo;
    if (!line.empty() && line[0] == '\x1e')
      header(line, lineNo);
    else if (!line.empty())
      numstat(line, lineNo);
    line.clear();
    if ((lineNo & 0xFFF) == 0 && m_ctx.progress.cancelled()) break;
  }
  const int status = ::pclose(pipe.release());
  std::string message;
  if (FILE* err = std::fopen(errors.c_str(), "r")) {
    while (std::fgets(buf, sizeof buf, err)) message += buf;
    std::fclose(err);
  }
  std::filesystem::remove(errors);
  if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && m_commits + m_known == 0))
    throw ImportError("git log failed for '" + m_ctx.path.string() +
                      "': " + (message.empty() ? "no output" : message));
  if (WEXITSTATUS(status) != 0)
    m_ctx.diagnostics.error(0, "git log ended with an error: " + message);
  if (m_known)
    m_ctx.diagnostics.info(
        0, std::to_string(m_known) + " commits were imported before and are not added again");
}

class GitImporter final : public Importer {
 public:
  std::string_view name() const override { return "git"; }
  std::string_view description() const override {
    return "git history (working tree or bare repository): commits as edits of files by their "
           "authors, patches as author → committer handoffs, review trailers";
  }
  int sniff(const std::filesystem::path& path, std::string_view) const override {
    return isRepository(path) ? 80 : 0;
  }
  void run(ImportContext& ctx) const override { GitRun(ctx).run(); }
  /// The history is what is imported: the HEAD commit (which fixes every commit before it)
  /// and the .mailmap (which changes who the authors are) identify it. Hashing the working
  /// tree and .git file by file would cost far more and change with unrelated edits.
  std::string fingerprint(const std::filesystem::path& path) const override;
};

std::string GitImporter::fingerprint(const std::filesystem::path& path) const {
  std::string head;
  const std::string command =
      "git --no-pager -C " + shellQuote(path.string()) + " rev-parse HEAD 2>/dev/null";
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, pipe)) head += buf;
    const int status = ::pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) head.clear();
  }
  // Not a readable repository: the default hash (and the import then reports git's error).
  if (head.empty()) return Importer::fingerprint(path);
  std::string mailmap;
  std::error_code ec;
  if (std::filesystem::is_regular_file(path / ".mailmap", ec))
    mailmap = sha256File(path / ".mailmap");
  return sha256Text("git\n" + head + mailmap);
}

}  // namespace

std::unique_ptr<Importer> makeGitImporter() {
  return std::make_unique<GitImporter>();
}

}  // namespace orglens::importers
