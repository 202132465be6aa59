#include "importers/github_parser.h"

#include <simdjson.h>

namespace orglens::importers {
namespace {

namespace dom = simdjson::dom;
using Action = GithubAction;

/// A string member, or an empty view when it is absent, null or of another type: a missing
/// field is reported by the mapping (which knows which fields a record needs), never here.
std::string_view stringOf(dom::object o, std::string_view key) {
  std::string_view out;
  if (o[key].get_string().get(out)) return {};
  return out;
}

std::int64_t intOf(dom::object o, std::string_view key) {
  std::int64_t out = 0;
  if (o[key].get_int64().get(out)) return 0;
  return out;
}

bool has(dom::object o, std::string_view key) {
  dom::element e;
  return !o[key].get(e);
}

bool boolOf(dom::object o, std::string_view key) {
  bool out = false;
  if (o[key].get_bool().get(out)) return false;
  return out;
}

dom::object objectOf(dom::object o, std::string_view key, bool& found) {
  dom::object out;
  found = !o[key].get_object().get(out);
  return out;
}

GithubUser userOf(dom::object o, std::string_view key) {
  GithubUser u;
  dom::element e;
  if (o[key].get(e)) return u;  // absent
  if (e.is_null()) {
    u.state = GithubUser::State::Null;
    return u;
  }
  dom::object user;
  if (e.get_object().get(user)) return u;  // of another type: as if absent
  u.state = GithubUser::State::Present;
  u.login = stringOf(user, "login");
  u.email = stringOf(user, "email");
  u.bot = stringOf(user, "type") == "Bot" || isBotLogin(u.login);
  return u;
}

/// Fills repo/number/kind from an issue or pull request object (or anything with its URLs).
void itemFromObject(dom::object o, GithubRecord& r) {
  if (has(o, "pull_request") || has(o, "merged_at") || has(o, "head")) r.pullRequest = true;
  const std::int64_t number = intOf(o, "number");
  for (const char* key : {"html_url", "url", "pull_request_url", "issue_url"}) {
    std::string_view repo;
    std::int64_t n = 0;
    bool pull = false;
    if (!parseItemUrl(stringOf(o, key), repo, n, pull)) continue;
    if (number && n != number) continue;  // an unrelated URL
    r.repo = repo;
    r.number = n;
    r.pullRequest = r.pullRequest || pull;
    return;
  }
  // A pull request without usable URLs still names its repository in base.repo.
  bool found = false;
  const dom::object base = objectOf(o, "base", found);
  if (found && number) {
    const dom::object repo = objectOf(base, "repo", found);
    if (found && !stringOf(repo, "full_name").empty()) {
      r.repo = stringOf(repo, "full_name");
      r.number = number;
    }
  }
}

/// Repo/number of a record that is not itself the issue: from its `issue` object, else from
/// its own URLs (a comment's issue_url, a review's pull_request_url, an html_url).
void itemOfRecord(dom::object o, GithubRecord& r) {
  bool found = false;
  const dom::object issue = objectOf(o, "issue", found);
  if (found) {
    itemFromObject(issue, r);
    r.issue = !r.pullRequest;
    r.title = stringOf(issue, "title");
    if (r.number) return;
  }
  for (const char* key : {"pull_request_url", "issue_url", "html_url"}) {
    std::string_view repo;
    std::int64_t n = 0;
    bool pull = false;
    if (!parseItemUrl(stringOf(o, key), repo, n, pull)) continue;
    r.repo = repo;
    r.number = n;
    r.pullRequest = r.pullRequest || pull || std::string_view(key) == "pull_request_url";
    return;
  }
}

Action eventAction(std::string_view e) {
  struct Entry {
    std::string_view name;
    Action action;
  };
  static constexpr Entry kActions[] = {
      {"opened", Action::Opened},
      {"closed", Action::Closed},
      {"merged", Action::Merged},
      {"reopened", Action::Reopened},
      {"assigned", Action::Assigned},
      {"unassigned", Action::Unassigned},
      {"review_requested", Action::ReviewRequested},
      {"review_request_removed", Action::ReviewRequestRemoved},
      {"labeled", Action::Labeled},
      {"unlabeled", Action::Unlabeled},
      {"ready_for_review", Action::ReadyForReview},
      {"convert_to_draft", Action::ConvertedToDraft},    // issue events' spelling
      {"converted_to_draft", Action::ConvertedToDraft},  // webhook/archive spelling
      {"reviewed", Action::Reviewed},
      {"commented", Action::Commented},
  };
  for (const auto& entry : kActions)
    if (entry.name == e) return entry.action;
  return Action::Other;
}

/// Target user, label and requested team of an assignment, label or review-request record.
void targetOf(dom::object o, GithubRecord& r) {
  bool found = false;
  switch (r.action) {
    case Action::Assigned:
    case Action::Unassigned:
      r.target = userOf(o, "assignee");
      break;
    case Action::ReviewRequested:
    case Action::ReviewRequestRemoved: {
      r.target = userOf(o, "requested_reviewer");
      const dom::object team = objectOf(o, "requested_team", found);
      if (found)
        r.detail = stringOf(team, "slug").empty() ? stringOf(team, "name") : stringOf(team, "slug");
      break;
    }
    case Action::Labeled:
    case Action::Unlabeled: {
      const dom::object label = objectOf(o, "label", found);
      if (found) r.detail = stringOf(label, "name");
      break;
    }
    default:
      break;
  }
}

/// An issue event (`/issues/events`, `/issues/{n}/events`) or timeline item.
void restEvent(dom::object o, GithubRecord& r) {
  r.type = stringOf(o, "event");
  r.action = eventAction(r.type);
  r.actor = userOf(o, "actor");
  if (r.actor.state == GithubUser::State::Absent) r.actor = userOf(o, "user");  // timeline
  // Who did it: the assigner and the review requester where the event names them (older
  // exports give the assignee as `actor` of an assignment).
  if (r.action == Action::Assigned || r.action == Action::Unassigned) {
    const GithubUser assigner = userOf(o, "assigner");
    if (assigner.state != GithubUser::State::Absent) r.actor = assigner;
  }
  if (r.action == Action::ReviewRequested || r.action == Action::ReviewRequestRemoved) {
    const GithubUser requester = userOf(o, "review_requester");
    if (requester.state != GithubUser::State::Absent) r.actor = requester;
  }
  r.time = stringOf(o, "created_at");
  if (r.time.empty()) r.time = stringOf(o, "submitted_at");
  if (r.action == Action::Reviewed) r.detail = stringOf(o, "state");
  targetOf(o, r);
  itemOfRecord(o, r);
  if (r.action == Action::Merged || r.action == Action::ReadyForReview ||
      r.action == Action::ConvertedToDraft || r.action == Action::Reviewed)
    r.pullRequest = true;
}

/// An issue or pull request object: its opening, and its closing derived from the list's
/// closed_at/merged_at (the closing event itself comes from the issue events, when exported).
void restItem(dom::object o, GithubRecord& r, const GithubRecordCallback& emit) {
  itemFromObject(o, r);
  r.issue = !r.pullRequest;
  r.type = r.pullRequest ? "pull request" : "issue";
  r.title = stringOf(o, "title");
  r.action = Action::Opened;
  r.actor = userOf(o, "user");
  r.time = stringOf(o, "created_at");
  emit(r);
  bool found = false;
  const dom::object pull = objectOf(o, "pull_request", found);
  std::string_view merged = stringOf(o, "merged_at");
  if (merged.empty() && found) merged = stringOf(pull, "merged_at");
  const std::string_view closed = stringOf(o, "closed_at");
  if (merged.empty() && closed.empty()) return;
  r.derived = true;
  r.action = merged.empty() ? Action::Closed : Action::Merged;
  r.time = merged.empty() ? closed : merged;
  r.actor = userOf(o, merged.empty() ? "closed_by" : "merged_by");
  emit(r);
}

/// A REST object by its keys; returns false when it is none of the known kinds.
bool restObject(dom::object o, GithubRecord& r, const GithubRecordCallback& emit) {
  if (!stringOf(o, "event").empty()) {
    restEvent(o, r);
  } else if (has(o, "diff_hunk") || has(o, "pull_request_review_id")) {
    r.type = "review comment";
    r.action = Action::ReviewCommented;
    r.actor = userOf(o, "user");
    r.time = stringOf(o, "created_at");
    itemOfRecord(o, r);
    r.pullRequest = true;
  } else if (has(o, "submitted_at") || (has(o, "state") && has(o, "pull_request_url"))) {
    r.type = "review";
    r.detail = stringOf(o, "state");
    // A pending review is a draft nobody else has seen: not an action yet.
    r.action = r.detail == "PENDING" ? Action::Other : Action::Reviewed;
    r.actor = userOf(o, "user");
    r.time = stringOf(o, "submitted_at");
    itemOfRecord(o, r);
    r.pullRequest = true;
  } else if (has(o, "number") && has(o, "title")) {
    restItem(o, r, emit);
    return true;
  } else if ((has(o, "issue_url") || has(o, "html_url")) && has(o, "user") &&
             has(o, "created_at")) {
    r.type = "comment";
    r.action = Action::Commented;
    r.actor = userOf(o, "user");
    r.time = stringOf(o, "created_at");
    itemOfRecord(o, r);
  } else {
    return false;
  }
  emit(r);
  return true;
}

bool isArchiveEvent(dom::object o, std::string_view& type, dom::object& payload) {
  type = stringOf(o, "type");
  return type.size() > 5 && type.substr(type.size() - 5) == "Event" &&
         !o["payload"].get_object().get(payload);
}

Action pullAction(std::string_view action, bool merged) {
  if (action == "closed") return merged ? Action::Merged : Action::Closed;
  return action == "merged" ? Action::Other : eventAction(action);
}

/// The issue or pull request object of a payload: fills item and title.
void payloadItem(dom::object payload, const char* key, GithubRecord& r) {
  bool found = false;
  const dom::object item = objectOf(payload, key, found);
  if (!found) return;
  itemFromObject(item, r);
  r.title = stringOf(item, "title");
  if (!r.number) r.number = intOf(item, "number");
  if (std::string_view(key) == "pull_request") r.pullRequest = true;
  r.issue = !r.pullRequest;
}

/// The time of a payload's own object (a review's submitted_at, a comment's created_at),
/// more precise than the event's; kept when the object has none.
void payloadTime(dom::object payload, const char* key, const char* field, GithubRecord& r) {
  bool found = false;
  const dom::object object = objectOf(payload, key, found);
  if (found && !stringOf(object, field).empty()) r.time = stringOf(object, field);
}

void archivePayload(std::string_view type, dom::object payload, GithubRecord& r) {
  const std::string_view action = stringOf(payload, "action");
  r.detail = action;  // for diagnostics of unmapped actions; replaced below when mapped
  if (type == "PullRequestEvent") {
    bool found = false;
    const dom::object pull = objectOf(payload, "pull_request", found);
    r.action = pullAction(action, found && boolOf(pull, "merged"));
    payloadItem(payload, "pull_request", r);
    if (!r.number) r.number = intOf(payload, "number");
  } else if (type == "IssuesEvent") {
    r.action = eventAction(action);
    // An issue's own actions only (the names it shares with pull requests' timelines).
    if (r.action > Action::Unlabeled || r.action == Action::Merged ||
        r.action == Action::ReviewRequested || r.action == Action::ReviewRequestRemoved)
      r.action = Action::Other;
    payloadItem(payload, "issue", r);
  } else if (type == "PullRequestReviewEvent") {
    r.action = action == "created" || action == "submitted" ? Action::Reviewed : Action::Other;
    payloadItem(payload, "pull_request", r);
    payloadTime(payload, "review", "submitted_at", r);
  } else if (type == "PullRequestReviewCommentEvent") {
    r.action = action == "created" ? Action::ReviewCommented : Action::Other;
    payloadItem(payload, "pull_request", r);
    payloadTime(payload, "comment", "created_at", r);
  } else if (type == "IssueCommentEvent") {
    r.action = action == "created" ? Action::Commented : Action::Other;
    payloadItem(payload, "issue", r);
    payloadTime(payload, "comment", "created_at", r);
  } else if (type == "PushEvent") {
    r.action = Action::Pushed;
    r.count = intOf(payload, "size");
  }
  if (r.action == Action::Other) return;
  r.detail = {};
  targetOf(payload, r);
  if (r.action == Action::Reviewed) {
    bool found = false;
    const dom::object review = objectOf(payload, "review", found);
    if (found) r.detail = stringOf(review, "state");
  }
}

void archiveEvent(dom::object o, std::string_view type, dom::object payload, GithubRecord& r) {
  r.type = type;
  r.actor = userOf(o, "actor");
  bool found = false;
  const dom::object repo = objectOf(o, "repo", found);
  if (found) r.repo = stringOf(repo, "name");
  r.time = stringOf(o, "created_at");
  const std::string_view eventRepo = r.repo;
  archivePayload(type, payload, r);
  if (!eventRepo.empty()) r.repo = eventRepo;  // the event's repo is authoritative
}

std::string jsonError(simdjson::error_code error) {
  return std::string("not valid JSON (") + simdjson::error_message(error) + ")";
}

}  // namespace

const std::size_t GithubParser::kPadding = simdjson::SIMDJSON_PADDING;

struct GithubParser::Impl {
  dom::parser parser;
};

GithubParser::GithubParser() : m_impl(std::make_unique<Impl>()) {}
GithubParser::~GithubParser() = default;

std::string GithubParser::parse(std::string_view json, bool padded,
                                const GithubRecordCallback& onRecord) {
  dom::element root;
  if (auto error = m_impl->parser.parse(json.data(), json.size(), !padded).get(root))
    return jsonError(error);
  dom::object o;
  if (root.get_object().get(o)) return "not a JSON object";
  GithubRecord r;
  std::string_view type;
  dom::object payload;
  if (isArchiveEvent(o, type, payload)) {
    archiveEvent(o, type, payload, r);
    onRecord(r);
    return {};
  }
  if (type.size() > 5 && type.substr(type.size() - 5) == "Event" && has(o, "actor"))
    return "GitHub event " + std::string(type) + " without a payload object";
  if (!restObject(o, r, onRecord)) {
    r = GithubRecord{};
    r.type = "object of another kind";
    onRecord(r);
  }
  return {};
}

GithubShape GithubParser::shape(std::string_view json) {
  dom::element root;
  dom::object o;
  if (m_impl->parser.parse(json.data(), json.size(), true).get(root) || root.get_object().get(o))
    return GithubShape::None;
  std::string_view type;
  dom::object payload;
  if (isArchiveEvent(o, type, payload)) return GithubShape::Archive;
  bool known = false;
  GithubRecord r;
  // An event of a per-issue timeline names no item: it counts when its name is one of
  // GitHub's and it has a time and an actor (a bare {"event": ...} of another tool does not).
  const bool event = !stringOf(o, "event").empty() && (has(o, "actor") || has(o, "user")) &&
                     (has(o, "created_at") || has(o, "submitted_at"));
  const bool rest = restObject(o, r, [&](const GithubRecord& x) {
    // Otherwise recognised only when it names its item: a bare object with a `user` is not.
    known = known || x.number != 0 || (event && x.action != Action::Other);
  });
  return rest && known ? GithubShape::Rest : GithubShape::None;
}

}  // namespace orglens::importers
