#include "model/model.h"

#include <algorithm>
#include <sstream>

#include "model/time_format.h"

namespace orglens::model {

Model::Model() {
  for (std::uint32_t t = 0; t < kBuiltinTypeCount; ++t)
    m_typeNames.emplace_back(builtinTypeName(static_cast<BuiltinType>(t)));
}

TypeId Model::objectType(std::string_view name) {
  for (std::uint32_t t = 0; t < m_typeNames.size(); ++t)
    if (m_typeNames[t] == name) return TypeId(t);
  m_typeNames.emplace_back(name);
  return TypeId(static_cast<std::uint32_t>(m_typeNames.size() - 1));
}

ObjectId Model::object(TypeId type, std::string_view key, std::string_view name) {
  if (auto found = findObject(type, key)) {
    auto& rec = m_objects[found->value()];
    if (!rec.name.valid() && !name.empty()) rec.name = intern(name);
    return *found;
  }
  ObjectId id(static_cast<std::uint32_t>(m_objects.size()));
  m_objects.push_back({type, intern(key), name.empty() ? StringId() : intern(name)});
  m_objectIndex.emplace(ObjectKey(type.value(), std::string(key)), id);
  if (!m_pendingRelations.empty()) {
    auto it = m_pendingRelations.find({type.value(), std::string(key)});
    if (it != m_pendingRelations.end()) {
      const auto waiting = std::move(it->second);
      m_pendingRelations.erase(it);
      for (const auto& [from, qualifier] : waiting)
        addRelation({from, id, qualifier, std::nullopt, std::nullopt});
    }
  }
  return id;
}

void Model::addRelationTo(ObjectId from, TypeId type, std::string_view key, StringId qualifier) {
  if (auto found = findObject(type, key))
    addRelation({from, *found, qualifier, std::nullopt, std::nullopt});
  else
    m_pendingRelations[{type.value(), std::string(key)}].emplace_back(from, qualifier);
}

std::optional<ObjectId> Model::findObject(TypeId type, std::string_view key) const {
  auto it = m_objectIndex.find(ObjectKey(type.value(), std::string(key)));
  if (it == m_objectIndex.end()) return std::nullopt;
  return it->second;
}

EventId Model::addEvent(const EventRecord& event) {
  m_events.push_back(event);
  if (!m_events.back().source.valid()) m_events.back().source = m_currentSource;
  return EventId(static_cast<std::uint32_t>(m_events.size() - 1));
}

void Model::addEventLink(EventId event, const EventLink& link) {
  m_links.emplace_back(event, link);
}

void Model::addRelation(const Relation& input) {
  Relation r = input;
  if (!r.qualifier.valid()) r.qualifier = intern("");  // as the store does
  auto key = std::make_tuple(r.from.value(), r.to.value(), r.qualifier.value(), r.validFrom);
  if (m_relationIndex.insert(key).second) m_relations.push_back(r);
}

void Model::setEventAttribute(EventId event, StringId key, const Value& value) {
  m_eventAttributes.push_back({event, key, value});
}

void Model::setObjectAttribute(ObjectId object, StringId key, const Value& value,
                               std::optional<MicrosUtc> time) {
  m_objectAttributes[std::make_tuple(object.value(), key.value(), time)] = value;
}

std::optional<PersonId> Model::findAlias(AliasKind kind, std::string_view normalised) const {
  auto it = m_aliases.find(std::make_pair(kind, std::string(normalised)));
  if (it == m_aliases.end()) return std::nullopt;
  return it->second;
}

void Model::addAlias(AliasKind kind, std::string_view normalised, PersonId person) {
  m_aliases[std::make_pair(kind, std::string(normalised))] = person;
}

void Model::mergePeople(PersonId from, PersonId into) {
  if (from == into) return;
  for (auto& e : m_events)
    if (e.actor == from) e.actor = into;
  for (auto& [event, link] : m_links)
    if (link.object == from.object()) link.object = into.object();
  std::vector<Relation> old;
  old.swap(m_relations);
  m_relationIndex.clear();
  for (auto r : old) {
    if (r.from == from.object()) r.from = into.object();
    if (r.to == from.object()) r.to = into.object();
    addRelation(r);
  }
  for (auto& [key, person] : m_aliases)
    if (person == from) person = into;
  addRelation({from.object(), into.object(), intern("merged-into"), std::nullopt, std::nullopt});
}

SourceId Model::addSource(const SourceRecord& source) {
  m_sources.push_back(source);
  return SourceId(static_cast<std::uint32_t>(m_sources.size() - 1));
}

std::vector<ObjectAttribute> Model::objectAttributes() const {
  std::vector<ObjectAttribute> out;
  out.reserve(m_objectAttributes.size());
  for (const auto& [key, value] : m_objectAttributes)
    out.push_back(
        {ObjectId(std::get<0>(key)), StringId(std::get<1>(key)), value, std::get<2>(key)});
  return out;
}

std::vector<AliasRecord> Model::aliases() const {
  std::vector<AliasRecord> out;
  for (const auto& [key, person] : m_aliases) out.push_back({key.first, key.second, person});
  return out;
}

std::string formatValue(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const {
      std::ostringstream s;
      s.precision(17);
      s << v;
      return s.str();
    }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const std::string& v) const { return v; }
    std::string operator()(TimeValue v) const { return "@" + formatIsoUtc(v.micros); }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace orglens::model
