// Slack workspace export (a folder: users.json, channels.json, one folder per channel with one
// JSON file per day) → people, channels and threads, messages and their events.
//
// Mapping (docs: README "Slack export"):
//  - users.json: each human user is a registered person (alias chat id, plus e-mail when the
//    profile has one; attributes timezone, chat_deleted, chat_admin, registered). Bots
//    (is_bot, USLACKBOT) are not people.
//  - a channel is a `thread` object (key = channel id, kind=channel); its members are related
//    person → channel with the qualifier `member-of-channel`, kept apart from team
//    membership (`member-of`) so that channels never count as formal teams.
//  - a Slack thread is a `thread` object (key = channel id/thread_ts, kind=thread,
//    `part-of` its channel).
//  - a human message is a `message` object (key = channel id/ts; never its text) and one
//    event by its author: `posted`, or `replied` inside a thread; tool chat; item = the Slack
//    thread for thread parents and replies, else the channel; links message `sent`, files
//    (`document`) `shared`. Relations: message `in` channel (and `in` its thread), a reply
//    `reply-to` its thread parent.
//  - reactions: a `reacted` event per reacting user at the message's time, since exports
//    carry no reaction time.
//  - bot messages and system subtypes (joins, topic changes, ...) are skipped and counted in
//    an info diagnostic. Day files are small JSON documents, each read whole (simdjson
//    needs the complete document), on a worker thread a few files ahead of the writes
//    (slack_pipeline.h).
#include <algorithm>
#include <fstream>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "importers/folder_files.h"
#include "importers/registry.h"
#include "importers/slack_parser.h"
#include "importers/slack_pipeline.h"
#include "model/identity.h"

namespace orglens::importers {
namespace {

namespace fs = std::filesystem;
using model::AliasKind;
using model::BuiltinType;

/// Subtypes written by a person (the rest are system events: joins, topic changes, ...).
bool isHumanSubtype(std::string_view subtype) {
  return subtype.empty() || subtype == "thread_broadcast" || subtype == "file_share" ||
         subtype == "me_message" || subtype == "file_comment";
}

constexpr std::size_t kThreadCache = 1 << 16;  // recent threads kept in memory

struct Channel {
  std::string id, name;
  model::ObjectId object;
};

class SlackRun final : private SlackDayHandler {
 public:
  explicit SlackRun(ImportContext& ctx) : m_ctx(ctx), m_sink(ctx.sink), m_people(ctx.sink) {}
  void run();

 private:
  // The day files, read and parsed on a worker thread (slack_pipeline.h), handled here.
  bool onDayStart(std::size_t day) override;
  void onUnreadable(std::size_t day) override;
  void onMessage(std::size_t day, const SlackMessage& message) override;
  void onParseError(std::size_t day, const std::string& error) override;
  void onDayEnd(std::size_t day) override;

  std::string readRequired(const char* name);
  void readUsers();
  void readChannels(const char* file, std::string_view kind);
  /// "general/2016-01-02.json", for diagnostics.
  std::string where(std::size_t day) const;
  void importMessage(const SlackMessage& m, std::size_t day);
  void addReactions(const SlackMessage& m, const model::EventRecord& posted,
                    model::ObjectId message, std::size_t day);
  model::ObjectId threadOf(const Channel& channel, std::string_view threadTs);
  /// The person behind a user id; invalid for bots. Unknown ids are warned about once.
  model::PersonId personOf(std::string_view userId, std::string_view where);
  /// The same for a user id in day file `day` (named only when it is unknown).
  model::PersonId personOf(std::string_view userId, std::size_t day) {
    if (auto it = m_users.find(userId); it != m_users.end()) return it->second;
    return personOf(userId, std::string_view(where(day)));
  }
  void skip(std::string reason) { ++m_notPeople[std::move(reason)]; }
  void summarise();
  model::StringId s(std::string_view text) { return m_sink.intern(text); }

