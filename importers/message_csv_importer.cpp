// Message edge CSV: `time,sender,recipient[,message_id,thread_id,in_reply_to,tool]`, one row
// per recipient or a `;`-separated recipient list per row → one `message` object and one `sent`
// event per message (actor = sender, links: message `sent`, each recipient `to`).
//  - a message is identified by message_id; without one, by sender + time, so that a
//    one-row-per-recipient file without ids still gives one message per send;
//  - the event's item is a `thread` object: thread_id; else the thread of the in_reply_to
//    message when seen earlier; else one keyed by in_reply_to; else the message's own key
//    (a message that replies to nothing opens a thread);
//  - relations: message `in` thread, message `reply-to` the in_reply_to message;
//  - tool: the row's tool cell, else "email" (edge lists mostly come from mail archives);
//  - people: an e-mail address when the cell holds one, else a resource name.
#include <algorithm>
#include <unordered_map>

#include "importers/csv_sniff.h"
#include "importers/registry.h"
#include "importers/timestamp.h"
#include "model/identity.h"

namespace orglens::importers {
namespace {

using model::BuiltinType;

const std::vector<FieldSpec>& messageFields() {
  static const std::vector<FieldSpec> specs = {
      {"time",
       {"time", "timestamp", "datetime", "date", "sent", "sent_at", "time:timestamp"},
       true,
       "the send time"},
      {"sender",
       {"sender", "from", "source", "sender_id", "from_email", "author"},
       true,
       "the sender"},
      {"recipient",
       {"recipient", "recipients", "to", "target", "receiver", "to_email"},
       true,
       "the recipient(s), ';'-separated"},
      {"message_id",
       {"message_id", "message-id", "messageid", "msg_id", "id"},
       false,
       "the message id"},
      {"thread_id",
       {"thread_id", "thread-id", "thread", "conversation_id", "conversation"},
       false,
       "the thread id"},
      {"in_reply_to",
       {"in_reply_to", "in-reply-to", "reply_to", "parent_id", "parent"},
       false,
       "the id of the message replied to"},
      {"tool", {"tool", "medium", "app", "channel"}, false, "the tool (default email)"},
  };
  return specs;
}

struct Message {
  model::EventId event;
  model::PersonId sender;
  model::MicrosUtc time = 0;
  model::ObjectId thread;
  std::uint64_t line = 0;
  std::vector<model::PersonId> recipients;
};

class MessageCsvRun {
 public:
  explicit MessageCsvRun(ImportContext& ctx) : m_ctx(ctx), m_people(ctx.sink) {}
  void run();

 private:
  void importRow(const CsvRow& row);
  Message& newMessage(const CsvRow& row, const std::string& key, model::PersonId sender,
                      model::MicrosUtc time);
  model::ObjectId threadOf(const CsvRow& row, const std::string& key);
  void addRecipients(Message& message, std::string_view list, std::uint64_t line);
  std::string_view cell(const CsvRow& row, std::optional<std::size_t> column) const {
    return column ? trimField(row.fields[*column]) : std::string_view();
  }
  std::string utf8(std::string_view text, std::uint64_t line) {
    return std::string(utf8Field(text, m_scratch, m_ctx.diagnostics, line, m_badText));
  }
  model::PersonId person(const std::string& text) {
    return m_people.resolve(csvPersonKind(text), text);
  }
  void skipRow(std::uint64_t line, std::string why) {
    m_ctx.diagnostics.warning(line, std::move(why) + "; row skipped");
    ++m_ctx.skippedRows;
  }

