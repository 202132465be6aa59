// GitHub activity as plain records: what the JSON layer (github_parser.cpp) hands to the
// mapping onto the model (github_mapper.cpp). One record is one thing a person did to an issue
// or pull request (or a push); REST exports and GH Archive events both become these records,
// so that both sources produce the same tasks and events.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orglens::importers {

/// What happened. Records of an unmapped kind (a WatchEvent, a timeline `mentioned`) are
/// `Other` and carry their type name in GithubRecord::type.
enum class GithubAction : std::uint8_t {
  Opened,
  Closed,
  Merged,
  Reopened,
  Assigned,
  Unassigned,
  ReviewRequested,
  ReviewRequestRemoved,
  Labeled,
  Unlabeled,
  ReadyForReview,
  ConvertedToDraft,
  Reviewed,
  Commented,
  ReviewCommented,
  Pushed,
  Other,
};

/// The activity name an action gets in the model ("review requested"); "" for Other.
std::string_view activityName(GithubAction action);

/// A user field of the JSON: absent, null (a deleted account), or an object with a login.
struct GithubUser {
  enum class State : std::uint8_t { Absent, Null, Present };
  State state = State::Absent;
  std::string_view login;  // empty unless Present (and even then when the object has none)
  /// The user's public e-mail, when the export carries it (`email`; users of the REST API's
  /// user objects and of exports made with a token): merges the login with the same person in
  /// a roster, mail or chat.
  std::string_view email;
  bool bot = false;        // `type: "Bot"` or a login ending in "[bot]"
};

/// One record. Views point into the parser's document (or a GithubRecordCopy) and are valid
/// only during the callback that receives it.
struct GithubRecord {
  GithubAction action = GithubAction::Other;
  std::string_view type;     // source type for diagnostics: "IssuesEvent", "mentioned", "review"
  std::string_view repo;     // "owner/name"; empty when the record does not say
  std::int64_t number = 0;   // issue or pull request number; 0 = unknown
  bool pullRequest = false;  // known to be a pull request
  bool issue = false;        // known to be an issue (not a pull request)
  std::string_view time;     // ISO 8601 text as given; empty when absent or not a string
  GithubUser actor;          // who did it
  GithubUser target;         // the assignee or the requested reviewer
  std::string_view title;    // the issue's or pull request's title, when the record has it
  std::string_view detail;   // review state, label name or requested team, by action
  std::int64_t count = 0;    // commits of a push
  /// Derived from a list object's `closed_at`/`merged_at` rather than an event of its own:
  /// dropped when an event of the same item, activity and time is imported too.
  bool derived = false;
  std::size_t element = 0;  // 0-based position of the JSON value in its array or line
};

/// A record with its own storage (kept past the callback, e.g. until the item is known).
class GithubRecordCopy {
 public:
  explicit GithubRecordCopy(const GithubRecord& r, std::uint64_t line);
  GithubRecord view() const;
  std::uint64_t line() const { return m_line; }
  void setItem(std::string repo, std::int64_t number) {
    m_repo = std::move(repo);
    m_record.number = number;
  }

 private:
  GithubRecord m_record;
  std::string m_type, m_repo, m_time, m_actor, m_target, m_actorEmail, m_targetEmail, m_title,
      m_detail;
  std::uint64_t m_line;
};

/// Splits an issue or pull request URL — API (`…/repos/o/r/issues/12`, `…/pulls/12`) or web
/// (`https://github.com/o/r/pull/12#pullrequestreview-80`) — into "o/r" and 12. False when
/// the URL names no issue or pull request (`…/issues/events/5`, `…/issues/comments/7`).
/// `pullRequest` is set for `pull`/`pulls` paths. Works for GitHub Enterprise hosts too.
bool parseItemUrl(std::string_view url, std::string_view& repo, std::int64_t& number,
                  bool& pullRequest);

/// True for logins GitHub gives to apps ("dependabot[bot]").
bool isBotLogin(std::string_view login);

}  // namespace orglens::importers
