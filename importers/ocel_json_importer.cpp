// OCEL 2.0 JSON (`.jsonocel`, `.json` with `objectTypes`/`eventTypes`), read with simdjson On
// Demand. The file is one JSON document, so it is read into memory whole (simdjson needs the
// padded bytes); the parser itself keeps no tree. The document is walked three times (rewind):
// type declarations, objects, events, so that key order does not matter.
#include <simdjson.h>
#include "importers/ocel_mapping.h"
#include "importers/registry.h"

namespace orglens::importers {
namespace {

namespace od = simdjson::ondemand;

std::string_view jsonTypeName(od::json_type t) {
  // Indexed by od::json_type (array = 1 ... null = 6).
  static constexpr std::string_view names[] = {"a value",  "an array",  "an object", "a number",
                                               "a string", "a boolean", "null"};
  const auto i = static_cast<std::size_t>(t);
  return i < std::size(names) ? names[i] : names[0];
}

/// The value as an object: false when it is another JSON type; a broken document throws (run()
/// makes that an ImportError), since the parser cannot go on after it.
bool asObject(od::value v, od::object& out) {
  const auto error = v.get_object().get(out);
  if (error && error != simdjson::INCORRECT_TYPE) throw simdjson::simdjson_error(error);
  return !error;
}

class OcelJsonRun {
 public:
  explicit OcelJsonRun(ImportContext& ctx) : m_ctx(ctx), m_map(ctx) {}
  void run();

 private:
  void walk();
  /// Line of a position in the document; positions mostly increase, so counting is incremental.
  std::uint64_t lineOf(od::value& v);
  [[noreturn]] void fatal(simdjson::error_code error, std::uint64_t line);
  void check(simdjson::error_code error, std::uint64_t line) {
    if (error) fatal(error, line);
  }
  /// A string value; a type mismatch becomes a diagnostic (nullopt), other errors are fatal.
  std::optional<std::string> stringOf(od::value v, std::string_view what, std::uint64_t line);
  std::optional<model::Value> scalarOf(od::value v, std::string_view what, std::uint64_t line);
  template <class F>
  void forEachElement(od::value v, std::string_view what, std::uint64_t line, F&& f);
  od::object root();
  void readTypes(od::value list, bool objects);
  struct Attribute;
  /// Reads {"name", "value"[, "time"]}; nullopt (with a diagnostic) when unusable.
  std::optional<Attribute> readAttribute(od::value v, std::uint64_t line);
  void readObject(od::value v, std::uint64_t line);
  std::optional<OcelRelationshipIn> readRelationship(od::value v, std::uint64_t line);
  void readEvent(od::value v, std::uint64_t line);

