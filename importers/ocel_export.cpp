// OCEL 2.0 export: the OCEL view of a model, the output-file rules, and the JSON writer. The
// SQLite writer is in ocel_export_sqlite.cpp.
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <tuple>

#include "importers/ocel_export_view.h"
#include "model/time_format.h"

namespace orglens::importers {
namespace {

using model::Model;

/// The OCEL type name of each object and the type list (custom types first, in model order).
void assignObjectTypes(const Model& m, OcelExportView& view) {
  std::unordered_map<std::string, std::size_t> byName;
  auto typeIndex = [&](const std::string& name) {
    auto [it, inserted] = byName.try_emplace(name, view.objectTypes.size());
    if (inserted) view.objectTypes.push_back({name, {}, {}});
    return it->second;
  };
  for (std::size_t t = model::kBuiltinTypeCount; t < m.typeNames().size(); ++t)
    typeIndex(m.typeNames()[t]);
  std::vector<std::string> names(m.objects().size());
  for (std::size_t i = 0; i < m.objects().size(); ++i)
    names[i] = m.typeNames().at(m.objects()[i].type.value());
  for (const auto& a : m.objectAttributes())
    if (m.text(a.key) == kOcelTypeAttribute &&
        m.objects()[a.object.value()].type == model::typeId(model::BuiltinType::Person))
      if (const auto* s = std::get_if<std::string>(&a.value); s && !s->empty())
        names[a.object.value()] = *s;
  for (const auto& name : names) view.objectType.push_back(typeIndex(name));
}

void assignObjectIds(const Model& m, OcelExportView& view) {
  std::set<std::string> used;
  for (std::size_t i = 0; i < m.objects().size(); ++i) {
    std::string id(m.text(m.objects()[i].key));
    if (used.count(id)) id = view.objectTypes[view.objectType[i]].name + ":" + id;
    for (int n = 2; used.count(id); ++n)
      id = std::string(m.text(m.objects()[i].key)) + "#" + std::to_string(n);
    used.insert(id);
    view.objectIds.push_back(std::move(id));
  }
}

void collectObjectAttributes(const Model& m, OcelExportView& view) {
  view.objectAttributes.resize(m.objects().size());
  for (const auto& a : m.objectAttributes()) {
    const std::string key(m.text(a.key));
    if (key == kOcelTypeAttribute) continue;  // written as the object's type
    view.objectAttributes[a.object.value()].push_back({key, a.value, a.time});
  }
  for (std::size_t i = 0; i < m.objects().size(); ++i) {
    auto& attributes = view.objectAttributes[i];
    const auto name = m.text(m.objects()[i].name);
    const bool named = std::any_of(attributes.begin(), attributes.end(),
                                   [](const OcelNamedValue& v) { return v.name == "name"; });
    if (!name.empty() && !named) attributes.push_back({"name", std::string(name), std::nullopt});
    auto& type = view.objectTypes[view.objectType[i]];
    for (const auto& a : attributes) type.note(a.name, a.value);
  }
}

void collectEvents(const Model& m, OcelExportView& view) {
  std::unordered_map<std::string, std::size_t> byName;
  for (const auto& e : m.events()) {
    auto [it, inserted] =
        byName.try_emplace(std::string(m.text(e.activity)), view.eventTypes.size());
    if (inserted) view.eventTypes.push_back({it->first, {}, {}});
    view.eventType.push_back(it->second);
  }
  view.eventAttributes.resize(m.events().size());
  for (const auto& a : m.eventAttributes()) {
    const std::string key(m.text(a.key));
    view.eventAttributes[a.event.value()].push_back({key, a.value, std::nullopt});
    view.eventTypes[view.eventType[a.event.value()]].note(key, a.value);
  }
  view.eventLinks.resize(m.events().size());
  for (const auto& [event, link] : m.eventLinks())
    view.eventLinks[event.value()].push_back({link.object, std::string(m.text(link.qualifier))});
  for (std::size_t i = 0; i < m.events().size(); ++i) {
    auto& links = view.eventLinks[i];
    const auto& e = m.events()[i];
    auto linked = [&](model::ObjectId o) {
      return std::any_of(links.begin(), links.end(),
                         [o](const OcelExportLink& l) { return l.object == o; });
    };
    // Actor first, then item: an import of the export finds them again as the first related
    // person and the first related non-person.
    std::vector<OcelExportLink> front;
    if (e.actor.valid() && !linked(e.actor.object())) front.push_back({e.actor.object(), "actor"});
    if (e.item.valid() && !linked(e.item)) front.push_back({e.item, "item"});
    links.insert(links.begin(), front.begin(), front.end());
  }
}

}  // namespace

void OcelExportType::note(const std::string& attribute, const model::Value& value) {
  const OcelType type = ocelTypeOf(value);
  auto [it, inserted] = index.try_emplace(attribute, attributes.size());
  if (inserted)
    attributes.push_back({attribute, type});
  else if (attributes[it->second].type != type)
    attributes[it->second].type = OcelType::String;
}

OcelExportView buildExportView(const Model& m) {
  OcelExportView view;
  assignObjectTypes(m, view);
  assignObjectIds(m, view);
  collectObjectAttributes(m, view);
  collectEvents(m, view);
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> seen;
  for (const auto& r : m.relations()) {
    std::string qualifier(m.text(r.qualifier));
    if (seen.emplace(r.from.value(), r.to.value(), qualifier).second)
      view.relations.push_back({r.from, r.to, std::move(qualifier)});
  }
  return view;
}

std::string ocelEventId(std::size_t index) {
  return "e" + std::to_string(index + 1);
}

model::Value exportValue(const model::Value& value, OcelType declared) {
  if (ocelTypeOf(value) == declared && !std::holds_alternative<std::monostate>(value)) return value;
  if (std::holds_alternative<std::monostate>(value)) return value;
  if (const auto* t = std::get_if<model::TimeValue>(&value)) return model::formatIsoUtc(t->micros);
  return model::formatValue(value);
}

std::string exportTime(const std::optional<model::MicrosUtc>& time) {
  return time ? model::formatIsoUtc(*time) : std::string(kOcelInitialTime);
}

std::filesystem::path prepareOutput(const std::filesystem::path& path, bool force) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !force)
    throw ImportError("'" + path.string() + "' exists; use --force to overwrite it");
  auto temp = path;
  temp += ".tmp-" + std::to_string(::getpid());
  std::filesystem::remove(temp, ec);
  return temp;
}

