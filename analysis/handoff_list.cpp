#include "analysis/handoff_list.h"

#include <algorithm>

namespace orglens::analysis {
namespace {

/// The index into `itemEnd` of the item that holds handoff `at`: the first end beyond it.
std::size_t itemOf(const std::vector<std::uint32_t>& itemEnd, std::size_t at) {
  return static_cast<std::size_t>(std::upper_bound(itemEnd.begin(), itemEnd.end(), at) -
                                  itemEnd.begin());
}

}  // namespace

HandoffList::Iterator::Iterator(const HandoffList* list, std::size_t at)
    : m_list(list), m_at(at), m_item(itemOf(list->m_columns.itemEnd, at)) {}

Handoff HandoffList::operator[](std::size_t i) const {
  return at(i, itemOf(m_columns.itemEnd, i));
}

Handoff HandoffList::at(std::size_t i, std::size_t item) const {
  const Columns& c = m_columns;
  const std::uint32_t from = c.from[i], to = c.to[i];
  const std::uint64_t nA = c.activityCount;
  const std::uint32_t fromActivity =
      c.wide ? c.activities[i] : static_cast<std::uint32_t>(c.activities[i] / nA);
  const std::uint32_t toActivity =
      c.wide ? c.toActivity[i] : static_cast<std::uint32_t>(c.activities[i] % nA);
  return {c.items[item],
          c.personId[from],
          c.personId[to],
          c.personTeamId[from],
          c.personTeamId[to],
          c.activityId[fromActivity],
          c.activityId[toActivity],
          c.wait[i],
          c.queue.empty() ? -1 : c.queue[i]};
}

}  // namespace orglens::analysis
