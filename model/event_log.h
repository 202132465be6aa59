// EventLog: the analyses' input. Columns loaded from the store in one pass, events grouped by
// work item and sorted by time within an item (stable on ties: by event id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/ids.h"
#include "model/types.h"

namespace orglens::model {

class Store;

/// The fewest rows (event ids, event_objects rows) worth a reader thread of their own: a big
/// store is loaded by several threads, each over its own read-only connection (docs/store.md).
inline constexpr std::int64_t kRowsPerReaderThread = std::int64_t{1} << 16;

struct EventLogOptions {
  /// Only events whose work item has this object type (e.g. "task"); empty = every item.
  std::string itemType;
  /// Time window [from, to) in MicrosUtc; unset = open.
  std::optional<MicrosUtc> from;
  std::optional<MicrosUtc> to;
  /// Keep events that have no work item (they form no sequence; adoption uses them).
  bool includeItemless = false;
  /// Reader threads (0: one per core). A big store's events are read in ranges of ids, each
  /// by a thread over its own read-only connection, and the lookups by another; the log is
  /// the same for any number. One thread reads while an import or a transaction is open.
  unsigned threads = 0;
  /// Fewer event ids than this a thread: fewer threads (a store under it: one).
  std::int64_t eventsPerThread = kRowsPerReaderThread;
};

struct EventLog {
  // One entry per event, in (item, time, event id) order. Ids are model indexes
  // (ObjectId/StringId values); kNone marks a missing actor, tool or item.
  static constexpr std::uint32_t kNone = Id<void>::kInvalid;
  std::vector<MicrosUtc> time;
  std::vector<std::uint32_t> activity;  // StringId values
  std::vector<std::uint32_t> actor;     // person ObjectId values or kNone
  std::vector<std::uint32_t> tool;      // StringId values or kNone
  std::vector<Lifecycle> lifecycle;
  std::vector<Platform> platform;
  std::vector<std::uint32_t> eventId;  // EventId values
  /// The XES `concept:instance` of each event as a dense local id (kNone when absent); used
  /// to pair start and complete events of one activity instance.
  std::vector<std::uint32_t> instance;

  // Work items: item i owns events [itemBegin[i], itemBegin[i + 1]).
  std::vector<std::uint32_t> item;       // ObjectId value of each item (kNone for itemless)
  std::vector<std::uint32_t> itemBegin;  // size items + 1

  // Lookups.
  std::vector<std::string> strings;       // text of every StringId, by value
  std::vector<std::uint32_t> objectType;  // TypeId value of every object
  std::vector<std::uint32_t> objectKey;   // StringId value of every object's key
  std::vector<std::uint32_t> objectName;  // StringId value or kNone
  std::vector<std::uint32_t> teamOf;      // per object: its team ObjectId (people only) or kNone

  /// Every column and lookup equal (loads of one store by different thread counts must be).
  friend bool operator==(const EventLog&, const EventLog&) = default;

  std::size_t eventCount() const { return time.size(); }
  std::size_t itemCount() const { return item.size(); }
  /// Display label of an object: its name, else its key.
  const std::string& label(std::uint32_t object) const;
  /// A string (an activity, a tool) for display: "-" for kNone or an id past the strings.
  const std::string& text(std::uint32_t string) const;

  /// Loads the log from a store in one pass over the events table (in parallel ranges for a
  /// big store), then orders it in memory (counting sort by item, stable sort by time within
  /// items). O(events + objects) plus the in-item sorts, which are O(k) for items whose events
  /// arrived in time order.
  static EventLog load(const Store& store, const EventLogOptions& options = {});
  /// Only the lookups (strings, objects, teams), no events: for other loaders.
  static EventLog loadLookups(const Store& store);
};

}  // namespace orglens::model
