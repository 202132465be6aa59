// The review exports of the sample: github/ in the GitHub REST API's shapes (issues, pulls,
// issue timelines, pull request reviews) and jira/ as pages of Jira Cloud search results with
// expand=changelog. Written by hand with stable key order, one object per line.
#include <cstdio>

#include "samples/file_sink.h"
#include "samples/json_out.h"
#include "samples/random.h"
#include "samples/review_simulator.h"

namespace orglens::samples {
namespace {

namespace fs = std::filesystem;

constexpr const char* kApi = "https://api.github.com/repos/orglens-sample/webapp";
constexpr const char* kHtml = "https://github.com/orglens-sample/webapp";
constexpr const char* kJira = "https://orglens-sample.atlassian.net/rest/api/3";
constexpr std::size_t kJiraPage = 100;

constexpr const char* kVerbs[] = {"Fix", "Add", "Refactor", "Update", "Speed up", "Simplify"};
constexpr const char* kAreas[] = {"checkout flow", "login form",         "search index",
                                  "settings page", "API client",         "design tokens",
                                  "button styles", "onboarding screens", "billing export"};

std::string titleOf(const ReviewItem& item) {
  const std::uint64_t h = mixBits(static_cast<std::uint64_t>(item.number));
  return std::string(kVerbs[h % std::size(kVerbs)]) + " " + kAreas[(h >> 8) % std::size(kAreas)];
}

std::string hex(std::uint64_t value, int digits) {
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return std::string(buffer + 16 - digits);
}

std::string sha(int number, std::uint64_t salt) {
  const auto a = mixBits(static_cast<std::uint64_t>(number) ^ salt);
  return hex(a, 16) + hex(mixBits(a), 16) + hex(mixBits(a + 1), 8);
}

/// GitHub's timestamps: UTC, seconds, "Z".
std::string utcTime(std::int64_t utc) {
  const std::int64_t day = floorDiv(utc, kSecondsPerDay), second = utc - day * kSecondsPerDay;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02dZ", static_cast<int>(second / 3600),
                static_cast<int>(second / 60 % 60), static_cast<int>(second % 60));
  return formatDay(day) + buffer;
}

/// Jira's timestamps: the exporting user's zone, milliseconds, offset without a colon
/// (2025-01-06T09:15:00.000+0100).
std::string jiraTime(const ZoneClock& clock, std::int64_t utc) {
  std::string text = formatLocalTime(clock, utc);  // 2025-01-06T09:15:00+01:00
  text.erase(text.size() - 3, 1);
  text.insert(19, ".000");
  return text;
}

/// A GitHub simple-user. `name` and `email` are optional in the schema; the sample fills them
/// so that people merge with the roster by address.
std::string gitHubUser(const Organisation& org, int person) {
  const Person& p = org.people[static_cast<std::size_t>(person)];
  const std::string login = gitHubLogin(p);
  std::string out = "{";
  json::text(out, "login", login, true);
  json::number(out, "id", 1000 + person);
  json::text(out, "node_id", "U_sample" + std::to_string(1000 + person));
  json::text(out, "avatar_url",
             "https://avatars.githubusercontent.com/u/" + std::to_string(1000 + person) + "?v=4");
  json::text(out, "gravatar_id", "");
  json::text(out, "url", "https://api.github.com/users/" + login);
  json::text(out, "html_url", "https://github.com/" + login);
  json::text(out, "type", "User");
  json::raw(out, "site_admin", "false");
  json::text(out, "name", p.name);
  json::text(out, "email", p.email);
  return out + "}";
}

void writeArray(const fs::path& path, const std::vector<std::string>& objects) {
  FileSink sink(path);
  std::string& out = sink.buffer();
  out += "[\n";
  for (std::size_t i = 0; i < objects.size(); ++i) {
    out += "  " + objects[i] + (i + 1 < objects.size() ? ",\n" : "\n");
    sink.flushIfFull();
  }
  out += "]\n";
  sink.finish();
}

std::string gitHubIssue(const Organisation& org, const ReviewItem& item) {
  const std::string n = std::to_string(item.number);
  std::string out = "{";
  json::text(out, "url", std::string(kApi) + "/issues/" + n, true);
  json::text(out, "repository_url", kApi);
  json::text(out, "html_url", std::string(kHtml) + "/pull/" + n);
  json::number(out, "id", 5'000'000 + item.number);
  json::text(out, "node_id", "I_sample" + n);
  json::number(out, "number", item.number);
  json::text(out, "title", titleOf(item));
  json::raw(out, "user", gitHubUser(org, item.author));
  json::raw(out, "labels", "[]");
  json::text(out, "state", "closed");
  json::raw(out, "locked", "false");
  json::raw(out, "assignee", "null");
  json::raw(out, "assignees", "[]");
  json::number(out, "comments", 0);
  json::text(out, "created_at", utcTime(item.opened));
  json::text(out, "updated_at", utcTime(item.merged));
  json::text(out, "closed_at", utcTime(item.merged));
  json::text(out, "author_association", "MEMBER");
  std::string pr = "{";
  json::text(pr, "url", std::string(kApi) + "/pulls/" + n, true);
  json::text(pr, "html_url", std::string(kHtml) + "/pull/" + n);
  json::text(pr, "merged_at", utcTime(item.merged));
  json::raw(out, "pull_request", pr + "}");
  json::raw(out, "body", "null");
  return out + "}";
}

std::string gitHubPull(const Organisation& org, const ReviewItem& item) {
  const std::string n = std::to_string(item.number);
  std::string out = "{";
  json::text(out, "url", std::string(kApi) + "/pulls/" + n, true);
  json::number(out, "id", 2'000'000 + item.number);
  json::text(out, "node_id", "PR_sample" + n);
  json::text(out, "html_url", std::string(kHtml) + "/pull/" + n);
  json::text(out, "issue_url", std::string(kApi) + "/issues/" + n);
  json::number(out, "number", item.number);
  json::text(out, "state", "closed");
  json::raw(out, "locked", "false");
  json::text(out, "title", titleOf(item));
  json::raw(out, "user", gitHubUser(org, item.author));
  json::raw(out, "body", "null");
  json::text(out, "created_at", utcTime(item.opened));
  json::text(out, "updated_at", utcTime(item.merged));
  json::text(out, "closed_at", utcTime(item.merged));
  json::text(out, "merged_at", utcTime(item.merged));
  json::text(out, "merge_commit_sha", sha(item.number, 2));
  json::raw(out, "assignee", "null");
  json::raw(out, "assignees", "[]");
  json::raw(out, "requested_reviewers", "[]");  // fulfilled requests are no longer listed
  json::raw(out, "requested_teams", "[]");
  json::raw(out, "labels", "[]");
  json::raw(out, "draft", "false");
  json::raw(out, "head",
            "{\"label\": \"orglens-sample:item-" + n + "\", \"ref\": \"item-" + n +
                "\", \"sha\": \"" + sha(item.number, 1) + "\"}");
  json::raw(out, "base", "{\"label\": \"orglens-sample:main\", \"ref\": \"main\"}");
  json::text(out, "author_association", "MEMBER");
  return out + "}";
}

std::string review(const Organisation& org, const ReviewItem& item, bool timeline) {
  const std::string n = std::to_string(item.number), id = std::to_string(3'000'000 + item.number);
  std::string out = "{";
  json::raw(out, "id", id, true);
  json::text(out, "node_id", "PRR_sample" + n);
  json::raw(out, "user", gitHubUser(org, item.reviewer));
  json::text(out, "body", "");
  // The reviews endpoint spells states in capitals, the timeline in lower case.
  json::text(out, "state", timeline ? "approved" : "APPROVED");
  json::text(out, "html_url", std::string(kHtml) + "/pull/" + n + "#pullrequestreview-" + id);
  json::text(out, "pull_request_url", std::string(kApi) + "/pulls/" + n);
  json::text(out, "author_association", "MEMBER");
  json::text(out, "submitted_at", utcTime(item.reviewed));
  json::text(out, "commit_id", sha(item.number, 1));
  if (timeline) json::text(out, "event", "reviewed");
  return out + "}";
}

std::string issueEvent(const Organisation& org, const ReviewItem& item, int k,
                       std::string_view event, int actor, std::int64_t time) {
  const std::string id = std::to_string(4'000'000 + item.number * 10 + k);
  std::string out = "{";
  json::raw(out, "id", id, true);
  json::text(out, "node_id", "E_sample" + id);
  json::text(out, "url", std::string(kApi) + "/issues/events/" + id);
  json::raw(out, "actor", gitHubUser(org, actor));
  json::text(out, "event", event);
  if (event == "merged")
    json::text(out, "commit_id", sha(item.number, 2));
  else
    json::raw(out, "commit_id", "null");
  json::raw(out, "commit_url", "null");
  json::text(out, "created_at", utcTime(time));
  if (event == "review_requested") {
    json::raw(out, "review_requester", gitHubUser(org, item.author));
    json::raw(out, "requested_reviewer", gitHubUser(org, item.reviewer));
  }
  json::raw(out, "performed_via_github_app", "null");
  return out + "}";
}

// ---- Jira --------------------------------------------------------------------------------

std::string accountId(int person) {
  const auto h = mixBits(0x6a697261u + static_cast<std::uint64_t>(person));
  return hex(h, 16) + hex(mixBits(h), 8);
}

std::string jiraUser(const Organisation& org, const std::vector<ZoneClock>& clocks, int person) {
  const Person& p = org.people[static_cast<std::size_t>(person)];
  const std::string id = accountId(person);
  std::string out = "{";
  json::text(out, "self", std::string(kJira) + "/user?accountId=" + id, true);
  json::text(out, "accountId", id);
  json::text(out, "emailAddress", p.email);
  json::text(out, "displayName", p.name);
  json::raw(out, "active", "true");
  json::text(out, "timeZone", clocks[static_cast<std::size_t>(p.zone)].name());
  json::text(out, "accountType", "atlassian");
  return out + "}";
}

std::string projectKey(const std::string& team) {
  std::string key;
  for (char c : team)
    if (key.size() < 3 && c >= 'A' && c <= 'z' && (c <= 'Z' || c >= 'a'))
      key += static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
  return key;
}

struct Change {
  const char* field;
  std::string from, fromString, to, toString;
};

std::string history(const std::string& id, const std::string& author, const std::string& created,
                    const std::vector<Change>& changes) {
  std::string out = "{";
  json::text(out, "id", id, true);
  json::raw(out, "author", author);
  json::text(out, "created", created);
  out += ", \"items\": [";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    out += i ? ", {" : "{";
    json::text(out, "field", c.field, true);
    json::text(out, "fieldtype", "jira");
    json::text(out, "fieldId", c.field);
    const auto optional = [&](const char* name, const std::string& value) {
      value.empty() ? json::raw(out, name, "null") : json::text(out, name, value);
    };
    optional("from", c.from);
    optional("fromString", c.fromString);
    optional("to", c.to);
    optional("toString", c.toString);
    out += "}";
  }
  return out + "]}";
}

