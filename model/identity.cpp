#include "model/identity.h"

#include <algorithm>
#include <cctype>

#include "model/text.h"

namespace orglens::model {
namespace {

std::string collapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trimAscii(s)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string normaliseEmail(std::string_view raw, const EmailOptions& options) {
  std::string_view s = trimAscii(raw);
  // "Name <addr>" → addr
  if (auto lt = s.rfind('<'); lt != std::string_view::npos) {
    auto gt = s.find('>', lt);
    s = trimAscii(
        s.substr(lt + 1, gt == std::string_view::npos ? std::string_view::npos : gt - lt - 1));
  } else if (auto paren = s.find('('); paren != std::string_view::npos) {
    s = trimAscii(s.substr(0, paren));  // "addr (Name)"
  }
  std::string address = asciiLower(s);
  // pipermail writes "user at domain"
  if (address.find('@') == std::string::npos) {
    if (auto at = address.find(" at "); at != std::string::npos)
      address = address.substr(0, at) + '@' + address.substr(at + 4);
  }
  address.erase(std::remove_if(address.begin(), address.end(),
                               [](unsigned char c) { return std::isspace(c); }),
                address.end());
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= address.size() ||
      address.find('@', at + 1) != std::string::npos)
    return {};
  if (options.stripPlusTag) {
    if (auto plus = address.find('+'); plus != std::string::npos && plus < at)
      address.erase(plus, at - plus);
  }
  return address;
}

std::string normaliseAlias(AliasKind kind, std::string_view raw, const EmailOptions& options) {
  switch (kind) {
    case AliasKind::Email:
      return normaliseEmail(raw, options);
    case AliasKind::Name:
    case AliasKind::GithubLogin:  // logins are case-insensitive on GitHub
      return asciiLower(collapseSpaces(raw));
    default:
      return collapseSpaces(raw);
  }
}

IdentityResolver::IdentityResolver(ModelSink& sink, EmailOptions options)
    : m_sink(sink), m_options(options) {}

PersonId IdentityResolver::resolve(AliasKind kind, std::string_view raw,
                                   std::string_view displayName) {
  std::string cacheKey(1, static_cast<char>('0' + static_cast<int>(kind)));
  cacheKey.append(raw);
  if (auto it = m_cache.find(cacheKey); it != m_cache.end()) return it->second;
  const std::string alias = normaliseAlias(kind, raw, m_options);
  if (alias.empty()) return PersonId();
  std::optional<PersonId> person = m_sink.findAlias(kind, alias);
  if (!person && kind != AliasKind::PersonKey)
    person = m_sink.findAlias(AliasKind::PersonKey, alias);
  if (!person && kind != AliasKind::Email && alias.find('@') != std::string::npos) {
    const std::string email = normaliseEmail(alias, m_options);
    if (!email.empty()) person = m_sink.findAlias(AliasKind::Email, email);
  }
  if (!person) {
    const TypeId personType = typeId(BuiltinType::Person);
    const bool exists = m_sink.findObject(personType, alias).has_value();
    person = PersonId::of(
        m_sink.object(personType, alias, displayName.empty() ? trimAscii(raw) : displayName));
    if (!exists) ++m_created;
  }
  m_sink.addAlias(kind, alias, *person);
  m_cache.emplace(std::move(cacheKey), *person);
  return *person;
}

}  // namespace orglens::model
