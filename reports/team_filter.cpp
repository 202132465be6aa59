#include "reports/team_filter.h"

#include <algorithm>

#include "model/sqlite_util.h"

namespace orglens::reports {
namespace {

constexpr std::uint32_t kNone = model::EventLog::kNone;
constexpr std::uint32_t kTeamType = static_cast<std::uint32_t>(model::BuiltinType::Team);
constexpr std::uint32_t kPersonType = static_cast<std::uint32_t>(model::BuiltinType::Person);

/// Label of an object in a MessageLog or EventLog's lookups: its name, else its key.
template <class Log>
std::string_view labelOf(const Log& log, std::uint32_t object) {
  const auto name = object < log.objectName.size() ? log.objectName[object] : kNone;
  return log.strings[name != kNone ? name : log.objectKey[object]];
}

/// member[o]: object o is a person of a team labelled `team`.
template <class Log>
std::vector<char> membersOf(const Log& log, std::string_view team) {
  std::vector<char> isTeam(log.objectType.size(), 0);
  for (std::uint32_t o = 0; o < log.objectType.size(); ++o)
    isTeam[o] = log.objectType[o] == kTeamType && labelOf(log, o) == team;
  std::vector<char> member(log.objectType.size(), 0);
  for (std::uint32_t p = 0; p < log.objectType.size() && p < log.teamOf.size(); ++p)
    member[p] = log.objectType[p] == kPersonType && log.teamOf[p] != kNone && isTeam[log.teamOf[p]];
  return member;
}

template <class T>
void keepWhere(std::vector<T>& v, const std::vector<char>& keep) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (keep[i]) v[out++] = std::move(v[i]);
  v.resize(out);
}

}  // namespace

std::uint64_t teamMemberCount(const model::EventLog& lookups, std::string_view team) {
  const auto member = membersOf(lookups, team);
  return static_cast<std::uint64_t>(std::count(member.begin(), member.end(), 1));
}

std::vector<std::string> teamLabels(const model::EventLog& lookups) {
  std::vector<std::string> out;
  for (std::uint32_t o = 0; o < lookups.objectType.size(); ++o)
    if (lookups.objectType[o] == kTeamType) out.emplace_back(labelOf(lookups, o));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> teamLabels(const model::Store& store) {
  // A label is the team's name, else its key (as EventLog::label); store type ids are rowids.
  model::Statement s(store.db(),
                     "SELECT coalesce(n.value, k.value) FROM objects o JOIN strings k ON k.id = o.key "
                     "LEFT JOIN strings n ON n.id = o.name WHERE o.type = ?1");
  s.bind(1, static_cast<std::int64_t>(kTeamType) + 1);
  std::vector<std::string> out;
  while (s.step()) out.emplace_back(s.columnText(0));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

model::EventLog itemsOfTeam(const model::EventLog& log, std::string_view team) {
  const auto member = membersOf(log, team);
  model::EventLog out;
  out.strings = log.strings;
  out.objectType = log.objectType;
  out.objectKey = log.objectKey;
  out.objectName = log.objectName;
  out.teamOf = log.teamOf;
  out.itemBegin.push_back(0);
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    const auto begin = log.itemBegin[i], end = log.itemBegin[i + 1];
    bool keep = false;
    for (auto e = begin; e < end && !keep; ++e)
      keep = log.actor[e] != kNone && log.actor[e] < member.size() && member[log.actor[e]];
    if (!keep) continue;
    const auto append = [&](auto& to, const auto& from) {
      to.insert(to.end(), from.begin() + begin, from.begin() + end);
    };
    append(out.time, log.time);
    append(out.activity, log.activity);
    append(out.actor, log.actor);
    append(out.tool, log.tool);
    append(out.lifecycle, log.lifecycle);
    append(out.platform, log.platform);
    append(out.eventId, log.eventId);
    append(out.instance, log.instance);
    out.item.push_back(log.item[i]);
    out.itemBegin.push_back(static_cast<std::uint32_t>(out.time.size()));
  }
  return out;
}

model::MessageLog threadsOfTeam(const model::MessageLog& log, std::string_view team) {
  const auto member = membersOf(log, team);
  const auto byMember = [&](std::size_t m) {
    const auto a = log.author[m];
    return a != kNone && a < member.size() && member[a] != 0;
  };
  std::vector<char> threadKept(log.objectType.size(), 0);
  for (std::size_t m = 0; m < log.size(); ++m)
    if (log.thread[m] != kNone && byMember(m)) threadKept[log.thread[m]] = 1;
  std::vector<char> keep(log.size(), 0);
  for (std::size_t m = 0; m < log.size(); ++m)
    keep[m] = log.thread[m] != kNone
                  ? threadKept[log.thread[m]]
                  : byMember(m) || (log.parent[m] != kNone && byMember(log.parent[m]));
  std::vector<std::uint32_t> newIndex(log.size(), kNone);
  std::uint32_t next = 0;
  for (std::size_t m = 0; m < log.size(); ++m)
    if (keep[m]) newIndex[m] = next++;
  model::MessageLog out = log;
  for (auto& p : out.parent) p = p == kNone ? kNone : newIndex[p];
  keepWhere(out.message, keep);
  keepWhere(out.time, keep);
  keepWhere(out.author, keep);
  keepWhere(out.thread, keep);
  keepWhere(out.parent, keep);
  return out;
}

model::AdoptionLog peopleOfTeam(const model::AdoptionLog& log, std::string_view team) {
  model::AdoptionLog out;
  out.tools = log.tools;
  out.activities = log.activities;
  std::vector<std::uint32_t> newIndex(log.people.size(), kNone);
  for (std::size_t p = 0; p < log.people.size(); ++p)
    if (log.people[p].team == team) {
      newIndex[p] = static_cast<std::uint32_t>(out.people.size());
      out.people.push_back(log.people[p]);
    }
  // Actions stay in (person, time, event id) order: people keep their relative order.
  for (std::size_t i = 0; i < log.size(); ++i) {
    const auto p = newIndex[log.person[i]];
    if (p == kNone) continue;
    out.time.push_back(log.time[i]);
    out.person.push_back(p);
    out.tool.push_back(log.tool[i]);
    out.activity.push_back(log.activity[i]);
    out.platform.push_back(log.platform[i]);
  }
  return out;
}

}  // namespace orglens::reports
