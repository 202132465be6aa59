// E-mail importers: "mbox" (mboxo, mboxrd, pipermail archives, .mbox.gz) and "maildir".
// Only headers are read; body lines are looked at one by one for a mobile signature and
// dropped, so no body text ever reaches the store. Mapping:
//  - a message → a `message` object keyed by its Message-ID (without <>); a message without
//    one gets "<file name>#<byte offset>" (stable for the same file) and a warning;
//  - one `sent` event: actor = the From address (else the From_ line's), time = Date, tool
//    "email", platform from a mobile signature in the body, else User-Agent/X-Mailer,
//    item = the thread; links: the message ("sent"), each To ("to") and Cc ("cc") person;
//  - relations: message `in` thread; message `reply-to` parent (last References id, else
//    In-Reply-To) wherever the parent is: earlier or later in this file, or in another file
//    imported before or after (ModelSink::addRelationTo; pipermail replies cross months);
//  - the thread is the parent's thread when the parent was seen in this import; otherwise
//    it is keyed by the root message id (first References id, else In-Reply-To), so that a
//    thread is the same whatever order the archives are imported in; a message without
//    either starts its own thread (keyed by its own id), or with --thread-by-subject joins
//    the latest thread with the same subject seen within 30 days;
//  - subjects (message attribute "subject", thread name) only with --keep-subjects.
// Messages with a missing or unreadable Date are skipped (warning at the first header line).
// A Message-ID seen before (in this import or the store) is imported once.
#include <unordered_map>

#include "importers/mail_headers.h"
#include "importers/mbox_reader.h"
#include "importers/registry.h"
#include "model/identity.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

using model::BuiltinType;

constexpr std::int64_t kSubjectWindow = 30LL * 24 * 3600 * 1'000'000;  // µs

/// The header fields of the message being read, until its end.
struct MessageFields {
  std::uint64_t line = 0, offset = 0;
  bool endsInHeaders = false;
  std::string envelope, messageId, date, subject, mailer;
  std::vector<std::string> references, inReplyTo;
  std::vector<MailAddress> from, to, cc;
  HeaderProblems problems;
  bool mobileSignature = false, scanDone = false;
};

struct KnownMessage {
  model::ObjectId message, thread;
};

struct SubjectThread {
  model::ObjectId thread;
  std::int64_t last = 0;
};

using model::startsWithNoCase;

class EmailRun final : public MailHandler {
 public:
  explicit EmailRun(ImportContext& ctx);
  void runMbox();
  void runMaildir();
  void onHeaders(const MailMessageStart& start) override;
  void onBodyLine(std::string_view line) override;
  void onMessageEnd() override;
  bool onProgress(std::uint64_t fileBytesRead) override;

 private:
  void readFields(std::string_view name, std::string_view value);
  void reportProblems();
  std::string messageKey();
  model::ObjectId threadFor(const std::string& key, const std::string& parent, std::int64_t time);
  void linkParent(model::ObjectId message, const std::string& parent);
  void addLinks(model::EventId event, const std::vector<MailAddress>& people,
                model::StringId qualifier);
  void importMessage();

  ImportContext& m_ctx;
  model::IdentityResolver m_people;
  MessageFields m_msg;
  bool m_inMessage = false;
  std::string m_fileLabel;  // file name used in generated keys
  std::string m_where;      // "cur/1.host: " before maildir diagnostics (mbox: the sink names it)
  std::uint64_t m_fileSize = 1, m_duplicates = 0;
  std::unordered_map<std::string, KnownMessage> m_known;  // message key → objects
  std::unordered_map<std::string, SubjectThread> m_subjects;
  std::unordered_map<std::string, model::Platform> m_mailers;
  model::StringId m_sent, m_to, m_cc, m_email, m_in, m_replyTo, m_subject;
};

