#include "analysis/grouping.h"

namespace orglens::analysis::detail {

void DenseIds::markBeyond(std::uint32_t id) {
  if (id >= m_limit) {
    m_none = true;
    return;
  }
  m_index.resize(std::min<std::size_t>(m_limit, std::max<std::size_t>(id + 1, 2 * m_index.size())),
                 0);
  m_index[id] = 1;
}

void DenseIds::finish() {
  m_ids.clear();
  for (std::uint32_t id = 0; id < m_index.size(); ++id) {
    if (!m_index[id]) {
      m_index[id] = kAbsent;
      continue;
    }
    m_index[id] = static_cast<std::uint32_t>(m_ids.size());
    m_ids.push_back(id);
  }
  if (m_none) {
    m_noneIndex = static_cast<std::uint32_t>(m_ids.size());
    m_ids.push_back(kAbsent);
  }
}

void numberByCounting(RowGroups& g, std::uint64_t keySpace) {
  std::vector<std::uint32_t> count(keySpace, 0);
  for (const auto k : g.gid)
    if (k != kNoGroup) ++count[k];
  std::uint32_t at = 0;
  for (std::uint64_t k = 0; k < keySpace; ++k) {
    if (count[k] == 0) continue;
    g.key.push_back(k);
    g.begin.push_back(at);
    at += count[k];
    count[k] = static_cast<std::uint32_t>(g.key.size() - 1);  // now: the key's group
  }
  g.begin.push_back(at);
  for (auto& k : g.gid)
    if (k != kNoGroup) k = count[k];
}

void numberByHashing(RowGroups& g, const std::vector<std::uint64_t>& raw) {
  std::unordered_map<std::uint64_t, std::uint32_t> first;  // key → provisional group
  for (std::size_t i = 0; i < raw.size(); ++i)
    g.gid[i] =
        raw[i] == kSkipRow
            ? kNoGroup
            : first.try_emplace(raw[i], static_cast<std::uint32_t>(first.size())).first->second;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(first.begin(), first.end());
  std::sort(keys.begin(), keys.end());
  std::vector<std::uint32_t> final(keys.size()), count(keys.size(), 0);
  for (std::uint32_t i = 0; i < keys.size(); ++i) final[keys[i].second] = i;
  for (auto& k : g.gid)
    if (k != kNoGroup) ++count[k = final[k]];
  std::uint32_t at = 0;
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    g.key.push_back(keys[i].first);
    g.begin.push_back(at);
    at += count[i];
  }
  g.begin.push_back(at);
}

void groupedValues(const RowGroups& g, const Buffer<std::int64_t>& values,
                   Buffer<std::int64_t>& out) {
  out.resize(g.begin.back());
  std::vector<std::uint32_t> at(g.begin.begin(), g.begin.end() - 1);
  for (std::size_t i = 0; i < g.gid.size(); ++i)
    if (g.gid[i] != kNoGroup) out[at[g.gid[i]]++] = values[i];
}

}  // namespace orglens::analysis::detail
