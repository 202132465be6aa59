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

bool HandoffList::Columns::packable(std::uint64_t people, std::uint64_t activities) {
  using detail::bitsFor;
  return activities <= 0xFFFFu && 2 * bitsFor(people) + bitsFor(activities * activities) <= 32;
}

void HandoffList::Columns::pack(std::uint64_t people, std::uint64_t activities) {
  packed = packable(people, activities);
  if (packed) layout = {detail::bitsFor(activities * activities), detail::bitsFor(people)};
}

HandoffList::Iterator::Iterator(const HandoffList* list, std::size_t at)
    : m_list(list), m_at(at), m_item(itemOf(list->m_columns.itemEnd, at)) {}

Handoff HandoffList::operator[](std::size_t i) const {
  return at(i, itemOf(m_columns.itemEnd, i));
}

Handoff HandoffList::at(std::size_t i, std::size_t item) const {
  const Columns& c = m_columns;
  const std::uint32_t from = c.sender(i), to = c.receiver(i);
  const std::uint64_t nA = c.activityCount, pair = c.pair(i);
  const auto fromActivity = static_cast<std::uint32_t>(pair / nA);
  const auto toActivity = static_cast<std::uint32_t>(pair % nA);
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
