#include "importers/slack_pipeline.h"

#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "importers/folder_files.h"
#include "importers/hand_over.h"
#include "importers/importer.h"

namespace orglens::importers {
namespace {

/// A text of a recorded day: offset and size in RecordedDay::text.
struct Span {
  std::size_t offset = 0, size = 0;
};

struct RecordedMessage {
  std::size_t index = 0;
  bool isObject = true;
  Span type, subtype, user, botId, ts, threadTs, parentUserId, commentUser;
  std::size_t reactionsEnd = 0, filesEnd = 0;  // ends in RecordedDay::reactions / files
};

struct RecordedReaction {
  Span name;
  std::size_t usersEnd = 0;  // end in RecordedDay::users
};

struct RecordedFile {
  Span id, name;
};

/// One day file as the worker read it: its messages' fields copied into one text, so that a
/// day costs a handful of allocations (none once its buffers are recycled), not some per
/// message.
struct RecordedDay {
  std::size_t day = 0;
  bool readable = true;
  bool end = false;  // the worker is done; `failure` is its exception, if any
  std::exception_ptr failure;
  std::string error;  // SlackDayParser::parse's result
  std::string text;
  std::vector<RecordedMessage> messages;
  std::vector<RecordedReaction> reactions;
  std::vector<Span> users;
  std::vector<RecordedFile> files;

  void clear() {
    readable = true;
    end = false;
    failure = nullptr;
    error.clear();
    text.clear();
    messages.clear();
    reactions.clear();
    users.clear();
    files.clear();
  }
  Span keep(std::string_view s) {
    const Span span{text.size(), s.size()};
    text.append(s);
    return span;
  }
  std::string_view view(Span s) const { return std::string_view(text).substr(s.offset, s.size); }
  void record(const SlackMessage& m) {
    RecordedMessage r;
    r.index = m.index;
    r.isObject = m.isObject;
    r.type = keep(m.type);
    r.subtype = keep(m.subtype);
    r.user = keep(m.user);
    r.botId = keep(m.botId);
    r.ts = keep(m.ts);
    r.threadTs = keep(m.threadTs);
    r.parentUserId = keep(m.parentUserId);
    r.commentUser = keep(m.commentUser);
    for (const auto& reaction : m.reactions) {
      RecordedReaction rr;
      rr.name = keep(reaction.name);
      for (auto user : reaction.users) users.push_back(keep(user));
      rr.usersEnd = users.size();
      reactions.push_back(rr);
    }
    for (const auto& file : m.files) files.push_back({keep(file.id), keep(file.name)});
    r.reactionsEnd = reactions.size();
    r.filesEnd = files.size();
    messages.push_back(r);
  }
};

using DayPtr = std::unique_ptr<RecordedDay>;
// How far the reader may run ahead, in files. The reader, once the queue is full, resumes only
// when it has drained to half: day files are often small (a few messages), and waking the
// reader for every file cost two futex calls per file.
constexpr std::size_t kDaysAhead = 16;
constexpr std::size_t kResumeAt = kDaysAhead / 2;

/// The hand-over between the two threads (HandOver), with the used days coming back for
/// reuse.
class DayChannel : public HandOver<DayPtr> {
 public:
  DayChannel() : HandOver<DayPtr>(kDaysAhead, kResumeAt) {}
  void recycle(DayPtr day) {
    std::lock_guard lock(m_freeMutex);
    if (m_free.size() <= kDaysAhead + 1) m_free.push_back(std::move(day));
  }
  DayPtr fresh() {
    std::lock_guard lock(m_freeMutex);
    if (m_free.empty()) return std::make_unique<RecordedDay>();
    DayPtr day = std::move(m_free.back());
    m_free.pop_back();
    day->clear();
    return day;
  }

 private:
  std::mutex m_freeMutex;
  std::vector<DayPtr> m_free;
};

/// The worker: every file read and parsed into a RecordedDay, in order, then the end.
void readAhead(const SlackDayFiles& files, DayChannel& channel) {
  DayPtr end = std::make_unique<RecordedDay>();
  end->end = true;
  try {
    SlackDayParser parser;
    FolderFiles folder;  // day files come folder by folder: opened by name
    std::string json;
    for (std::size_t i = 0; i < files.size(); ++i) {
      DayPtr day = channel.fresh();
      day->day = i;
      day->readable = folder.readWhole(files.path(i), json);
      if (day->readable)
        day->error = parser.parse(json, [&day](const SlackMessage& m) { day->record(m); });
      if (!channel.push(std::move(day))) return;
    }
  } catch (...) {
    end->failure = std::current_exception();
  }
  channel.push(std::move(end));
}

/// The handler calls for one recorded day, as readSlackDays makes them after onDayStart.
void replay(const RecordedDay& d, SlackDayHandler& handler, SlackMessage& m) {
  if (d.readable) {
    std::size_t reaction = 0, user = 0, file = 0;
    for (const auto& r : d.messages) {
      m.index = r.index;
      m.isObject = r.isObject;
      m.type = d.view(r.type);
      m.subtype = d.view(r.subtype);
      m.user = d.view(r.user);
      m.botId = d.view(r.botId);
      m.ts = d.view(r.ts);
      m.threadTs = d.view(r.threadTs);
      m.parentUserId = d.view(r.parentUserId);
      m.commentUser = d.view(r.commentUser);
      m.reactions.resize(r.reactionsEnd - reaction);  // elements keep their users' capacity
      for (auto& out : m.reactions) {
        const RecordedReaction& rr = d.reactions[reaction++];
        out.name = d.view(rr.name);
        out.users.clear();
        for (; user < rr.usersEnd; ++user) out.users.push_back(d.view(d.users[user]));
      }
      m.files.clear();
      for (; file < r.filesEnd; ++file)
        m.files.push_back({d.view(d.files[file].id), d.view(d.files[file].name)});
      handler.onMessage(d.day, m);
    }
    if (!d.error.empty()) handler.onParseError(d.day, d.error);
  } else {
    handler.onUnreadable(d.day);
  }
  handler.onDayEnd(d.day);
}

}  // namespace

void readSlackDays(const SlackDayFiles& files, SlackDayHandler& handler) {
  SlackDayParser parser;
  FolderFiles folder;
  std::string json;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!handler.onDayStart(i)) return;
    if (!folder.readWhole(files.path(i), json)) {
      handler.onUnreadable(i);
    } else {
      const std::string error =
          parser.parse(json, [&](const SlackMessage& m) { handler.onMessage(i, m); });
      if (!error.empty()) handler.onParseError(i, error);
    }
    handler.onDayEnd(i);
  }
}

void readSlackDaysPipelined(const SlackDayFiles& files, SlackDayHandler& handler) {
  if (files.size() == 0) return;
  DayChannel channel;
  std::thread worker([&files, &channel] { readAhead(files, channel); });
  const StopAndJoin<DayPtr> join{channel, worker};
  SlackMessage message;  // reused: its vectors keep their capacity
  for (;;) {
    DayPtr day = channel.pop();
    if (day->end) {
      if (day->failure) std::rethrow_exception(day->failure);
      return;
    }
    if (!handler.onDayStart(day->day)) return;
    replay(*day, handler, message);
    channel.recycle(std::move(day));
  }
}

}  // namespace orglens::importers
