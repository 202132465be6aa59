// Bounded lookups for an import session: the recent strings and objects, not every one the
// store holds. An import of any size keeps at most two generations of `capacity` entries each;
// a miss falls back to the store's own indexes (strings.value, objects(type, key)).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/ids.h"

namespace orglens::model {

/// Text ↔ StringId for recently used strings. When the current generation is full it becomes
/// the retired one (the older retired generation is freed), so a view of a text() result stays
/// valid for at least `capacity` further insertions; a hit in the retired generation is copied
/// forward.
class StringCache {
 public:
  explicit StringCache(std::size_t capacity) : m_capacity(capacity) {}

  std::optional<StringId> find(std::string_view text) {
    if (auto it = m_current.byText.find(text); it != m_current.byText.end()) return it->second;
    if (auto it = m_retired.byText.find(text); it != m_retired.byText.end()) {
      const StringId id = it->second;
      add(std::string(text), id);  // copied: the retired node may be freed by this very add
      return id;
    }
    return std::nullopt;
  }
  std::optional<StringId> findConst(std::string_view text) const {
    for (const auto* g : {&m_current, &m_retired})
      if (auto it = g->byText.find(text); it != g->byText.end()) return it->second;
    return std::nullopt;
  }
  /// The cached text of an id (copied forward from the retired generation, so that a view of
  /// it stays valid for `capacity` more adds), or null.
  const std::string* text(StringId id) {
    if (auto it = m_current.byId.find(id.value()); it != m_current.byId.end()) return it->second;
    if (auto it = m_retired.byId.find(id.value()); it != m_retired.byId.end())
      return &add(*it->second, id);
    return nullptr;
  }
  /// Adds a text with its id; returns the cached copy (stable for `capacity` more adds).
  const std::string& add(std::string text, StringId id) {
    if (m_current.byText.size() >= m_capacity) {
      m_retired = std::move(m_current);
      m_current = Generation();
    }
    auto [it, inserted] = m_current.byText.try_emplace(std::move(text), id);
    m_current.byId[id.value()] = &it->first;
    return it->first;
  }
  std::size_t size() const { return m_current.byText.size() + m_retired.byText.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>()(s);
    }
  };
  struct Generation {
    // Node-based: keys keep their addresses while the generation lives.
    std::unordered_map<std::string, StringId, Hash, std::equal_to<>> byText;
    std::unordered_map<std::uint32_t, const std::string*> byId;
  };
  std::size_t m_capacity;
  Generation m_current, m_retired;
};

/// What a session knows about a recently used object.
struct CachedObject {
  ObjectId id;
  TypeId type;
  bool hasName = false;
};

/// (type, key) → object and object → type for recently used objects; two generations as above.
class ObjectCache {
 public:
  explicit ObjectCache(std::size_t capacity) : m_capacity(capacity) {}

  static std::uint64_t keyOf(TypeId type, StringId key) {
    return (static_cast<std::uint64_t>(type.value()) << 32) | key.value();
  }
  CachedObject* find(std::uint64_t key) {
    if (auto it = m_current.byKey.find(key); it != m_current.byKey.end())
      return &m_current.objects[it->second];
    if (auto it = m_retired.byKey.find(key); it != m_retired.byKey.end())
      return &add(key, m_retired.objects[it->second]);
    return nullptr;
  }
  const CachedObject* findConst(std::uint64_t key) const {
    for (const auto* g : {&m_current, &m_retired})
      if (auto it = g->byKey.find(key); it != g->byKey.end()) return &g->objects.at(it->second);
    return nullptr;
  }
  std::optional<TypeId> typeOf(ObjectId id) const {
    for (const auto* g : {&m_current, &m_retired})
      if (auto it = g->objects.find(id.value()); it != g->objects.end()) return it->second.type;
    return std::nullopt;
  }
  CachedObject& add(std::uint64_t key, CachedObject object) {
    if (m_current.byKey.size() >= m_capacity) {
      m_retired = std::move(m_current);
      m_current = Generation();
    }
    m_current.byKey[key] = object.id.value();
    return m_current.objects[object.id.value()] = object;
  }

 private:
  struct Generation {
    std::unordered_map<std::uint64_t, std::uint32_t> byKey;   // (type, key) → object index
    std::unordered_map<std::uint32_t, CachedObject> objects;  // object index → what we know
  };
  std::size_t m_capacity;
  Generation m_current, m_retired;
};

}  // namespace orglens::model
