// Event CSV: one row per event, or per activity instance when a start column is mapped
// (then a `start` and a `complete` event are written).
#include <charconv>
#include <set>
#include <unordered_map>

#include "importers/csv_columns.h"
#include "importers/csv_sniff.h"
#include "importers/registry.h"
#include "importers/timestamp.h"
#include "model/identity.h"

namespace orglens::importers {
namespace {

using model::BuiltinType;

const std::vector<FieldSpec>& eventFields() {
  static const std::vector<FieldSpec> specs = {
      {"item",
       {"case:concept:name", "case_id", "caseid", "case id", "case", "case_key", "ticket",
        "ticket_id", "item", "item_id", "task", "task_id", "incident", "order_id"},
       true,
       "the work item (case) id"},
      {"activity",
       {"concept:name", "activity", "activity_name", "activity name", "event", "event_name",
        "action", "step"},
       true,
       "the activity name"},
      {"time",
       {"time:timestamp", "timestamp", "end_time", "end time", "complete timestamp",
        "completetimestamp", "end_timestamp", "time", "datetime", "date", "end"},
       true,
       "the event time"},
      {"start",
       {"start_time", "start time", "start timestamp", "starttimestamp", "start_timestamp",
        "start"},
       false,
       "the activity's start time"},
      {"actor",
       {"org:resource", "resource", "actor", "user", "person", "employee", "performer", "assignee",
        "agent", "user_id"},
       false,
       "who performed the event"},
      {"team", {"org:group", "group", "team", "department", "org:role"}, false, "the actor's team"},
      {"tool", {"tool", "application", "app", "channel"}, false, "the tool used"},
      {"platform", {"platform", "device", "client"}, false, "desktop, mobile or web"},
      {"lifecycle",
       {"lifecycle:transition", "lifecycle", "transition"},
       false,
       "the lifecycle transition"},
  };
  return specs;
}

/// Typed attribute value of a free text field: integer, real or string.
model::Value typedValue(std::string_view text) {
  std::int64_t i = 0;
  const char* end = text.data() + text.size();
  if (auto r = std::from_chars(text.data(), end, i); r.ec == std::errc() && r.ptr == end) return i;
  double d = 0;
  if (auto r = std::from_chars(text.data(), end, d); r.ec == std::errc() && r.ptr == end) return d;
  return std::string(text);
}

class EventCsvRun {
 public:
  explicit EventCsvRun(ImportContext& ctx) : m_ctx(ctx), m_people(ctx.sink) {}
  void run();

 private:
  bool readTime(std::string_view text, std::string_view column, std::uint64_t line,
                model::MicrosUtc& out);
  void importRow(const CsvRow& row);
  std::optional<std::string_view> field(const CsvRow& row,
                                        const std::optional<std::size_t>& column);
  /// parsePlatform() scans for many words; a file has few distinct platform texts.
  model::Platform platformOf(std::string_view text) {
    auto [it, inserted] = m_platforms.try_emplace(std::string(text), model::Platform::Unknown);
    if (inserted) it->second = model::parsePlatform(text);
    return it->second;
  }