void commitOutput(const std::filesystem::path& temp, const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw ImportError("cannot write '" + path.string() + "': " + ec.message());
  }
}

namespace {

void writeJsonString(std::ostream& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out << '"';
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\')
      out << '\\' << ch;
    else if (c == '\n')
      out << "\\n";
    else if (c == '\t')
      out << "\\t";
    else if (c == '\r')
      out << "\\r";
    else if (c < 0x20)
      out << "\\u00" << hex[c >> 4] << hex[c & 15];
    else
      out << ch;
  }
  out << '"';
}

void writeJsonValue(std::ostream& out, const model::Value& value) {
  struct Visitor {
    std::ostream& out;
    void operator()(std::monostate) const { out << "null"; }
    void operator()(std::int64_t v) const { out << v; }
    void operator()(double v) const {
      if (!std::isfinite(v)) return void(out << "null");  // JSON has no NaN or infinity
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
      std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
      out << text;
      if (text.find_first_of(".eE") == std::string_view::npos) out << ".0";
    }
    void operator()(bool v) const { out << (v ? "true" : "false"); }
    void operator()(const std::string& v) const { writeJsonString(out, v); }
    void operator()(model::TimeValue v) const {
      writeJsonString(out, model::formatIsoUtc(v.micros));
    }
  };
  std::visit(Visitor{out}, value);
}

void writeJsonTypes(std::ostream& out, const std::vector<OcelExportType>& types) {
  out << "[";
  for (std::size_t i = 0; i < types.size(); ++i) {
    out << (i ? ",\n  " : "\n  ") << "{\"name\": ";
    writeJsonString(out, types[i].name);
    out << ", \"attributes\": [";
    for (std::size_t a = 0; a < types[i].attributes.size(); ++a) {
      out << (a ? ", " : "") << "{\"name\": ";
      writeJsonString(out, types[i].attributes[a].name);
      out << ", \"type\": \"" << toString(types[i].attributes[a].type) << "\"}";
    }
    out << "]}";
  }
  out << "]";
}

