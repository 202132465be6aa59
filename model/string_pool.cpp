#include "model/string_pool.h"

namespace orglens::model {

StringId StringPool::intern(std::string_view text) {
  if (auto it = m_index.find(text); it != m_index.end()) return it->second;
  StringId id(static_cast<std::uint32_t>(m_texts.size()));
  m_texts.emplace_back(text);
  m_index.emplace(std::string_view(m_texts.back()), id);
  return id;
}

std::optional<StringId> StringPool::find(std::string_view text) const {
  if (auto it = m_index.find(text); it != m_index.end()) return it->second;
  return std::nullopt;
}

void StringPool::appendLoaded(std::string text) {
  StringId id(static_cast<std::uint32_t>(m_texts.size()));
  m_texts.push_back(std::move(text));
  m_index.emplace(std::string_view(m_texts.back()), id);
}

}  // namespace orglens::model
