// Review and assignment waits as handoffs/1 measures them: Jira assignee changes, git patches
// whose committer is not their author, and the sample's planted slow reviewer group.
#include <catch2/catch.hpp>

#include "analysis/handoffs.h"
#include "importers/import_file.h"
#include "model/event_log.h"
#include "model/store.h"
#include "samples/sample_org.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

struct Seen {
  std::string from, to, fromActivity, toActivity;
  std::int64_t waitSeconds;
};

/// Every handoff of the store's tasks, with people by key.
std::vector<Seen> handoffsOf(const model::Store& store) {
  model::EventLogOptions options;
  options.itemType = "task";
  const auto log = model::EventLog::load(store, options);
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(log, {}, progress);
  std::vector<Seen> out;
  for (const auto& h : r.handoffs)
    out.push_back({log.strings[log.objectKey[h.from]], log.strings[log.objectKey[h.to]],
                   log.strings[h.fromActivity], log.strings[h.toActivity],
                   h.waitMicros / 1'000'000});
  return out;
}

importers::ImportOutcome import(model::Store& store, const std::filesystem::path& path,
                                const std::string& format = {}) {
  importers::ImportOptions options;
  options.format = format;
  model::NoProgress progress;
  return importers::importFile(store, path, options, progress);
}

void git(const std::filesystem::path& repo, const std::string& args, const std::string& env = "") {
  std::string out;
  const int rc = test::runCommand(env + " git -C '" + repo.string() + "' " + args, out);
  INFO(out);
  REQUIRE(rc == 0);
}

/// A commit by `author` at `authorDate`, applied by `committer` at `commitDate`.
void commit(const std::filesystem::path& repo, const std::string& author,
            const std::string& authorDate, const std::string& committer,
            const std::string& commitDate, const std::string& message) {
  static int n = 0;
  test::writeFile(repo / ("file" + std::to_string(++n) + ".txt"), "change\n");
  test::writeFile(repo.parent_path() / "message.txt", message);
  git(repo, "add -A");
  const auto name = [](const std::string& who) { return who.substr(0, who.find(' ')); };
  const auto email = [](const std::string& who) {
    return who.substr(who.find('<') + 1, who.find('>') - who.find('<') - 1);
  };
  git(repo, "commit -q -F '" + (repo.parent_path() / "message.txt").string() + "'",
      "GIT_AUTHOR_NAME='" + name(author) + "' GIT_AUTHOR_EMAIL='" + email(author) +
          "' GIT_AUTHOR_DATE='" + authorDate + "' GIT_COMMITTER_NAME='" + name(committer) +
          "' GIT_COMMITTER_EMAIL='" + email(committer) + "' GIT_COMMITTER_DATE='" + commitDate +
          "'");
}

}  // namespace

TEST_CASE("A Jira assignee change is a handoff whose wait ends when the new assignee acts",
          "[analysis][handoffs][jira]") {
  const auto dir = test::tempDir("handoffs-jira");
  const auto user = [](const char* id, const char* name) {
    return std::string("{\"accountId\": \"") + id + "\", \"displayName\": \"" + name + "\"}";
  };
  const auto history = [&](const char* author, const char* name, const char* created,
                           const std::string& items) {
    return "{\"author\": " + user(author, name) + ", \"created\": \"" + created +
           "\", \"items\": [" + items + "]}";
  };
  const std::string assign =
      R"({"field": "assignee", "fieldId": "assignee", "to": "bob", "toString": "Bob"})";
  const std::string start = R"({"field": "status", "fromString": "To Do", "toString": "Doing"})";
  const std::string review =
      R"({"field": "status", "fromString": "Doing", "toString": "Review"}, )"
      R"({"field": "assignee", "fieldId": "assignee", "from": "bob", "to": "cat"})";
  const std::string done = R"({"field": "status", "fromString": "Review", "toString": "Done"})";
  const std::string json =
      "[{\"key\": \"T-1\", \"fields\": {\"created\": \"2024-03-01T10:00:00.000+0100\", "
      "\"creator\": " +
      user("ann", "Ann") + "}, \"changelog\": {\"histories\": [" +
      history("lou", "Lou", "2024-03-01T11:00:00.000+0100", assign) + ", " +
      history("bob", "Bob", "2024-03-01T15:30:00.000+0100", start) + ", " +
      history("bob", "Bob", "2024-03-04T09:00:00.000+0100", review) + ", " +
      // Cat works in New York: 09:00-05:00 is 15:00 in Berlin.
      history("cat", "Cat", "2024-03-05T09:00:00.000-0500", done) + "]}}]";
  const auto file = test::writeFile(dir / "issues.json", json);
  auto store = model::Store::open(dir / "j.orglens", model::Store::Mode::Create);
  import(*store, file);
  const auto seen = handoffsOf(*store);
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].from == "jira:ann");
  CHECK(seen[0].to == "jira:lou");
  CHECK(seen[0].waitSeconds == 3600);  // created → assigned
  // Lou assigned Bob at 11:00; Bob started at 15:30: the assignment waited 4.5 hours.
  CHECK(seen[1].from == "jira:lou");
  CHECK(seen[1].to == "jira:bob");
  CHECK(seen[1].fromActivity == "assigned");
  CHECK(seen[1].toActivity == "Doing");
  CHECK(seen[1].waitSeconds == 4 * 3600 + 1800);
  // Bob handed the review to Cat on the 4th at 08:00Z; Cat closed it on the 5th at 14:00Z.
  CHECK(seen[2].from == "jira:bob");
  CHECK(seen[2].to == "jira:cat");
  CHECK(seen[2].fromActivity == "assigned");
  CHECK(seen[2].waitSeconds == 30 * 3600);
}

