#include "importers/ocel_mapping.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "model/identity.h"
#include "model/model.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

bool isNameAttribute(std::string_view key) {
  const std::string k = model::asciiLower(key);
  return k == "name" || k == "full name" || k == "fullname" || k == "full_name" ||
         k == "display name" || k == "display_name" || k == "displayname";
}

std::optional<std::int64_t> parseInt(std::string_view text) {
  std::int64_t v = 0;
  const char* end = text.data() + text.size();
  auto r = std::from_chars(text.data(), end, v);
  if (r.ec != std::errc() || r.ptr != end || text.empty()) return std::nullopt;
  return v;
}

std::optional<double> parseReal(std::string_view text) {
  double v = 0;
  const char* end = text.data() + text.size();
  auto r = std::from_chars(text.data(), end, v);
  if (r.ec != std::errc() || r.ptr != end || text.empty()) return std::nullopt;
  return v;
}

std::optional<bool> parseBool(std::string_view text) {
  const std::string t = model::asciiLower(text);
  if (t == "true" || t == "1") return true;
  if (t == "false" || t == "0") return false;
  return std::nullopt;
}

/// Converts a raw value (JSON typed, XML/SQLite text) to a declared type; nullopt if it does not
/// fit.
std::optional<model::Value> toType(const model::Value& raw, OcelType type,
                                   const TimestampParser& time) {
  const auto* text = std::get_if<std::string>(&raw);
  switch (type) {
    case OcelType::String:
      if (text) return raw;
      if (std::holds_alternative<model::TimeValue>(raw))
        return model::formatValue(raw).substr(1);  // drop formatValue's '@'
      return model::formatValue(raw);
    case OcelType::Integer:
      if (std::holds_alternative<std::int64_t>(raw)) return raw;
      if (const auto* d = std::get_if<double>(&raw);
          d && *d == static_cast<double>(static_cast<std::int64_t>(*d)))
        return static_cast<std::int64_t>(*d);
      if (text) return parseInt(*text);
      return std::nullopt;
    case OcelType::Float:
      if (std::holds_alternative<double>(raw)) return raw;
      if (const auto* i = std::get_if<std::int64_t>(&raw)) return static_cast<double>(*i);
      if (text) return parseReal(*text);
      return std::nullopt;
    case OcelType::Boolean:
      if (std::holds_alternative<bool>(raw)) return raw;
      if (const auto* i = std::get_if<std::int64_t>(&raw); i && (*i == 0 || *i == 1))
        return *i == 1;
      if (text) return parseBool(*text);
      return std::nullopt;
    case OcelType::Time:
      if (std::holds_alternative<model::TimeValue>(raw)) return raw;
      if (text)
        if (auto t = time.parse(*text)) return model::TimeValue{*t};
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<OcelType> parseOcelType(std::string_view text) {
  const std::string t = model::asciiLower(text);
  if (t == "string" || t == "text") return OcelType::String;
  if (t == "integer" || t == "int") return OcelType::Integer;
  if (t == "float" || t == "double" || t == "real") return OcelType::Float;
  if (t == "boolean" || t == "bool") return OcelType::Boolean;
  if (t == "time" || t == "date" || t == "datetime" || t == "timestamp") return OcelType::Time;
  return std::nullopt;
}

std::string_view toString(OcelType type) {
  switch (type) {
    case OcelType::String:
      return "string";
    case OcelType::Integer:
      return "integer";
    case OcelType::Float:
      return "float";
    case OcelType::Boolean:
      return "boolean";
    case OcelType::Time:
      return "time";
  }
  return "string";
}

OcelType ocelTypeOf(const model::Value& value) {
  switch (model::valueType(value)) {
    case model::ValueType::Int:
      return OcelType::Integer;
    case model::ValueType::Real:
      return OcelType::Float;
    case model::ValueType::Bool:
      return OcelType::Boolean;
    case model::ValueType::Time:
      return OcelType::Time;
    default:
      return OcelType::String;
  }
}

bool isPersonTypeName(std::string_view name) {
  static const std::unordered_set<std::string> names = {
      "employee", "employees", "resource", "resources", "person", "people",
      "user",     "users",     "staff",    "worker",    "workers"};
  return names.count(model::asciiLower(name)) > 0;
}

bool isInitialOcelTime(model::MicrosUtc time) {
  constexpr model::MicrosUtc kHour = 3'600'000'000;
  return time >= -12 * kHour && time <= 14 * kHour;
}

OcelMapper::OcelMapper(ImportContext& ctx) : m_ctx(ctx) {
  configureTimestamps(m_time, ctx.options);
  m_process = ctx.sink.intern("process");
  m_ocelType = ctx.sink.intern(kOcelTypeAttribute);
  m_empty = ctx.sink.intern("");
}

void OcelMapper::warn(const OcelPlace& place, const std::string& message) {
  std::string prefix;
  if (!place.table.empty())
    prefix = "table '" + place.table + "' row " + std::to_string(place.row) + ": ";
  m_ctx.diagnostics.warning(place.line, prefix + message);
}

void OcelMapper::skip(const OcelPlace& place, const std::string& message) {
  warn(place, message);
  ++m_ctx.skippedRows;
}

bool OcelMapper::isPersonType(std::string_view name) const {
  const auto& types = m_ctx.options.personTypes;
  if (types.empty()) return isPersonTypeName(name);
  const std::string l = model::asciiLower(name);
  return std::any_of(types.begin(), types.end(),
                     [&](const std::string& t) { return model::asciiLower(t) == l; });
}

OcelMapper::TypeInfo& OcelMapper::objectTypeInfo(std::string_view name) {
  auto [it, inserted] = m_objectTypes.try_emplace(std::string(name));
  if (!inserted) return *it->second;
  auto info = std::make_unique<TypeInfo>();
  info->person = isPersonType(name);
  // Built-in names map to themselves (objectType() finds them); others become custom types.
  info->type =
      info->person ? model::typeId(model::BuiltinType::Person) : m_ctx.sink.objectType(name);
  it->second = std::move(info);
  return *it->second;
}

std::unordered_map<std::string, OcelType>& OcelMapper::eventTypeInfo(std::string_view name) {
  return m_eventTypes[std::string(name)];
}

void OcelMapper::declareObjectType(std::string_view name,
                                   const std::vector<OcelAttributeDecl>& attributes) {
  auto& info = objectTypeInfo(name);
  for (const auto& a : attributes) info.attributes[a.name] = a.type;
}

void OcelMapper::declareEventType(std::string_view name,
                                  const std::vector<OcelAttributeDecl>& attributes) {
  auto& info = eventTypeInfo(name);
  for (const auto& a : attributes) info[a.name] = a.type;
}

bool OcelMapper::addObject(std::string_view id, std::string_view type, const OcelPlace& place) {
  if (id.empty()) {
    skip(place, "object without an id; skipped");
    return false;
  }
  if (m_objects.count(std::string(id))) {
    skip(place, "duplicate object id '" + std::string(id) + "'; the later object is skipped");
    return false;
  }
  const TypeInfo& info = objectTypeInfo(type);
  auto& sink = m_ctx.sink;
  model::ObjectId object;
  bool created = true;
  if (info.person) {
    // A person already known by this key (a roster import) is the same person.
    const auto alias = model::normaliseAlias(model::AliasKind::PersonKey, id);
    if (auto known = sink.findAlias(model::AliasKind::PersonKey, alias)) {
      object = known->object();
      created = false;  // keeps its key and name
    } else {
      object = sink.object(info.type, id);
      sink.addAlias(model::AliasKind::PersonKey, alias, model::PersonId::of(object));
    }
    if (model::asciiLower(type) != "person")
      sink.setObjectAttribute(object, m_ocelType, std::string(type));
  } else {
    object = sink.object(info.type, id);
  }
  m_objects.emplace(std::string(id), ObjectInfo{object, &info, created});
  return true;
}

std::optional<model::Value> OcelMapper::convert(const model::Value& raw, OcelType type,
                                                std::string_view what, const OcelPlace& place) {
  if (std::holds_alternative<std::monostate>(raw)) return std::nullopt;  // null = absent
  if (auto v = toType(raw, type, m_time)) return v;
  const std::string text = model::formatValue(raw);
  warn(place, std::string(what) + ": '" + text + "' is not a valid " + std::string(toString(type)) +
                  "; kept as text");
  return text;
}

std::optional<std::optional<model::MicrosUtc>> OcelMapper::readTime(std::string_view text,
                                                                    std::string_view what,
                                                                    const OcelPlace& place) {
  if (text.empty()) return std::optional<model::MicrosUtc>();
  auto t = m_time.parse(text);
  if (!t) {
    skip(place, "cannot read the time '" + std::string(text) + "' of " + std::string(what) +
                    " (expected ISO 8601); skipped");
    return std::nullopt;
  }
  return isInitialOcelTime(*t) ? std::optional<model::MicrosUtc>() : t;
}

void OcelMapper::addObjectAttribute(std::string_view objectId, std::string_view name,
                                    const model::Value& raw, std::string_view time,
                                    const OcelPlace& place) {
  auto it = m_objects.find(std::string(objectId));
  if (it == m_objects.end()) {
    skip(place, "attribute '" + std::string(name) + "' of unknown object '" +
                    std::string(objectId) + "'; skipped");
    return;
  }
  const std::string what =
      "attribute '" + std::string(name) + "' of object '" + std::string(objectId) + "'";
  auto when = readTime(time, what, place);
  if (!when) return;
  const auto& declared = it->second.type->attributes;
  auto d = declared.find(std::string(name));
  std::optional<model::Value> value =
      d == declared.end()
          ? (std::holds_alternative<std::monostate>(raw) ? std::nullopt : std::optional(raw))
          : convert(raw, d->second, what, place);
  if (!value) return;
  auto& sink = m_ctx.sink;
  sink.setObjectAttribute(it->second.id, sink.intern(name), *value, *when);
  // Any object's display name comes from a name-like attribute (the export writes names so).
  if (isNameAttribute(name))
    if (const auto* text = std::get_if<std::string>(&*value); text && !text->empty())
      if (it->second.created) sink.object(it->second.type->type, objectId, *text);
}

void OcelMapper::addObjectRelation(std::string_view fromId, OcelRelationshipIn to) {
  m_pendingRelations.emplace_back(std::string(fromId), std::move(to));
}

void OcelMapper::objectsDone() {
  if (m_objectsDone) return;
  m_objectsDone = true;
  auto& sink = m_ctx.sink;
  for (const auto& [fromId, rel] : m_pendingRelations) {
    auto from = m_objects.find(fromId);
    auto to = m_objects.find(rel.objectId);
    if (from == m_objects.end() || to == m_objects.end()) {
      skip(rel.place, "object-to-object relationship '" + fromId + "' -> '" + rel.objectId +
                          "' names an unknown object '" +
                          (from == m_objects.end() ? fromId : rel.objectId) + "'; skipped");
      continue;
    }
    sink.addRelation(
        {from->second.id, to->second.id, sink.intern(rel.qualifier), std::nullopt, std::nullopt});
  }
  m_pendingRelations.clear();
  m_pendingRelations.shrink_to_fit();
  for (const auto& e : m_pendingEvents) writeEvent(e);
  m_pendingEvents.clear();
  m_pendingEvents.shrink_to_fit();
}

void OcelMapper::addEvent(OcelEventIn event) {
  if (!m_objectsDone) {
    // Events before the objects (allowed by JSON key order; XML puts objects first): queue.
    m_pendingEvents.push_back(std::move(event));
    return;
  }
  writeEvent(event);
}

void OcelMapper::finish() {
  objectsDone();
}

void OcelMapper::writeLinks(const OcelEventIn& event, model::EventRecord& record,
                            std::vector<model::EventLink>& links) {
  for (const auto& rel : event.relationships) {
    auto it = m_objects.find(rel.objectId);
    if (it == m_objects.end()) {
      skip(rel.place, "event '" + event.id + "' refers to unknown object '" + rel.objectId +
                          "'; the link is skipped");
      continue;
    }
    const auto& info = it->second;
    links.push_back({info.id, m_ctx.sink.intern(rel.qualifier)});
    if (info.type->person && !record.actor.valid()) record.actor = model::PersonId::of(info.id);
    if (!info.type->person && !record.item.valid()) record.item = info.id;
  }
}

void OcelMapper::writeEvent(const OcelEventIn& event) {
  if (event.id.empty()) return skip(event.place, "event without an id; skipped");
  if (!m_eventIds.insert(event.id).second)
    return skip(event.place, "duplicate event id '" + event.id + "'; the later event is skipped");
  if (event.time.empty()) return skip(event.place, "event '" + event.id + "' has no time; skipped");
  auto time = m_time.parse(event.time);
  if (!time)
    return skip(event.place, "cannot read the time '" + event.time + "' of event '" + event.id +
                                 "' (expected ISO 8601); skipped");
  auto& sink = m_ctx.sink;
  model::EventRecord record;
  record.time = *time;
  record.activity = sink.intern(event.type);
  record.tool = m_process;
  std::vector<model::EventLink> links;
  writeLinks(event, record, links);
  const model::EventId id = sink.addEvent(record);
  for (const auto& link : links) sink.addEventLink(id, link);
  const auto& declared = eventTypeInfo(event.type);
  for (const auto& [name, raw] : event.attributes) {
    auto d = declared.find(name);
    std::optional<model::Value> value;
    if (d != declared.end())
      value = convert(raw, d->second, "attribute '" + name + "' of event '" + event.id + "'",
                      event.place);
    else if (!std::holds_alternative<std::monostate>(raw))
      value = raw;
    if (value) sink.setEventAttribute(id, sink.intern(name), *value);
  }
}

}  // namespace orglens::importers
