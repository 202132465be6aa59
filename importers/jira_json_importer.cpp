// Jira search results with expand=changelog (`orglens import --format jira-json`): one JSON file
// (a page `{"issues": [...]}` or an array of issues) or a folder of such pages.
//
// Mapping (docs: README "Jira", docs/metrics.md "Assignment and patch waits"):
//  - an issue is a `task` (key = issue key, e.g. PROJ-123; attributes issue_type, project,
//    status, created, resolved, and summary only with --keep-subjects), tool `tracker`;
//  - `created` event at fields.created by the creator (else the reporter);
//  - each history's items: a status change is an event named after the new status
//    ("In Progress"; attributes from_status/to_status), an assignee change an `assigned` event
//    (`unassigned` when cleared) linked to the new assignee with the qualifier `assignee`; both
//    by the history's author at its time, lifecycle complete. Other fields (priority, labels,
//    resolution, ...) make no events; they are counted in an info diagnostic;
//  - so an assignment is a handoff in handoffs/1: the one who assigned → the next actor (the new
//    assignee when it acts next), with wait = the assignee's first action − the assignment;
//  - time in status: task attributes `time_in_status:<status>` (integer seconds, summed over
//    visits) for every status the issue left; the status it is in now has no end and is not
//    counted. The same figures follow from the status events.
//  - people: Cloud users by accountId (alias kind chat, text `jira:<accountId>`), merged by
//    `emailAddress` with every other source when any copy of the user in the input shows it;
//    Server users by key/name. A history without an author or accountId (a deleted or anonymous
//    user) gives events without actor, with a warning.
// A folder is read twice: first for the e-mail addresses of users (a user's address may appear
// only in a later page), then for the events. Each page is read whole (simdjson needs the
// document); a page is at most a few MB.
#include <algorithm>
#include <fstream>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "importers/jira_parser.h"
#include "importers/registry.h"
#include "importers/timestamp.h"
#include "model/identity.h"

namespace orglens::importers {
namespace {

namespace fs = std::filesystem;
using model::AliasKind;
using model::BuiltinType;

/// The .json files of a folder that look like Jira issues, by name (pages in order). With
/// `onlyJira`, empty unless every visible file is one: a folder that also holds other data
/// is not a Jira export, and its files are imported one by one instead.
std::vector<fs::path> jiraFiles(const fs::path& folder, bool onlyJira) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file() || entry.path().filename().string().starts_with(".")) continue;
    if (entry.path().extension() == ".json" && looksLikeJiraJson(readHead(entry.path(), 64 * 1024)))
      out.push_back(entry.path());
    else if (onlyJira)
      return {};
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct StatusChange {
  model::MicrosUtc time;
  std::string from, to;
};

class JiraJsonRun {
 public:
  explicit JiraJsonRun(ImportContext& ctx) : m_ctx(ctx), m_sink(ctx.sink), m_people(ctx.sink) {}
  void run();

 private:
  /// Reads one file; nullopt (with a warning, or an ImportError for a single file) when broken.
  std::optional<JiraPage> readPage(const fs::path& file, bool single, bool report);
  void learnUsers(const JiraPage& page);
  void learn(const JiraUser& u);
  void importIssue(const JiraIssue& issue);
  void importHistory(const JiraIssue& issue, const JiraHistory& h, model::ObjectId task,
                     std::vector<StatusChange>& statuses);
  void addTimeInStatus(model::ObjectId task, std::optional<model::MicrosUtc> created,
                       std::vector<StatusChange>& statuses);
  model::PersonId personOf(const JiraUser& u, std::uint64_t line, std::string_view role);
  std::optional<model::MicrosUtc> timeOf(const std::string& text, std::uint64_t line,
                                         const std::string& what);
  model::EventId event(model::MicrosUtc time, std::string_view activity, model::PersonId actor,
                       model::ObjectId task);
  model::StringId s(std::string_view text) { return m_sink.intern(text); }
  std::string where(std::uint64_t line) const {
    return m_file.empty() ? std::string() : m_file + ":" + std::to_string(line) + ": ";
  }

