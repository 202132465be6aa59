// The GH Archive importer on a hand-written hourly file (event shapes from the GitHub Events
// API documentation): the mapping of each event type, bots, deleted users, the --repo/--org
// filter, and bad lines (invalid JSON, wrong types, missing fields, unknown types, a truncated
// gzip stream) as diagnostics with line numbers.
#include <catch2/catch.hpp>
#include <set>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "tests/importers/github_fixtures.h"

using namespace orglens;
using githubtest::user;

namespace {

std::string pull(int number, std::string_view repo, std::string_view title, bool merged = false) {
  return R"({"url":"https://api.github.com/repos/)" + std::string(repo) + "/pulls/" +
         std::to_string(number) + R"(","number":)" + std::to_string(number) + R"(,"title":")" +
         std::string(title) + R"(","user":)" + user("bob") + R"(,"merged":)" +
         (merged ? "true" : "false") + "}";
}

std::string line(std::string_view type, std::string_view actor, std::string_view repo,
                 std::string_view time, const std::string& payload) {
  return R"({"id":"1","type":")" + std::string(type) + R"(","actor":{"id":1,"login":")" +
         std::string(actor) + R"(","display_login":")" + std::string(actor) +
         R"(","url":"https://api.github.com/users/x"},"repo":{"id":1,"name":")" +
         std::string(repo) + R"(","url":"https://api.github.com/repos/x"},"payload":)" + payload +
         R"(,"public":true,"created_at":")" + std::string(time) + "\"}\n";
}

/// Lines (1-based) of the hourly file; what each should become is in the comment.
std::string hour() {
  const std::string repo = "octo-org/widgets";
  std::string out;
  // 1: opened by bob
  out += line("PullRequestEvent", "bob", repo, "2024-03-04T09:00:00Z",
              R"({"action":"opened","number":2,"pull_request":)" + pull(2, repo, "Fix save") + "}");
  // 2: review requested by bob from dave
  out += line("PullRequestEvent", "bob", repo, "2024-03-04T09:05:00Z",
              R"({"action":"review_requested","number":2,"requested_reviewer":)" + user("dave") +
                  R"(,"pull_request":)" + pull(2, repo, "Fix save") + "}");
  // 3: a type orglens does not map
  out += line("WatchEvent", "erin", repo, "2024-03-04T09:06:00Z", R"({"action":"started"})");
  // 4: a bot's comment
  out += line(
      "IssueCommentEvent", "dependabot[bot]", repo, "2024-03-04T09:30:00Z",
      R"({"action":"created","issue":{"number":2,"pull_request":{}},"comment":{"created_at":"2024-03-04T09:30:00Z"}})");
  // 5: not valid JSON (a cut line)
  out += R"({"id":"5","type":"PushEvent","actor":{"login":"bob"},)"
         "\n";
  // 6: dave's review, 4 h after the request
  out += line(
      "PullRequestReviewEvent", "dave", repo, "2024-03-04T13:05:02Z",
      R"({"action":"created","review":{"user":)" + user("dave") +
          R"(,"state":"changes_requested","submitted_at":"2024-03-04T13:05:00Z"},"pull_request":)" +
          pull(2, repo, "Fix save") + "}");
  // 7: a push by bob (no item, linked to the repository)
  out += line("PushEvent", "bob", repo, "2024-03-04T13:30:00Z",
              R"({"push_id":1,"size":2,"distinct_size":2,"ref":"refs/heads/fix","commits":[]})");
  // 8: another organisation's pull request
  out += line(
      "PullRequestEvent", "zed", "other-org/thing", "2024-03-04T13:31:00Z",
      R"({"action":"opened","number":9,"pull_request":)" + pull(9, "other-org/thing", "x") + "}");
  // 9: an issue event without created_at (missing field)
  out +=
      R"({"id":"9","type":"IssuesEvent","actor":{"login":"carol"},"repo":{"name":"octo-org/widgets"},"payload":{"action":"opened","issue":{"number":4}}})"
      "\n";
  // 10: carol merges
  out += line(
      "PullRequestEvent", "carol", repo, "2024-03-05T12:00:00Z",
      R"({"action":"closed","number":2,"pull_request":)" + pull(2, repo, "Fix save", true) + "}");
  // 11: not an object
  out += "[1, 2]\n";
  // 12: a payload of the wrong type
  out += line("PullRequestEvent", "bob", repo, "2024-03-05T12:01:00Z", R"("opened")");
  // 13: a review whose pull request number has the wrong type and no URL
  out +=
      line("PullRequestReviewEvent", "dave", repo, "2024-03-05T12:02:00Z",
           R"({"action":"created","review":{"state":"approved"},"pull_request":{"number":"2"}})");
  // 14: an issue comment by a deleted user, on an issue of the same repository
  out += line(
      "IssueCommentEvent", "ghost", repo, "2024-03-05T12:03:00Z",
      R"({"action":"created","issue":{"number":3,"title":"Odd colours"},"comment":{"created_at":"2024-03-05T12:03:00Z"}})");
  // 15: an inline review comment and 16: an issue labelled
  out += line(
      "PullRequestReviewCommentEvent", "dave", repo, "2024-03-05T12:04:00Z",
      R"({"action":"created","comment":{"created_at":"2024-03-05T12:04:00Z"},"pull_request":)" +
          pull(2, repo, "Fix save") + "}");
  out += line("IssuesEvent", "carol", repo, "2024-03-05T12:05:00Z",
              R"({"action":"labeled","issue":{"number":3},"label":{"name":"Bug"}})");
  return out;
}