EmailRun::EmailRun(ImportContext& ctx) : m_ctx(ctx), m_people(ctx.sink) {
  auto& s = ctx.sink;
  m_sent = s.intern("sent");
  m_to = s.intern("to");
  m_cc = s.intern("cc");
  m_email = s.intern("email");
  m_in = s.intern("in");
  m_replyTo = s.intern("reply-to");
  m_subject = s.intern("subject");
}

bool EmailRun::onProgress(std::uint64_t fileBytesRead) {
  if (m_ctx.progress.cancelled()) return false;
  m_ctx.progress.report(std::min(1.0, double(fileBytesRead) / double(m_fileSize)), "reading");
  return true;
}

void EmailRun::onHeaders(const MailMessageStart& start) {
  m_msg = MessageFields();
  m_inMessage = true;
  m_msg.line = start.line;
  m_msg.offset = start.offset;
  m_msg.endsInHeaders = start.endsInHeaders;
  m_msg.envelope = start.envelope;
  if (start.headersCapped)
    m_ctx.diagnostics.warning(start.line, "headers longer than 1 MiB; the rest is ignored");
  forEachHeaderField(start.headers,
                     [this](std::string_view n, std::string_view v) { readFields(n, v); });
}

void EmailRun::readFields(std::string_view name, std::string_view value) {
  auto is = [name](std::string_view n) {
    return name.size() == n.size() && startsWithNoCase(name, n);
  };
  if (is("from"))
    m_msg.from = parseAddressList(value, m_msg.problems);
  else if (is("to")) {
    auto list = parseAddressList(value, m_msg.problems);
    m_msg.to.insert(m_msg.to.end(), list.begin(), list.end());
  } else if (is("cc")) {
    auto list = parseAddressList(value, m_msg.problems);
    m_msg.cc.insert(m_msg.cc.end(), list.begin(), list.end());
  } else if (is("date"))
    m_msg.date = value;
  else if (is("message-id")) {
    auto ids = parseMessageIds(value);
    if (!ids.empty()) m_msg.messageId = ids.front();
  } else if (is("in-reply-to"))
    m_msg.inReplyTo = parseMessageIds(value);
  else if (is("references"))
    m_msg.references = parseMessageIds(value);
  else if (is("subject") && (m_ctx.options.keepSubjects || m_ctx.options.threadBySubject))
    m_msg.subject = value;
  else if ((is("user-agent") || is("x-mailer")) && m_msg.mailer.empty())
    m_msg.mailer = value;
}

void EmailRun::onBodyLine(std::string_view line) {
  if (m_msg.scanDone) return;
  const auto start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return;
  line.remove_prefix(start);
  // Signatures are short; long lines and quoted ones ("> Sent from ...") are not ours.
  if (line.size() > 64 || line[0] == '>') return;
  if (isMobileSignature(line)) {
    m_msg.mobileSignature = true;
    m_msg.scanDone = true;
  } else if (startsQuotedMessage(line)) {
    m_msg.scanDone = true;
  }
}

void EmailRun::onMessageEnd() {
  if (!m_inMessage) return;
  m_inMessage = false;
  importMessage();
  m_msg = MessageFields();  // nothing of the message outlives it
}

void EmailRun::reportProblems() {
  auto& d = m_ctx.diagnostics;
  const std::string& where = m_where;
  for (const auto& cs : m_msg.problems.unsupportedCharsets)
    d.warning(m_msg.line, where + "a name in charset '" + cs + "' is kept encoded (orglens " +
                              "decodes utf-8, iso-8859-1, windows-1252 and us-ascii)");
  if (m_msg.problems.badEncoding)
    d.warning(m_msg.line, where + "a header has a malformed encoded word or bytes that are " +
                              "not UTF-8 (read as windows-1252)");
}

std::string EmailRun::messageKey() {
  if (!m_msg.messageId.empty()) return m_msg.messageId;
  std::string key = m_fileLabel + "#" + std::to_string(m_msg.offset);
  m_ctx.diagnostics.warning(m_msg.line, "a message without Message-ID gets the key '" + key +
                                            "'; replies cannot refer to it");
  return key;
}

