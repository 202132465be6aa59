#include "importers/github_mapper.h"

#include "model/text.h"

namespace orglens::importers {
namespace {

using model::BuiltinType;
using Action = GithubAction;

/// Tasks remembered for their one-time attributes; past this many the memory is given back
/// (attributes and relations set again are no-ops), so a long archive stays bounded.
constexpr std::size_t kTaskCache = 100'000;

bool isGhost(const GithubUser& u) {
  return u.state == GithubUser::State::Null ||
         (u.state == GithubUser::State::Present && model::asciiLower(u.login) == "ghost");
}

std::string where(std::string_view prefix, std::string_view text) {
  return std::string(prefix) + std::string(text);
}

}  // namespace

GithubFilter::GithubFilter(const ImportOptions& options) {
  for (const auto& r : options.githubRepos) m_repos.push_back(model::asciiLower(r));
  for (const auto& o : options.githubOwners) m_owners.push_back(model::asciiLower(o));
}

bool GithubFilter::accepts(std::string_view repo) const {
  if (all()) return true;
  const std::string lower = model::asciiLower(repo);
  for (const auto& r : m_repos)
    if (r == lower) return true;
  const std::string_view owner = std::string_view(lower).substr(0, lower.find('/'));
  for (const auto& o : m_owners)
    if (o == owner) return true;
  return false;
}

std::size_t GithubMapper::KeyHash::operator()(const Key& k) const {
  std::uint64_t h = (std::uint64_t{k.item} << 32 | k.activity) * 0x9E3779B97F4A7C15ULL;
  h ^= (static_cast<std::uint64_t>(k.time) + k.actor) * 0xC2B2AE3D27D4EB4FULL;
  return static_cast<std::size_t>(h ^ (h >> 29));
}

GithubMapper::GithubMapper(ImportContext& ctx, bool dedup)
    : m_ctx(ctx), m_sink(ctx.sink), m_people(ctx.sink), m_filter(ctx.options), m_dedup(dedup) {
  configureTimestamps(m_time, ctx.options);
}

std::string GithubMapper::repoName(std::string_view repo) const {
  // The owner of a repository may be a person ("alice/dotfiles"): with --pseudonymize-key
  // every owner becomes the pseudonym of its lower-case login (an organisation's too, as the
  // data does not tell them apart), so a store never holds a login in a key.
  if (!m_ctx.pseudonymiser) return std::string(repo);
  const auto slash = repo.find('/');
  return m_ctx.identity(model::asciiLower(repo.substr(0, slash))) +
         std::string(slash == std::string_view::npos ? std::string_view() : repo.substr(slash));
}

model::ObjectId GithubMapper::task(const GithubRecord& r) {
  m_key = repoName(r.repo);
  m_key += '#';
  m_key += std::to_string(r.number);
  // Titles are like e-mail subjects: kept only on request.
  const std::string_view name = m_ctx.options.keepSubjects ? r.title : std::string_view();
  auto it = m_tasks.find(m_key);
  if (it == m_tasks.end()) {
    if (m_tasks.size() >= kTaskCache) m_tasks.clear();
    const auto object = m_sink.object(model::typeId(BuiltinType::Task), m_key, name);
    it = m_tasks.emplace(m_key, Task{object}).first;
    const auto repo = m_sink.object(m_sink.objectType("repository"), repoName(r.repo));
    m_sink.addRelation({object, repo, s("part-of"), {}, {}});
  } else if (!name.empty()) {
    m_sink.object(model::typeId(BuiltinType::Task), m_key, name);  // fills a missing name
  }
  if (!it->second.kindKnown && (r.pullRequest || r.issue)) {
    m_sink.setObjectAttribute(it->second.object, s("kind"),
                              std::string(r.pullRequest ? "pull request" : "issue"));
    it->second.kindKnown = true;
  }
  return it->second.object;
}

model::PersonId GithubMapper::person(const GithubUser& user) {
  if (user.state != GithubUser::State::Present || user.login.empty() || user.bot || isGhost(user))
    return {};
  // A login seen before keeps its person; a first-seen login with a public e-mail joins the
  // person of that address (a roster entry, a mail sender) instead of becoming a new one.
  if (!user.email.empty()) {
    const auto login = model::normaliseAlias(model::AliasKind::GithubLogin, user.login);
    if (!m_sink.findAlias(model::AliasKind::GithubLogin, login)) {
      const auto p = m_people.resolve(model::AliasKind::Email, user.email, user.login);
      if (p.valid()) m_sink.addAlias(model::AliasKind::GithubLogin, login, p);
    }
  }
  return m_people.resolve(model::AliasKind::GithubLogin, user.login, user.login);
}

model::PersonId GithubMapper::actorOf(const GithubRecord& r, std::uint64_t line,
                                      std::string_view prefix) {
  // A derived closing's `closed_by: null` means "not told", not a deleted account.
  if (isGhost(r.actor) && !(r.derived && r.actor.state == GithubUser::State::Null)) {
    if (m_ghosts.count++ == 0) m_ghosts.firstLine = line, m_ghosts.firstWhere = prefix;
    return {};
  }
  if (r.actor.state == GithubUser::State::Present && !r.actor.login.empty()) return person(r.actor);
  // A derived closing names its closer only in single-issue exports (closed_by): no actor.
  if (!r.derived)
    m_ctx.diagnostics.warning(line, where(prefix, std::string(r.type) + " without " +
                                                      (r.actor.state == GithubUser::State::Absent
                                                           ? "an actor or user field"
                                                           : "a login in its user") +
                                                      "; imported without an actor"));
  return {};
}

void GithubMapper::count(std::map<std::string, Counted>& counts, std::string key,
                         std::uint64_t line, std::string_view prefix) {
  if (key.empty()) return;
  auto& c = counts[std::move(key)];
  if (c.count++ == 0) c.firstLine = line, c.firstWhere = prefix;
}

void GithubMapper::skip(std::uint64_t line, std::string_view prefix, const std::string& why) {
  m_ctx.diagnostics.warning(line, where(prefix, why + "; skipped"));
  ++m_ctx.skippedRows;
}

void GithubMapper::add(const GithubRecord& r, std::uint64_t line, std::string_view prefix) {
  if (r.action == Action::Other) {
    const std::string detail = r.detail.empty() ? "" : " " + std::string(r.detail);
    return count(m_unmapped, std::string(r.type.empty() ? "unnamed" : r.type) + detail, line,
                 prefix);
  }
  if (!m_filter.all() && !m_filter.accepts(r.repo)) {
    if (m_filtered.count++ == 0) m_filtered.firstLine = line, m_filtered.firstWhere = prefix;
    return;
  }
  if (r.actor.bot) return count(m_bots, std::string(r.actor.login), line, prefix);
  if (r.time.empty()) return skip(line, prefix, std::string(r.type) + " without a time");
  const auto time = m_time.parse(r.time);
  if (!time)
    return skip(
        line, prefix,
        std::string(r.type) + ": unreadable time '" + std::string(r.time.substr(0, 40)) + "'");
  const bool push = r.action == Action::Pushed;
  if (r.repo.empty() || (!push && r.number <= 0))
    return skip(line, prefix,
                std::string(r.type) + " names no repository and issue or pull request number");
  model::EventRecord e;
  e.time = *time;
  e.activity = s(activityName(r.action));
  e.item = push ? model::ObjectId() : task(r);
  e.actor = actorOf(r, line, prefix);
  e.tool = s(push ? "git" : "tracker");
  if (r.derived && m_dedup) {
    m_derived.emplace_back(e, GithubRecordCopy(r, line));
    return;
  }
  if (m_dedup && duplicate(e)) {
    if (m_duplicates.count++ == 0) m_duplicates.firstLine = line, m_duplicates.firstWhere = prefix;
    return;
  }
  addEvent(e, r);
}

bool GithubMapper::duplicate(const model::EventRecord& e) {
  const Key at{e.item.value(), e.activity.value(), 0, e.time};
  // The timeline closes a merged pull request twice, `merged` and `closed` at the same time.
  if (e.activity == s("closed") && m_at.count({at.item, s("merged").value(), 0, e.time}))
    return true;
  if (!m_seen.insert({at.item, at.activity, e.actor.value(), e.time}).second) return true;
  m_at.insert(at);
  return false;
}

void GithubMapper::addEvent(const model::EventRecord& e, const GithubRecord& r) {
  const auto id = m_sink.addEvent(e);
  ++m_events;
  if (r.action == Action::Pushed) {
    m_sink.addEventLink(
        id, {m_sink.object(m_sink.objectType("repository"), repoName(r.repo)), s("repository")});
    if (r.count > 0) m_sink.setEventAttribute(id, s("commits"), r.count);
    return;
  }
  const bool review =
      r.action == Action::ReviewRequested || r.action == Action::ReviewRequestRemoved;
  if (const auto target = person(r.target))
    m_sink.addEventLink(id, {target.object(), s(review ? "reviewer" : "assignee")});
  if (r.detail.empty()) return;
  const char* key = r.action == Action::Reviewed ? "review_state"
                    : review                     ? "requested_team"
                                                 : "label";
  if (r.action == Action::Reviewed || review || r.action == Action::Labeled ||
      r.action == Action::Unlabeled)
    m_sink.setEventAttribute(id, s(key), model::asciiLower(r.detail));
}

std::string GithubMapper::summary(const std::map<std::string, Counted>& counts) const {
  std::string out;
  for (const auto& [name, c] : counts) {
    out += (out.empty() ? "" : ", ") + name + " " + std::to_string(c.count);
    if (c.firstLine)
      out += " (first at " + c.firstWhere + "line " + std::to_string(c.firstLine) + ")";
  }
  return out;
}

void GithubMapper::finish() {
  for (auto& [e, copy] : m_derived) {
    const Key at{e.item.value(), e.activity.value(), 0, e.time};
    // A closing the events already gave (with its actor), or the merge that closed it.
    if (m_at.count(at) ||
        (e.activity == s("closed") && m_at.count({at.item, s("merged").value(), 0, e.time})))
      continue;
    if (!duplicate(e)) addEvent(e, copy.view());
  }
  m_derived.clear();
  auto total = [](const std::map<std::string, Counted>& m) {
    std::uint64_t n = 0;
    for (const auto& [name, c] : m) n += c.count;
    return n;
  };
  auto& d = m_ctx.diagnostics;
  d.info(0, std::to_string(m_events) + " GitHub events imported");
  if (!m_bots.empty())
    d.info(0, std::to_string(total(m_bots)) +
                  " records by bots are not people's activity and were skipped (" +
                  summary(m_bots) + ")");
  if (m_ghosts.count)
    d.info(m_ghosts.firstLine, std::to_string(m_ghosts.count) +
                                   " events by deleted users (null user or 'ghost') "
                                   "were imported without an actor (first at " +
                                   m_ghosts.firstWhere + "line " +
                                   std::to_string(m_ghosts.firstLine) + ")");
  if (!m_unmapped.empty())
    d.info(0, std::to_string(total(m_unmapped)) +
                  " records of kinds orglens does not map were "
                  "skipped: " +
                  summary(m_unmapped));
  if (m_filtered.count)
    d.info(0, std::to_string(m_filtered.count) +
                  " records of other repositories were left out (--repo/--org)");
  if (m_duplicates.count)
    d.info(0, std::to_string(m_duplicates.count) +
                  " records repeat an event imported from another list or file and were "
                  "imported once");
}

}  // namespace orglens::importers
