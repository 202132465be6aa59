// Identity resolution: every alias (e-mail address, chat id, resource name, roster id) maps
// to one person.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/model_sink.h"

namespace orglens::model {

struct EmailOptions {
  /// Strip "+tag" from the local part ("ann+lists@x.org" → "ann@x.org"). Off by default:
  /// some organisations use plus addresses as distinct mailboxes.
  bool stripPlusTag = false;
};

/// Normalises an e-mail address: takes the address out of "Name <addr>" or
/// "addr (Name)", turns pipermail's "user at domain" into "user@domain", trims and lowercases.
/// Returns an empty string when the text holds no plausible address.
std::string normaliseEmail(std::string_view raw, const EmailOptions& options = {});
/// Normalises any alias for its kind (e-mails as above, others trimmed with inner spaces
/// collapsed; names also lowercased).
std::string normaliseAlias(AliasKind kind, std::string_view raw, const EmailOptions& options = {});

/// Resolves aliases to people through a sink, creating a person the first time an alias
/// is seen. Caches lookups per import (alias texts repeat on every row).
class IdentityResolver {
 public:
  explicit IdentityResolver(ModelSink& sink, EmailOptions options = {});
  /// The person behind `raw` of `kind`. Looks the alias up as its own kind, then as a roster
  /// id, then as an e-mail (when it looks like one); a new person gets the normalised alias
  /// as key and `displayName` (or the raw text) as name. Invalid id for an empty alias.
  PersonId resolve(AliasKind kind, std::string_view raw, std::string_view displayName = {});
  /// Number of people this resolver created.
  std::size_t created() const { return m_created; }

 private:
  ModelSink& m_sink;
  EmailOptions m_options;
  std::unordered_map<std::string, PersonId> m_cache;
  std::size_t m_created = 0;
};

}  // namespace orglens::model