  ImportContext& m_ctx;
  model::IdentityResolver m_people;
  TimestampParser m_time;
  // Column of each field, looked up once from the header (the row loop is hot).
  struct Columns {
    std::optional<std::size_t> item, activity, time, start, actor, team, tool, platform, lifecycle;
  } m_col;
  std::vector<std::string> m_header;
  std::vector<std::pair<std::size_t, model::StringId>> m_extra;  // attribute columns
  std::unordered_map<std::string, model::ObjectId> m_items;
  std::unordered_map<std::string, model::Platform> m_platforms;
  std::set<std::pair<std::uint32_t, std::uint32_t>> m_memberships;
  model::StringId m_defaultTool, m_memberOf;
  std::string m_scratch;
  std::uint64_t m_badText = 0;
};

std::optional<std::string_view> EventCsvRun::field(const CsvRow& row,
                                                   const std::optional<std::size_t>& column) {
  if (!column) return std::nullopt;
  std::string_view v = trimField(row.fields[*column]);
  if (v.empty()) return std::nullopt;
  return v;
}

bool EventCsvRun::readTime(std::string_view text, std::string_view column, std::uint64_t line,
                           model::MicrosUtc& out) {
  if (auto t = m_time.parse(text)) {
    out = *t;
    return true;
  }
  m_ctx.diagnostics.warning(
      line, "cannot read the time '" + std::string(text) + "' in column '" + std::string(column) +
                "' (expected ISO 8601, 'YYYY-MM-DD HH:MM:SS', "
                "'DD-MM-YYYY HH:MM' or epoch seconds/milliseconds); row skipped");
  return false;
}

void EventCsvRun::importRow(const CsvRow& row) {
  const auto line = row.line;
  if (!rowHasWidth(row, m_header.size(), m_ctx)) return;
  const auto item = field(row, m_col.item);
  const auto activity = field(row, m_col.activity);
  const auto timeText = field(row, m_col.time);
  if (!item || !activity || !timeText) {
    m_ctx.diagnostics.warning(line, std::string("empty ") +
                                        (!item       ? "work item"
                                         : !activity ? "activity"
                                                     : "time") +
                                        "; row skipped");
    ++m_ctx.skippedRows;
    return;
  }
  model::MicrosUtc complete = 0, start = 0;
  if (!readTime(*timeText, m_header[*m_col.time], line, complete)) {
    ++m_ctx.skippedRows;
    return;
  }
  const auto startText = field(row, m_col.start);
  bool hasStart = startText && readTime(*startText, m_header[*m_col.start], line, start);
  if (startText && !hasStart) {
    ++m_ctx.skippedRows;
    return;
  }
  if (hasStart && start > complete) {
    m_ctx.diagnostics.warning(line, "start time is after the end time; the start is ignored");
    hasStart = false;
  }
  auto& sink = m_ctx.sink;
  model::EventRecord e;
  const std::string itemKey(utf8Field(*item, m_scratch, m_ctx.diagnostics, line, m_badText));
  auto [it, inserted] = m_items.try_emplace(itemKey);
  if (inserted) it->second = sink.object(model::typeId(BuiltinType::Task), itemKey);
  e.item = it->second;
  e.activity = sink.intern(utf8Field(*activity, m_scratch, m_ctx.diagnostics, line, m_badText));
  if (auto actor = field(row, m_col.actor)) {
    e.actor = m_people.resolve(model::AliasKind::Resource,
                               utf8Field(*actor, m_scratch, m_ctx.diagnostics, line, m_badText));
    if (auto team = field(row, m_col.team)) {
      const auto teamId =
          sink.object(model::typeId(BuiltinType::Team),
                      utf8Field(*team, m_scratch, m_ctx.diagnostics, line, m_badText));
      if (m_memberships.emplace(e.actor.value(), teamId.value()).second)
        sink.addRelation({e.actor.object(), teamId, m_memberOf, std::nullopt, std::nullopt});
    }
  }
  const auto tool = field(row, m_col.tool);
  e.tool = tool ? sink.intern(*tool) : m_defaultTool;
  if (auto platform = field(row, m_col.platform)) e.platform = platformOf(*platform);
  if (auto lifecycle = field(row, m_col.lifecycle)) e.lifecycle = model::parseLifecycle(*lifecycle);
  if (hasStart) {
    model::EventRecord s = e;
    s.time = start;
    s.lifecycle = model::Lifecycle::Start;
    sink.addEvent(s);
    e.lifecycle = model::Lifecycle::Complete;
  }
  e.time = complete;
  const model::EventId id = sink.addEvent(e);
  for (const auto& [column, key] : m_extra) {
    std::string_view v = trimField(row.fields[column]);
    if (!v.empty())
      sink.setEventAttribute(
          id, key, typedValue(utf8Field(v, m_scratch, m_ctx.diagnostics, line, m_badText)));
  }
}

void EventCsvRun::run() {
  auto reader = openCsv(m_ctx.path, m_header);
  auto columns = resolveColumns(m_header, eventFields(), m_ctx.options.mapping, m_ctx.diagnostics);
  m_col = {columns["item"],  columns["activity"], columns["time"],
           columns["start"], columns["actor"],    columns["team"],
           columns["tool"],  columns["platform"], columns["lifecycle"]};
  configureTimestamps(m_time, m_ctx.options);
  std::set<std::size_t> used;
  for (const auto& [f, c] : columns)
    if (c) used.insert(*c);
  for (std::size_t c = 0; c < m_header.size(); ++c)
    if (!used.count(c) && !m_header[c].empty())
      m_extra.emplace_back(c, m_ctx.sink.intern(m_header[c]));
  m_defaultTool = m_ctx.sink.intern("process");
  m_memberOf = m_ctx.sink.intern("member-of");
  readCsvRows(*reader, m_ctx, [this](const CsvRow& row) { importRow(row); });
}

class EventCsvImporter final : public Importer {
 public:
  std::string_view name() const override { return "event-csv"; }
  std::string_view description() const override {
    return "events as CSV: one row per event (case, activity, time, resource, ...)";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override;
  void run(ImportContext& ctx) const override { EventCsvRun(ctx).run(); }
  std::vector<std::string> mappingFields() const override { return fieldNames(eventFields()); }
};

int EventCsvImporter::sniff(const std::filesystem::path& path, std::string_view head) const {
  // 60 when every required column is there; 10 for a CSV file that will need --map.
  return sniffCsvHeader(path, head, eventFields(), 60, 10);
}

}  // namespace

std::unique_ptr<Importer> makeEventCsvImporter() {
  return std::make_unique<EventCsvImporter>();
}

}  // namespace orglens::importers
