#include "importers/pseudonymiser.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <fstream>
#include <iterator>

#include "importers/importer.h"
#include "model/identity.h"

namespace orglens::importers {
namespace {

std::string hmacHex(const std::string& key, std::string_view text, std::size_t digits) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest, &length);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length && out.size() < digits; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

const char* const kHowToMake =
    "; make a key with `head -c 32 /dev/urandom > KEYFILE` and keep it secret (the same key "
    "gives the same pseudonyms in every import)";

}  // namespace

PseudonymKey loadPseudonymKey(const std::filesystem::path& path) {
  const std::string where = "--pseudonymize-key '" + path.string() + "'";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw ImportError(where + ": no such file" + kHowToMake);
  if (std::filesystem::is_directory(path, ec))
    throw ImportError(where + ": is a folder, not a key file" + kHowToMake);
  std::ifstream in(path, std::ios::binary);
  PseudonymKey key;
  if (in) key.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof())
    throw ImportError(where + ": cannot read the file (check its permissions)" + kHowToMake);
  // An editor or `echo` adds a line end that is not meant as part of the secret.
  while (!key.bytes.empty() && (key.bytes.back() == '\n' || key.bytes.back() == '\r'))
    key.bytes.pop_back();
  if (key.bytes.size() < Pseudonymiser::kMinKeyBytes)
    throw ImportError(where + ": the key has " + std::to_string(key.bytes.size()) +
                      " bytes; at least " + std::to_string(Pseudonymiser::kMinKeyBytes) +
                      " are needed" + kHowToMake);
  return key;
}

Pseudonymiser::Pseudonymiser(PseudonymKey key) : m_key(std::move(key)) {
  m_keyId = hmacHex(m_key.bytes, "orglens pseudonym key id", kHexDigits);
}

std::string Pseudonymiser::pseudonym(std::string_view normalised) const {
  return "p-" + hmacHex(m_key.bytes, normalised, kHexDigits);
}

std::string Pseudonymiser::hashedKey(std::string_view key) const {
  std::string input = "key\x1f";
  input += key;
  return "h-" + hmacHex(m_key.bytes, input, kHexDigits);
}

std::string Pseudonymiser::pseudonymOfText(std::string_view text) const {
  if (text.find('@') != std::string_view::npos) {
    const std::string email = model::normaliseEmail(text);
    if (!email.empty()) return pseudonym(email);
  }
  return pseudonym(model::normaliseAlias(model::AliasKind::PersonKey, text));
}

}  // namespace orglens::importers