  ImportContext& m_ctx;
  model::ModelSink& m_sink;
  model::IdentityResolver m_people;
  TimestampParser m_time;
  JiraParser m_parser;
  std::string m_file;  // the page being read, when importing a folder (for messages)
  std::unordered_map<std::string, std::string> m_emails, m_names;  // user id → known texts
  std::unordered_map<std::string, model::PersonId> m_users;
  std::unordered_set<std::string> m_keys;
  std::map<std::string, std::uint64_t> m_otherFields;
  std::uint64_t m_issues = 0, m_anonymous = 0;
};

std::optional<JiraPage> JiraJsonRun::readPage(const fs::path& file, bool single, bool report) {
  std::string text;
  if (!readWholeFile(file, text)) {
    if (single) throw ImportError("cannot read '" + file.string() + "'");
    if (report) m_ctx.diagnostics.warning(0, file.filename().string() + ": cannot read; skipped");
    return std::nullopt;
  }
  JiraPage page = m_parser.parse(text);
  if (page.error.empty()) return page;
  if (single)
    throw ImportError(m_ctx.diagnostics.where(page.errorLine) + ": " + page.error +
                      "; nothing is imported from this file");
  if (report) {
    m_ctx.diagnostics.warning(page.errorLine, file.filename().string() + ":" +
                                                  std::to_string(page.errorLine) + ": " +
                                                  page.error + "; the file is skipped");
    ++m_ctx.skippedRows;
  }
  return std::nullopt;
}

void JiraJsonRun::learn(const JiraUser& u) {
  if (u.id.empty()) return;
  if (!u.email.empty()) m_emails.emplace(u.id, u.email);
  if (!u.displayName.empty()) m_names.emplace(u.id, u.displayName);
}

void JiraJsonRun::learnUsers(const JiraPage& page) {
  for (const auto& issue : page.issues) {
    learn(issue.reporter);
    learn(issue.creator);
    learn(issue.assignee);
    for (const auto& h : issue.histories) learn(h.author);
  }
}

model::PersonId JiraJsonRun::personOf(const JiraUser& u, std::uint64_t line,
                                      std::string_view role) {
  if (!u.present) return {};
  if (u.id.empty()) {
    ++m_anonymous;
    m_ctx.diagnostics.warning(line, where(line) + std::string(role) +
                                        " has no accountId (a deleted or anonymous user); the "
                                        "event has no actor");
    return {};
  }
  if (auto it = m_users.find(u.id); it != m_users.end()) return it->second;
  const auto known = [](const auto& map, const std::string& id, const std::string& given) {
    if (!given.empty()) return given;
    auto it = map.find(id);
    return it == map.end() ? std::string() : it->second;
  };
  const std::string name = known(m_names, u.id, u.displayName);
  const std::string email = model::normaliseEmail(known(m_emails, u.id, u.email));
  const std::string alias = "jira:" + u.id;
  model::PersonId person;
  if (email.empty()) {
    person = m_people.resolve(AliasKind::ChatId, alias, name);
  } else {
    person = m_people.resolve(AliasKind::Email, email, name);
    if (person)
      m_sink.addAlias(AliasKind::ChatId, model::normaliseAlias(AliasKind::ChatId, alias), person);
  }
  m_users.emplace(u.id, person);
  return person;
}

std::optional<model::MicrosUtc> JiraJsonRun::timeOf(const std::string& text, std::uint64_t line,
                                                    const std::string& what) {
  if (auto t = m_time.parse(text)) return t;
  m_ctx.diagnostics.warning(line, where(line) + what + ": cannot read the time '" + text +
                                      "' (expected e.g. 2024-03-01T10:00:00.000+0100); skipped");
  ++m_ctx.skippedRows;
  return std::nullopt;
}

model::EventId JiraJsonRun::event(model::MicrosUtc time, std::string_view activity,
                                  model::PersonId actor, model::ObjectId task) {
  model::EventRecord e;
  e.time = time;
  e.activity = s(activity);
  e.actor = actor;
  e.item = task;
  e.tool = s("tracker");
  return m_sink.addEvent(e);
}

void JiraJsonRun::importHistory(const JiraIssue& issue, const JiraHistory& h, model::ObjectId task,
                                std::vector<StatusChange>& statuses) {
  const auto time = timeOf(h.created, h.line, "issue " + issue.key + ", history");
  if (!time) return;
  const model::PersonId author = personOf(h.author, h.line, "the history's author");
  if (!h.author.present)
    m_ctx.diagnostics.warning(h.line, where(h.line) + "issue " + issue.key +
                                          ": a history without an author (a deleted user?); its "
                                          "events have no actor");
  for (const JiraChange& c : h.items) {
    const std::string& field = c.fieldId.empty() ? c.field : c.fieldId;
    if (field == "status") {
      const auto id =
          event(*time, c.toString.empty() ? "status changed" : c.toString, author, task);
      m_sink.setEventAttribute(id, s("from_status"), c.fromString);
      m_sink.setEventAttribute(id, s("to_status"), c.toString);
      statuses.push_back({*time, c.fromString, c.toString});
    } else if (field == "assignee") {
      const bool cleared = c.to.empty() && c.toString.empty();
      const auto id = event(*time, cleared ? "unassigned" : "assigned", author, task);
      JiraUser to{true, c.to.empty() ? c.toString : c.to, c.toString, {}};
      if (!cleared)
        if (const auto person = personOf(to, h.line, "the new assignee"))
          m_sink.addEventLink(id, {person.object(), s("assignee")});
    } else {
      ++m_otherFields[c.field.empty() ? "(unnamed)" : c.field];
    }
  }
}

void JiraJsonRun::addTimeInStatus(model::ObjectId task, std::optional<model::MicrosUtc> created,
                                  std::vector<StatusChange>& statuses) {
  if (statuses.empty()) return;
  std::stable_sort(statuses.begin(), statuses.end(),
                   [](const auto& a, const auto& b) { return a.time < b.time; });
  // Seconds per status left; the first status was entered at creation.
  std::map<std::string, std::int64_t> seconds;
  std::optional<model::MicrosUtc> entered = created;
  for (const auto& c : statuses) {
    if (entered && !c.from.empty() && c.time >= *entered)
      seconds[c.from] += (c.time - *entered) / 1'000'000;
    entered = c.time;
  }
  for (const auto& [status, total] : seconds)
    m_sink.setObjectAttribute(task, s("time_in_status:" + status), total);
}

void JiraJsonRun::importIssue(const JiraIssue& issue) {
  if (issue.key.empty()) {
    m_ctx.diagnostics.warning(issue.line, where(issue.line) + "an issue without a key; skipped");
    ++m_ctx.skippedRows;
    return;
  }
  if (!m_keys.insert(issue.key).second) {
    m_ctx.diagnostics.warning(issue.line, where(issue.line) + "issue " + issue.key +
                                              " appears again (overlapping pages?); skipped");
    return;
  }
  ++m_issues;
  const auto task = m_sink.object(model::typeId(BuiltinType::Task), issue.key);
  if (!issue.hasFields)
    m_ctx.diagnostics.warning(issue.line, where(issue.line) + "issue " + issue.key +
                                              " has no 'fields'; only its changelog is imported");
  if (!issue.issueType.empty()) m_sink.setObjectAttribute(task, s("issue_type"), issue.issueType);
  if (!issue.project.empty()) m_sink.setObjectAttribute(task, s("project"), issue.project);
  if (!issue.status.empty()) m_sink.setObjectAttribute(task, s("status"), issue.status);
  if (m_ctx.options.keepSubjects && !issue.summary.empty())
    m_sink.setObjectAttribute(task, s("summary"), issue.summary);
  std::optional<model::MicrosUtc> created;
  if (issue.hasFields)
    created = timeOf(issue.created, issue.line, "issue " + issue.key + ", created");
  if (created) {
    m_sink.setObjectAttribute(task, s("created"), model::TimeValue{*created});
    const auto& who = issue.creator.present ? issue.creator : issue.reporter;
    const auto id = event(*created, "created", personOf(who, issue.line, "the creator"), task);
    if (const auto reporter = personOf(issue.reporter, issue.line, "the reporter"))
      m_sink.addEventLink(id, {reporter.object(), s("reporter")});
  }
  if (!issue.resolutionDate.empty())
    if (auto t = timeOf(issue.resolutionDate, issue.line, "issue " + issue.key + ", resolved"))
      m_sink.setObjectAttribute(task, s("resolved"), model::TimeValue{*t});
  if (issue.changelogMissing)
    m_ctx.diagnostics.warning(
        issue.line, where(issue.line) + "issue " + issue.key + ": the changelog lacks " +
                        std::to_string(issue.changelogMissing) +
                        " histories (search results hold at most 100 per issue); export them "
                        "from /rest/api/3/issue/" +
                        issue.key + "/changelog");
  std::vector<StatusChange> statuses;
  for (const auto& h : issue.histories) importHistory(issue, h, task, statuses);
  addTimeInStatus(task, created, statuses);
}

void JiraJsonRun::run() {
  configureTimestamps(m_time, m_ctx.options);
  std::error_code ec;
  const bool folder = fs::is_directory(m_ctx.path, ec);
  const std::vector<fs::path> files =
      folder ? jiraFiles(m_ctx.path, false) : std::vector{m_ctx.path};
  if (files.empty())
    throw ImportError("'" + m_ctx.path.string() +
                      "' holds no Jira search results (.json files with \"issues\" and "
                      "\"fields\"); export them with /rest/api/3/search?expand=changelog");
  std::optional<JiraPage> single;
  if (folder) {
    for (const auto& f : files)
      if (auto page = readPage(f, false, false)) learnUsers(*page);
  } else {
    single = readPage(files.front(), true, true);
    learnUsers(*single);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (m_ctx.progress.cancelled()) return;
    m_file = folder ? files[i].filename().string() : std::string();
    auto page = folder ? readPage(files[i], false, true) : std::move(single);
    if (!page) continue;
    for (const auto& p : page->problems)
      m_ctx.diagnostics.warning(p.line, where(p.line) + p.message);
    for (const auto& issue : page->issues) importIssue(issue);
    m_ctx.progress.report(double(i + 1) / double(files.size()), "reading issues");
  }
  std::string text = std::to_string(m_issues) + " issues imported";
  if (!m_otherFields.empty()) {
    text += "; changes of other fields make no events:";
    for (const auto& [field, n] : m_otherFields) text += " " + field + " " + std::to_string(n);
  }
  m_ctx.diagnostics.info(0, text);
}

class JiraJsonImporter final : public Importer {
 public:
  std::string_view name() const override { return "jira-json"; }
  std::string_view description() const override {
    return "Jira search results with expand=changelog (JSON pages, or a folder of them)";
  }
  int sniff(const fs::path& path, std::string_view head) const override {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return jiraFiles(path, true).empty() ? 0 : 75;
    return path.extension() == ".json" && looksLikeJiraJson(head) ? 85 : 0;
  }
  void run(ImportContext& ctx) const override { JiraJsonRun(ctx).run(); }
};

}  // namespace

std::unique_ptr<Importer> makeJiraJsonImporter() {
  return std::make_unique<JiraJsonImporter>();
}

}  // namespace orglens::importers
