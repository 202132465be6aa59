// Model::dump(): the canonical text used to compare models (round-trip tests, debugging).
#include <algorithm>
#include <sstream>

#include "model/model.h"
#include "model/time_format.h"

namespace orglens::model {
namespace {

std::string optTime(const std::optional<MicrosUtc>& t) {
  return t ? formatIsoUtc(*t) : "-";
}

}  // namespace

std::string Model::dump() const {
  auto objName = [this](ObjectId id) -> std::string {
    if (!id.valid()) return "-";
    const auto& o = m_objects.at(id.value());
    return m_typeNames.at(o.type.value()) + ":" + std::string(text(o.key));
  };
  std::ostringstream out;
  out << "types";
  for (const auto& t : m_typeNames) out << ' ' << t;
  out << '\n';
  for (const auto& o : m_objects)
    out << "object " << m_typeNames.at(o.type.value()) << ':' << text(o.key)
        << " name=" << text(o.name) << '\n';
  for (std::size_t i = 0; i < m_events.size(); ++i) {
    const auto& e = m_events[i];
    out << "event " << i << ' ' << formatIsoUtc(e.time) << ' ' << text(e.activity)
        << " actor=" << objName(e.actor.object()) << " item=" << objName(e.item)
        << " lifecycle=" << toString(e.lifecycle) << " tool=" << text(e.tool)
        << " platform=" << toString(e.platform) << " source=" << e.source.value() << '\n';
  }
  std::vector<std::string> lines;
  for (const auto& [event, link] : m_links)
    lines.push_back("link " + std::to_string(event.value()) + ' ' + objName(link.object) + ' ' +
                    std::string(text(link.qualifier)));
  for (const auto& r : m_relations)
    lines.push_back("relation " + objName(r.from) + ' ' + std::string(text(r.qualifier)) + ' ' +
                    objName(r.to) + ' ' + optTime(r.validFrom) + ' ' + optTime(r.validTo));
  for (const auto& a : m_eventAttributes)
    lines.push_back("eattr " + std::to_string(a.event.value()) + ' ' + std::string(text(a.key)) +
                    '=' + formatValue(a.value) +
                    " type=" + std::to_string(static_cast<int>(valueType(a.value))));
  for (const auto& a : objectAttributes())
    lines.push_back(
        "oattr " + objName(a.object) + ' ' + std::string(text(a.key)) + '=' + formatValue(a.value) +
        " type=" + std::to_string(static_cast<int>(valueType(a.value))) + " at " + optTime(a.time));
  for (const auto& a : aliases())
    lines.push_back("alias " + std::string(toString(a.kind)) + ':' + a.value + " -> " +
                    objName(a.person.object()));
  std::sort(lines.begin(), lines.end());
  for (const auto& l : lines) out << l << '\n';
  return out.str();
}

}  // namespace orglens::model
