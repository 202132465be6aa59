#include "model/session_cache.h"

#include <algorithm>
#include <cstring>
#include <functional>

#include "model/splitmix.h"

namespace orglens::model {
namespace {

/// Slots for `capacity` entries at most half full (linear probing stays short): a power of two.
std::size_t tableSize(std::size_t capacity) {
  std::size_t size = 16;
  while (size < 2 * capacity) size *= 2;
  return size;
}

/// Tables start at this size and double as they fill (a small import should not pay for
/// clearing megabytes); once grown they keep their size for the rest of the session.
constexpr std::size_t kFirstTableSize = 1024;

/// Re-inserts every used slot of `table` into one twice its size (`slotOf` finds the new slot).
template <class Slot, class Used, class Home>
void grow(std::vector<Slot>& table, Used used, Home home) {
  std::vector<Slot> bigger(table.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (const Slot& slot : table) {
    if (!used(slot)) continue;
    std::size_t i = home(slot) & mask;
    while (used(bigger[i])) i = (i + 1) & mask;
    bigger[i] = slot;
  }
  table.swap(bigger);
}

/// Spreads an integer key over the table (Fibonacci hashing; ids and keys are dense).
std::size_t mix(std::uint64_t key) {
  key *= 0x9E3779B97F4A7C15ULL;
  return static_cast<std::size_t>(key ^ (key >> 29));
}

}  // namespace

// ---- StringCache -------------------------------------------------------------------------

const char* StringCache::Arena::store(std::string_view text) {
  if (text.size() > kBlock / 4) {  // rare: its own block, freed with the generation
    m_large.push_back(std::make_unique<char[]>(text.size()));
    std::memcpy(m_large.back().get(), text.data(), text.size());
    return m_large.back().get();
  }
  if (m_blocks.empty() || m_used + text.size() > kBlock) {
    if (!m_blocks.empty()) ++m_block, m_used = 0;
    if (m_block == m_blocks.size()) m_blocks.push_back(std::make_unique<char[]>(kBlock));
  }
  char* out = m_blocks[m_block].get() + m_used;
  if (!text.empty()) std::memcpy(out, text.data(), text.size());
  m_used += text.size();
  return out;
}

void StringCache::Generation::clear() {
  std::fill(byText.begin(), byText.end(), TextSlot{});
  std::fill(byId.begin(), byId.end(), IdSlot{});
  arena.clear();
  arena.m_large.clear();
  count = 0;
}

const StringCache::TextSlot* StringCache::Generation::find(std::string_view text,
                                                           std::uint64_t hash) const {
  const std::size_t mask = byText.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const TextSlot& slot = byText[i];
    if (!slot.data) return nullptr;
    if (slot.hash == hash && slot.size == text.size() &&
        std::memcmp(slot.data, text.data(), text.size()) == 0)
      return &slot;
  }
}

const StringCache::IdSlot* StringCache::Generation::find(std::uint32_t id) const {
  const std::size_t mask = byId.size() - 1;
  for (std::size_t i = mix(id) & mask;; i = (i + 1) & mask) {
    const IdSlot& slot = byId[i];
    if (slot.id == id) return &slot;
    if (slot.id == StringId::kInvalid) return nullptr;
  }
}

StringCache::StringCache(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1)), m_maxSize(tableSize(m_capacity)) {
  for (auto* g : {&m_current, &m_retired}) {
    g->byText.resize(std::min(kFirstTableSize, m_maxSize));
    g->byId.resize(std::min(kFirstTableSize, m_maxSize));
  }
}

std::uint64_t StringCache::hashOf(std::string_view text) {
  return std::hash<std::string_view>()(text);
}

std::optional<StringId> StringCache::find(std::string_view text) {
  const std::uint64_t hash = hashOf(text);
  if (const TextSlot* slot = m_current.find(text, hash)) return StringId(slot->id);
  if (const TextSlot* slot = m_retired.find(text, hash)) {
    const StringId id(slot->id);
    const std::string_view kept = makeRoom(text);
    insert(kept, hash, id);
    return id;
  }
  return std::nullopt;
}