importers::ImportOutcome importInto(model::Model& model, const std::filesystem::path& path,
                                    const importers::ImportOptions& options = {}) {
  model::NoProgress progress;
  return importers::importFile(model, path, options, progress);
}

std::multiset<std::string> eventTexts(const model::Model& m) {
  std::multiset<std::string> out;
  for (const auto& e : m.events())
    out.insert(std::string(m.text(e.activity)) + " by " +
               (e.actor ? std::string(m.text(m.objects()[e.actor.value()].key)) : "-") + " on " +
               (e.item ? std::string(m.text(m.objects()[e.item.value()].key)) : "-"));
  return out;
}

bool hasDiagnostic(const importers::ImportOutcome& o, model::Severity severity,
                   std::string_view text, std::uint64_t lineNo = 0) {
  for (const auto& d : o.diagnostics)
    if (d.severity == severity && d.message.find(text) != std::string::npos &&
        (lineNo == 0 || d.line == lineNo))
      return true;
  return false;
}

std::filesystem::path writeHour(std::string_view name) {
  const auto path = test::tempDir(name) / "2024-03-04-9.json.gz";
  githubtest::writeGzip(path, hour());
  return path;
}

}  // namespace

TEST_CASE("A GH Archive hourly file maps pull requests, reviews, comments, issues and pushes",
          "[importers][gharchive]") {
  const auto path = writeHour("gha-map");
  CHECK(importers::Registry::builtin().detect(path)->name() == "gharchive");
  model::Model m;
  const auto outcome = importInto(m, path);
  CHECK(eventTexts(m) == std::multiset<std::string>{
                             "opened by bob on octo-org/widgets#2",
                             "review requested by bob on octo-org/widgets#2",
                             "reviewed by dave on octo-org/widgets#2",
                             "pushed by bob on -",
                             "opened by zed on other-org/thing#9",
                             "merged by carol on octo-org/widgets#2",
                             "commented by - on octo-org/widgets#3",
                             "review commented by dave on octo-org/widgets#2",
                             "labeled by carol on octo-org/widgets#3",
                         });
  // The review's own submitted_at, not the event's recording time.
  model::MicrosUtc requested = 0, reviewed = 0;
  for (const auto& e : m.events()) {
    if (m.text(e.activity) == "review requested") requested = e.time;
    if (m.text(e.activity) == "reviewed") reviewed = e.time;
  }
  CHECK(reviewed - requested == 4LL * 3600 * 1'000'000);
  bool reviewer = false;
  for (const auto& [event, link] : m.eventLinks())
    reviewer |= m.text(link.qualifier) == "reviewer" &&
                m.text(m.objects()[link.object.value()].key) == "dave";
  CHECK(reviewer);
  CHECK(hasDiagnostic(outcome, model::Severity::Info, "dependabot[bot] 1 (first at line 4)"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info, "WatchEvent started 1 (first at line 3)"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info,
                      "1 events by deleted users (null user or 'ghost') were imported without "
                      "an actor (first at line 14)"));
}

