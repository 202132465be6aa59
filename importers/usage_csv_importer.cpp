// Usage log CSV: `time,user,tool,action[,platform,device]`, one row per action in a tool (a
// login, a message sent, a meeting joined). Each row is one event without a work item — the
// adoption analysis counts who used which tool how often and from which device.
//  - actor: an e-mail address when the cell holds one (merges with rosters and mail), else a
//    resource name (as the event CSV's actor, so that "jsmith" is one person in both);
//  - tool: the row's tool name as written; activity: the action;
//  - platform: the `platform` cell, else the `device` cell (a device or user-agent text:
//    "iPhone 14" → mobile, "Windows 11 Chrome" → web) via model::parsePlatform.
#include <unordered_map>

#include "importers/csv_sniff.h"
#include "importers/registry.h"
#include "importers/timestamp.h"
#include "model/identity.h"

namespace orglens::importers {
namespace {

const std::vector<FieldSpec>& usageFields() {
  static const std::vector<FieldSpec> specs = {
      {"time",
       {"time", "timestamp", "datetime", "date", "event_time", "time:timestamp"},
       true,
       "the time of the action"},
      {"user",
       {"user", "user_id", "userid", "username", "user_name", "email", "user_email", "actor",
        "person", "employee"},
       true,
       "who acted (e-mail or user name)"},
      {"tool",
       {"tool", "app", "application", "product", "service", "tool_name", "app_name"},
       true,
       "the tool used"},
      {"action",
       {"action", "activity", "event", "event_type", "event_name", "operation"},
       true,
       "what the user did"},
      {"platform", {"platform", "client", "os"}, false, "desktop, mobile or web"},
      {"device",
       {"device", "device_type", "user_agent", "useragent", "agent", "client_device"},
       false,
       "the device or user agent (mapped to a platform)"},
  };
  return specs;
}

class UsageCsvRun {
 public:
  explicit UsageCsvRun(ImportContext& ctx) : m_ctx(ctx), m_people(ctx.sink) {}
  void run();

 private:
  void importRow(const CsvRow& row);
  std::string_view cell(const CsvRow& row, std::optional<std::size_t> column) const {
    return column ? trimField(row.fields[*column]) : std::string_view();
  }
  std::string_view utf8(std::string_view text, std::uint64_t line) {
    return utf8Field(text, m_scratch, m_ctx.diagnostics, line, m_badText);
  }
  /// parsePlatform() scans for many words; a log has few distinct device texts.
  model::Platform platformOf(std::string_view text) {
    auto [it, inserted] = m_platforms.try_emplace(std::string(text), model::Platform::Unknown);
    if (inserted) it->second = model::parsePlatform(text);
    return it->second;
  }
  void skipRow(std::uint64_t line, std::string why) {
    m_ctx.diagnostics.warning(line, std::move(why) + "; row skipped");
    ++m_ctx.skippedRows;
  }

  ImportContext& m_ctx;
  model::IdentityResolver m_people;
  TimestampParser m_time;
  struct Columns {
    std::optional<std::size_t> time, user, tool, action, platform, device;
  } m_col;
  std::vector<std::string> m_header;
  std::unordered_map<std::string, model::Platform> m_platforms;
  std::string m_scratch;
  std::uint64_t m_badText = 0;
};

void UsageCsvRun::importRow(const CsvRow& row) {
  const auto line = row.line;
  if (row.fields.size() != m_header.size())
    return skipRow(line, "expected " + std::to_string(m_header.size()) + " fields, found " +
                             std::to_string(row.fields.size()));
  const auto timeText = cell(row, m_col.time);
  const auto user = cell(row, m_col.user);
  const auto tool = cell(row, m_col.tool);
  const auto action = cell(row, m_col.action);
  if (timeText.empty() || user.empty() || tool.empty() || action.empty())
    return skipRow(line, std::string("empty ") + (timeText.empty() ? "time"
                                                  : user.empty()   ? "user"
                                                  : tool.empty()   ? "tool"
                                                                   : "action"));
  const auto time = m_time.parse(timeText);
  if (!time)
    return skipRow(line, "cannot read the time '" + std::string(timeText) + "' in column '" +
                             m_header[*m_col.time] + "'");
  auto& sink = m_ctx.sink;
  model::EventRecord e;
  e.time = *time;
  const std::string userText(utf8(user, line));
  e.actor = m_people.resolve(csvPersonKind(userText), userText);
  e.tool = sink.intern(utf8(tool, line));
  e.activity = sink.intern(utf8(action, line));
  const auto platform = cell(row, m_col.platform);
  e.platform = platformOf(platform.empty() ? cell(row, m_col.device) : platform);
  sink.addEvent(e);  // no item: usage is not work on an item
}

void UsageCsvRun::run() {
  auto reader = openCsv(m_ctx.path, m_header);
  auto c = resolveColumns(m_header, usageFields(), m_ctx.options.mapping, m_ctx.diagnostics);
  m_col = {c["time"], c["user"], c["tool"], c["action"], c["platform"], c["device"]};
  configureTimestamps(m_time, m_ctx.options);
  readCsvRows(*reader, m_ctx, [this](const CsvRow& row) { importRow(row); });
}

class UsageCsvImporter final : public Importer {
 public:
  std::string_view name() const override { return "usage-csv"; }
  std::string_view description() const override {
    return "tool usage log as CSV: time, user, tool, action[, platform, device]";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    // Below the event CSV's 60: a header that also names a work item is an event log.
    return sniffCsvHeader(path, head, usageFields(), 55);
  }
  void run(ImportContext& ctx) const override { UsageCsvRun(ctx).run(); }
  std::vector<std::string> mappingFields() const override { return fieldNames(usageFields()); }
};

}  // namespace

std::unique_ptr<Importer> makeUsageCsvImporter() {
  return std::make_unique<UsageCsvImporter>();
}

}  // namespace orglens::importers
