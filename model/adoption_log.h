// AdoptionLog: the input of the adoption analysis. The actions people take in tools (usage-log
// rows, chat posts, replies and reactions, sent e-mail) with actor, time, tool, platform and
// activity, and the registered people with department, manager flag, time zone and
// registration date (definition "adoption/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/event_log.h"
#include "model/ids.h"
#include "model/types.h"

namespace orglens::model {

class Store;

struct AdoptionPerson {
  std::uint32_t object = Id<void>::kInvalid;  // person ObjectId value (kInvalid in hand-built logs)
  std::string key;                            // shown by id (privacy)
  std::string team;                           // team label, "" when none
  std::string department;                     // department, else the team, else ""
  bool isManager = false;
  std::string timezone;                 // IANA name, "" = UTC
  std::optional<MicrosUtc> registered;  // start_date, else chat join date; unset = first action
  bool inRoster = false, chatUser = false, usageUser = false;
};

struct AdoptionLoadOptions {
  std::optional<MicrosUtc> from, to;  // [from, to)
  /// The store's lookups (strings, objects, teams) when the caller already holds them, e.g. an
  /// EventLog loaded from the same store; otherwise load() reads them.
  const EventLog* lookups = nullptr;
  /// Reader threads (0: one per core) and the fewest event ids a thread reads, as
  /// EventLogOptions: a big store's events are read in ranges, the lookups meanwhile.
  unsigned threads = 0;
  std::int64_t eventsPerThread = kRowsPerReaderThread;
};

struct AdoptionLog {
  static constexpr std::uint32_t kNone = Id<void>::kInvalid;
  // One entry per action of a registered person, ordered by (person, time, event id).
  std::vector<MicrosUtc> time;
  std::vector<std::uint32_t> person;    // index into people
  std::vector<std::uint32_t> tool;      // index into tools, or kNone
  std::vector<std::uint32_t> activity;  // index into activities, or kNone
  std::vector<Platform> platform;
  std::vector<std::string> tools, activities;
  std::vector<AdoptionPerson> people;     // registered people, by key
  std::uint64_t unregisteredActions = 0;  // actions by people who are not registered (left out)

  std::size_t size() const { return time.size(); }
  /// Appends an action (hand-built logs); call sortActions() after the last one.
  void add(MicrosUtc t, std::uint32_t who, const std::string& toolName, const std::string& action,
           Platform p = Platform::Unknown);
  void sortActions();

  /// Registered people: roster people (a person-id alias), chat users (a `chat_deleted`
  /// attribute that is false), usage-log users (actors of usage-csv rows). Actions: events
  /// from usage-csv, slack, mbox, maildir and message-csv sources whose actor is a person.
  /// One pass over the events table; O(events + objects + actions · log(actions per person)).
  static AdoptionLog load(const Store& store, const AdoptionLoadOptions& options = {});
};

}  // namespace orglens::model
