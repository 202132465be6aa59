// The write interface importers use: implemented by the in-memory Model and by the store's
// ImportSession, so that an importer neither knows nor cares where its records go.
#pragma once

#include <optional>
#include <string_view>

#include "model/records.h"

namespace orglens::model {

class ModelSink {
 public:
  virtual ~ModelSink() = default;

  /// Interns a string; the same text always gives the same id.
  virtual StringId intern(std::string_view text) = 0;
  virtual std::string_view text(StringId id) const = 0;

  /// Id of an object type by name: a built-in one ("person", "task", ...) or a declared
  /// custom type (created on first use).
  virtual TypeId objectType(std::string_view name) = 0;

  /// Finds or creates the object (type, key). A non-empty name fills a missing name.
  virtual ObjectId object(TypeId type, std::string_view key, std::string_view name = {}) = 0;
  virtual std::optional<ObjectId> findObject(TypeId type, std::string_view key) const = 0;
  virtual TypeId typeOf(ObjectId object) const = 0;

  /// Adds an event with optional extra links; returns its id.
  virtual EventId addEvent(const EventRecord& event) = 0;
  virtual void addEventLink(EventId event, const EventLink& link) = 0;
  /// Adds a relation unless the same (from, to, qualifier, validFrom) exists.
  virtual void addRelation(const Relation& relation) = 0;
  /// Relates `from` to the object (type, key) once that object exists: now, later in this
  /// import, or (in a store) in a later import. Never creates the target. Used for a mail
  /// reply whose parent may come in another file, in any order.
  virtual void addRelationTo(ObjectId from, TypeId type, std::string_view key,
                             StringId qualifier) = 0;
  virtual void setEventAttribute(EventId event, StringId key, const Value& value) = 0;
  /// Sets an object attribute; the same (object, key, time) replaces the earlier value.
  virtual void setObjectAttribute(ObjectId object, StringId key, const Value& value,
                                  std::optional<MicrosUtc> time = std::nullopt) = 0;

  virtual std::optional<PersonId> findAlias(AliasKind kind, std::string_view normalised) const = 0;
  /// Maps an alias to a person; an alias already mapped to another person is re-pointed.
  virtual void addAlias(AliasKind kind, std::string_view normalised, PersonId person) = 0;
  /// Merges person `from` into `into`: events, links, relations and aliases of `from` move
  /// to `into`; `from` stays as an object with the relation `merged-into`.
  virtual void mergePeople(PersonId from, PersonId into) = 0;

  /// The source (import) the records belong to.
  virtual SourceId currentSource() const = 0;
};

}  // namespace orglens::model
