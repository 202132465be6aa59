// Privacy rules of every table a person reads (docs/privacy.md, "In reports"): people appear
// as stable pseudonyms unless asked otherwise, and no figure stands for fewer than k people.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/store.h"
#include "reports/table.h"

namespace orglens::reports {

struct PrivacyOptions {
  bool showPeople = false;  // --show-people: real keys instead of pseudonyms
  unsigned minGroup = 5;    // k: aggregates over fewer people are suppressed (--min-group)
};

/// The store's secret for report pseudonyms: the `pseudonym_salt` meta value written by the
/// first import. A store without one (written before the rule) gets a salt derived from the
/// SHA-256 of its sources, which is stable but as guessable as the source files themselves.
std::string pseudonymSalt(const model::Store& store);

/// "P-" and 7 Crockford base-32 characters of HMAC-SHA256(salt, key): 35 bits, so two people
/// of a 10,000-person organisation share a pseudonym with a chance of about 0.15%.
std::string pseudonym(std::string_view salt, std::string_view key);

/// How people are shown: their key (with --show-people) or their pseudonym. Caches per key;
/// may be called from several threads at once (the report builds its sections side by side).
class PersonNames {
 public:
  PersonNames(std::string salt, bool showPeople)
      : m_salt(std::move(salt)), m_showPeople(showPeople) {}
  const std::string& operator()(const std::string& key) const;
  bool showPeople() const { return m_showPeople; }

 private:
  std::string m_salt;
  bool m_showPeople;
  mutable std::mutex m_mutex;  // guards m_cache (its entries never move once made)
  mutable std::unordered_map<std::string, std::string> m_cache;
};

/// Withholds the rows of `table` whose group has fewer than `k` people: every cell from
/// `firstValueColumn` on becomes kSuppressedCell. `people[r]` is row r's group size.
/// With `complementary` (the rows partition a population whose total is shown elsewhere),
/// more rows are withheld, smallest groups first, until the withheld rows are none or at least
/// two and together cover at least `k` people — so that no withheld figure can be recovered
/// by subtracting the shown rows from the total. Returns the number of rows withheld and sets
/// the table's note.
std::size_t suppressSmallGroups(Table& table, const std::vector<std::uint64_t>& people,
                                unsigned k, std::size_t firstValueColumn, bool complementary);

}  // namespace orglens::reports
