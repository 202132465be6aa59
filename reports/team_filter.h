// The team filter of the report (`orglens report --team`) and of the viewer: which part of
// the window's data belongs to one team. Relational measures (silos, brokers, champions'
// ties) stay computed on the whole organisation; these functions cut the rest down.
//   - work items: the items a member of the team acted on (with everyone's events on them,
//     so hand-overs into and out of the team stay visible);
//   - messages: the threads a member posted in; a message outside threads when a member sent
//     it or it answers a member;
//   - adoption: the registered people of the team and their actions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/adoption_log.h"
#include "model/event_log.h"
#include "model/message_log.h"
#include "model/store.h"

namespace orglens::reports {

/// People (person objects) whose team is labelled `team`. O(objects).
std::uint64_t teamMemberCount(const model::EventLog& lookups, std::string_view team);

/// Every team label of the store's lookups, sorted and distinct.
std::vector<std::string> teamLabels(const model::EventLog& lookups);
/// The same read from the store directly (one query over its teams, no lookups loaded).
std::vector<std::string> teamLabels(const model::Store& store);

/// The items of `log` that a member of `team` acted on, with all their events. O(events).
model::EventLog itemsOfTeam(const model::EventLog& log, std::string_view team);

/// The messages of the threads a member of `team` posted in (see above); reply-to parents
/// that are left out become "no parent". O(messages).
model::MessageLog threadsOfTeam(const model::MessageLog& log, std::string_view team);

/// The registered people of `team` (AdoptionPerson::team) and only their actions. O(actions).
model::AdoptionLog peopleOfTeam(const model::AdoptionLog& log, std::string_view team);

}  // namespace orglens::reports
