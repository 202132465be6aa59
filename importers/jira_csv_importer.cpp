// Jira's CSV export (Filters → Export → CSV): one row per issue, with repeated columns for
// multi-valued fields (`Watchers,Watchers`, `Sprint,Sprint`, `Labels,Labels`).
//
// Mapping (docs: README "Jira"):
//  - a row is a `task` (key = Issue key; attributes issue_type, project, status, sprints (the
//    repeated Sprint columns joined by "; "), watchers (their count), summary only with
//    --keep-subjects), tool `tracker`;
//  - `created` at Created by the Creator (else the Reporter), linked to the reporter;
//  - `resolved` at Resolved, without an actor: the export does not say who resolved the issue;
//  - the current Assignee: relation task → person with the qualifier `assignee`.
//  The export has no history: for handoffs between people, import the JSON with changelog.
//  People: by the `... Id` columns (Jira Cloud account ids, alias `jira:<id>`, as the JSON
//  importer) when present, else by the name as written (alias kind resource).
//  Times: `01/Mar/24 10:00 AM` (Jira's default format, English month names, 12- or 24-hour
//  clock, 2- or 4-digit years) or any format TimestampParser reads; naive times are read in
//  --timezone.
#include <unordered_set>

#include "importers/csv_columns.h"
#include "importers/registry.h"
#include "importers/timestamp.h"
#include "model/identity.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

using model::AliasKind;
using model::BuiltinType;

const std::vector<FieldSpec>& jiraFields() {
  static const std::vector<FieldSpec> specs = {
      {"item", {"issue key", "key"}, true, "the issue key (PROJ-123)"},
      {"created", {"created"}, true, "the creation time"},
      {"resolved", {"resolved", "resolution date"}, false, "the resolution time"},
      {"assignee", {"assignee"}, false, "the current assignee"},
      {"assignee_id", {"assignee id"}, false, "the assignee's account id"},
      {"reporter", {"reporter"}, false, "the reporter"},
      {"reporter_id", {"reporter id"}, false, "the reporter's account id"},
      {"creator", {"creator"}, false, "the creator"},
      {"creator_id", {"creator id"}, false, "the creator's account id"},
      {"status", {"status"}, false, "the current status"},
      {"type", {"issue type"}, false, "the issue type"},
      {"project", {"project key"}, false, "the project key"},
      {"summary", {"summary"}, false, "the summary"},
  };
  return specs;
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
  if (from + n > s.size()) return false;
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

/// `d/MMM/yy h:mm[:ss] AM` (or 24-hour without AM/PM, or a 4-digit year) as
/// "YYYY-MM-DD HH:MM:SS"; nullopt for other texts (left to TimestampParser).
std::optional<std::string> jiraDate(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  text = trimField(text);
  const auto slash1 = text.find('/');
  const auto slash2 = text.find('/', slash1 == std::string_view::npos ? 0 : slash1 + 1);
  const auto space = text.find(' ');
  if (slash1 == std::string_view::npos || slash2 != slash1 + 4 || space == std::string_view::npos)
    return std::nullopt;
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, 0, slash1, day) || slash1 == 0 || slash1 > 2) return std::nullopt;
  const std::string month = model::asciiLower(text.substr(slash1 + 1, 3));
  int m = 0;
  while (m < 12 && kMonths[m] != month) ++m;
  const std::size_t yearDigits = space - slash2 - 1;
  if (m == 12 || (yearDigits != 2 && yearDigits != 4) ||
      !digits(text, slash2 + 1, yearDigits, year))
    return std::nullopt;
  if (yearDigits == 2) year += year < 70 ? 2000 : 1900;
  std::string_view clock = trimField(text.substr(space + 1));
  const auto colon = clock.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 ||
      !digits(clock, 0, colon, hour) || !digits(clock, colon + 1, 2, minute))
    return std::nullopt;
  std::size_t at = colon + 3;
  if (at < clock.size() && clock[at] == ':') {
    if (!digits(clock, at + 1, 2, second)) return std::nullopt;
    at += 3;
  }
  const std::string meridiem = model::asciiLower(trimField(clock.substr(at)));
  if (meridiem == "am" || meridiem == "pm") {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (meridiem == "pm" ? 12 : 0);
  } else if (!meridiem.empty()) {
    return std::nullopt;
  }
  char out[80];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d:%02d", year, m + 1, day, hour, minute,
                second);
  return std::string(out);
}

class JiraCsvRun {
 public:
  explicit JiraCsvRun(ImportContext& ctx) : m_ctx(ctx), m_sink(ctx.sink), m_people(ctx.sink) {}
  void run();

 private:
  void importRow(const CsvRow& row);
  std::optional<std::string_view> field(const CsvRow& row, const char* name) {
    const auto& column = m_col[name];
    if (!column) return std::nullopt;
    const auto v = trimField(row.fields[*column]);
    return v.empty() ? std::nullopt : std::optional(v);
  }
  std::optional<model::MicrosUtc> timeOf(std::string_view text, std::uint64_t line,
                                         std::string_view column);
  model::PersonId personOf(const CsvRow& row, const char* nameField, const char* idField);
  model::StringId s(std::string_view text) { return m_sink.intern(text); }

  ImportContext& m_ctx;
  model::ModelSink& m_sink;
  model::IdentityResolver m_people;
  TimestampParser m_time;
  std::vector<std::string> m_header;
  std::map<std::string, std::optional<std::size_t>> m_col;
  std::vector<std::size_t> m_sprints, m_watchers;  // the repeated columns
  std::unordered_set<std::string> m_keys;
  std::string m_scratch;
  std::uint64_t m_badText = 0;
};