std::string jiraIssue(const Organisation& org, const std::vector<ZoneClock>& clocks,
                      const ReviewItem& item) {
  const ZoneClock& zone = clocks[kBerlin];  // the exporting user's zone
  const std::string team = org.teams[static_cast<std::size_t>(item.team)].name;
  const std::string key = projectKey(team) + "-" + std::to_string(item.issueKey);
  const std::string id = std::to_string(10'000 + item.number);
  const std::string lead = jiraUser(org, clocks, item.lead);
  const std::string author = jiraUser(org, clocks, item.author);
  const std::string reviewer = jiraUser(org, clocks, item.reviewer);
  const Person& a = org.people[static_cast<std::size_t>(item.author)];
  const Person& r = org.people[static_cast<std::size_t>(item.reviewer)];
  std::string fields = "{";
  json::text(fields, "summary", titleOf(item), true);
  json::raw(fields, "issuetype", "{\"id\": \"10001\", \"name\": \"Story\", \"subtask\": false}");
  json::raw(fields, "project",
            "{\"id\": \"" + std::to_string(10'000 + item.team) + "\", \"key\": \"" +
                projectKey(team) + "\", \"name\": \"" + team + "\"}");
  json::raw(fields, "status",
            "{\"id\": \"10002\", \"name\": \"Done\", \"statusCategory\": {\"id\": 3, \"key\": "
            "\"done\", \"name\": \"Done\"}}");
  json::raw(fields, "resolution", "{\"id\": \"10000\", \"name\": \"Done\"}");
  json::raw(fields, "priority", "{\"id\": \"3\", \"name\": \"Medium\"}");
  json::raw(fields, "labels", "[]");
  json::text(fields, "created", jiraTime(zone, item.created));
  json::text(fields, "updated", jiraTime(zone, item.reviewed));
  json::text(fields, "resolutiondate", jiraTime(zone, item.reviewed));
  json::raw(fields, "creator", lead);
  json::raw(fields, "reporter", lead);
  json::raw(fields, "assignee", reviewer);
  const std::string h = std::to_string(100'000 + item.number * 10);
  const std::vector<std::string> histories = {
      history(h + "1", lead, jiraTime(zone, item.assigned),
              {{"assignee", "", "", accountId(item.author), a.name}}),
      history(h + "2", author, jiraTime(zone, item.started),
              {{"status", "10000", "To Do", "3", "In Progress"}}),
      history(h + "3", author, jiraTime(zone, item.requested),
              {{"status", "3", "In Progress", "10001", "In Review"},
               {"assignee", accountId(item.author), a.name, accountId(item.reviewer), r.name}}),
      history(h + "4", reviewer, jiraTime(zone, item.reviewed),
              {{"resolution", "", "", "10000", "Done"},
               {"status", "10001", "In Review", "10002", "Done"}}),
  };
  std::string out = "{";
  json::text(out, "expand", "operations,versionedRepresentations,editmeta,changelog", true);
  json::text(out, "id", id);
  json::text(out, "self", std::string(kJira) + "/issue/" + id);
  json::text(out, "key", key);
  json::raw(out, "fields", fields + "}");
  out += ", \"changelog\": {\"startAt\": 0, \"maxResults\": 4, \"total\": 4, \"histories\": [\n";
  for (std::size_t i = 0; i < histories.size(); ++i)
    out += "      " + histories[i] + (i + 1 < histories.size() ? ",\n" : "\n");
  return out + "    ]}}";
}

}  // namespace

void writeGitHubExport(const fs::path& dir, const Organisation& org, const ReviewLog& log) {
  fs::create_directories(dir / "timeline");
  fs::create_directories(dir / "reviews");
  std::vector<std::string> issues, pulls;
  for (const ReviewItem& item : log.items) {
    issues.push_back(gitHubIssue(org, item));
    pulls.push_back(gitHubPull(org, item));
    const std::string file = std::to_string(item.number) + ".json";
    writeArray(
        dir / "timeline" / file,
        {issueEvent(org, item, 1, "review_requested", item.author, item.requested),
         review(org, item, true), issueEvent(org, item, 2, "merged", item.author, item.merged),
         issueEvent(org, item, 3, "closed", item.author, item.merged)});
    writeArray(dir / "reviews" / file, {review(org, item, false)});
  }
  writeArray(dir / "issues.json", issues);
  writeArray(dir / "pulls.json", pulls);
}

void writeJiraExport(const fs::path& dir, const Organisation& org,
                     const std::vector<ZoneClock>& clocks, const ReviewLog& log) {
  fs::create_directories(dir);
  const std::size_t total = log.items.size();
  for (std::size_t start = 0, page = 1; start < total; start += kJiraPage, ++page) {
    char name[32];
    std::snprintf(name, sizeof name, "search-%03zu.json", page);
    FileSink sink(dir / name);
    std::string& out = sink.buffer();
    out += "{\"expand\": \"schema,names\", \"startAt\": " + std::to_string(start) +
           ", \"maxResults\": " + std::to_string(kJiraPage) +
           ", \"total\": " + std::to_string(total) + ", \"issues\": [\n";
    const std::size_t end = std::min(total, start + kJiraPage);
    for (std::size_t i = start; i < end; ++i) {
      out += "  " + jiraIssue(org, clocks, log.items[i]) + (i + 1 < end ? ",\n" : "\n");
      sink.flushIfFull();
    }
    out += "]}\n";
    sink.finish();
  }
}

}  // namespace orglens::samples
