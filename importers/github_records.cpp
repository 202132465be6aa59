#include "importers/github_records.h"

#include <array>
#include <charconv>

namespace orglens::importers {

std::string_view activityName(GithubAction action) {
  static constexpr std::array<std::string_view, 17> kNames = {
      "opened",   "closed",     "merged",           "reopened",
      "assigned", "unassigned", "review requested", "review request removed",
      "labeled",  "unlabeled",  "ready for review", "converted to draft",
      "reviewed", "commented",  "review commented", "pushed",
      ""};
  return kNames[static_cast<std::size_t>(action)];
}

GithubRecordCopy::GithubRecordCopy(const GithubRecord& r, std::uint64_t line)
    : m_record(r),
      m_type(r.type),
      m_repo(r.repo),
      m_time(r.time),
      m_actor(r.actor.login),
      m_target(r.target.login),
      m_actorEmail(r.actor.email),
      m_targetEmail(r.target.email),
      m_title(r.title),
      m_detail(r.detail),
      m_line(line) {}

GithubRecord GithubRecordCopy::view() const {
  // Views are rebuilt on every call: the strings may have moved since the copy was made.
  GithubRecord r = m_record;
  r.type = m_type;
  r.repo = m_repo;
  r.time = m_time;
  r.actor.login = m_actor;
  r.target.login = m_target;
  r.actor.email = m_actorEmail;
  r.target.email = m_targetEmail;
  r.title = m_title;
  r.detail = m_detail;
  return r;
}

namespace {

bool allDigits(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;  // fits int64
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

bool parseItemUrl(std::string_view url, std::string_view& repo, std::int64_t& number,
                  bool& pullRequest) {
  url = url.substr(0, url.find_first_of("#?"));
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  const auto pathStart = url.find('/', scheme + 3);
  if (pathStart == std::string_view::npos) return false;
  // Path segments, at most the 16 first (API paths of Enterprise hosts add "api/v3").
  std::array<std::string_view, 16> segments;
  std::array<std::size_t, 16> starts{};
  std::size_t n = 0;
  for (std::size_t i = pathStart + 1; i <= url.size() && n < segments.size();) {
    const auto slash = std::min(url.find('/', i), url.size());
    starts[n] = i;
    segments[n++] = url.substr(i, slash - i);
    i = slash + 1;
  }
  for (std::size_t k = 2; k + 1 < n; ++k) {
    const auto kind = segments[k];
    if (kind != "issues" && kind != "pull" && kind != "pulls") continue;
    if (!allDigits(segments[k + 1]) || segments[k - 2].empty() || segments[k - 1].empty()) continue;
    std::int64_t value = 0;
    const auto digits = segments[k + 1];
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (value <= 0) continue;
    repo = url.substr(starts[k - 2], segments[k - 2].size() + 1 + segments[k - 1].size());
    number = value;
    pullRequest = kind != "issues";
    return true;
  }
  return false;
}

bool isBotLogin(std::string_view login) {
  constexpr std::string_view kSuffix = "[bot]";
  return login.size() > kSuffix.size() && login.substr(login.size() - kSuffix.size()) == kSuffix;
}

}  // namespace orglens::importers
