#include "model/adoption_log.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "model/event_log.h"
#include "model/store.h"

namespace orglens::model {
namespace {

std::uint32_t idOrNone(const Statement& s, int column) {
  return s.columnIsNull(column) ? AdoptionLog::kNone
                                : static_cast<std::uint32_t>(s.columnInt(column) - 1);
}

struct Attributes {
  std::string department, timezone;
  std::optional<bool> isManager, chatDeleted;
  std::optional<MicrosUtc> startDate, chatJoined;
};

std::unordered_map<std::uint32_t, Attributes> loadAttributes(sqlite3* db) {
  std::unordered_map<std::uint32_t, Attributes> out;
  Statement s(
      db,
      "SELECT a.object, k.value, a.value FROM object_attributes a JOIN strings k ON k.id = a.key "
      "WHERE k.value IN ('department', 'is_manager', 'timezone', 'start_date', 'registered', "
      "'chat_deleted') ORDER BY a.object, ifnull(a.time_us, 0)");
  while (s.step()) {
    if (s.columnIsNull(2)) continue;
    auto& a = out[idOrNone(s, 0)];
    const std::string_view key = s.columnText(1);
    if (key == "department") a.department = std::string(s.columnText(2));
    if (key == "timezone") a.timezone = std::string(s.columnText(2));
    if (key == "is_manager") a.isManager = s.columnInt(2) != 0;
    if (key == "chat_deleted") a.chatDeleted = s.columnInt(2) != 0;
    if (key == "start_date") a.startDate = s.columnInt(2);
    if (key == "registered") a.chatJoined = s.columnInt(2);
  }
  return out;
}

}  // namespace

void AdoptionLog::add(MicrosUtc t, std::uint32_t who, const std::string& toolName,
                      const std::string& action, Platform p) {
  const auto index = [](std::vector<std::string>& names, const std::string& name) {
    if (name.empty()) return kNone;
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<std::uint32_t>(it - names.begin());
    names.push_back(name);
    return static_cast<std::uint32_t>(names.size() - 1);
  };
  time.push_back(t);
  person.push_back(who);
  tool.push_back(index(tools, toolName));
  activity.push_back(index(activities, action));
  platform.push_back(p);
}

void AdoptionLog::sortActions() {
  std::vector<std::uint32_t> order(size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return person[a] != person[b] ? person[a] < person[b] : time[a] < time[b];
  });
  const auto permute = [&order](auto& v) {
    auto copy = v;
    for (std::size_t i = 0; i < order.size(); ++i) v[i] = copy[order[i]];
  };
  permute(time);
  permute(person);
  permute(tool);
  permute(activity);
  permute(platform);
}

AdoptionLog AdoptionLog::load(const Store& store, const AdoptionLoadOptions& options) {
  AdoptionLog log;
  const auto lookups = EventLog::loadLookups(store);
  sqlite3* db = store.db();
  const auto attributes = loadAttributes(db);
  const auto attributesOf = [&attributes](std::uint32_t object) -> const Attributes* {
    const auto it = attributes.find(object);
    return it == attributes.end() ? nullptr : &it->second;
  };

  // Registered people: roster, live chat users, usage-log users.
  std::map<std::uint32_t, AdoptionPerson> registered;  // by ObjectId value
  Statement roster(db, "SELECT DISTINCT person FROM aliases WHERE kind = 0");
  while (roster.step()) registered[idOrNone(roster, 0)].inRoster = true;
  for (const auto& [object, a] : attributes)
    if (a.chatDeleted && !*a.chatDeleted) registered[object].chatUser = true;
  Statement usage(db,
                  "SELECT DISTINCT e.actor FROM events e JOIN sources s ON s.id = e.source "
                  "WHERE s.format = 'usage-csv' AND e.actor IS NOT NULL");
  while (usage.step()) registered[idOrNone(usage, 0)].usageUser = true;

  // A team's department: the target of its `part-of` relation.
  std::unordered_map<std::uint32_t, std::uint32_t> partOf;
  Statement parts(
      db,
      "SELECT r.from_object, r.to_object FROM relations r JOIN strings q ON q.id = r.qualifier "
      "AND q.value = 'part-of'");
  while (parts.step()) partOf.emplace(idOrNone(parts, 0), idOrNone(parts, 1));

  std::unordered_map<std::uint32_t, std::uint32_t> indexOf;
  std::vector<std::pair<std::string, std::uint32_t>> byKey;
  for (auto& [object, p] : registered) {
    if (object >= lookups.objectType.size()) continue;
    p.object = object;
    p.key = lookups.strings[lookups.objectKey[object]];
    const std::uint32_t team = object < lookups.teamOf.size() ? lookups.teamOf[object] : kNone;
    if (team != kNone) p.team = lookups.label(team);
    const Attributes* a = attributesOf(object);
    if (a && !a->department.empty()) {
      p.department = a->department;
    } else if (team != kNone) {
      const auto up = partOf.find(team);
      p.department = up != partOf.end() ? lookups.label(up->second) : p.team;
    }
    if (a) {
      p.isManager = a->isManager.value_or(false);
      p.timezone = a->timezone;
      p.registered = a->startDate ? a->startDate : a->chatJoined;
    }
    byKey.emplace_back(p.key, object);
  }
  std::sort(byKey.begin(), byKey.end());
  for (const auto& [key, object] : byKey) {
    indexOf.emplace(object, static_cast<std::uint32_t>(log.people.size()));
    log.people.push_back(std::move(registered[object]));
  }

  std::string sql =
      "SELECT e.time_us, e.actor, e.tool, e.activity, e.platform FROM events e JOIN sources s ON "
      "s.id = e.source "
      "WHERE e.actor IS NOT NULL AND s.format IN ('usage-csv', 'slack', 'mbox', 'maildir', "
      "'message-csv')";
  if (options.from) sql += " AND e.time_us >= ?1";
  if (options.to) sql += " AND e.time_us < ?2";
  sql += " ORDER BY e.id";
  Statement s(db, sql);
  if (options.from) s.bind(1, *options.from);
  if (options.to) s.bind(2, *options.to);
  std::unordered_map<std::uint32_t, std::uint32_t> toolIndex, activityIndex;
  const auto local = [&lookups](std::unordered_map<std::uint32_t, std::uint32_t>& map,
                                std::vector<std::string>& names, std::uint32_t id) {
    if (id == kNone || id >= lookups.strings.size()) return kNone;
    const auto [it, added] = map.emplace(id, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(lookups.strings[id]);
    return it->second;
  };
  while (s.step()) {
    const auto who = indexOf.find(idOrNone(s, 1));
    if (who == indexOf.end()) {
      ++log.unregisteredActions;
      continue;
    }
    log.time.push_back(s.columnInt(0));
    log.person.push_back(who->second);
    log.tool.push_back(local(toolIndex, log.tools, idOrNone(s, 2)));
    log.activity.push_back(local(activityIndex, log.activities, idOrNone(s, 3)));
    log.platform.push_back(static_cast<Platform>(s.columnInt(4)));
  }
  log.sortActions();
  return log;
}

}  // namespace orglens::model
