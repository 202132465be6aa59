#include "reports/privacy.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sqlite3.h>

#include <algorithm>
#include <numeric>

#include "importers/import_file.h"

namespace orglens::reports {

std::string pseudonymSalt(const model::Store& store) {
  sqlite3_stmt* s = nullptr;
  std::string salt;
  if (sqlite3_prepare_v2(store.db(), "SELECT value FROM meta WHERE key = 'pseudonym_salt'", -1,
                         &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    salt = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  if (!salt.empty()) return salt;
  std::string hashes;
  for (const auto& source : store.sources()) hashes += source.sha256 + "\n";
  return importers::sha256Text(hashes);
}

std::string pseudonym(std::string_view salt, std::string_view key) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), salt.data(), static_cast<int>(salt.size()),
       reinterpret_cast<const unsigned char*>(key.data()), key.size(), mac, &length);
  static constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::uint64_t bits = 0;
  for (int i = 0; i < 5; ++i) bits = (bits << 8) | mac[i];  // 40 bits, 35 used
  std::string out = "P-";
  for (int i = 0; i < 7; ++i) out += kCrockford[(bits >> (35 - 5 * i)) & 31];
  return out;
}

const std::string& PersonNames::operator()(const std::string& key) const {
  const std::lock_guard lock(m_mutex);
  auto it = m_cache.find(key);
  if (it == m_cache.end())
    it = m_cache.emplace(key, m_showPeople || key == "-" ? key : pseudonym(m_salt, key)).first;
  return it->second;
}

std::size_t suppressSmallGroups(Table& table, const std::vector<std::uint64_t>& people,
                                unsigned k, std::size_t firstValueColumn, bool complementary) {
  const std::size_t n = std::min(people.size(), table.rows.size());
  std::vector<char> hidden(n, 0);
  std::uint64_t hiddenPeople = 0;
  std::size_t count = 0;
  for (std::size_t r = 0; r < n; ++r)
    if (people[r] < k) {
      hidden[r] = 1;
      hiddenPeople += people[r];
      ++count;
    }
  if (complementary && count > 0) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return people[a] < people[b]; });
    for (auto r : order) {
      if (count >= 2 && hiddenPeople >= k) break;
      if (hidden[r]) continue;
      hidden[r] = 1;
      hiddenPeople += people[r];
      ++count;
    }
  }
  for (std::size_t r = 0; r < n; ++r)
    if (hidden[r])
      for (std::size_t c = firstValueColumn; c < table.rows[r].size(); ++c)
        table.rows[r][c] = kSuppressedCell;
  if (count)
    table.note = std::to_string(count) + (count == 1 ? " row" : " rows") +
                 " suppressed: groups of fewer than " + std::to_string(k) + " people" +
                 (complementary ? " (and the smallest others, so that no total gives them away)"
                                : "") +
                 ".";
  return count;
}

}  // namespace orglens::reports