model::ObjectId EmailRun::threadFor(const std::string& key, const std::string& parent,
                                    std::int64_t time) {
  auto& sink = m_ctx.sink;
  if (auto it = m_known.find(parent); !parent.empty() && it != m_known.end())
    return it->second.thread;
  const std::string subject = m_ctx.options.threadBySubject && parent.empty()
                                  ? threadSubject(decodeHeaderText(m_msg.subject, m_msg.problems))
                                  : std::string();
  const std::string name =
      m_ctx.options.keepSubjects ? decodeHeaderText(m_msg.subject, m_msg.problems) : "";
  model::ObjectId thread;
  if (!subject.empty()) {
    auto [it, inserted] = m_subjects.try_emplace(subject);
    if (!inserted && time - it->second.last <= kSubjectWindow && time >= it->second.last)
      thread = it->second.thread;
  }
  if (!thread) {
    const std::string& root = !m_msg.references.empty() ? m_msg.references.front()
                              : !parent.empty()         ? parent
                                                        : key;
    thread = sink.object(model::typeId(BuiltinType::Thread), root, name);
  }
  if (!subject.empty()) m_subjects[subject] = {thread, time};
  return thread;
}

void EmailRun::linkParent(model::ObjectId message, const std::string& parent) {
  if (parent.empty()) return;
  if (auto it = m_known.find(parent); it != m_known.end())
    m_ctx.sink.addRelation({message, it->second.message, m_replyTo, {}, {}});
  else  // imported before, later in this file, or in a later file or import
    m_ctx.sink.addRelationTo(message, model::typeId(BuiltinType::Message), parent, m_replyTo);
}

void EmailRun::addLinks(model::EventId event, const std::vector<MailAddress>& people,
                        model::StringId qualifier) {
  for (const auto& a : people) {
    const auto person = m_people.resolve(model::AliasKind::Email, a.address, a.name);
    if (person) m_ctx.sink.addEventLink(event, {person.object(), qualifier});
  }
}

void EmailRun::importMessage() {
  auto& sink = m_ctx.sink;
  auto& d = m_ctx.diagnostics;
  const std::string& where = m_where;
  if (m_msg.endsInHeaders)
    d.warning(m_msg.line, where + "the file ends inside the headers of this message");
  const auto time = parseMailDate(m_msg.date);
  if (!time) {
    d.warning(m_msg.line, where +
                              (m_msg.date.empty() ? std::string("a message without Date")
                                                  : "cannot read the Date '" + m_msg.date + "'") +
                              "; message skipped");
    ++m_ctx.skippedRows;
    return;
  }
  const std::string key = messageKey();
  if (m_known.count(key) || sink.findObject(model::typeId(BuiltinType::Message), key)) {
    ++m_duplicates;  // the same message in two archives
    return;
  }
  const std::string parent = !m_msg.references.empty()  ? m_msg.references.back()
                             : !m_msg.inReplyTo.empty() ? m_msg.inReplyTo.front()
                                                        : std::string();
  const auto message = sink.object(model::typeId(BuiltinType::Message), key);
  const auto thread = threadFor(key, parent == key ? std::string() : parent, *time);
  m_known[key] = {message, thread};
  sink.addRelation({message, thread, m_in, {}, {}});
  linkParent(message, parent == key ? std::string() : parent);
  if (m_ctx.options.keepSubjects && !m_msg.subject.empty())
    sink.setObjectAttribute(message, m_subject, decodeHeaderText(m_msg.subject, m_msg.problems));
  model::EventRecord e;
  e.time = *time;
  e.activity = m_sent;
  e.item = thread;
  e.tool = m_email;
  const MailAddress sender =
      !m_msg.from.empty() ? m_msg.from.front() : MailAddress{m_msg.envelope, std::string()};
  e.actor = m_people.resolve(model::AliasKind::Email, sender.address, sender.name);
  if (!e.actor) d.warning(m_msg.line, where + "no usable sender address; the event has no actor");
  if (m_msg.mobileSignature)
    e.platform = model::Platform::Mobile;
  else if (!m_msg.mailer.empty()) {
    auto [it, inserted] = m_mailers.try_emplace(m_msg.mailer, model::Platform::Unknown);
    if (inserted) it->second = model::parsePlatform(m_msg.mailer);
    e.platform = it->second;
  }
  const auto event = sink.addEvent(e);
  sink.addEventLink(event, {message, m_sent});
  addLinks(event, m_msg.to, m_to);
  addLinks(event, m_msg.cc, m_cc);
  reportProblems();
}

