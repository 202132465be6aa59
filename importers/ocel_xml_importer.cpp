// OCEL 2.0 XML (`.xmlocel`, `.xml` with `<log>` and `<object-types>`), streamed with expat in
// 64 KiB blocks: memory stays bounded by the mapper's object index, not by the file.
#include <expat.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>

#include "importers/ocel_mapping.h"
#include "importers/registry.h"

namespace orglens::importers {
namespace {

const char* attr(const XML_Char** atts, std::string_view name) {
  for (int i = 0; atts[i]; i += 2)
    if (name == atts[i]) return atts[i + 1];
  return nullptr;
}

std::string attrOr(const XML_Char** atts, std::string_view name) {
  const char* v = attr(atts, name);
  return v ? std::string(v) : std::string();
}

class OcelXmlRun {
 public:
  explicit OcelXmlRun(ImportContext& ctx) : m_ctx(ctx), m_map(ctx) {}
  void run();

 private:
  // The element under the current one decides what a child means; `depth` 1 is <log>.
  enum class Section { None, ObjectTypes, EventTypes, Objects, Events };
  static void XMLCALL onStart(void* self, const XML_Char* name, const XML_Char** atts);
  static void XMLCALL onEnd(void* self, const XML_Char* name);
  static void XMLCALL onText(void* self, const XML_Char* text, int length);
  /// Runs a callback body; an exception (strict mode, a bug) stops the parser and is rethrown
  /// after XML_Parse returns, since it must not unwind through expat's C frames.
  template <class F>
  void guarded(F&& f);
  void start(std::string_view name, const XML_Char** atts);
  void end(std::string_view name);
  void startInSection(std::string_view name, const XML_Char** atts);
  OcelPlace place() const {
    return {static_cast<std::uint64_t>(XML_GetCurrentLineNumber(m_parser)), {}, 0};
  }