  ImportContext& m_ctx;
  model::ModelSink& m_sink;
  model::IdentityResolver m_people;
  // Looked up by the message's view of a user id, without copying it (every message does).
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>()(s);
    }
  };
  std::unordered_map<std::string, model::PersonId, ViewHash, std::equal_to<>> m_users;
  std::unordered_set<std::string, ViewHash, std::equal_to<>> m_bots, m_unknown;
  std::unordered_map<std::string, model::ObjectId> m_threads;
  std::vector<Channel> m_channels;
  std::map<std::string, std::uint64_t> m_notPeople;  // skipped message kind → count
  std::uint64_t m_human = 0;
  // The day files, channel by channel and by name within a channel; folder k is channel k's.
  SlackDayFiles m_days;
  bool m_stopped = false;           // cancelled before the last day file
  std::string m_key, m_messageKey;  // reused buffers for object keys
  // The texts every message uses, interned once (hashing them per message showed in profiles).
  struct Words {
    model::StringId chat, posted, replied, commented, sent, in, replyTo, reacted, reaction;
  } m_words;
};

std::string SlackRun::readRequired(const char* name) {
  std::string text;
  if (!readWholeFile(m_ctx.path / name, text))
    throw ImportError("'" + m_ctx.path.string() + "' has no readable " + name +
                      "; a Slack export is a folder with users.json, channels.json and one "
                      "folder per channel (unzip the export and import its folder)");
  return text;
}

void SlackRun::readUsers() {
  std::string error;
  const auto users = parseSlackUsers(readRequired("users.json"), error);
  if (!error.empty())
    throw ImportError(m_ctx.diagnostics.file() + "/users.json: " + error +
                      "; nothing is imported from this export");
  for (const auto& u : users) {
    if (u.isBot || u.id == "USLACKBOT") {
      m_bots.insert(u.id);  // their messages are skipped as bot messages
      continue;
    }
    const std::string_view display = u.realName.empty() ? u.name : u.realName;
    const std::string email = model::normaliseEmail(u.email);
    const model::PersonId person = email.empty()
                                       ? m_people.resolve(AliasKind::ChatId, u.id, display)
                                       : m_people.resolve(AliasKind::Email, email, display);
    if (!person) continue;
    if (!email.empty())
      m_sink.addAlias(AliasKind::ChatId, model::normaliseAlias(AliasKind::ChatId, u.id), person);
    m_users.emplace(u.id, person);
    const auto object = person.object();
    if (!u.timezone.empty()) m_sink.setObjectAttribute(object, s("timezone"), u.timezone);
    m_sink.setObjectAttribute(object, s("chat_deleted"), u.deleted);
    m_sink.setObjectAttribute(object, s("chat_admin"), u.isAdmin);
    if (u.created)
      m_sink.setObjectAttribute(object, s("registered"), model::TimeValue{*u.created * 1'000'000});
  }
  if (!m_bots.empty())
    m_ctx.diagnostics.info(
        0, std::to_string(m_bots.size()) + " bot users in users.json are not people; not imported");
}

void SlackRun::readChannels(const char* file, std::string_view kind) {
  std::string text, error;
  if (!readWholeFile(m_ctx.path / file, text)) {
    if (kind == "channel") readRequired(file);  // throws: channels.json is required
    return;  // groups.json (private channels) only exists in some exports
  }
  const auto channels = parseSlackChannels(text, error);
  if (!error.empty())
    throw ImportError(m_ctx.diagnostics.file() + "/" + file + ": " + error +
                      "; nothing is imported from this export");
  const auto threadType = model::typeId(BuiltinType::Thread);
  for (const auto& c : channels) {
    const auto object = m_sink.object(threadType, c.id, c.name.empty() ? c.id : "#" + c.name);
    m_sink.setObjectAttribute(object, s("kind"), std::string(kind));
    m_sink.setObjectAttribute(object, s("tool"), std::string("chat"));
    m_sink.setObjectAttribute(object, s("archived"), c.archived);
    if (c.created)
      m_sink.setObjectAttribute(object, s("created"), model::TimeValue{*c.created * 1'000'000});
    const std::string where = std::string(file) + " (#" + c.name + ")";
    for (const auto& member : c.members)
      if (const auto person = personOf(member, where))
        m_sink.addRelation({person.object(), object, s("member-of-channel"), {}, {}});
    const auto channel = static_cast<std::uint32_t>(m_channels.size());
    m_channels.push_back({c.id, c.name, object});
    const fs::path folder = m_ctx.path / c.name;
    m_days.folders.push_back(folder.native());
    if (c.name.empty()) continue;
    // Sorted by name; none when the folder is missing (a channel without posts).
    for (auto& name : filesIn(folder, ".json")) m_days.add(channel, std::move(name));
  }
}

