// The in-memory object-centric model: every table of the store as plain vectors. Used for
// round-trip tests, small logs and OCEL export; analyses use the column-oriented EventLog.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "model/model_sink.h"
#include "model/string_pool.h"

namespace orglens::model {

class Model final : public ModelSink {
 public:
  Model();

  // ModelSink
  StringId intern(std::string_view text) override { return m_strings.intern(text); }
  std::string_view text(StringId id) const override { return m_strings.text(id); }
  TypeId objectType(std::string_view name) override;
  ObjectId object(TypeId type, std::string_view key, std::string_view name = {}) override;
  std::optional<ObjectId> findObject(TypeId type, std::string_view key) const override;
  TypeId typeOf(ObjectId object) const override { return m_objects.at(object.value()).type; }
  EventId addEvent(const EventRecord& event) override;
  void addEventLink(EventId event, const EventLink& link) override;
  void addRelation(const Relation& relation) override;
  void addRelationTo(ObjectId from, TypeId type, std::string_view key, StringId qualifier) override;
  void setEventAttribute(EventId event, StringId key, const Value& value) override;
  void setObjectAttribute(ObjectId object, StringId key, const Value& value,
                          std::optional<MicrosUtc> time = std::nullopt) override;
  std::optional<PersonId> findAlias(AliasKind kind, std::string_view normalised) const override;
  void addAlias(AliasKind kind, std::string_view normalised, PersonId person) override;
  void mergePeople(PersonId from, PersonId into) override;
  SourceId currentSource() const override { return m_currentSource; }

  // Sources (set by whoever drives the import).
  SourceId addSource(const SourceRecord& source);
  void setCurrentSource(SourceId source) { m_currentSource = source; }

  // Read access.
  const StringPool& strings() const { return m_strings; }
  const std::vector<std::string>& typeNames() const { return m_typeNames; }
  const std::vector<ObjectRecord>& objects() const { return m_objects; }
  const std::vector<EventRecord>& events() const { return m_events; }
  const std::vector<std::pair<EventId, EventLink>>& eventLinks() const { return m_links; }
  const std::vector<Relation>& relations() const { return m_relations; }
  const std::vector<EventAttribute>& eventAttributes() const { return m_eventAttributes; }
  std::vector<ObjectAttribute> objectAttributes() const;
  std::vector<AliasRecord> aliases() const;
  const std::vector<SourceRecord>& sources() const { return m_sources; }

  /// A canonical text of the whole model with every id resolved to its text and unordered
  /// tables sorted; two models with equal dumps hold the same data. O(n log n).
  std::string dump() const;

 private:
  using ObjectKey = std::pair<std::uint32_t, std::string>;
  StringPool m_strings;
  std::vector<std::string> m_typeNames;
  std::vector<ObjectRecord> m_objects;
  std::map<ObjectKey, ObjectId, std::less<>> m_objectIndex;
  std::vector<EventRecord> m_events;
  std::vector<std::pair<EventId, EventLink>> m_links;
  // addRelationTo() targets not created yet: (type, key) -> (from, qualifier).
  std::map<std::pair<std::uint32_t, std::string>, std::vector<std::pair<ObjectId, StringId>>>
      m_pendingRelations;
  std::vector<Relation> m_relations;
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::optional<MicrosUtc>>>
      m_relationIndex;
  std::vector<EventAttribute> m_eventAttributes;
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::optional<MicrosUtc>>, Value>
      m_objectAttributes;
  std::map<std::pair<AliasKind, std::string>, PersonId, std::less<>> m_aliases;
  std::vector<SourceRecord> m_sources;
  SourceId m_currentSource;
};

/// Formats a Value for display and dumps ("42", "3.5", "true", "text", "@2025-01-01T00:00:00Z").
std::string formatValue(const Value& value);

}  // namespace orglens::model
