// Pseudonymisation at import (`orglens import --pseudonymize-key FILE`): every identity is
// replaced by a keyed HMAC-SHA256 of its normalised form before it reaches the store, so the
// store never holds a real name, address or id. See docs/privacy.md.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace orglens::importers {

/// The meta key that records a pseudonymised store: the key id (Pseudonymiser::keyId()).
inline constexpr const char* kPseudonymKeyIdMeta = "pseudonym_key_id";

/// The secret of a pseudonymised import: raw bytes, never stored anywhere.
struct PseudonymKey {
  std::string bytes;
};

/// Reads a key file as bytes; trailing '\n' and '\r' are trimmed (a key typed into an editor).
/// Throws ImportError naming the file and what to do when it is missing, unreadable, a
/// folder or shorter than kMinKeyBytes (after trimming).
PseudonymKey loadPseudonymKey(const std::filesystem::path& path);

/// The pseudonym of one identity: "p-" followed by the first 16 hex digits (64 bits) of
/// HMAC-SHA256(key, normalised identity). 64 bits keep pseudonyms readable; a collision
/// becomes likely only around 4 billion identities.
class Pseudonymiser {
 public:
  static constexpr std::size_t kMinKeyBytes = 16;
  static constexpr std::size_t kHexDigits = 16;

  explicit Pseudonymiser(PseudonymKey key);
  /// The pseudonym of an already normalised identity text. O(length of text).
  std::string pseudonym(std::string_view normalised) const;
  /// The pseudonym of a free text that names an identity (a diagnostic's quote, an attribute
  /// value): an e-mail address by its normalised address, anything else by the person-key
  /// normalisation (trimmed, inner spaces collapsed), so that it matches the pseudonym the
  /// identity got as an alias.
  std::string pseudonymOfText(std::string_view text) const;
  /// "h-" and 16 hex digits of an HMAC of a key that is not an identity but may embed one
  /// (a Message-ID such as "D34F.159A0%ann.smith@example.org" or "1234@ann-smith.net").
  /// Separate from pseudonym(), so that a message id never equals a person's pseudonym.
  std::string hashedKey(std::string_view key) const;
  /// A public fingerprint of the key (16 hex digits of HMAC(key, a fixed label)): recorded in
  /// the store so that imports with another key are refused. It reveals nothing of the key.
  const std::string& keyId() const { return m_keyId; }

 private:
  PseudonymKey m_key;
  std::string m_keyId;
};

}  // namespace orglens::importers
