// Hand-written GitHub exports for the GitHub importer tests (written from the REST API and
// GH Archive documentation, not copied from real data). Shared by tests/importers and the
// handoff test in tests/analysis.
//
// The REST export (repository octo-org/widgets), times UTC:
//  - issue #1 "Crash on save": opened by alice 2024-03-01 09:00; carol assigns bob 10:00 and
//    labels it "bug" 10:01 (a `mentioned` event is not mapped; a bot's label is skipped); bob
//    comments 15:00 and closes it 2024-03-02 12:00.
//  - pull request #2 "Fix save": opened by bob 2024-03-04 09:00 (in issues.json and pulls.json);
//    bob requests dave's review 09:05; github-actions[bot] comments 09:30; dave requests
//    changes 13:05 (4 h after the request); bob re-requests 2024-03-05 10:00; dave approves
//    11:00 (1 h); carol merges 12:00 (the timeline's `merged` and `closed`). The reviews also
//    come from reviews-2.json, the merge also from pulls.json's merged_at: imported once.
//  - issue #3: opened by a deleted user (user null) 2024-03-06 08:00; `ghost` comments 09:00.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "tests/support/test_support.h"

namespace orglens::githubtest {

inline std::string user(std::string_view login, std::string_view type = "User") {
  return R"({"login":")" + std::string(login) + R"(","id":1,"type":")" + std::string(type) +
         R"(","site_admin":false})";
}

inline constexpr std::string_view kApi = "https://api.github.com/repos/octo-org/widgets";

/// Writes `text` gzip-compressed.
inline void writeGzip(const std::filesystem::path& path, std::string_view text) {
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
}

inline std::string issue(int number, std::string_view title, const std::string& author,
                         std::string_view created, std::string_view closed, bool pull) {
  const std::string n = std::to_string(number);
  std::string out =
      "{\n  \"url\": \"" + std::string(kApi) + "/issues/" + n +
      "\",\n  \"html_url\": \"https://github.com/octo-org/widgets/" + (pull ? "pull/" : "issues/") +
      n + "\",\n  \"number\": " + n + ",\n  \"title\": \"" + std::string(title) +
      "\",\n  \"user\": " + author + ",\n  \"state\": \"" + (closed.empty() ? "open" : "closed") +
      "\",\n  \"created_at\": \"" + std::string(created) +
      "\",\n  \"closed_at\": " + (closed.empty() ? "null" : "\"" + std::string(closed) + "\"");
  if (pull)
    out += ",\n  \"pull_request\": {\"url\": \"" + std::string(kApi) + "/pulls/" + n + "\"}";
  return out + "\n}";
}

inline std::string event(std::string_view type, const std::string& actor, std::string_view time,
                         std::string_view extra, int issueNumber) {
  std::string out = R"({"id":7,"url":")" + std::string(kApi) + R"(/issues/events/7","actor":)" +
                    actor + R"(,"event":")" + std::string(type) + R"(","created_at":")" +
                    std::string(time) + "\"";
  if (!extra.empty()) out += "," + std::string(extra);
  if (issueNumber)
    out += R"(,"issue":{"url":")" + std::string(kApi) + "/issues/" + std::to_string(issueNumber) +
           R"(","number":)" + std::to_string(issueNumber) + R"(,"title":"Crash on save","user":)" +
           user("alice") + "}";
  return out + "}";
}