std::string SlackRun::where(std::size_t day) const {
  return m_channels[m_days.folderOf[day]].name + '/' + m_days.names[day];
}

model::PersonId SlackRun::personOf(std::string_view userId, std::string_view where) {
  if (auto it = m_users.find(userId); it != m_users.end()) return it->second;
  if (m_bots.count(userId) || userId == "USLACKBOT") return {};
  m_key.assign(userId);
  if (m_unknown.insert(m_key).second)
    m_ctx.diagnostics.warning(0, std::string(where) + ": user id '" + m_ctx.identity(m_key) +
                                     "' is not in users.json; imported as an unregistered person");
  const auto person = m_people.resolve(AliasKind::ChatId, userId);
  m_users.emplace(m_key, person);
  return person;
}

model::ObjectId SlackRun::threadOf(const Channel& channel, std::string_view threadTs) {
  m_key = channel.id + "/";
  m_key.append(threadTs);
  // Bounded, so memory does not grow with the export: a thread forgotten here, or made by an
  // earlier import, is found again through the sink and not set up (nor counted) again.
  if (m_threads.size() >= kThreadCache) m_threads.clear();
  auto [it, inserted] = m_threads.try_emplace(m_key);
  if (!inserted) return it->second;
  const auto threadType = model::typeId(BuiltinType::Thread);
  if (const auto known = m_sink.findObject(threadType, m_key)) return it->second = *known;
  it->second = m_sink.object(threadType, m_key);
  m_sink.setObjectAttribute(it->second, s("kind"), std::string("thread"));
  m_sink.addRelation({it->second, channel.object, s("part-of"), {}, {}});
  return it->second;
}

bool SlackRun::onDayStart(std::size_t) {
  m_stopped = m_ctx.progress.cancelled();
  return !m_stopped;
}

void SlackRun::onUnreadable(std::size_t day) {
  m_ctx.diagnostics.warning(0, where(day) + ": cannot read the file; skipped");
  ++m_ctx.skippedRows;
}

void SlackRun::onMessage(std::size_t day, const SlackMessage& message) {
  importMessage(message, day);
}

void SlackRun::onParseError(std::size_t day, const std::string& error) {
  m_ctx.diagnostics.warning(0, where(day) + ": " + error + "; the file is skipped");
  ++m_ctx.skippedRows;
}

void SlackRun::onDayEnd(std::size_t day) {
  // By files, not bytes: a stat per day file while listing cost more than the progress is
  // worth (an export has tens of thousands of small day files).
  m_ctx.progress.report(double(day + 1) / double(m_days.size()), "reading messages");
}

