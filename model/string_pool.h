// Interned strings: each distinct text is stored once and referred to by a StringId.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/ids.h"

namespace orglens::model {

class StringPool {
 public:
  /// Returns the id of `text`, adding it when new. Amortised O(1).
  StringId intern(std::string_view text);
  std::optional<StringId> find(std::string_view text) const;
  /// Text of an id; empty for an invalid id.
  std::string_view text(StringId id) const {
    return id.valid() ? std::string_view(m_texts[id.value()]) : std::string_view();
  }
  std::size_t size() const { return m_texts.size(); }
  /// Appends a text with a known id (loading from the store); ids must arrive in order.
  void appendLoaded(std::string text);
  friend bool operator==(const StringPool& a, const StringPool& b) {
    return a.m_texts == b.m_texts;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>()(s);
    }
  };
  // A deque keeps the strings' addresses stable, so the map's string_view keys stay valid.
  std::deque<std::string> m_texts;
  std::unordered_map<std::string_view, StringId, Hash, std::equal_to<>> m_index;
};

}  // namespace orglens::model
