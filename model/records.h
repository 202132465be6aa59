// Plain records of the object-centric model, shared by the in-memory Model, the store and
// the importers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/ids.h"
#include "model/types.h"

namespace orglens::model {

struct ObjectRecord {
  TypeId type;
  StringId key;   // external id, unique within the type ("p0001", "case 17", "a@b.org")
  StringId name;  // display name; invalid when the source gives none
  friend bool operator==(const ObjectRecord&, const ObjectRecord&) = default;
};

/// An extra qualified link of an event to an object (beyond its main work item).
struct EventLink {
  ObjectId object;
  StringId qualifier;  // "to", "cc", "edited", "sent", ... (OCEL 2.0 qualifier)
  friend bool operator==(const EventLink&, const EventLink&) = default;
};

struct EventRecord {
  MicrosUtc time = 0;
  StringId activity;
  PersonId actor;  // invalid when the source names nobody
  ObjectId item;   // the main work item (task, thread, document); invalid when none
  Lifecycle lifecycle = Lifecycle::Complete;
  StringId tool;  // "process", "email", "chat", ... or a usage log's tool name; may be invalid
  Platform platform = Platform::Unknown;
  SourceId source;
  friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

/// Object-to-object relation (person member-of team, person reports-to person, message
/// reply-to message, ...), optionally valid in [validFrom, validTo).
struct Relation {
  ObjectId from;
  ObjectId to;
  StringId qualifier;
  std::optional<MicrosUtc> validFrom;
  std::optional<MicrosUtc> validTo;
  friend bool operator==(const Relation&, const Relation&) = default;
};

struct EventAttribute {
  EventId event;
  StringId key;
  Value value;
  friend bool operator==(const EventAttribute&, const EventAttribute&) = default;
};

/// An object attribute; `time` set when the value changed at that time (OCEL 2.0 object
/// attribute history), unset for a timeless value.
struct ObjectAttribute {
  ObjectId object;
  StringId key;
  Value value;
  std::optional<MicrosUtc> time;
  friend bool operator==(const ObjectAttribute&, const ObjectAttribute&) = default;
};

struct AliasRecord {
  AliasKind kind = AliasKind::Name;
  std::string value;  // normalised
  PersonId person;
  friend bool operator==(const AliasRecord&, const AliasRecord&) = default;
};

/// What one import added; stored with its source.
struct ImportCounts {
  std::uint64_t events = 0;
  std::uint64_t objects = 0;
  std::uint64_t people = 0;
  std::uint64_t relations = 0;
  std::uint64_t attributes = 0;
  std::uint64_t aliases = 0;
  std::uint64_t skippedRows = 0;
  std::uint64_t warnings = 0;
  std::uint64_t errors = 0;
  friend bool operator==(const ImportCounts&, const ImportCounts&) = default;
};

struct SourceRecord {
  std::string path;
  std::string format;
  std::string sha256;   // hex of the input bytes
  std::string options;  // canonical text of the options that change the result
  MicrosUtc importedAt = 0;
  ImportCounts counts;
  friend bool operator==(const SourceRecord&, const SourceRecord&) = default;
};

struct Diagnostic {
  Severity severity = Severity::Warning;
  std::string file;
  std::uint64_t line = 0;  // 0 = not tied to a line
  std::string message;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

}  // namespace orglens::model