  ImportContext& m_ctx;
  OcelMapper m_map;
  XML_Parser m_parser = nullptr;
  std::exception_ptr m_error;
  int m_depth = 0;
  Section m_section = Section::None;
  // The declaration, object or event being read.
  std::string m_typeName;
  std::vector<OcelAttributeDecl> m_typeAttributes;
  std::string m_objectId;
  bool m_inObject = false, m_objectOk = false, m_inEvent = false;
  OcelEventIn m_event;
  // The <attribute> whose text is being collected.
  bool m_inAttribute = false;
  std::string m_attrName, m_attrTime, m_text;
  OcelPlace m_attrPlace;
};

template <class F>
void OcelXmlRun::guarded(F&& f) {
  if (m_error) return;
  try {
    f();
  } catch (...) {
    m_error = std::current_exception();
    XML_StopParser(m_parser, XML_FALSE);
  }
}

void XMLCALL OcelXmlRun::onStart(void* self, const XML_Char* name, const XML_Char** atts) {
  auto* run = static_cast<OcelXmlRun*>(self);
  run->guarded([&] { run->start(name, atts); });
}

void XMLCALL OcelXmlRun::onEnd(void* self, const XML_Char* name) {
  auto* run = static_cast<OcelXmlRun*>(self);
  run->guarded([&] { run->end(name); });
}

void XMLCALL OcelXmlRun::onText(void* self, const XML_Char* text, int length) {
  auto* run = static_cast<OcelXmlRun*>(self);
  if (run->m_inAttribute) run->m_text.append(text, static_cast<std::size_t>(length));
}

void OcelXmlRun::start(std::string_view name, const XML_Char** atts) {
  ++m_depth;
  if (m_depth == 1) {
    if (name != "log")
      throw ImportError(m_ctx.diagnostics.where(place().line) +
                        ": not an OCEL 2.0 XML log (root element <" + std::string(name) +
                        ">, expected <log>)");
    return;
  }
  if (m_depth == 2) {
    m_section = name == "object-types"  ? Section::ObjectTypes
                : name == "event-types" ? Section::EventTypes
                : name == "objects"     ? Section::Objects
                : name == "events"      ? Section::Events
                                        : Section::None;
    return;
  }
  startInSection(name, atts);
}

void OcelXmlRun::startInSection(std::string_view name, const XML_Char** atts) {
  const bool types = m_section == Section::ObjectTypes || m_section == Section::EventTypes;
  if (m_depth == 3 && types && (name == "object-type" || name == "event-type")) {
    m_typeName = attrOr(atts, "name");
    m_typeAttributes.clear();
  } else if (m_depth == 5 && types && name == "attribute") {
    OcelAttributeDecl decl{attrOr(atts, "name"), OcelType::String};
    const std::string type = attrOr(atts, "type");
    auto parsed = parseOcelType(type);
    if (!parsed) m_map.warn(place(), "unknown attribute type '" + type + "'; read as string");
    decl.type = parsed.value_or(OcelType::String);
    if (!decl.name.empty()) m_typeAttributes.push_back(std::move(decl));
  } else if (m_depth == 3 && m_section == Section::Objects && name == "object") {
    m_inObject = true;
    m_objectId = attrOr(atts, "id");
    m_objectOk = m_map.addObject(m_objectId, attrOr(atts, "type"), place());
  } else if (m_depth == 3 && m_section == Section::Events && name == "event") {
    m_inEvent = true;
    m_event = OcelEventIn{
        attrOr(atts, "id"), attrOr(atts, "type"), attrOr(atts, "time"), place(), {}, {}};
  } else if (m_depth == 5 && (m_inObject || m_inEvent) && name == "attribute") {
    m_inAttribute = true;
    m_attrName = attrOr(atts, "name");
    m_attrTime = attrOr(atts, "time");
    m_attrPlace = place();
    m_text.clear();
  } else if (m_depth == 5 && (m_inObject || m_inEvent) && name == "relationship") {
    OcelRelationshipIn rel{attrOr(atts, "object-id"), attrOr(atts, "qualifier"), place()};
    if (rel.objectId.empty())
      return m_map.skip(rel.place, "a relationship without an object-id; skipped");
    if (m_inEvent)
      m_event.relationships.push_back(std::move(rel));
    else if (m_objectOk)
      m_map.addObjectRelation(m_objectId, std::move(rel));
  }
}

void OcelXmlRun::end(std::string_view name) {
  const int depth = m_depth--;
  if (depth == 2) {
    if (m_section == Section::Objects) m_map.objectsDone();
    m_section = Section::None;
  } else if (depth == 3 && (name == "object-type" || name == "event-type")) {
    if (m_typeName.empty())
      return m_map.skip(place(), "a type declaration without a name; skipped");
    if (m_section == Section::ObjectTypes)
      m_map.declareObjectType(m_typeName, m_typeAttributes);
    else if (m_section == Section::EventTypes)
      m_map.declareEventType(m_typeName, m_typeAttributes);
  } else if (depth == 3 && name == "object") {
    m_inObject = false;
  } else if (depth == 3 && name == "event" && m_inEvent) {
    m_inEvent = false;
    m_map.addEvent(std::move(m_event));
  } else if (depth == 5 && name == "attribute" && m_inAttribute) {
    m_inAttribute = false;
    if (m_attrName.empty()) return m_map.skip(m_attrPlace, "an attribute without a name; skipped");
    if (m_inEvent)
      m_event.attributes.emplace_back(m_attrName, m_text);
    else if (m_objectOk)
      m_map.addObjectAttribute(m_objectId, m_attrName, m_text, m_attrTime, m_attrPlace);
  }
}

void OcelXmlRun::run() {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(m_ctx.path.c_str(), "rb"), &std::fclose);
  if (!file) throw ImportError("cannot read '" + m_ctx.path.string() + "'");
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  if (!parser) throw ImportError("out of memory creating the XML parser");
  m_parser = parser.get();
  XML_SetUserData(m_parser, this);
  XML_SetElementHandler(m_parser, &OcelXmlRun::onStart, &OcelXmlRun::onEnd);
  XML_SetCharacterDataHandler(m_parser, &OcelXmlRun::onText);
  std::error_code ec;
  const auto total = std::filesystem::file_size(m_ctx.path, ec);
  std::uint64_t done = 0;
  std::vector<char> buffer(64 * 1024);
  bool last = false;
  while (!last) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
    last = n < buffer.size();
    if (std::ferror(file.get())) throw ImportError("error reading '" + m_ctx.path.string() + "'");
    const auto status =
        XML_Parse(m_parser, buffer.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE);
    if (m_error) std::rethrow_exception(m_error);
    if (status != XML_STATUS_OK)
      throw ImportError(m_ctx.diagnostics.where(XML_GetCurrentLineNumber(m_parser)) +
                        ": invalid XML (" + XML_ErrorString(XML_GetErrorCode(m_parser)) +
                        "); nothing is imported from this file");
    done += n;
    if (total && !ec) m_ctx.progress.report(double(done) / double(total), "reading");
    if (m_ctx.progress.cancelled()) return;
  }
  m_map.finish();
}

class OcelXmlImporter final : public Importer {
 public:
  std::string_view name() const override { return "ocel-xml"; }
  std::string_view description() const override {
    return "OCEL 2.0 XML object-centric event log (.xmlocel)";
  }
  int sniff(const std::filesystem::path& path, std::string_view head) const override {
    const auto ext = path.extension().string();
    if (ext != ".xmlocel" && ext != ".xml") return 0;
    const bool ocel = head.find("<log") != std::string_view::npos &&
                      (head.find("<object-types") != std::string_view::npos ||
                       head.find("<event-types") != std::string_view::npos);
    if (ext == ".xmlocel") return ocel ? 100 : 70;
    return ocel ? 90 : 0;
  }
  void run(ImportContext& ctx) const override { OcelXmlRun(ctx).run(); }
};

}  // namespace

std::unique_ptr<Importer> makeOcelXmlImporter() {
  return std::make_unique<OcelXmlImporter>();
}

}  // namespace orglens::importers