void SlackRun::importMessage(const SlackMessage& m, std::size_t day) {
  if (!m.isObject || m.type != "message") {
    skip(m.isObject ? "type '" + std::string(m.type) + "'" : "not an object");
    return;
  }
  if (!isHumanSubtype(m.subtype)) return skip(std::string(m.subtype));  // bot_message too
  const bool comment = m.subtype == "file_comment";
  const std::string_view userId = comment ? m.commentUser : m.user;
  // Newer exports give bot posts a bot user id and a bot_id; older ones a null bot_id.
  if (!m.botId.empty() || m_bots.count(userId) || userId == "USLACKBOT") return skip("bot_message");
  const auto time = parseSlackTs(m.ts);
  if (userId.empty() || !time) {
    const std::string why = userId.empty() ? "no user" : "bad ts '" + std::string(m.ts) + "'";
    m_ctx.diagnostics.warning(0, where(day) + ", message " + std::to_string(m.index + 1) + ": " +
                                     why + "; message skipped");
    ++m_ctx.skippedRows;
    return;
  }
  const auto actor = personOf(userId, day);
  ++m_human;
  const Channel& channel = m_channels[m_days.folderOf[day]];
  const bool inThread = !m.threadTs.empty();
  const bool reply = inThread && m.threadTs != m.ts;
  model::EventRecord e;
  e.time = *time;
  e.actor = actor;
  e.activity = comment ? m_words.commented : reply ? m_words.replied : m_words.posted;
  e.item = inThread ? threadOf(channel, m.threadTs) : channel.object;
  e.tool = m_words.chat;
  const auto messageType = model::typeId(BuiltinType::Message);
  m_messageKey.assign(channel.id).append(1, '/').append(m.ts);
  const auto message = m_sink.object(messageType, m_messageKey);
  const auto id = m_sink.addEvent(e);
  m_sink.addEventLink(id, {message, m_words.sent});
  for (const auto& f : m.files)
    m_sink.addEventLink(id, {m_sink.object(model::typeId(BuiltinType::Document), f.id, f.name),
                             s(comment ? "commented-on" : "shared")});
  m_sink.addRelation({message, channel.object, m_words.in, {}, {}});
  if (inThread) m_sink.addRelation({message, e.item, m_words.in, {}, {}});
  if (reply) {
    m_messageKey.assign(channel.id).append(1, '/').append(m.threadTs);
    const auto parent = m_sink.object(messageType, m_messageKey);
    m_sink.addRelation({message, parent, m_words.replyTo, {}, {}});
  }
  addReactions(m, e, message, day);
}

void SlackRun::addReactions(const SlackMessage& m, const model::EventRecord& posted,
                            model::ObjectId message, std::size_t day) {
  for (const auto& r : m.reactions)
    for (auto user : r.users) {
      model::EventRecord e = posted;  // same time (the export has none), item and tool
      e.actor = personOf(user, day);
      if (!e.actor) continue;  // a bot's reaction
      e.activity = m_words.reacted;
      const auto id = m_sink.addEvent(e);
      m_sink.addEventLink(id, {message, m_words.reacted});
      if (!r.name.empty()) m_sink.setEventAttribute(id, m_words.reaction, std::string(r.name));
    }
}

void SlackRun::summarise() {
  std::uint64_t total = 0;
  std::string kinds;
  for (const auto& [kind, n] : m_notPeople) {
    total += n;
    kinds += (kinds.empty() ? "" : ", ") + kind + " " + std::to_string(n);
  }
  std::string text = std::to_string(m_human) + " messages by people imported";
  if (total)
    text += "; " + std::to_string(total) +
            " bot and system messages are not people's activity and were skipped (" + kinds + ")";
  m_ctx.diagnostics.info(0, text);
}

void SlackRun::run() {
  std::error_code ec;
  if (!fs::is_directory(m_ctx.path, ec))
    throw ImportError("'" + m_ctx.path.string() +
                      "' is not a folder; a Slack export is a folder with users.json, "
                      "channels.json and one folder per channel (unzip the export first)");
  m_words = {s("chat"), s("posted"),   s("replied"), s("commented"), s("sent"),
             s("in"),   s("reply-to"), s("reacted"), s("reaction")};
  readUsers();
  readChannels("channels.json", "channel");
  readChannels("groups.json", "private-channel");
  readSlackDaysPipelined(m_days, *this);
  if (!m_stopped) summarise();
}

class SlackImporter final : public Importer {
 public:
  std::string_view name() const override { return "slack"; }
  std::string_view description() const override {
    return "Slack workspace export folder (users.json, channels.json, a folder per channel)";
  }
  int sniff(const fs::path& path, std::string_view) const override {
    std::error_code ec;
    return fs::is_directory(path, ec) && fs::is_regular_file(path / "users.json", ec) &&
                   fs::is_regular_file(path / "channels.json", ec)
               ? 95
               : 0;
  }
  void run(ImportContext& ctx) const override { SlackRun(ctx).run(); }
};

}  // namespace

std::unique_ptr<Importer> makeSlackImporter() {
  return std::make_unique<SlackImporter>();
}

}  // namespace orglens::importers
