// InteractionLog: who wrote to whom. One row per (sent message, recipient): the sending
// event's actor and each person linked to that event with the qualifier "to" or "cc". The
// input of the message ties of the collaboration graph.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/event_log.h"

namespace orglens::model {

struct InteractionLog {
  static constexpr std::uint32_t kNone = EventLog::kNone;
  // One entry per (event, recipient), ordered by (event id, recipient); the sender is never a
  // recipient of its own row (self-addressed copies are dropped).
  std::vector<std::uint32_t> eventId;    // EventId value of the sending event
  std::vector<MicrosUtc> time;           // time of the sending event
  std::vector<std::uint32_t> sender;     // person ObjectId value
  std::vector<std::uint32_t> recipient;  // person ObjectId value
  /// Recipients (to + cc, sender excluded) of the row's message: the divisor of its weight.
  std::vector<std::uint32_t> recipientCount;

  std::size_t size() const { return eventId.size(); }
  /// Loads every addressed message sent in [from, to). O(r log r) for r recipient links.
  static InteractionLog load(const Store& store, std::optional<MicrosUtc> from = std::nullopt,
                             std::optional<MicrosUtc> to = std::nullopt);
};

}  // namespace orglens::model
