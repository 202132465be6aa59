// Jira search results, the JSON layer: `{"issues": [...]}` pages of GET /rest/api/2|3/search
// with expand=changelog, or a bare JSON array of issues, read with simdjson On Demand into plain
// records with the line each issue and history starts on. The mapping to the model lives in
// jira_json_importer.cpp; this layer knows nothing of the model, so that the fuzzer can drive
// it alone.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::importers {

/// A user object (reporter, creator, assignee, a history's author). Jira Cloud names users by
/// `accountId` (+ `displayName`, + `emailAddress` when the user's privacy settings show it);
/// Jira Server/Data Center by `key`/`name`.
struct JiraUser {
  bool present = false;  // false: absent or null (a deleted user's history has no author)
  std::string id;        // accountId, else key, else name; empty when the object has none
  std::string displayName;
  std::string email;
};

/// One item of a history: a change of one field.
struct JiraChange {
  std::string field;    // "status", "assignee", "resolution", ...
  std::string fieldId;  // Cloud: "status", "assignee"; absent on Server
  std::string from, fromString, to, toString;
};

struct JiraHistory {
  std::uint64_t line = 0;
  std::string created;  // as written, e.g. 2024-03-01T10:00:00.000+0100
  JiraUser author;
  std::vector<JiraChange> items;
};

struct JiraIssue {
  std::uint64_t line = 0;
  std::string key, id;
  bool hasFields = false;
  std::string summary, created, resolutionDate, status, issueType, project;
  JiraUser reporter, creator, assignee;
  bool hasChangelog = false;
  /// changelog.total when it exceeds the histories given (a truncated changelog), else 0.
  std::uint64_t changelogMissing = 0;
  std::vector<JiraHistory> histories;
};

/// A problem inside an otherwise readable document (a field of the wrong type, an issue that is
/// not an object); the record concerned is still delivered where it makes sense.
struct JiraProblem {
  std::uint64_t line = 0;
  std::string message;
};

struct JiraPage {
  std::vector<JiraIssue> issues;
  std::vector<JiraProblem> problems;
  /// Empty, or why the text is not readable as Jira issues ("not valid JSON (...)", "no
  /// 'issues' array"); then `issues` is empty (nothing of a broken document is delivered).
  std::string error;
  std::uint64_t errorLine = 0;
};

/// Parses one document; keeps simdjson's buffers between pages.
class JiraParser {
 public:
  JiraParser();
  ~JiraParser();
  JiraParser(const JiraParser&) = delete;
  JiraParser& operator=(const JiraParser&) = delete;
  /// O(size of json). Unknown fields are skipped; missing ones stay empty.
  JiraPage parse(std::string_view json);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// True when the first bytes look like Jira issues (search results or an array of issues).
bool looksLikeJiraJson(std::string_view head);

}  // namespace orglens::importers
