// MessageLog: the input of the responsiveness analysis. Messages (objects linked from their
// sending event with the qualifier "sent"), with author, time, thread and parent.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/event_log.h"

namespace orglens::model {

struct MessageLoadOptions {
  std::optional<MicrosUtc> from, to;  // [from, to)
  /// The store's lookups when the caller already holds them (an EventLog of the same store);
  /// otherwise load() reads them.
  const EventLog* lookups = nullptr;
  /// Reader threads (0: one per core; the log is the same for any) and the fewest rows of
  /// event_objects a thread reads, as EventLogOptions.
  unsigned threads = 0;
  std::int64_t rowsPerThread = kRowsPerReaderThread;
};

struct MessageLog {
  static constexpr std::uint32_t kNone = EventLog::kNone;
  // One entry per message, ordered by (thread, time, event id).
  std::vector<std::uint32_t> message;  // message ObjectId value
  std::vector<MicrosUtc> time;
  std::vector<std::uint32_t> author;  // person ObjectId value or kNone
  std::vector<std::uint32_t> thread;  // the sending event's item (thread/channel) or kNone
  std::vector<std::uint32_t> parent;  // index (into these vectors) of the reply-to parent, or kNone
  // Lookups shared with EventLog: labels, teams and people's IANA time zones.
  std::vector<std::string> strings;
  std::vector<std::uint32_t> objectType, objectKey, objectName, teamOf;
  std::vector<std::string> timezoneOf;  // per object: "" when unknown

  std::size_t size() const { return message.size(); }
  /// Loads every message sent in [options.from, options.to). O(messages log messages).
  static MessageLog load(const Store& store, const MessageLoadOptions& options = {});
};

}  // namespace orglens::model