TEST_CASE("Bad GH Archive lines are diagnosed with their line numbers; the rest imports",
          "[importers][gharchive][badinput]") {
  model::Model m;
  const auto outcome = importInto(m, writeHour("gha-bad"));
  CHECK(hasDiagnostic(outcome, model::Severity::Warning, "not valid JSON", 5));
  CHECK(hasDiagnostic(outcome, model::Severity::Warning, "IssuesEvent without a time", 9));
  CHECK(hasDiagnostic(outcome, model::Severity::Warning, "not a JSON object", 11));
  CHECK(hasDiagnostic(outcome, model::Severity::Warning,
                      "GitHub event PullRequestEvent without a payload object", 12));
  CHECK(hasDiagnostic(outcome, model::Severity::Warning,
                      "PullRequestReviewEvent names no repository and issue or pull request "
                      "number",
                      13));
  CHECK(outcome.counts.skippedRows == 5);
  CHECK(outcome.counts.warnings == 5);
  CHECK(m.events().size() == 9);
}

TEST_CASE("Strict mode stops a GH Archive import at the first bad line", "[importers][gharchive]") {
  model::Model m;
  importers::ImportOptions options;
  options.strict = true;
  model::NoProgress progress;
  CHECK_THROWS_WITH(importers::importFile(m, writeHour("gha-strict"), options, progress),
                    Catch::Contains(":5: not valid JSON"));
}

TEST_CASE("The repository and organisation filters keep the events of some repositories",
          "[importers][gharchive]") {
  const auto path = writeHour("gha-filter");
  importers::ImportOptions byOrg;
  byOrg.githubOwners = {"Other-Org"};  // case-insensitive
  model::Model other;
  const auto outcome = importInto(other, path, byOrg);
  CHECK(eventTexts(other) == std::multiset<std::string>{"opened by zed on other-org/thing#9"});
  CHECK(hasDiagnostic(outcome, model::Severity::Info,
                      "11 records of other repositories were left out (--repo/--org)"));
  importers::ImportOptions byRepo;
  byRepo.githubRepos = {"octo-org/widgets", "nobody/nothing"};
  model::Model widgets;
  importInto(widgets, path, byRepo);
  CHECK(widgets.events().size() == 8);
  CHECK(byRepo.canonical() == "repo=nobody/nothing;repo=octo-org/widgets;");
  CHECK(byOrg.canonical() == "org=other-org;");
}

TEST_CASE("A truncated gzip hour keeps the lines before the cut and says so",
          "[importers][gharchive][badinput]") {
  const auto whole = writeHour("gha-cut");
  const std::string bytes = test::readFile(whole);
  const auto cut = test::writeFile(whole.parent_path() / "2024-03-04-10.json.gz",
                                   bytes.substr(0, bytes.size() * 2 / 3));
  model::Model m;
  const auto outcome = importInto(m, cut);
  CHECK(outcome.format == "gharchive");
  CHECK_FALSE(m.events().empty());
  CHECK(m.events().size() < 9);
  CHECK(hasDiagnostic(outcome, model::Severity::Warning, "reading stopped after line"));
  CHECK(hasDiagnostic(outcome, model::Severity::Warning, "a truncated or damaged file"));
}

TEST_CASE("The Events API's JSON array reads like an archive hour", "[importers][gharchive]") {
  std::string array = "[\n";
  std::string lines = hour();
  // Lines 1, 2 and 6: the well-formed pull request events.
  std::vector<std::string> all;
  for (std::size_t start = 0; start < lines.size();) {
    const auto end = lines.find('\n', start);
    all.push_back(lines.substr(start, end - start));
    start = end + 1;
  }
  array += all[0] + ",\n" + all[1] + ",\n" + all[5] + "\n]\n";
  const auto path = test::writeFile(test::tempDir("gha-array") / "events.json", array);
  model::Model m;
  importers::ImportOptions options;
  options.format = "gharchive";
  const auto outcome = importInto(m, path, options);
  CHECK(m.events().size() == 3);
  CHECK(outcome.counts.warnings == 0);
}
