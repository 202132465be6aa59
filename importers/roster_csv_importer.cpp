// Roster CSV: who is registered, in which team and department, reporting to whom, with
// role, manager flag, time zone and start (registration) date.
#include <date/tz.h>

#include <set>

#include "importers/csv_columns.h"
#include "importers/registry.h"
#include "importers/timestamp.h"
#include "model/identity.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

using model::BuiltinType;

const std::vector<FieldSpec>& rosterFields() {
  static const std::vector<FieldSpec> specs = {
      {"id",
       {"person_id", "id", "employee_id", "employee id", "user_id", "staff_id", "personid"},
       false,
       "the person id"},
      {"email",
       {"email", "e-mail", "mail", "email_address", "work_email"},
       false,
       "the e-mail address"},
      {"name",
       {"name", "full_name", "full name", "display_name", "display name", "employee_name"},
       false,
       "the person's name"},
      {"team", {"team", "group", "unit", "org:group"}, false, "the team"},
      {"department", {"department", "dept", "division"}, false, "the department"},
      {"manager",
       {"manager_id", "manager", "manager_email", "reports_to", "supervisor"},
       false,
       "the manager's id or e-mail"},
      {"role", {"role", "title", "job_title", "job title", "position"}, false, "the role"},
      {"is_manager",
       {"is_manager", "manager_flag", "people_manager", "ismanager"},
       false,
       "whether the person manages people"},
      {"timezone", {"timezone", "time_zone", "tz", "time zone"}, false, "the IANA time zone"},
      {"start_date",
       {"start_date", "registered", "registration_date", "joined", "join_date", "hire_date",
        "start date"},
       false,
       "the start or registration date"},
  };
  return specs;
}

std::optional<bool> parseFlag(std::string_view s) {
  const std::string l = model::asciiLower(s);
  if (l == "true" || l == "yes" || l == "y" || l == "1" || l == "x") return true;
  if (l == "false" || l == "no" || l == "n" || l == "0" || l.empty()) return false;
  return std::nullopt;
}

struct PendingManager {
  model::PersonId person;
  std::string manager;
  std::uint64_t line;
};

class RosterRun {
 public:
  explicit RosterRun(ImportContext& ctx) : m_ctx(ctx), m_sink(ctx.sink) {}
  void run();

 private:
  // Roster files are small: fields are copied, which keeps them valid across calls.
  std::optional<std::string> get(const CsvRow& row, const char* field) {
    const auto& c = m_columns[field];
    if (!c) return std::nullopt;
    auto v = trimField(row.fields[*c]);
    if (v.empty()) return std::nullopt;
    return std::string(utf8Field(v, m_scratch, m_ctx.diagnostics, row.line, m_badText));
  }
  void importRow(const CsvRow& row);
  void setAttributes(const CsvRow& row, model::PersonId person);
  void linkManagers();

  ImportContext& m_ctx;
  model::ModelSink& m_sink;
  TimestampParser m_time;
  std::map<std::string, std::optional<std::size_t>> m_columns;
  std::vector<std::string> m_header;
  std::vector<PendingManager> m_managers;
  std::set<std::string> m_seenKeys;
  std::string m_scratch;
  std::uint64_t m_badText = 0;
};

void RosterRun::importRow(const CsvRow& row) {
  if (!rowHasWidth(row, m_header.size(), m_ctx)) return;
  const auto id = get(row, "id");
  const auto emailText = get(row, "email");
  const std::string email = emailText ? model::normaliseEmail(*emailText) : std::string();
  if (emailText && email.empty())
    m_ctx.diagnostics.warning(
        row.line, "'" + m_ctx.identity(*emailText) + "' is not an e-mail address; ignored");
  if (!id && email.empty()) {
    m_ctx.diagnostics.warning(row.line, "no person id and no e-mail; row skipped");
    ++m_ctx.skippedRows;
    return;
  }
  const std::string key = id ? model::normaliseAlias(model::AliasKind::PersonKey, *id) : email;
  if (!m_seenKeys.insert(key).second)
    m_ctx.diagnostics.warning(
        row.line, "person '" + m_ctx.identity(key) + "' appears again; the later row adds to it");
  const auto name = get(row, "name");
  const model::PersonId person =
      model::PersonId::of(m_sink.object(model::typeId(BuiltinType::Person), key,
                                        name ? std::string_view(*name) : std::string_view()));
  if (id) m_sink.addAlias(model::AliasKind::PersonKey, key, person);
  if (!email.empty()) m_sink.addAlias(model::AliasKind::Email, email, person);
  const auto memberOf = m_sink.intern("member-of");
  std::optional<model::ObjectId> team;
  if (auto t = get(row, "team")) {
    team = m_sink.object(model::typeId(BuiltinType::Team), *t);
    m_sink.addRelation({person.object(), *team, memberOf, std::nullopt, std::nullopt});
  }
  if (auto d = get(row, "department")) {
    const auto dept = m_sink.object(model::typeId(BuiltinType::Team), *d);
    m_sink.setObjectAttribute(dept, m_sink.intern("kind"), std::string("department"));
    m_sink.setObjectAttribute(person.object(), m_sink.intern("department"), std::string(*d));
    if (team)
      m_sink.addRelation({*team, dept, m_sink.intern("part-of"), std::nullopt, std::nullopt});
  }
  if (auto m = get(row, "manager")) m_managers.push_back({person, std::string(*m), row.line});
  setAttributes(row, person);
}

