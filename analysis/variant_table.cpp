#include "analysis/variant_table.h"

namespace orglens::analysis::detail {

void VariantTable::reserve(std::size_t items, std::size_t symbols) {
  m_pending.reserve(items);
  m_entries.reserve(items);
  m_pool.reserve(symbols);
}

void VariantTable::push(const std::uint32_t* seq, std::size_t n) {
  m_pending.push_back(
      {hashOf(seq, n), static_cast<std::uint32_t>(m_pool.size()), static_cast<std::uint32_t>(n)});
  m_pool.insert(m_pool.end(), seq, seq + n);
}

VariantTable::Entry& VariantTable::find(std::uint64_t hash, std::uint32_t offset,
                                        std::uint32_t length) {
  const std::size_t mask = m_slots.size() - 1;
  const std::uint32_t* seq = m_pool.data() + offset;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const std::uint64_t slot = m_slots[s];
    if (slot == 0) {
      m_slots[s] = slotOf(hash, m_entries.size());
      return m_entries.emplace_back(Entry{hash, offset, length, 0});
    }
    if ((slot & kTag) != (hash & kTag)) continue;
    Entry& e = m_entries[(slot & ~kTag) - 1];
    if (e.hash != hash || e.length != length) continue;
    const std::uint32_t* have = m_pool.data() + e.offset;
    std::uint32_t i = 0;
    while (i < length && have[i] == seq[i]) ++i;  // short sequences: no memcmp call
    if (i == length) return e;
  }
}

/// Stage 0 fetches the home slot of `hash`; stage 1, once that slot is cached, the entry it
/// points to; stage 2 that entry's sequence. Hints only: the table may change before the
/// variant is looked up, which costs time, never correctness.
void VariantTable::prefetch(std::uint64_t hash, std::size_t stage) const {
  const std::uint64_t* slot = m_slots.data() + (hash & (m_slots.size() - 1));
  if (stage == 0) {
    __builtin_prefetch(slot);
    return;
  }
  if (*slot == 0 || (*slot & kTag) != (hash & kTag)) return;
  const std::uint64_t entry = (*slot & ~kTag) - 1;
  if (entry >= m_entries.size()) return;
  const Entry& e = m_entries[entry];
  if (stage == 1)
    __builtin_prefetch(&e);
  else
    __builtin_prefetch(m_pool.data() + e.offset);
}

void VariantTable::slotsFor(std::size_t entries) {
  std::size_t slots = m_slots.size();
  while (slots < 2 * entries) slots *= 2;
  if (slots > m_slots.size()) grow(slots);
}

void VariantTable::count() {
  slotsFor(m_entries.size() + m_pending.size());
  for (std::size_t i = 0; i < m_pending.size(); ++i) {
    for (std::size_t stage = 0; stage < 3; ++stage)
      if (const std::size_t at = i + (3 - stage) * kAhead; at < m_pending.size())
        prefetch(m_pending[at].hash, stage);
    const Pending& p = m_pending[i];
    ++find(p.hash, p.offset, p.length).items;
  }
  m_pending.clear();
}

void VariantTable::add(const std::uint32_t* seq, std::size_t n, std::uint64_t hash,
                       std::uint64_t items) {
  if (2 * (m_entries.size() + 1) > m_slots.size()) grow(m_slots.size() * 2);
  const auto offset = static_cast<std::uint32_t>(m_pool.size());
  m_pool.insert(m_pool.end(), seq, seq + n);
  Entry& e = find(hash, offset, static_cast<std::uint32_t>(n));
  e.items += items;
  if (e.offset != offset) m_pool.resize(offset);  // known already: drop the copy
}

void VariantTable::merge(const VariantTable& other) {
  slotsFor(m_entries.size() + other.m_entries.size());
  const auto& theirs = other.m_entries;
  for (std::size_t i = 0; i < theirs.size(); ++i) {  // prefetching as count() does
    for (std::size_t stage = 0; stage < 3; ++stage)
      if (const std::size_t at = i + (3 - stage) * kAhead; at < theirs.size())
        prefetch(theirs[at].hash, stage);
    const Entry& e = theirs[i];
    const auto seq = other.sequence(e);
    add(seq.data(), seq.size(), e.hash, e.items);
  }
}

void VariantTable::grow(std::size_t slots) {
  m_slots.assign(slots, 0);
  const std::size_t mask = m_slots.size() - 1;
  for (std::uint32_t i = 0; i < m_entries.size(); ++i) {
    std::size_t s = m_entries[i].hash & mask;
    while (m_slots[s] != 0) s = (s + 1) & mask;
    m_slots[s] = slotOf(m_entries[i].hash, i);
  }
}

}  // namespace orglens::analysis::detail