void writeJsonObjects(std::ostream& out, const OcelExportView& v) {
  std::vector<std::vector<const OcelExportRelation*>> relationsOf(v.objectIds.size());
  for (const auto& r : v.relations) relationsOf[r.from.value()].push_back(&r);
  out << "[";
  for (std::size_t i = 0; i < v.objectIds.size(); ++i) {
    const auto& type = v.objectTypes[v.objectType[i]];
    out << (i ? ",\n  " : "\n  ") << "{\"id\": ";
    writeJsonString(out, v.objectIds[i]);
    out << ", \"type\": ";
    writeJsonString(out, type.name);
    out << ", \"attributes\": [";
    for (std::size_t a = 0; a < v.objectAttributes[i].size(); ++a) {
      const auto& attr = v.objectAttributes[i][a];
      out << (a ? ", " : "") << "{\"name\": ";
      writeJsonString(out, attr.name);
      out << ", \"time\": \"" << exportTime(attr.time) << "\", \"value\": ";
      writeJsonValue(out, exportValue(attr.value, type.typeOf(attr.name)));
      out << "}";
    }
    out << "], \"relationships\": [";
    for (std::size_t r = 0; r < relationsOf[i].size(); ++r) {
      out << (r ? ", " : "") << "{\"objectId\": ";
      writeJsonString(out, v.objectIds[relationsOf[i][r]->to.value()]);
      out << ", \"qualifier\": ";
      writeJsonString(out, relationsOf[i][r]->qualifier);
      out << "}";
    }
    out << "]}";
  }
  out << "]";
}

void writeJsonEvents(std::ostream& out, const Model& m, const OcelExportView& v) {
  out << "[";
  for (std::size_t i = 0; i < m.events().size(); ++i) {
    const auto& type = v.eventTypes[v.eventType[i]];
    out << (i ? ",\n  " : "\n  ") << "{\"id\": \"" << ocelEventId(i) << "\", \"type\": ";
    writeJsonString(out, type.name);
    out << ", \"time\": \"" << model::formatIsoUtc(m.events()[i].time) << "\", \"attributes\": [";
    for (std::size_t a = 0; a < v.eventAttributes[i].size(); ++a) {
      const auto& attr = v.eventAttributes[i][a];
      out << (a ? ", " : "") << "{\"name\": ";
      writeJsonString(out, attr.name);
      out << ", \"value\": ";
      writeJsonValue(out, exportValue(attr.value, type.typeOf(attr.name)));
      out << "}";
    }
    out << "], \"relationships\": [";
    for (std::size_t r = 0; r < v.eventLinks[i].size(); ++r) {
      out << (r ? ", " : "") << "{\"objectId\": ";
      writeJsonString(out, v.objectIds[v.eventLinks[i][r].object.value()]);
      out << ", \"qualifier\": ";
      writeJsonString(out, v.eventLinks[i][r].qualifier);
      out << "}";
    }
    out << "]}";
  }
  out << "]";
}

}  // namespace

OcelExportCounts countsOf(const OcelExportView& v, std::size_t events) {
  OcelExportCounts c;
  c.events = events;
  c.objects = v.objectIds.size();
  c.eventTypes = v.eventTypes.size();
  c.objectTypes = v.objectTypes.size();
  for (const auto& links : v.eventLinks) c.eventObjectLinks += links.size();
  c.objectObjectLinks = v.relations.size();
  return c;
}

OcelExportCounts exportOcelJson(const Model& m, const std::filesystem::path& path, bool force) {
  const auto temp = prepareOutput(path, force);
  const OcelExportView view = buildExportView(m);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
      throw ImportError("cannot write '" + path.string() + "': cannot create '" + temp.string() +
                        "'");
    out << "{\n\"objectTypes\": ";
    writeJsonTypes(out, view.objectTypes);
    out << ",\n\"eventTypes\": ";
    writeJsonTypes(out, view.eventTypes);
    out << ",\n\"objects\": ";
    writeJsonObjects(out, view);
    out << ",\n\"events\": ";
    writeJsonEvents(out, m, view);
    out << "\n}\n";
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      throw ImportError("cannot write '" + path.string() + "' (disk full?)");
    }
  }
  commitOutput(temp, path);
  return countsOf(view, m.events().size());
}

}  // namespace orglens::importers
