// --pseudonymize-key covers GitHub logins: people, aliases, linked reviewers and assignees,
// and repository owners in task keys; the people and events are the same as without a key.
#include <catch2/catch.hpp>

#include "tests/importers/github_fixtures.h"
#include "tests/privacy/privacy_fixture.h"

using namespace orglens;
using namespace orglens::privacytest;

namespace {

importers::ImportOptions keyed() {
  importers::ImportOptions options;
  options.pseudonymKey.bytes = "a github pseudonym key, long enough";
  return options;
}

/// An hour of GH Archive in a user-owned repository (the owner's login is in every key).
std::filesystem::path writeHour(const std::filesystem::path& dir) {
  const std::string repo = R"("repo":{"name":"zebulon/dotfiles"})";
  const std::string text =
      R"({"type":"PullRequestEvent","actor":{"login":"quintessa"},)" + repo +
      R"(,"payload":{"action":"review_requested","number":5,"requested_reviewer":{"login":"zebulon"},"pull_request":{"number":5,"title":"secret plan"}},"created_at":"2024-03-04T09:05:00Z"})" +
      "\n" + R"({"type":"PullRequestReviewEvent","actor":{"login":"zebulon"},)" + repo +
      R"(,"payload":{"action":"created","review":{"state":"approved"},"pull_request":{"number":5}},"created_at":"2024-03-04T10:00:00Z"})" +
      "\n";
  const auto path = dir / "2024-03-04-9.json.gz";
  githubtest::writeGzip(path, text);
  return path;
}

}  // namespace

TEST_CASE("A pseudonymised GitHub import stores no login and finds the same people",
          "[privacy][pseudonymise][github]") {
  const auto dir = test::tempDir("gh-pseudo");
  const std::vector<std::filesystem::path> inputs = {githubtest::writeRestExport("gh-pseudo-rest"),
                                                     writeHour(dir)};
  const auto plainDb = dir / "plain" / "gh.orglens";
  const auto keyedDb = dir / "keyed" / "gh.orglens";
  std::filesystem::create_directories(plainDb.parent_path());
  std::filesystem::create_directories(keyedDb.parent_path());
  importAll(plainDb, inputs, {});
  importAll(keyedDb, inputs, keyed());
  const std::vector<std::string> logins = {"alice", "carol", "dave", "quintessa", "zebulon"};
  const std::string plain = lower(storeBytes(plainDb));
  for (const auto& login : logins) CHECK(plain.find(login) != std::string::npos);  // can fail
  REQUIRE_FALSE(leftoverFiles(keyedDb));
  const std::string bytes = lower(storeBytes(keyedDb));
  for (const auto& login : logins) {
    INFO(login);
    CHECK(bytes.find(login) == std::string::npos);
  }
  CHECK(bytes.find("secret plan") == std::string::npos);  // titles only with --keep-subjects
  const auto a = identitiesOf(plainDb);
  const auto b = identitiesOf(keyedDb);
  CHECK(a.people == 6);  // alice, bob, carol, dave, quintessa, zebulon
  CHECK(b.people == a.people);
  CHECK(b.aliases.size() == a.aliases.size());
  CHECK(countOf(keyedDb, "SELECT COUNT(*) FROM events") ==
        countOf(plainDb, "SELECT COUNT(*) FROM events"));
  CHECK(countOf(keyedDb, "SELECT COUNT(*) FROM event_objects") ==
        countOf(plainDb, "SELECT COUNT(*) FROM event_objects"));
  for (const auto& key : b.keys) CHECK(key.rfind("p-", 0) == 0);
}