std::optional<StringId> StringCache::findConst(std::string_view text) const {
  const std::uint64_t hash = hashOf(text);
  for (const auto* g : {&m_current, &m_retired})
    if (const TextSlot* slot = g->find(text, hash)) return StringId(slot->id);
  return std::nullopt;
}

std::optional<std::string_view> StringCache::text(StringId id) {
  if (const IdSlot* slot = m_current.find(id.value()))
    return std::string_view(slot->data, slot->size);
  if (const IdSlot* slot = m_retired.find(id.value())) {
    const std::string_view text(slot->data, slot->size);
    return add(text, id);
  }
  return std::nullopt;
}

std::string_view StringCache::add(std::string_view text, StringId id) {
  const std::string_view kept = makeRoom(text);
  return insert(kept, hashOf(kept), id);
}

std::string_view StringCache::makeRoom(std::string_view keep) {
  if (m_current.count < m_capacity) return keep;
  m_scratch.assign(keep);  // `keep` may be a text of the generation cleared below
  std::swap(m_current, m_retired);
  m_current.clear();
  return m_scratch;
}

std::string_view StringCache::insert(std::string_view text, std::uint64_t hash, StringId id) {
  Generation& g = m_current;
  if (2 * (g.count + 1) > g.byText.size() && g.byText.size() < m_maxSize) {
    grow(
        g.byText, [](const TextSlot& s) { return s.data != nullptr; },
        [](const TextSlot& s) { return s.hash; });
    grow(
        g.byId, [](const IdSlot& s) { return s.id != StringId::kInvalid; },
        [](const IdSlot& s) { return mix(s.id); });
  }
  const std::size_t mask = g.byText.size() - 1;
  bool added = false;
  std::size_t i = hash & mask;
  for (;; i = (i + 1) & mask) {
    TextSlot& slot = m_current.byText[i];
    if (!slot.data) break;
    if (slot.hash == hash && slot.size == text.size() &&
        std::memcmp(slot.data, text.data(), text.size()) == 0) {
      slot.id = id.value();  // already here: re-pointed, as a map's operator[] would
      break;
    }
  }
  TextSlot& slot = g.byText[i];
  if (!slot.data) {
    slot = {hash, g.arena.store(text), static_cast<std::uint32_t>(text.size()), id.value()};
    added = true;
  }
  for (std::size_t j = mix(id.value()) & mask;; j = (j + 1) & mask) {
    IdSlot& byId = g.byId[j];
    if (byId.id == id.value() || byId.id == StringId::kInvalid) {
      added |= byId.id == StringId::kInvalid;
      byId = {id.value(), slot.size, slot.data};
      break;
    }
  }
  // Counted once per call that took a slot in either table, so neither is ever over half full.
  g.count += added ? 1 : 0;
  return {slot.data, slot.size};
}

// ---- StringFilter ------------------------------------------------------------------------

StringFilter::StringFilter() : m_words(std::size_t{1} << (kBits - 6)) {}

std::uint64_t StringFilter::hashOf(std::string_view text) {
  // Not the cache tables' hash: a filter position must not follow from a table slot.
  return mix(std::hash<std::string_view>()(text) ^ 0x5BD1E9955BD1E995ULL);
}

