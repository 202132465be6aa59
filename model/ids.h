// Strong integer ids used across the orglens APIs instead of raw integers.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace orglens::model {

/// A 32-bit index with a tag type, so that an ObjectId cannot be passed where an EventId is
/// expected. Values are 0-based indexes into the model's tables; the store keeps them as
/// SQLite rowids (index + 1).
template <class Tag>
class Id {
 public:
  static constexpr std::uint32_t kInvalid = std::numeric_limits<std::uint32_t>::max();
  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t value) : m_value(value) {}
  constexpr std::uint32_t value() const { return m_value; }
  constexpr bool valid() const { return m_value != kInvalid; }
  constexpr explicit operator bool() const { return valid(); }
  /// SQLite rowid of this id (ids are stored as index + 1).
  constexpr std::int64_t rowid() const { return static_cast<std::int64_t>(m_value) + 1; }
  static constexpr Id fromRowid(std::int64_t rowid) {
    return rowid <= 0 ? Id() : Id(static_cast<std::uint32_t>(rowid - 1));
  }
  friend constexpr auto operator<=>(Id, Id) = default;

 private:
  std::uint32_t m_value = kInvalid;
};

using ObjectId = Id<struct ObjectTag>;
using EventId = Id<struct EventTag>;
using StringId = Id<struct StringTag>;
using TypeId = Id<struct TypeTag>;
using SourceId = Id<struct SourceTag>;

/// A person is an object of type `person`; PersonId carries the same index as its ObjectId
/// but documents (and type-checks) that the object is a person.
class PersonId : public Id<struct PersonTag> {
 public:
  using Id::Id;
  constexpr PersonId(Id<struct PersonTag> id) : Id(id) {}
  static constexpr PersonId of(ObjectId object) { return PersonId(object.value()); }
  constexpr ObjectId object() const { return ObjectId(value()); }
};

}  // namespace orglens::model

template <class Tag>
struct std::hash<orglens::model::Id<Tag>> {
  std::size_t operator()(orglens::model::Id<Tag> id) const noexcept {
    return std::hash<std::uint32_t>()(id.value());
  }
};
template <>
struct std::hash<orglens::model::PersonId> {
  std::size_t operator()(orglens::model::PersonId id) const noexcept {
    return std::hash<std::uint32_t>()(id.value());
  }
};
