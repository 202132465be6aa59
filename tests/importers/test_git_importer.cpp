#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "model/event_log.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

void git(const std::filesystem::path& repo, const std::string& args, const std::string& env = "") {
  std::string out;
  const int rc = test::runCommand(env + " git -C '" + repo.string() + "' " + args, out);
  INFO(out);
  REQUIRE(rc == 0);
}

void commit(const std::filesystem::path& repo, const std::string& who, const std::string& email,
            const std::string& date, const std::string& file, const std::string& text) {
  test::writeFile(repo / file, text);
  git(repo, "add -A");
  const std::string env =
      "GIT_AUTHOR_NAME='" + who + "' GIT_AUTHOR_EMAIL='" + email + "' GIT_AUTHOR_DATE='" + date +
      "' GIT_COMMITTER_NAME='Maintainer' GIT_COMMITTER_EMAIL='maint@example.org' "
      "GIT_COMMITTER_DATE='" +
      date + "'";
  git(repo, "commit -q -m change", env);
}

importers::ImportOutcome importGit(model::Store& store, const std::filesystem::path& repo) {
  importers::ImportOptions options;
  options.format = "git";
  model::NoProgress progress;
  return importers::importFile(store, repo, options, progress);
}

}  // namespace

TEST_CASE("A git history becomes edits of files by their authors, with .mailmap applied",
          "[importers][git]") {
  const auto dir = test::tempDir("git");
  const auto repo = dir / "repo";
  std::filesystem::create_directories(repo);
  git(repo, "init -q");
  commit(repo, "Ann Lee", "ann@example.org", "2025-01-06T09:00:00+01:00", "src/a.txt", "one\n");
  commit(repo, "Bob", "bob@example.org", "2025-01-06T11:00:00+01:00", "src/a.txt", "one\ntwo\n");
  commit(repo, "Ann (laptop)", "ann@old.example", "2025-01-07T10:00:00+01:00", "doc/b.md",
         "x\ny\nz\n");
  test::writeFile(repo / ".mailmap", "Ann Lee <ann@example.org> <ann@old.example>\n");
  commit(repo, "Bob", "bob@example.org", "2025-01-08T10:00:00+01:00", "src/a.txt", "two\n");

  auto store = model::Store::open(dir / "g.orglens", model::Store::Mode::Create);
  const auto outcome = importGit(*store, repo);
  CHECK(outcome.format == "git");
  // Edits: a.txt (Ann), a.txt (Bob), b.md (Ann via mailmap), .mailmap + a.txt (Bob); and per
  // commit an `authored` and a `committed` event on its patch task (the review chain).
  CHECK(outcome.counts.events == 5 + 2 * 4);
  CHECK(outcome.counts.people == 3);  // the old address is merged by .mailmap; the maintainer
  const auto log = model::EventLog::load(*store);
  CHECK(log.itemCount() == 3 + 4);  // src/a.txt, doc/b.md, .mailmap and the four patches
  const auto summary = store->summary();
  CHECK(summary.eventsWithoutActor == 0);
  // Times are the author dates in UTC.
  bool found = false;
  for (std::size_t e = 0; e < log.eventCount(); ++e)
    if (log.time[e] == 1'736'150'400'000'000) found = true;  // 2025-01-06T08:00:00Z
  CHECK(found);
  // The second import of the unchanged repository adds nothing.
  CHECK(importGit(*store, repo).alreadyImported);
}

TEST_CASE("A folder that is not a repository, or a broken one, is refused with git's reason",
          "[importers][git]") {
  const auto dir = test::tempDir("git-bad");
  auto store = model::Store::open(dir / "g.orglens", model::Store::Mode::Create);
  std::filesystem::create_directories(dir / "plain");
  CHECK_THROWS_WITH(importGit(*store, dir / "plain"), Catch::Contains("not a git repository"));
  // Looks like a bare repository but is not one.
  std::filesystem::create_directories(dir / "fake" / "objects");
  std::filesystem::create_directories(dir / "fake" / "refs");
  test::writeFile(dir / "fake" / "HEAD", "garbage\n");
  CHECK_THROWS_WITH(importGit(*store, dir / "fake"),
                    Catch::Contains("git log failed") && Catch::Contains("fake"));
  CHECK(store->summary().events == 0);
}

TEST_CASE("The project's own history imports with one edit per file a commit touched",
          "[importers][git][real]") {
  const std::filesystem::path source = ORGLENS_SOURCE_DIR;
  if (!std::filesystem::exists(source / ".git")) {
    WARN("no .git in " << source << ": the project's history is not available here");
    return;
  }
  std::string expected, commits;
  REQUIRE(test::runCommand(
              "git -C '" + source.string() + "' log --numstat --no-renames --format= | grep -c .",
              expected) == 0);
  REQUIRE(test::runCommand("git -C '" + source.string() + "' rev-list --count HEAD", commits) == 0);
  const auto dir = test::tempDir("git-self");
  auto store = model::Store::open(dir / "g.orglens", model::Store::Mode::Create);
  const auto outcome = importGit(*store, source);
  // One edit per file a commit touched, and an `authored` and a `committed` event per commit.
  CHECK(outcome.counts.events == std::stoull(expected) + 2 * std::stoull(commits));
  CHECK(outcome.counts.people >= 1);
}

TEST_CASE("A git repository is identified by its HEAD and .mailmap, not its working files",
          "[importers][git]") {
  const auto dir = test::tempDir("git-fingerprint");
  const auto repo = dir / "repo";
  std::filesystem::create_directories(repo);
  git(repo, "init -q");
  commit(repo, "Ann Lee", "ann@example.org", "2025-01-06T09:00:00+01:00", "a.txt", "one\n");
  auto store = model::Store::open(dir / "g.orglens", model::Store::Mode::Create);
  CHECK_FALSE(importGit(*store, repo).alreadyImported);
  // An uncommitted edit changes no history: nothing new to import.
  test::writeFile(repo / "a.txt", "edited but not committed\n");
  CHECK(importGit(*store, repo).alreadyImported);
  // A new commit is a new history.
  commit(repo, "Bob", "bob@example.org", "2025-01-07T09:00:00+01:00", "b.txt", "two\n");
  const auto third = importGit(*store, repo);
  CHECK_FALSE(third.alreadyImported);
}