TEST_CASE(
    "A patch committed by someone else is a handoff author to committer, trailers link "
    "reviewers",
    "[analysis][handoffs][git]") {
  const auto dir = test::tempDir("handoffs-git");
  const auto repo = dir / "repo";
  std::filesystem::create_directories(repo);
  git(repo, "init -q");
  commit(repo, "Ann <ann@example.org>", "2025-01-06T09:00:00+01:00", "Max <max@example.org>",
         "2025-01-08T15:00:00+01:00",
         "Fix the parser\n\nLonger text.\n\nReviewed-by: Rita Roe <rita@example.org>\n"
         "Acked-by: Max <max@example.org>\nSigned-off-by: Ann <ann@example.org>\n"
         "Signed-off-by: Max <max@example.org>\n");
  commit(repo, "Bob <bob@example.org>", "2025-01-07T08:00:00+01:00", "Bob <bob@example.org>",
         "2025-01-07T08:05:00+01:00", "Own change\n");
  // Carl in New York at 10:00 (15:00Z); Max applies it at 18:30 Berlin (17:30Z).
  commit(repo, "Carl <carl@example.org>", "2025-01-07T10:00:00-05:00", "Max <max@example.org>",
         "2025-01-07T18:30:00+01:00",
         "Add a test\n\nTested-by: Tess <tess@example.org>\n"
         "Co-developed-by: Bob <bob@example.org>\nSigned-off-by: Carl <carl@example.org>\n");
  auto store = model::Store::open(dir / "g.orglens", model::Store::Mode::Create);
  const auto first = import(*store, repo, "git");
  CHECK(first.counts.events == 3 + 2 * 3);  // an edit and a review chain per commit

  auto seen = handoffsOf(*store);
  std::sort(seen.begin(), seen.end(), [](const Seen& a, const Seen& b) { return a.from < b.from; });
  REQUIRE(seen.size() == 2);  // Bob committed his own patch: no handoff
  CHECK(seen[0].from == "ann@example.org");
  CHECK(seen[0].to == "max@example.org");
  CHECK(seen[0].fromActivity == "authored");
  CHECK(seen[0].toActivity == "committed");
  CHECK(seen[0].waitSeconds == 2 * 86400 + 6 * 3600);  // commit date − author date
  CHECK(seen[1].from == "carl@example.org");
  CHECK(seen[1].waitSeconds == 2 * 3600 + 1800);

  const auto m = store->loadModel();
  std::map<std::string, std::vector<std::string>> linked;  // qualifier → people keys
  for (const auto& r : m.relations()) {
    if (m.typeOf(r.from) == model::typeId(model::BuiltinType::Person)) continue;
    linked[std::string(m.text(r.qualifier))].emplace_back(m.text(m.objects()[r.to.value()].key));
  }
  CHECK(linked["reviewed-by"] == std::vector<std::string>{"rita@example.org"});
  CHECK(linked["acked-by"] == std::vector<std::string>{"max@example.org"});
  CHECK(linked["signed-off-by"].size() == 3);
  CHECK(linked["tested-by"] == std::vector<std::string>{"tess@example.org"});
  CHECK(linked["co-developed-by"] == std::vector<std::string>{"bob@example.org"});

  // A later import adds only the new commit (and its review chain).
  commit(repo, "Ann <ann@example.org>", "2025-01-09T09:00:00+01:00", "Max <max@example.org>",
         "2025-01-09T10:00:00+01:00", "Follow-up\n");
  const auto second = import(*store, repo, "git");
  CHECK(second.counts.events == 1 + 2);
  CHECK(handoffsOf(*store).size() == 3);
}

TEST_CASE("The sample's planted slow reviewer group is the top team pair of its Jira export",
          "[analysis][handoffs][sample][jira]") {
  const auto dir = test::tempDir("planted-reviewers");
  samples::SampleOptions options;
  options.people = 150;
  options.days = 90;
  options.seed = 11;
  const auto summary = samples::writeSampleOrganisation(dir / "sample", options);
  REQUIRE(summary.folders.size() == 2);
  const std::string truth = test::readFile(dir / "sample" / "ground-truth.json");
  REQUIRE_THAT(truth, Catch::Contains("\"requesting_team\": \"Engineering\"") &&
                          Catch::Contains("\"reviewer_team\": \"Design\""));

  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  import(*store, dir / "sample" / "roster.csv");
  const auto jira = import(*store, dir / "sample" / "jira");
  CHECK(jira.format == "jira-json");
  CHECK(jira.counts.people == 0);  // every account merges with the roster by e-mail
  const auto log = model::EventLog::load(*store);
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(log, {}, progress);
  REQUIRE(r.slowTeamPairs.size() > 1);
  const auto& top = r.slowTeamPairs.front();
  CHECK(log.label(top.from) == "Engineering");
  CHECK(log.label(top.to) == "Design");
  CHECK(top.wait.median > 2 * 86400.0);
  CHECK(r.slowTeamPairs[1].wait.median < 6 * 3600.0);
  CHECK(top.excessDelay > 2 * r.slowTeamPairs[1].excessDelay);
  // The review handoffs into Design are the planted ones (Engineering → Design also holds
  // nothing else in the Jira export).
  const auto truthCount = [&](const std::string& key) {
    const auto at = truth.find("\"slow_reviewers\"");
    const auto k = truth.find("\"" + key + "\": ", at);
    return std::stoull(truth.substr(k + key.size() + 4));
  };
  CHECK(top.wait.count == truthCount("count"));
}