  ImportContext& m_ctx;
  model::IdentityResolver m_people;
  TimestampParser m_time;
  struct Columns {
    std::optional<std::size_t> time, sender, recipient, messageId, threadId, inReplyTo, tool;
  } m_col;
  std::vector<std::string> m_header;
  std::unordered_map<std::string, Message> m_messages;  // message key → what was written
  std::string m_scratch;
  std::uint64_t m_badText = 0;
};

model::ObjectId MessageCsvRun::threadOf(const CsvRow& row, const std::string& key) {
  const auto line = row.line;
  std::string threadKey = utf8(cell(row, m_col.threadId), line);
  if (threadKey.empty()) {
    const std::string parent = utf8(cell(row, m_col.inReplyTo), line);
    if (auto it = m_messages.find(parent); !parent.empty() && it != m_messages.end())
      return it->second.thread;
    threadKey = parent.empty() ? key : parent;
  }
  return m_ctx.sink.object(model::typeId(BuiltinType::Thread), threadKey);
}

Message& MessageCsvRun::newMessage(const CsvRow& row, const std::string& key,
                                   model::PersonId sender, model::MicrosUtc time) {
  auto& sink = m_ctx.sink;
  Message& m = m_messages[key];
  m.sender = sender;
  m.time = time;
  m.line = row.line;
  m.thread = threadOf(row, key);
  const auto messageType = model::typeId(BuiltinType::Message);
  const auto message = sink.object(messageType, key);
  model::EventRecord e;
  e.time = time;
  e.activity = sink.intern("sent");
  e.actor = sender;
  e.item = m.thread;
  const auto tool = cell(row, m_col.tool);
  e.tool = sink.intern(tool.empty() ? std::string("email") : utf8(tool, row.line));
  m.event = sink.addEvent(e);
  sink.addEventLink(m.event, {message, sink.intern("sent")});
  sink.addRelation({message, m.thread, sink.intern("in"), {}, {}});
  const std::string parent = utf8(cell(row, m_col.inReplyTo), row.line);
  if (!parent.empty())
    sink.addRelation({message, sink.object(messageType, parent), sink.intern("reply-to"), {}, {}});
  return m;
}

void MessageCsvRun::addRecipients(Message& message, std::string_view list, std::uint64_t line) {
  const auto to = m_ctx.sink.intern("to");
  while (!list.empty()) {
    const auto semicolon = std::min(list.find(';'), list.size());
    const std::string name = utf8(trimField(list.substr(0, semicolon)), line);
    list.remove_prefix(std::min(semicolon + 1, list.size()));
    if (name.empty()) continue;
    const auto p = person(name);
    if (!p || std::find(message.recipients.begin(), message.recipients.end(), p) !=
                  message.recipients.end())
      continue;  // a recipient repeated on another row of the same message
    message.recipients.push_back(p);
    m_ctx.sink.addEventLink(message.event, {p.object(), to});
  }
}

void MessageCsvRun::importRow(const CsvRow& row) {
  const auto line = row.line;
  if (row.fields.size() != m_header.size())
    return skipRow(line, "expected " + std::to_string(m_header.size()) + " fields, found " +
                             std::to_string(row.fields.size()));
  const auto timeText = cell(row, m_col.time);
  const std::string senderText = utf8(cell(row, m_col.sender), line);
  if (timeText.empty() || senderText.empty())
    return skipRow(line, timeText.empty() ? "empty time" : "empty sender");
  const auto time = m_time.parse(timeText);
  if (!time)
    return skipRow(line, "cannot read the time '" + std::string(timeText) + "' in column '" +
                             m_header[*m_col.time] + "'");
  const auto sender = person(senderText);
  std::string key = utf8(cell(row, m_col.messageId), line);
  // A generated key names the sender: by pseudonym when the import pseudonymises.
  if (key.empty()) key = m_ctx.identity(senderText) + "/" + std::to_string(*time);
  auto it = m_messages.find(key);
  if (it != m_messages.end() && (it->second.sender != sender || it->second.time != *time))
    return skipRow(line, "message '" + key + "' was first seen on line " +
                             std::to_string(it->second.line) + " with another sender or time");
  Message& message = it != m_messages.end() ? it->second : newMessage(row, key, sender, *time);
  addRecipients(message, cell(row, m_col.recipient), line);
}

void MessageCsvRun::run() {
  auto reader = openCsv(m_ctx.path, m_header);
  auto c = resolveColumns(m_header, messageFields(), m_ctx.options.mapping, m_ctx.diagnostics);
  m_col = {c["time"],      c["sender"],      c["recipient"], c["message_id"],
           c["thread_id"], c["in_reply_to"], c["tool"]};
  configureTimestamps(m_time, m_ctx.options);
  readCsvRows(*reader, m_ctx, [this](const CsvRow& row) { importRow(row); });
}

class MessageCsvImporter final : public Importer {
 public:
  std::string_view name() const override { return "message-csv"; }
  std::string_view description() const override {
    return "messages as CSV edges: time, sender, recipient[, message_id, thread_id, in_reply_to]";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    return sniffCsvHeader(path, head, messageFields(), 55);
  }
  void run(ImportContext& ctx) const override { MessageCsvRun(ctx).run(); }
  std::vector<std::string> mappingFields() const override { return fieldNames(messageFields()); }
};

}  // namespace

std::unique_ptr<Importer> makeMessageCsvImporter() {
  return std::make_unique<MessageCsvImporter>();
}

}  // namespace orglens::importers