  ImportContext& m_ctx;
  OcelMapper m_map;
  simdjson::padded_string m_json;
  od::parser m_parser;
  od::document m_doc;
  const char* m_lastPos = nullptr;
  std::uint64_t m_lastLine = 1;
};

std::uint64_t OcelJsonRun::lineOf(od::value& v) {
  const char* p = nullptr;
  if (v.current_location().get(p)) return 0;
  if (!m_lastPos || p < m_lastPos) {
    m_lastPos = m_json.data();
    m_lastLine = 1;
  }
  m_lastLine += static_cast<std::uint64_t>(std::count(m_lastPos, p, '\n'));
  m_lastPos = p;
  return m_lastLine;
}

void OcelJsonRun::fatal(simdjson::error_code error, std::uint64_t line) {
  throw ImportError(m_ctx.diagnostics.where(line) + ": not valid JSON (" +
                    simdjson::error_message(error) + "); nothing is imported from this file");
}

std::optional<std::string> OcelJsonRun::stringOf(od::value v, std::string_view what,
                                                 std::uint64_t line) {
  od::json_type type;
  check(v.type().get(type), line);
  if (type != od::json_type::string) {
    m_ctx.diagnostics.warning(
        line, std::string(what) + " must be a string, found " + std::string(jsonTypeName(type)));
    return std::nullopt;
  }
  std::string_view s;
  check(v.get_string().get(s), line);
  return std::string(s);
}

std::optional<model::Value> OcelJsonRun::scalarOf(od::value v, std::string_view what,
                                                  std::uint64_t line) {
  od::json_type type;
  check(v.type().get(type), line);
  switch (type) {
    case od::json_type::string:
      return stringOf(v, what, line);
    case od::json_type::boolean: {
      bool b = false;
      check(v.get_bool().get(b), line);
      return b;
    }
    case od::json_type::null:
      return model::Value();
    case od::json_type::number: {
      od::number n;
      check(v.get_number().get(n), line);
      if (n.is_int64()) return n.get_int64();
      return n.as_double();  // unsigned beyond int64 and floating point
    }
    default:
      m_ctx.diagnostics.warning(line, std::string(what) +
                                          " must be a string, number or boolean, found " +
                                          std::string(jsonTypeName(type)));
      return std::nullopt;
  }
}

template <class F>
void OcelJsonRun::forEachElement(od::value v, std::string_view what, std::uint64_t line, F&& f) {
  od::json_type type;
  check(v.type().get(type), line);
  if (type != od::json_type::array) {
    m_ctx.diagnostics.warning(line, std::string(what) + " must be an array, found " +
                                        std::string(jsonTypeName(type)) + "; ignored");
    ++m_ctx.skippedRows;
    return;
  }
  od::array array;
  check(v.get_array().get(array), line);
  for (auto element : array) {
    od::value e;
    check(element.get(e), line);
    const auto at = lineOf(e);
    check(e.type().error(), at);
    f(e, at);
  }
}

od::object OcelJsonRun::root() {
  m_doc.rewind();
  od::object object;
  if (auto error = m_doc.get_object().get(object)) {
    if (error == simdjson::INCORRECT_TYPE)
      throw ImportError(m_ctx.diagnostics.where(1) +
                        ": not an OCEL 2.0 JSON log (the top level is not a JSON object)");
    fatal(error, 1);
  }
  return object;
}

void OcelJsonRun::readTypes(od::value list, bool objects) {
  forEachElement(
      list, objects ? "objectTypes" : "eventTypes", lineOf(list),
      [&](od::value t, std::uint64_t line) {
        od::object fields;
        if (!asObject(t, fields))
          return m_map.skip(atLine(line), "a type declaration must be an object; skipped");
        std::optional<std::string> name;
        std::vector<OcelAttributeDecl> attributes;
        for (auto field : fields) {
          std::string_view key;
          check(field.unescaped_key().get(key), line);
          od::value value = field.value();
          if (key == "name") name = stringOf(value, "type name", line);
          if (key != "attributes") continue;
          forEachElement(value, "attributes", line, [&](od::value a, std::uint64_t at) {
            od::object af;
            if (!asObject(a, af))
              return m_map.skip(atLine(at), "an attribute declaration must be an object; skipped");
            OcelAttributeDecl decl;
            for (auto f : af) {
              std::string_view k;
              check(f.unescaped_key().get(k), at);
              if (k == "name") decl.name = stringOf(f.value(), "attribute name", at).value_or("");
              if (k == "type") {
                const auto text = stringOf(f.value(), "attribute type", at).value_or("string");
                auto parsed = parseOcelType(text);
                if (!parsed)
                  m_ctx.diagnostics.warning(
                      at, "unknown attribute type '" + text + "'; read as string");
                decl.type = parsed.value_or(OcelType::String);
              }
            }
            if (!decl.name.empty()) attributes.push_back(std::move(decl));
          });
        }
        if (!name) return m_map.skip(atLine(line), "a type declaration without a name; skipped");
        if (objects)
          m_map.declareObjectType(*name, attributes);
        else
          m_map.declareEventType(*name, attributes);
      });
}

std::optional<OcelRelationshipIn> OcelJsonRun::readRelationship(od::value v, std::uint64_t line) {
  od::object fields;
  if (!asObject(v, fields)) {
    m_map.skip(atLine(line), "a relationship must be an object; skipped");
    return std::nullopt;
  }
  OcelRelationshipIn rel;
  rel.place.line = line;
  for (auto field : fields) {
    std::string_view key;
    check(field.unescaped_key().get(key), line);
    if (key == "objectId") rel.objectId = stringOf(field.value(), "objectId", line).value_or("");
    if (key == "qualifier") rel.qualifier = stringOf(field.value(), "qualifier", line).value_or("");
  }
  if (rel.objectId.empty()) {
    m_map.skip(atLine(line), "a relationship without a string objectId; skipped");
    return std::nullopt;
  }
  return rel;
}

struct OcelJsonRun::Attribute {
  std::string name, time;
  model::Value value;
  std::uint64_t line = 0;
};

std::optional<OcelJsonRun::Attribute> OcelJsonRun::readAttribute(od::value v, std::uint64_t line) {
  od::object fields;
  if (!asObject(v, fields)) {
    m_map.skip(atLine(line), "an attribute must be an object; skipped");
    return std::nullopt;
  }
  Attribute a{{}, {}, {}, line};
  bool ok = true;
  for (auto field : fields) {
    std::string_view key;
    // A broken document is fatal; run() turns the exception into an ImportError.
    if (auto error = field.unescaped_key().get(key)) throw simdjson::simdjson_error(error);
    if (key == "name") {
      auto n = stringOf(field.value(), "attribute name", line);
      ok = ok && n.has_value();
      a.name = n.value_or("");
    } else if (key == "value") {
      auto value = scalarOf(field.value(), "attribute value", line);
      ok = ok && value.has_value();
      a.value = value.value_or(model::Value());
    } else if (key == "time") {
      auto t = stringOf(field.value(), "attribute time", line);
      ok = ok && t.has_value();
      a.time = t.value_or("");
    }
  }
  if (!ok || a.name.empty()) {
    m_map.skip(atLine(line), "an attribute needs a string 'name' and a scalar 'value'; skipped");
    return std::nullopt;
  }
  return a;
}

void OcelJsonRun::readObject(od::value v, std::uint64_t line) {
  od::object fields;
  if (!asObject(v, fields))
    return m_map.skip(atLine(line), "an object must be a JSON object; skipped");
  std::optional<std::string> id, type;
  std::vector<Attribute> attributes;
  std::vector<OcelRelationshipIn> relationships;
  for (auto field : fields) {
    std::string_view key;
    check(field.unescaped_key().get(key), line);
    od::value value = field.value();
    if (key == "id")
      id = stringOf(value, "object id", line);
    else if (key == "type")
      type = stringOf(value, "object type", line);
    else if (key == "attributes")
      forEachElement(value, "object attributes", line, [&](od::value a, std::uint64_t at) {
        if (auto attr = readAttribute(a, at)) attributes.push_back(std::move(*attr));
      });
    else if (key == "relationships")
      forEachElement(value, "object relationships", line, [&](od::value r, std::uint64_t at) {
        if (auto rel = readRelationship(r, at)) relationships.push_back(std::move(*rel));
      });
  }
  if (!id || !type)
    return m_map.skip(atLine(line), "an object needs a string 'id' and 'type'; skipped");
  if (!m_map.addObject(*id, *type, atLine(line))) return;
  for (const auto& a : attributes)
    m_map.addObjectAttribute(*id, a.name, a.value, a.time, atLine(a.line));
  for (auto& r : relationships) m_map.addObjectRelation(*id, std::move(r));
}

void OcelJsonRun::readEvent(od::value v, std::uint64_t line) {
  od::object fields;
  if (!asObject(v, fields))
    return m_map.skip(atLine(line), "an event must be a JSON object; skipped");
  OcelEventIn event;
  event.place.line = line;
  bool ok = true;
  auto text = [&](od::value x, std::string_view what, std::string& out) {
    auto s = stringOf(x, what, line);
    ok = ok && s.has_value();
    out = s.value_or("");
  };
  for (auto field : fields) {
    std::string_view key;
    check(field.unescaped_key().get(key), line);
    od::value value = field.value();
    if (key == "id")
      text(value, "event id", event.id);
    else if (key == "type")
      text(value, "event type", event.type);
    else if (key == "time")
      text(value, "event time", event.time);
    else if (key == "attributes")
      forEachElement(value, "event attributes", line, [&](od::value a, std::uint64_t at) {
        if (auto attr = readAttribute(a, at))
          event.attributes.emplace_back(std::move(attr->name), std::move(attr->value));
      });
    else if (key == "relationships")
      forEachElement(value, "event relationships", line, [&](od::value r, std::uint64_t at) {
        if (auto rel = readRelationship(r, at)) event.relationships.push_back(std::move(*rel));
      });
  }
  if (!ok || event.type.empty())
    return m_map.skip(atLine(line), "an event needs a string 'id', 'type' and 'time'; skipped");
  m_map.addEvent(std::move(event));
}

void OcelJsonRun::run() {
  try {
    walk();
  } catch (const simdjson::simdjson_error& e) {
    // Implicit conversions of simdjson results throw on a broken document; the parser is then
    // unusable, so this is fatal.
    fatal(e.error(), m_lastLine);
  }
}

void OcelJsonRun::walk() {
  if (auto error = simdjson::padded_string::load(m_ctx.path.string()).get(m_json))
    throw ImportError("cannot read '" + m_ctx.path.string() +
                      "': " + simdjson::error_message(error));
  if (auto error = m_parser.iterate(m_json).get(m_doc)) fatal(error, 1);
  bool declared = false;
  // Pass 1: declarations (objects and events need their attribute types).
  for (auto field : root()) {
    std::string_view key;
    check(field.unescaped_key().get(key), 0);
    if (key != "objectTypes" && key != "eventTypes") continue;
    declared = true;
    readTypes(field.value(), key == "objectTypes");
  }
  if (!declared)
    throw ImportError(m_ctx.diagnostics.where(1) +
                      ": not an OCEL 2.0 JSON log (no 'objectTypes' or 'eventTypes' key)");
  m_ctx.progress.report(0.1, "objects");
  for (const char* section : {"objects", "events"}) {
    for (auto field : root()) {
      std::string_view key;
      check(field.unescaped_key().get(key), 0);
      if (key != section) continue;
      od::value list = field.value();
      const bool objects = key == "objects";
      std::uint64_t n = 0;
      forEachElement(list, section, lineOf(list), [&](od::value v, std::uint64_t line) {
        if ((++n & 0xFFF) == 0 && m_ctx.progress.cancelled()) return;
        return objects ? readObject(v, line) : readEvent(v, line);
      });
    }
    if (std::string_view(section) == "objects") m_map.objectsDone();
    m_ctx.progress.report(0.5, "events");
  }
  m_map.finish();
}

class OcelJsonImporter final : public Importer {
 public:
  std::string_view name() const override { return "ocel-json"; }
  std::string_view description() const override { return "OCEL 2.0 JSON event log (.jsonocel)"; }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    const auto ext = path.extension().string();
    if (ext != ".jsonocel" && ext != ".json") return 0;
    const bool keys = head.find("\"objectTypes\"") != std::string_view::npos ||
                      head.find("\"eventTypes\"") != std::string_view::npos;
    if (ext == ".jsonocel") return keys ? 100 : 70;
    return keys ? 90 : 0;
  }
  void run(ImportContext& ctx) const override { OcelJsonRun(ctx).run(); }
};

}  // namespace

std::unique_ptr<Importer> makeOcelJsonImporter() {
  return std::make_unique<OcelJsonImporter>();
}

}  // namespace orglens::importers
