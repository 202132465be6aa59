// GitHub imports feed handoffs/1 unchanged: a review request is the requester's event and the
// review the reviewer's, so the requester → reviewer handoff waits from the request to that
// first review. A bot comment in between is no one's event and breaks nothing; a GH Archive
// hour gives the same handoff as the REST export.
#include <catch2/catch.hpp>
#include <map>

#include "analysis/flow.h"
#include "analysis/handoffs.h"
#include "analysis/workload.h"
#include "importers/import_file.h"
#include "model/store.h"
#include "tests/importers/github_fixtures.h"

using namespace orglens;

namespace {

constexpr std::int64_t kHour = 3600LL * 1'000'000;

model::EventLog importAndLoad(const std::vector<std::filesystem::path>& inputs,
                              std::string_view name) {
  const auto db = test::tempDir(name) / "gh.orglens";
  auto store = model::Store::open(db, model::Store::Mode::Create);
  model::NoProgress progress;
  for (const auto& input : inputs) importers::importFile(*store, input, {}, progress);
  return model::EventLog::load(*store);
}

/// "from>to activity>activity" → waits in µs, for every handoff.
std::multimap<std::string, std::int64_t> handoffs(const model::EventLog& log) {
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(log, {}, progress);
  std::multimap<std::string, std::int64_t> out;
  for (const auto& h : r.handoffs)
    out.emplace(log.strings[log.objectKey[h.from]] + ">" + log.strings[log.objectKey[h.to]] + " " +
                    log.strings[h.fromActivity] + ">" + log.strings[h.toActivity],
                h.waitMicros);
  return out;
}

}  // namespace

TEST_CASE("A review request hands the pull request to the reviewer until the first review",
          "[analysis][handoffs][github]") {
  const auto log = importAndLoad({githubtest::writeRestExport("gh-handoffs")}, "gh-handoffs-db");
  const std::multimap<std::string, std::int64_t> expected = {
      // Issue #1: alice opens, carol assigns bob (and labels), bob comments and closes.
      {"alice>carol opened>assigned", 1 * kHour},
      {"carol>bob labeled>commented", 4 * kHour + 59 * 60 * 1'000'000LL},
      // Pull request #2: the requests are bob's, the reviews dave's. The bot's comment at
      // 09:30 is skipped, so it neither breaks nor shortens the 4 h wait.
      {"bob>dave review requested>reviewed", 4 * kHour},
      {"dave>bob reviewed>review requested", 20 * kHour + 55 * 60 * 1'000'000LL},
      {"bob>dave review requested>reviewed", 1 * kHour},
      {"dave>carol reviewed>merged", 1 * kHour},
  };
  CHECK(handoffs(log) == expected);
  model::NoProgress progress;
  const auto r = analysis::findHandoffs(log, {}, progress);
  bool pair = false;
  for (const auto& g : r.byPerson)
    if (log.strings[log.objectKey[g.from]] == "bob" && log.strings[log.objectKey[g.to]] == "dave") {
      pair = true;
      CHECK(g.wait.count == 2);
      CHECK(g.wait.median == Approx(2.5 * 3600));  // seconds: (4 h + 1 h) / 2
    }
  CHECK(pair);
}

TEST_CASE("Flow and workload run on GitHub tasks", "[analysis][github]") {
  const auto log = importAndLoad({githubtest::writeRestExport("gh-flow")}, "gh-flow-db");
  model::NoProgress progress;
  const auto flow = analysis::analyseFlow(log, {}, progress);
  CHECK(flow.items == 3);
  bool requestToReview = false;
  for (const auto& edge : flow.edges)
    requestToReview |= log.strings[edge.from] == "review requested" &&
                       log.strings[edge.to] == "reviewed" && edge.duration.count == 2;
  CHECK(requestToReview);
  const auto workload = analysis::analyseWorkload(log, {}, progress);
  CHECK_FALSE(workload.weeks.empty());
}

TEST_CASE("A GH Archive hour gives the same review handoff as the REST export",
          "[analysis][handoffs][gharchive]") {
  const std::string repo = R"("repo":{"id":1,"name":"octo-org/widgets"})";
  const std::string pr =
      R"("pull_request":{"number":2,"url":"https://api.github.com/repos/octo-org/widgets/pulls/2"})";
  const std::string text =
      R"({"id":"1","type":"PullRequestEvent","actor":{"login":"bob"},)" + repo +
      R"(,"payload":{"action":"review_requested","number":2,"requested_reviewer":{"login":"dave"},)" +
      pr + R"(},"created_at":"2024-03-04T09:05:00Z"})" + "\n" +
      R"({"id":"2","type":"IssueCommentEvent","actor":{"login":"ci-bot[bot]"},)" + repo +
      R"(,"payload":{"action":"created","issue":{"number":2,"pull_request":{}}},"created_at":"2024-03-04T09:30:00Z"})" +
      "\n" + R"({"id":"3","type":"PullRequestReviewEvent","actor":{"login":"dave"},)" + repo +
      R"(,"payload":{"action":"created","review":{"state":"approved","submitted_at":"2024-03-04T13:05:00Z"},)" +
      pr + R"(},"created_at":"2024-03-04T13:05:01Z"})" + "\n";
  const auto dir = test::tempDir("gha-handoff");
  githubtest::writeGzip(dir / "2024-03-04-9.json.gz", text);
  const auto log = importAndLoad({dir / "2024-03-04-9.json.gz"}, "gha-handoff-db");
  CHECK(handoffs(log) == std::multimap<std::string, std::int64_t>{
                             {"bob>dave review requested>reviewed", 4 * kHour}});
}
