#include "importers/pseudonymising_sink.h"

#include <array>

#include "importers/ocel_mapping.h"
#include "model/identity.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

/// Attributes importers set on people that describe the position, not the identity. Any other
/// text on a person (an OCEL log's "name" or "email", say) is pseudonymised: unknown keys are
/// treated as identities, so that a new importer or log cannot leak one by default.
bool isPlainPersonAttribute(std::string_view key) {
  static constexpr std::array<std::string_view, 5> kPlain = {"department", "role", "timezone",
                                                             "kind", kOcelTypeAttribute};
  for (auto k : kPlain)
    if (k == key) return true;
  return false;
}

/// The form under which texts are remembered and looked up: trimmed, inner spaces collapsed,
/// lower case, so that "Ann  Smith" in a diagnostic matches the name "ann smith".
std::string loose(std::string_view text) {
  return model::normaliseAlias(model::AliasKind::Name, text);
}

bool isWordBreak(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

PseudonymisingSink::PseudonymisingSink(model::ModelSink& inner, const Pseudonymiser& pseudonymiser)
    : m_inner(inner),
      m_pseudonymiser(pseudonymiser),
      m_person(model::typeId(model::BuiltinType::Person)) {}

const std::string& PseudonymisingSink::pseudonymOf(std::string_view normalised) const {
  auto [it, inserted] = m_pseudonyms.try_emplace(std::string(normalised));
  if (inserted) {
    it->second = m_pseudonymiser.pseudonym(normalised);
    remember(normalised, it->second);
  }
  return it->second;
}

void PseudonymisingSink::remember(std::string_view text, const std::string& pseudonym) const {
  std::string key = loose(text);
  if (!key.empty()) m_known.try_emplace(std::move(key), pseudonym);
}

const std::string* PseudonymisingSink::knownPseudonym(std::string_view text) const {
  if (auto it = m_known.find(loose(text)); it != m_known.end()) return &it->second;
  if (text.find('@') != std::string_view::npos) {
    const std::string email = model::normaliseEmail(text);
    if (auto it = m_known.find(email); !email.empty() && it != m_known.end()) return &it->second;
  }
  return nullptr;
}

std::string PseudonymisingSink::maskedKey(std::string_view key) const {
  return key.find('@') == std::string_view::npos ? std::string(key)
                                                 : m_pseudonymiser.hashedKey(key);
}

model::ObjectId PseudonymisingSink::object(model::TypeId type, std::string_view key,
                                           std::string_view name) {
  if (type != m_person) {
    // Message-IDs (and thread keys, which are root Message-IDs) often carry the sender's
    // address or personal domain; the same id always gives the same hashed key, so
    // duplicates and replies are still found. Other keys (Slack's channel/ts) stay readable.
    const std::string masked = name.find('@') == std::string_view::npos ? "" : scrub(name);
    return m_inner.object(type, maskedKey(key), masked.empty() ? name : masked);
  }
  const std::string pseudonym = pseudonymOf(key);
  // The display name goes; it still maps to the person's pseudonym wherever it is quoted.
  if (!name.empty()) remember(name, pseudonym);
  return m_inner.object(type, pseudonym, pseudonym);
}

std::optional<model::ObjectId> PseudonymisingSink::findObject(model::TypeId type,
                                                              std::string_view key) const {
  return m_inner.findObject(type, type == m_person ? pseudonymOf(key) : maskedKey(key));
}

std::optional<model::PersonId> PseudonymisingSink::findAlias(model::AliasKind kind,
                                                             std::string_view normalised) const {
  return m_inner.findAlias(kind, pseudonymOf(normalised));
}

void PseudonymisingSink::addAlias(model::AliasKind kind, std::string_view normalised,
                                  model::PersonId person) {
  m_inner.addAlias(kind, pseudonymOf(normalised), person);
}

model::Value PseudonymisingSink::maskValue(const model::Value& value, bool always) const {
  const auto* text = std::get_if<std::string>(&value);
  if (!text || text->empty()) return value;
  if (const std::string* known = knownPseudonym(*text)) return *known;
  if (always || text->find('@') != std::string::npos) {
    const std::string email = model::normaliseEmail(*text);
    if (always || !email.empty()) return m_pseudonymiser.pseudonymOfText(*text);
  }
  return value;
}

void PseudonymisingSink::setEventAttribute(model::EventId event, model::StringId key,
                                           const model::Value& value) {
  m_inner.setEventAttribute(event, key, maskValue(value, false));
}

void PseudonymisingSink::setObjectAttribute(model::ObjectId object, model::StringId key,
                                            const model::Value& value,
                                            std::optional<model::MicrosUtc> time) {
  const bool identity = typeOf(object) == m_person && !isPlainPersonAttribute(text(key));
  m_inner.setObjectAttribute(object, key, maskValue(value, identity), time);
}

std::string PseudonymisingSink::scrub(std::string_view message) const {
  std::string out;
  out.reserve(message.size());
  bool quoted = false;
  while (true) {
    const auto quote = message.find('\'');
    const std::string_view part = message.substr(0, quote);
    if (quoted) {
      const std::string* known = knownPseudonym(part);
      out += known                                      ? *known
             : part.find('@') != std::string_view::npos ? m_pseudonymiser.pseudonymOfText(part)
                                                        : std::string(part);
    } else {
      // Outside quotes only single words can be recognised: addresses.
      std::size_t start = 0;
      for (std::size_t i = 0; i <= part.size(); ++i) {
        if (i < part.size() && !isWordBreak(part[i])) continue;
        const std::string_view word = part.substr(start, i - start);
        const std::string_view bare = model::trimAscii(word, "<>()[]{},;:\"");
        if (bare.find('@') != std::string_view::npos && bare.size() > 1)
          out += m_pseudonymiser.pseudonymOfText(bare);
        else
          out += word;
        if (i < part.size()) out += part[i];
        start = i + 1;
      }
    }
    if (quote == std::string_view::npos) break;
    out += '\'';
    message.remove_prefix(quote + 1);
    quoted = !quoted;
  }
  return out;
}

}  // namespace orglens::importers