// Blocked: the kProbes bits of a text lie in one 512-bit block (one cache line), so a test or
// an add costs one memory access, not kProbes; the block from the hash's top bits, the bits
// within it from 9-bit fields of its low bits.
void StringFilter::addHash(std::uint64_t hash) {
  std::uint64_t* block = &m_words[(hash >> (64 - (kBits - 9))) * 8];
  for (int i = 0; i < kProbes; ++i) {
    const auto bit = (hash >> (9 * i)) & 511;
    block[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
}

bool StringFilter::mayContainHash(std::uint64_t hash) const {
  const std::uint64_t* block = &m_words[(hash >> (64 - (kBits - 9))) * 8];
  for (int i = 0; i < kProbes; ++i) {
    const auto bit = (hash >> (9 * i)) & 511;
    if (!(block[bit >> 6] & (std::uint64_t{1} << (bit & 63)))) return false;
  }
  return true;
}

// ---- ObjectCache -------------------------------------------------------------------------

void ObjectCache::Generation::clear() {
  std::fill(byKey.begin(), byKey.end(), KeySlot{});
  std::fill(byId.begin(), byId.end(), IdSlot{});
  count = 0;
}

ObjectCache::KeySlot* ObjectCache::Generation::slotOf(std::uint64_t key) {
  const std::size_t mask = byKey.size() - 1;
  for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask)
    if (byKey[i].key == key || byKey[i].key == kEmpty) return &byKey[i];
}

const ObjectCache::IdSlot* ObjectCache::Generation::find(std::uint32_t id) const {
  const std::size_t mask = byId.size() - 1;
  for (std::size_t i = mix(id) & mask;; i = (i + 1) & mask) {
    if (byId[i].id == id) return &byId[i];
    if (byId[i].id == ObjectId::kInvalid) return nullptr;
  }
}

ObjectCache::ObjectCache(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1)), m_maxSize(tableSize(m_capacity)) {
  for (auto* g : {&m_current, &m_retired}) {
    g->byKey.resize(std::min(kFirstTableSize, m_maxSize));
    g->byId.resize(std::min(kFirstTableSize, m_maxSize));
  }
}

CachedObject* ObjectCache::find(std::uint64_t key) {
  if (KeySlot* slot = m_current.slotOf(key); slot->key == key) return &slot->object;
  if (KeySlot* slot = m_retired.slotOf(key); slot->key == key)
    return &add(key, slot->object);  // by value: the retired slot may be cleared by this add
  return nullptr;
}

const CachedObject* ObjectCache::findConst(std::uint64_t key) const {
  for (const auto* g : {&m_current, &m_retired}) {
    // slotOf only reads; it is not const because find() writes through its result.
    const KeySlot* slot = const_cast<Generation*>(g)->slotOf(key);
    if (slot->key == key) return &slot->object;
  }
  return nullptr;
}

std::optional<TypeId> ObjectCache::typeOf(ObjectId id) const {
  for (const auto* g : {&m_current, &m_retired})
    if (const IdSlot* slot = g->find(id.value())) return slot->type;
  return std::nullopt;
}

namespace {

/// The filter hash of an object key (all bits mixed; not a table slot's hash).
std::uint64_t droppedHash(std::uint64_t key) {
  return splitMix64(key);
}

}  // namespace

CachedObject& ObjectCache::add(std::uint64_t key, CachedObject object) {
  if (m_current.count >= m_capacity) {
    std::swap(m_current, m_retired);
    if (!m_dropped) m_dropped = std::make_unique<StringFilter>();
    for (const KeySlot& slot : m_current.byKey)  // the generation about to be dropped
      if (slot.key != kEmpty) m_dropped->addHash(droppedHash(slot.key));
    m_current.clear();
  }
  return insert(key, object);
}

bool ObjectCache::mayHaveDropped(std::uint64_t key) const {
  return m_dropped && m_dropped->mayContainHash(droppedHash(key));
}

CachedObject& ObjectCache::insert(std::uint64_t key, CachedObject object) {
  Generation& g = m_current;
  if (2 * (g.count + 1) > g.byKey.size() && g.byKey.size() < m_maxSize) {
    grow(
        g.byKey, [](const KeySlot& s) { return s.key != kEmpty; },
        [](const KeySlot& s) { return mix(s.key); });
    grow(
        g.byId, [](const IdSlot& s) { return s.id != ObjectId::kInvalid; },
        [](const IdSlot& s) { return mix(s.id); });
  }
  KeySlot* slot = g.slotOf(key);
  bool added = slot->key == kEmpty;
  slot->key = key;
  slot->object = object;
  const std::size_t mask = g.byId.size() - 1;
  for (std::size_t i = mix(object.id.value()) & mask;; i = (i + 1) & mask) {
    IdSlot& byId = g.byId[i];
    if (byId.id == object.id.value() || byId.id == ObjectId::kInvalid) {
      added |= byId.id == ObjectId::kInvalid;
      byId = {object.id.value(), object.type};
      break;
    }
  }
  g.count += added ? 1 : 0;  // as in StringCache::insert
  return slot->object;
}

}  // namespace orglens::model