/// The REST export folder described at the top of this file.
inline std::filesystem::path writeRestExport(std::string_view name) {
  const auto dir = test::tempDir(name);
  test::writeFile(
      dir / "issues.json",
      "[\n" +
          issue(1, "Crash on save", user("alice"), "2024-03-01T09:00:00Z", "2024-03-02T12:00:00Z",
                false) +
          ",\n" +
          issue(2, "Fix save", user("bob"), "2024-03-04T09:00:00Z", "2024-03-05T12:00:00Z", true) +
          ",\n" + issue(3, "Odd colours", "null", "2024-03-06T08:00:00Z", "", false) + "\n]\n");
  // pulls.json.gz: NDJSON, gzip. merged_at derives a merge that the timeline gives too.
  writeGzip(dir / "pulls.json.gz",
            R"({"url":")" + std::string(kApi) +
                R"(/pulls/2","html_url":"https://github.com/octo-org/widgets/pull/2","number":2,)"
                R"("state":"closed","title":"Fix save","user":)" +
                user("Bob") +
                R"(,"created_at":"2024-03-04T09:00:00Z","closed_at":"2024-03-05T12:00:00Z",)"
                R"("merged_at":"2024-03-05T12:00:00Z","requested_reviewers":[],)"
                R"("head":{"ref":"fix"},"base":{"ref":"main"}})"
                "\n");
  test::writeFile(
      dir / "issue-events.json",
      "[\n" +
          event("assigned", user("bob"), "2024-03-01T10:00:00Z",
                R"("assignee":)" + user("bob") + R"(,"assigner":)" + user("carol"), 1) +
          ",\n" +
          event("labeled", user("carol"), "2024-03-01T10:01:00Z",
                R"("label":{"name":"Bug","color":"f00"})", 1) +
          ",\n" + event("mentioned", user("dave"), "2024-03-01T10:02:00Z", "", 1) + ",\n" +
          event("labeled", user("github-actions[bot]", "Bot"), "2024-03-01T10:03:00Z",
                R"("label":{"name":"triage"})", 1) +
          ",\n" + event("closed", user("bob"), "2024-03-02T12:00:00Z", "", 1) + "\n]\n");
  // The per-PR timeline: most items name no issue (they take the file's), reviews and
  // comments do.
  const std::string pr = R"("pull_request_url":")" + std::string(kApi) + R"(/pulls/2")";
  test::writeFile(
      dir / "timeline-2.json",
      "[\n" +
          event("review_requested", user("bob"), "2024-03-04T09:05:00Z",
                R"("review_requester":)" + user("bob") + R"(,"requested_reviewer":)" + user("dave"),
                0) +
          ",\n" + R"({"event":"commented","user":)" + user("github-actions[bot]", "Bot") +
          R"(,"created_at":"2024-03-04T09:30:00Z","html_url":"https://github.com/octo-org/widgets/pull/2#issuecomment-9","issue_url":")" +
          std::string(kApi) + R"(/issues/2"},)" + "\n" + R"({"event":"reviewed","id":80,"user":)" +
          user("dave") + R"(,"state":"changes_requested","submitted_at":"2024-03-04T13:05:00Z",)" +
          pr + "},\n" +
          event("review_requested", user("bob"), "2024-03-05T10:00:00Z",
                R"("review_requester":)" + user("bob") + R"(,"requested_reviewer":)" + user("dave"),
                0) +
          ",\n" + R"({"event":"reviewed","id":81,"user":)" + user("dave") +
          R"(,"state":"approved","submitted_at":"2024-03-05T11:00:00Z",)" + pr + "},\n" +
          event("merged", user("carol"), "2024-03-05T12:00:00Z", R"("commit_id":"abc")", 0) +
          ",\n" + event("closed", user("carol"), "2024-03-05T12:00:00Z", "", 0) + "\n]\n");
  test::writeFile(dir / "reviews-2.json",
                  "[{\"id\":80,\"user\":" + user("dave") +
                      R"(,"state":"CHANGES_REQUESTED","submitted_at":"2024-03-04T13:05:00Z",)" +
                      pr + "},\n {\"id\":81,\"user\":" + user("dave") +
                      R"(,"state":"APPROVED","submitted_at":"2024-03-05T11:00:00Z",)" + pr +
                      "}]\n");
  test::writeFile(
      dir / "comments.ndjson",
      R"({"id":1,"html_url":"https://github.com/octo-org/widgets/issues/1#issuecomment-1","issue_url":")" +
          std::string(kApi) + R"(/issues/1","user":)" + user("bob") +
          R"(,"created_at":"2024-03-01T15:00:00Z","body":"on it"})" + "\n" +
          R"({"id":2,"html_url":"https://github.com/octo-org/widgets/issues/3#issuecomment-2","issue_url":")" +
          std::string(kApi) + R"(/issues/3","user":)" + user("ghost") +
          R"(,"created_at":"2024-03-06T09:00:00Z","body":"same here"})" + "\n");
  return dir;
}

}  // namespace orglens::githubtest
