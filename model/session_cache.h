// Bounded lookups for an import session: the recent strings and objects, not every one the
// store holds. An import of any size keeps at most two generations of `capacity` entries each;
// a miss falls back to the store's own indexes (strings.value, objects(type, key)).
//
// Both caches are flat: open-addressing tables sized once for `capacity` entries (at most half
// full) and, for strings, the texts in a block arena. A lookup touches one or two cache lines
// and an add allocates nothing once the generations have been through one cycle; the
// node-based maps they replace cost a heap node per entry (a Slack import makes one new key
// string per message) and a third of an import's time went to hashing and freeing them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/ids.h"

namespace orglens::model {

/// Text ↔ StringId for recently used strings. When the current generation is full it becomes
/// the retired one (the older retired generation is cleared for reuse), so a view of an add()
/// or text() result stays valid for at least `capacity` further insertions; a hit in the
/// retired generation is copied forward.
class StringCache {
 public:
  explicit StringCache(std::size_t capacity);

  std::optional<StringId> find(std::string_view text);
  std::optional<StringId> findConst(std::string_view text) const;
  /// The cached text of an id (copied forward from the retired generation, so that a view of
  /// it stays valid for `capacity` more adds), or nullopt.
  std::optional<std::string_view> text(StringId id);
  /// Adds a text with its id (a text already in the current generation is re-pointed); returns
  /// the cached copy, stable for `capacity` more adds.
  std::string_view add(std::string_view text, StringId id);
  std::size_t size() const { return m_current.count + m_retired.count; }

 private:
  struct TextSlot {
    std::uint64_t hash = 0;
    const char* data = nullptr;  // null: empty slot
    std::uint32_t size = 0;
    std::uint32_t id = 0;
  };
  struct IdSlot {
    std::uint32_t id = StringId::kInvalid;  // kInvalid: empty slot
    std::uint32_t size = 0;
    const char* data = nullptr;
  };
  /// Texts in fixed blocks: a stored text never moves while its generation lives.
  class Arena {
   public:
    const char* store(std::string_view text);
    void clear() { m_block = 0, m_used = 0; }

   private:
    static constexpr std::size_t kBlock = std::size_t{1} << 20;
    std::vector<std::unique_ptr<char[]>> m_blocks;  // reused after clear()
    std::vector<std::unique_ptr<char[]>> m_large;   // texts longer than a block
    std::size_t m_block = 0, m_used = 0;
    friend class StringCache;
  };
  struct Generation {
    std::vector<TextSlot> byText;
    std::vector<IdSlot> byId;
    Arena arena;
    std::size_t count = 0;
    void clear();
    const TextSlot* find(std::string_view text, std::uint64_t hash) const;
    const IdSlot* find(std::uint32_t id) const;
  };
  static std::uint64_t hashOf(std::string_view text);
  /// Adds to the current generation, which has room.
  std::string_view insert(std::string_view text, std::uint64_t hash, StringId id);
  /// Makes room in the current generation, retiring it when full. `keep` is a text the caller
  /// still needs (it may live in the generation about to be cleared); returns where it is now.
  std::string_view makeRoom(std::string_view keep);

  std::size_t m_capacity, m_maxSize;  // entries per generation; slots per table at most
  Generation m_current, m_retired;
  std::string m_scratch;  // `keep` while the generations turn over
};

/// A fixed-size Bloom filter of texts: "certainly not added" or "maybe added". A session puts
/// every string the store holds in it, so that a string it rules out can be appended to the
/// strings table in a batch without probing the table's unique index first. Its memory is
/// fixed; past a few million texts it says "maybe" more often, and the session then probes as
/// it would without it (slower, never wrong).
class StringFilter {
 public:
  StringFilter();
  void add(std::string_view text) { addHash(hashOf(text)); }
  bool mayContain(std::string_view text) const { return mayContainHash(hashOf(text)); }
  static std::uint64_t hashOf(std::string_view text);
  void addHash(std::uint64_t hash);
  bool mayContainHash(std::uint64_t hash) const;

 private:
  static constexpr unsigned kBits = 25;  // 2^25 bits: 4 MiB
  static constexpr int kProbes = 4;
  std::vector<std::uint64_t> m_words;
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
  explicit ObjectCache(std::size_t capacity);

  static std::uint64_t keyOf(TypeId type, StringId key) {
    return (static_cast<std::uint64_t>(type.value()) << 32) | key.value();
  }
  /// The cached object (copied forward from the retired generation), or null. The pointer is
  /// valid until the next add().
  CachedObject* find(std::uint64_t key);
  const CachedObject* findConst(std::uint64_t key) const;
  std::optional<TypeId> typeOf(ObjectId id) const;
  CachedObject& add(std::uint64_t key, CachedObject object);
  /// False when no object of `key` was ever dropped from the cache (a filter of the dropped
  /// generations' keys: "true" may be wrong, "false" never is). An object a session made is
  /// then still cached if it exists at all, so its absence needs no look-up in the store.
  bool mayHaveDropped(std::uint64_t key) const;

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // no (type, key) has it
  struct KeySlot {
    std::uint64_t key = kEmpty;
    CachedObject object;
  };
  struct IdSlot {
    std::uint32_t id = ObjectId::kInvalid;  // kInvalid: empty slot
    TypeId type;
  };
  struct Generation {
    std::vector<KeySlot> byKey;
    std::vector<IdSlot> byId;
    std::size_t count = 0;
    void clear();
    KeySlot* slotOf(std::uint64_t key);  // the key's slot, or the empty slot it would take
    const IdSlot* find(std::uint32_t id) const;
  };
  CachedObject& insert(std::uint64_t key, CachedObject object);

  std::size_t m_capacity, m_maxSize;
  Generation m_current, m_retired;
  std::unique_ptr<StringFilter> m_dropped;  // made at the first drop
};

}  // namespace orglens::model