std::optional<model::MicrosUtc> JiraCsvRun::timeOf(std::string_view text, std::uint64_t line,
                                                   std::string_view column) {
  const auto iso = jiraDate(text);
  if (auto t = m_time.parse(iso ? std::string_view(*iso) : text)) return t;
  m_ctx.diagnostics.warning(line, "cannot read the time '" + std::string(text) + "' in column '" +
                                      std::string(column) +
                                      "' (expected e.g. 01/Mar/24 10:00 AM or ISO 8601)");
  return std::nullopt;
}

model::PersonId JiraCsvRun::personOf(const CsvRow& row, const char* nameField,
                                     const char* idField) {
  const auto name = field(row, nameField);
  std::string display =
      name ? std::string(utf8Field(*name, m_scratch, m_ctx.diagnostics, row.line, m_badText))
           : std::string();
  if (const auto id = field(row, idField))
    return m_people.resolve(AliasKind::ChatId, "jira:" + std::string(*id), display);
  if (display.empty()) return {};
  return m_people.resolve(AliasKind::Resource, display);
}

void JiraCsvRun::importRow(const CsvRow& row) {
  const auto line = row.line;
  if (!rowHasWidth(row, m_header.size(), m_ctx)) return;
  const auto key = field(row, "item");
  const auto createdText = field(row, "created");
  if (!key || !createdText) {
    m_ctx.diagnostics.warning(
        line, std::string("empty ") + (key ? "Created" : "Issue key") + "; row skipped");
    ++m_ctx.skippedRows;
    return;
  }
  const auto created = timeOf(*createdText, line, m_header[*m_col["created"]]);
  if (!created || !m_keys.emplace(*key).second) {
    if (created)
      m_ctx.diagnostics.warning(line, "issue " + std::string(*key) + " appears again; row skipped");
    ++m_ctx.skippedRows;
    return;
  }
  const auto task = m_sink.object(model::typeId(BuiltinType::Task), *key);
  for (const auto& [fieldName, attribute] :
       {std::pair{"type", "issue_type"}, {"project", "project"}, {"status", "status"}})
    if (const auto v = field(row, fieldName))
      m_sink.setObjectAttribute(task, s(attribute), std::string(*v));
  if (m_ctx.options.keepSubjects)
    if (const auto v = field(row, "summary"))
      m_sink.setObjectAttribute(
          task, s("summary"),
          std::string(utf8Field(*v, m_scratch, m_ctx.diagnostics, line, m_badText)));
  std::string sprints;
  for (auto c : m_sprints)
    if (const auto v = trimField(row.fields[c]); !v.empty())
      sprints += (sprints.empty() ? "" : "; ") + std::string(v);
  if (!sprints.empty()) m_sink.setObjectAttribute(task, s("sprints"), sprints);
  std::int64_t watchers = 0;
  for (auto c : m_watchers) watchers += !trimField(row.fields[c]).empty();
  if (!m_watchers.empty()) m_sink.setObjectAttribute(task, s("watchers"), watchers);

  model::EventRecord e;
  e.time = *created;
  e.activity = s("created");
  const auto reporter = personOf(row, "reporter", "reporter_id");
  const auto creator = personOf(row, "creator", "creator_id");
  e.actor = creator ? creator : reporter;
  e.item = task;
  e.tool = s("tracker");
  const auto id = m_sink.addEvent(e);
  if (reporter) m_sink.addEventLink(id, {reporter.object(), s("reporter")});
  if (const auto assignee = personOf(row, "assignee", "assignee_id"))
    m_sink.addRelation({task, assignee.object(), s("assignee"), std::nullopt, std::nullopt});
  if (const auto resolvedText = field(row, "resolved")) {
    const auto resolved = timeOf(*resolvedText, line, m_header[*m_col["resolved"]]);
    if (resolved && *resolved < *created) {
      m_ctx.diagnostics.warning(
          line, "issue " + std::string(*key) + " is resolved before it was created; not resolved");
    } else if (resolved) {
      e.time = *resolved;
      e.activity = s("resolved");
      e.actor = {};  // the export does not say who resolved it
      m_sink.addEvent(e);
    }
  }
}

void JiraCsvRun::run() {
  auto reader = openCsv(m_ctx.path, m_header);
  m_col = resolveColumns(m_header, jiraFields(), m_ctx.options.mapping, m_ctx.diagnostics);
  for (std::size_t c = 0; c < m_header.size(); ++c) {
    const std::string name = model::asciiLower(trimField(m_header[c]));
    if (name == "sprint") m_sprints.push_back(c);
    if (name == "watchers") m_watchers.push_back(c);
  }
  configureTimestamps(m_time, m_ctx.options);
  readCsvRows(*reader, m_ctx, [this](const CsvRow& row) { importRow(row); });
}

class JiraCsvImporter final : public Importer {
 public:
  std::string_view name() const override { return "jira-csv"; }
  std::string_view description() const override {
    return "Jira CSV export: one row per issue (Issue key, Created, Resolved, Assignee, ...)";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    if (path.extension() != ".csv") return 0;
    const std::string first = model::asciiLower(head.substr(0, head.find('\n')));
    const auto has = [&](std::string_view s) { return first.find(s) != std::string::npos; };
    return has("issue key") && has("created") && (has("issue id") || has("summary")) ? 85 : 0;
  }
  void run(ImportContext& ctx) const override { JiraCsvRun(ctx).run(); }
  std::vector<std::string> mappingFields() const override { return fieldNames(jiraFields()); }
};

}  // namespace

std::unique_ptr<Importer> makeJiraCsvImporter() {
  return std::make_unique<JiraCsvImporter>();
}

}  // namespace orglens::importers