void EmailRun::runMbox() {
  std::error_code ec;
  m_fileSize = std::max<std::uint64_t>(1, std::filesystem::file_size(m_ctx.path, ec));
  m_fileLabel = m_ctx.path.filename().string();
  try {
    if (!readMailFile(m_ctx.path, MailSplit::Mbox, *this)) return;  // cancelled
  } catch (const MailReadError& e) {
    throw ImportError(std::string(e.what()) + "; nothing was imported");
  }
  if (m_duplicates)
    m_ctx.diagnostics.info(0, std::to_string(m_duplicates) +
                                  " messages were imported before (same Message-ID); kept once");
}

void EmailRun::runMaildir() {
  std::error_code ec;
  const bool folder = std::filesystem::is_directory(m_ctx.path, ec);
  const auto files =
      folder ? maildirMessages(m_ctx.path) : std::vector<std::filesystem::path>{m_ctx.path};
  m_fileSize = std::max<std::size_t>(1, files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (m_ctx.progress.cancelled()) return;
    if ((i & 255) == 0) m_ctx.progress.report(double(i) / double(m_fileSize), "reading");
    m_where = (folder ? files[i].lexically_relative(m_ctx.path).generic_string()
                      : files[i].filename().string()) +
              ": ";
    // Keys use the unique name without the flags (":2,S"), which change when mail is read.
    const std::string name = files[i].filename().string();
    m_fileLabel = name.substr(0, name.find(':'));
    try {
      readMailFile(files[i], MailSplit::Single, *this);
    } catch (const MailReadError& e) {
      m_ctx.diagnostics.warning(0, std::string(e.what()) + "; message skipped");
      ++m_ctx.skippedRows;
    }
  }
  if (m_duplicates)
    m_ctx.diagnostics.info(0, std::to_string(m_duplicates) +
                                  " messages were imported before (same Message-ID); kept once");
}

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

class MboxImporter final : public Importer {
 public:
  std::string_view name() const override { return "mbox"; }
  std::string_view description() const override {
    return "e-mail archives: mbox/mboxrd, pipermail monthly .txt, .mbox.gz (headers only)";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return 0;
    const std::string file = path.filename().string();
    if (endsWith(file, ".mbox") || endsWith(file, ".mbox.gz") || endsWith(file, ".mbx")) return 90;
    return isFromLine(head.substr(0, head.find('\n'))) ? 80 : 0;
  }
  void run(ImportContext& ctx) const override { EmailRun(ctx).runMbox(); }
};

class MaildirImporter final : public Importer {
 public:
  std::string_view name() const override { return "maildir"; }
  std::string_view description() const override {
    return "e-mail maildir folders (cur/ and new/, one message per file; headers only)";
  }
  int sniff(const std::filesystem::path& path, std::string_view) const override {
    return isMaildir(path) ? 95 : 0;
  }
  void run(ImportContext& ctx) const override { EmailRun(ctx).runMaildir(); }
};

}  // namespace

std::unique_ptr<Importer> makeMboxImporter() {
  return std::make_unique<MboxImporter>();
}

std::unique_ptr<Importer> makeMaildirImporter() {
  return std::make_unique<MaildirImporter>();
}

}  // namespace orglens::importers
