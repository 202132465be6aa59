// The one place where identities are pseudonymised at import: a ModelSink that wraps the
// store's (or a model's) sink and replaces every identity on its way in. Importers stay
// unaware of it: they normalise aliases as always, and this sink swaps the normalised text
// for its pseudonym. Because the pseudonym is a function of the normalised text, every
// lookup an importer makes (by alias, by person key, across kinds) finds the same people it
// would find without a key, so people and merges are the same, only renamed.
#pragma once

#include <string>
#include <unordered_map>

#include "importers/pseudonymiser.h"
#include "model/model_sink.h"

namespace orglens::importers {

class PseudonymisingSink final : public model::ModelSink {
 public:
  PseudonymisingSink(model::ModelSink& inner, const Pseudonymiser& pseudonymiser);

  model::StringId intern(std::string_view text) override { return m_inner.intern(text); }
  std::string_view text(model::StringId id) const override { return m_inner.text(id); }
  model::TypeId objectType(std::string_view name) override { return m_inner.objectType(name); }
  /// A person's key becomes its pseudonym, and so does its display name, whatever was given.
  model::ObjectId object(model::TypeId type, std::string_view key,
                         std::string_view name = {}) override;
  void addRelationTo(model::ObjectId from, model::TypeId type, std::string_view key,
                     model::StringId qualifier) override {
    m_inner.addRelationTo(from, type, type == m_person ? pseudonymOf(key) : maskedKey(key),
                          qualifier);
  }
  std::optional<model::ObjectId> findObject(model::TypeId type,
                                            std::string_view key) const override;
  model::TypeId typeOf(model::ObjectId object) const override { return m_inner.typeOf(object); }
  model::EventId addEvent(const model::EventRecord& event) override {
    return m_inner.addEvent(event);
  }
  void addEventLink(model::EventId event, const model::EventLink& link) override {
    m_inner.addEventLink(event, link);
  }
  void addRelation(const model::Relation& relation) override { m_inner.addRelation(relation); }
  /// A text value that names a known identity or is an e-mail address becomes a pseudonym.
  void setEventAttribute(model::EventId event, model::StringId key,
                         const model::Value& value) override;
  /// As setEventAttribute; on a person, every text value except the few known not to be
  /// identities (department, role, time zone, ...) becomes a pseudonym.
  void setObjectAttribute(model::ObjectId object, model::StringId key, const model::Value& value,
                          std::optional<model::MicrosUtc> time = std::nullopt) override;
  std::optional<model::PersonId> findAlias(model::AliasKind kind,
                                           std::string_view normalised) const override;
  void addAlias(model::AliasKind kind, std::string_view normalised,
                model::PersonId person) override;
  void mergePeople(model::PersonId from, model::PersonId into) override {
    m_inner.mergePeople(from, into);
  }
  model::SourceId currentSource() const override { return m_inner.currentSource(); }

  /// A diagnostic's message with the identities it quotes replaced: every quoted text
  /// ('...') that is an identity seen in this import or an e-mail address, and every
  /// address-like word outside quotes. Run over the kept diagnostics before they are stored.
  std::string scrub(std::string_view message) const;
  /// The pseudonym a free text maps to when it names an identity seen in this import
  /// (loosely: case and inner spaces aside; an address in any of its forms), or nullptr.
  const std::string* knownPseudonym(std::string_view text) const;

 private:
  /// The pseudonym of a normalised identity, remembered (under its loose form) for scrub()
  /// and attribute values.
  const std::string& pseudonymOf(std::string_view normalised) const;
  /// Remembers that `text` (a display name, say) stands for the identity with `pseudonym`.
  void remember(std::string_view text, const std::string& pseudonym) const;
  /// A non-person object key: hashed when it holds an '@' (see object()), else itself.
  std::string maskedKey(std::string_view key) const;
  model::Value maskValue(const model::Value& value, bool always) const;

  model::ModelSink& m_inner;
  const Pseudonymiser& m_pseudonymiser;
  model::TypeId m_person;
  // normalised identity → pseudonym (HMAC per text once); loose text → pseudonym. Lookups
  // from const members fill them, hence mutable.
  mutable std::unordered_map<std::string, std::string> m_pseudonyms;
  mutable std::unordered_map<std::string, std::string> m_known;
};

}  // namespace orglens::importers
