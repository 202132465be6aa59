#include "analysis/variant_table.h"

#include <algorithm>
#include <functional>

#include "analysis/grouping.h"
#include "analysis/radix_sort.h"

namespace orglens::analysis::detail {
namespace {

template <class T, class Prefix>
void sortByPrefix(std::vector<T>& v, Prefix prefix) {
  constexpr std::size_t kRadixFrom = 1 << 16;  // below: a comparison sort costs less
  if (v.size() < kRadixFrom) {
    std::stable_sort(v.begin(), v.end(),
                     [&](const T& a, const T& b) { return prefix(a) < prefix(b); });
    return;
  }
  radixSort16(v, 2, [&](const T& x, int digit) { return (prefix(x) >> (16 * digit)) & 0xFFFFu; });
}

}  // namespace

void VariantTable::reserve(std::size_t items, std::size_t symbols) {
  m_pending.reserve(items);  // not backed: most items' variants are keys (VariantCodes)
  m_pool.reserve(symbols);   // nor this: items that share the log's memory leave it unused
}

void VariantTable::share(std::span<const std::uint32_t> shared) {
  m_shared = shared;
}

void VariantTable::push(const std::uint32_t* seq, std::size_t n) {
  const std::less_equal<const std::uint32_t*> notAfter;  // a total order, unlike <=
  const auto length = static_cast<std::uint32_t>(n);
  if (!m_shared.empty() && n < kShared && notAfter(m_shared.data(), seq) &&
      notAfter(seq + n, m_shared.data() + m_shared.size())) {
    const auto offset = static_cast<std::uint32_t>(seq - m_shared.data());
    m_pending.push_back({hashOf(seq, n), offset, length | kShared});
    return;
  }
  m_pending.push_back({hashOf(seq, n), static_cast<std::uint32_t>(m_pool.size()), length});
  m_pool.insert(m_pool.end(), seq, seq + n);
}

bool VariantTable::same(const Entry& e, std::uint64_t hash, const std::uint32_t* seq,
                        std::uint32_t length) const {
  if (e.hash != hash || sizeOf(e.length) != length) return false;
  const std::uint32_t* have = at(e.offset, e.length);
  std::uint32_t i = 0;
  while (i < length && have[i] == seq[i]) ++i;  // short sequences: no memcmp call
  return i == length;
}

void VariantTable::count() {
  if (m_pending.empty()) return;
  sortByPrefix(m_pending, [](const Pending& p) { return prefix(p.hash); });
  std::vector<Entry> fresh;
  std::size_t runStart = 0;           // the entries of `fresh` with the current prefix
  constexpr std::size_t kAhead = 16;  // an item's sequence is read when its run has others
  for (std::size_t i = 0; i < m_pending.size(); ++i) {
    if (i + kAhead < m_pending.size())
      __builtin_prefetch(at(m_pending[i + kAhead].offset, m_pending[i + kAhead].length));
    const Pending& p = m_pending[i];
    if (i == 0 || prefix(p.hash) != prefix(m_pending[i - 1].hash)) runStart = fresh.size();
    const std::uint32_t* seq = at(p.offset, p.length);
    auto known =
        std::find_if(fresh.begin() + static_cast<std::ptrdiff_t>(runStart), fresh.end(),
                     [&](const Entry& e) { return same(e, p.hash, seq, sizeOf(p.length)); });
    if (known != fresh.end())
      ++known->items;
    else
      fresh.push_back({p.hash, p.offset, p.length, 1});
  }
  m_pending.clear();
  if (m_entries.empty())
    m_entries.swap(fresh);
  else
    mergeSorted(fresh, *this);
}

void VariantTable::merge(const VariantTable& other) {
  mergeSorted(other.m_entries, other);
}

std::vector<VariantTable::Merged> VariantTable::mergedOf(
    std::span<const VariantTable* const> tables) {
  std::size_t total = 0;
  for (const auto* t : tables) total += t->m_entries.size();
  std::vector<Merged> out;
  out.reserve(total);
  std::vector<std::size_t> next(tables.size(), 0);  // each table's next entry
  for (;;) {
    bool any = false;
    std::uint32_t p = 0;  // the smallest prefix of the tables' next entries
    for (std::size_t t = 0; t < tables.size(); ++t) {
      if (next[t] == tables[t]->m_entries.size()) continue;
      const std::uint32_t q = prefix(tables[t]->m_entries[next[t]].hash);
      if (!any || q < p) p = q, any = true;
    }
    if (!any) return out;
    const std::size_t runStart = out.size();
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const auto& entries = tables[t]->m_entries;
      for (; next[t] < entries.size() && prefix(entries[next[t]].hash) == p; ++next[t]) {
        const Entry& e = entries[next[t]];
        const std::uint32_t* seq = tables[t]->at(e.offset, e.length);
        const auto known = std::find_if(
            out.begin() + static_cast<std::ptrdiff_t>(runStart), out.end(), [&](const Merged& m) {
              const VariantTable& other = *tables[m.table];
              return other.same(other.m_entries[m.entry], e.hash, seq, sizeOf(e.length));
            });
        if (known != out.end())
          known->items += e.items;
        else
          out.push_back(
              {static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(next[t]), e.items});
      }
    }
  }
}

void VariantTable::mergeSorted(const std::vector<Entry>& sorted, const VariantTable& from) {
  // An entry of `sorted` as one of this table: its sequence copied into m_pool when it lives in
  // another table's pool or in memory this table does not share.
  auto adopt = [&](const Entry& e) {
    Entry mine = e;
    const bool shared = (e.length & kShared) != 0;
    if (&from == this || (shared && from.m_shared.data() == m_shared.data() &&
                          from.m_shared.size() == m_shared.size()))
      return mine;
    const std::uint32_t* seq = from.at(e.offset, e.length);
    mine.offset = static_cast<std::uint32_t>(m_pool.size());
    mine.length = sizeOf(e.length);
    m_pool.insert(m_pool.end(), seq, seq + mine.length);
    return mine;
  };
  std::vector<Entry> out;
  out.reserve(m_entries.size() + sorted.size());
  std::size_t i = 0, j = 0;
  while (i < m_entries.size() || j < sorted.size()) {
    if (j == sorted.size() ||
        (i < m_entries.size() && prefix(m_entries[i].hash) < prefix(sorted[j].hash))) {
      out.push_back(m_entries[i++]);
      continue;
    }
    if (i == m_entries.size() || prefix(sorted[j].hash) < prefix(m_entries[i].hash)) {
      out.push_back(adopt(sorted[j++]));
      continue;
    }
    // One prefix on both sides: this table's entries first, then the other's new ones.
    const std::uint32_t p = prefix(sorted[j].hash);
    const std::size_t runStart = out.size();
    while (i < m_entries.size() && prefix(m_entries[i].hash) == p) out.push_back(m_entries[i++]);
    const std::size_t mineEnd = out.size();
    for (; j < sorted.size() && prefix(sorted[j].hash) == p; ++j) {
      const Entry& e = sorted[j];
      const std::uint32_t* seq = from.at(e.offset, e.length);
      const auto first = out.begin() + static_cast<std::ptrdiff_t>(runStart);
      const auto last = out.begin() + static_cast<std::ptrdiff_t>(mineEnd);
      auto known = std::find_if(
          first, last, [&](const Entry& x) { return same(x, e.hash, seq, sizeOf(e.length)); });
      if (known != last)
        known->items += e.items;
      else
        out.push_back(adopt(e));
    }
  }
  m_entries.swap(out);
}

}  // namespace orglens::analysis::detail