void RosterRun::setAttributes(const CsvRow& row, model::PersonId person) {
  const auto object = person.object();
  if (auto role = get(row, "role"))
    m_sink.setObjectAttribute(object, m_sink.intern("role"), std::string(*role));
  if (auto flag = get(row, "is_manager")) {
    if (auto b = parseFlag(*flag))
      m_sink.setObjectAttribute(object, m_sink.intern("is_manager"), *b);
    else
      m_ctx.diagnostics.warning(row.line,
                                "is_manager '" + std::string(*flag) + "' is not yes/no; ignored");
  }
  if (auto tz = get(row, "timezone")) {
    try {
      date::locate_zone(std::string(*tz));
      m_sink.setObjectAttribute(object, m_sink.intern("timezone"), std::string(*tz));
    } catch (const std::exception&) {
      m_ctx.diagnostics.warning(row.line,
                                "unknown time zone '" + std::string(*tz) +
                                    "' (expected an IANA name such as Europe/Berlin); ignored");
    }
  }
  if (auto start = get(row, "start_date")) {
    if (auto t = m_time.parse(*start))
      m_sink.setObjectAttribute(object, m_sink.intern("start_date"), model::TimeValue{*t});
    else
      m_ctx.diagnostics.warning(
          row.line, "cannot read the start date '" + std::string(*start) + "'; ignored");
  }
}

void RosterRun::linkManagers() {
  const auto reportsTo = m_sink.intern("reports-to");
  for (const auto& p : m_managers) {
    std::optional<model::PersonId> manager = m_sink.findAlias(
        model::AliasKind::PersonKey, model::normaliseAlias(model::AliasKind::PersonKey, p.manager));
    if (!manager) {
      const std::string email = model::normaliseEmail(p.manager);
      if (!email.empty()) manager = m_sink.findAlias(model::AliasKind::Email, email);
    }
    if (!manager) {
      m_ctx.diagnostics.warning(p.line, "manager '" + m_ctx.identity(p.manager) +
                                            "' is not in the roster; reporting line skipped");
      continue;
    }
    if (*manager == p.person) {
      m_ctx.diagnostics.warning(p.line, "person is their own manager; reporting line skipped");
      continue;
    }
    m_sink.addRelation(
        {p.person.object(), manager->object(), reportsTo, std::nullopt, std::nullopt});
  }
}

void RosterRun::run() {
  auto reader = openCsv(m_ctx.path, m_header);
  m_columns = resolveColumns(m_header, rosterFields(), m_ctx.options.mapping, m_ctx.diagnostics);
  if (!m_columns["id"] && !m_columns["email"])
    throw ImportError(
        m_ctx.diagnostics.where(1) +
        ": a roster needs a person id or an e-mail column; name one with --map id=COLUMN");
  configureTimestamps(m_time, m_ctx.options);
  CsvRow row;
  while (reader->next(row)) importRow(row);
  if (!reader->error().empty()) {
    m_ctx.diagnostics.error(0, reader->error() + "; the rest of the file is not imported");
    ++m_ctx.skippedRows;
  }
  linkManagers();
}

class RosterCsvImporter final : public Importer {
 public:
  std::string_view name() const override { return "roster-csv"; }
  std::string_view description() const override {
    return "people as CSV: id or e-mail, name, team, department, manager, role, time zone";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    const auto ext = path.extension().string();
    if (ext != ".csv" && ext != ".tsv" && ext != ".txt") return 0;
    const std::string first = model::asciiLower(head.substr(0, head.find('\n')));
    const bool person = first.find("person") != std::string::npos ||
                        first.find("email") != std::string::npos ||
                        first.find("employee") != std::string::npos;
    const bool org = first.find("team") != std::string::npos ||
                     first.find("department") != std::string::npos ||
                     first.find("manager") != std::string::npos;
    const bool events = first.find("activity") != std::string::npos ||
                        first.find("concept:name") != std::string::npos;
    return person && org && !events ? 70 : 0;
  }
  void run(ImportContext& ctx) const override { RosterRun(ctx).run(); }
  std::vector<std::string> mappingFields() const override { return fieldNames(rosterFields()); }
};

}  // namespace

std::unique_ptr<Importer> makeRosterCsvImporter() {
  return std::make_unique<RosterCsvImporter>();
}

}  // namespace orglens::importers
