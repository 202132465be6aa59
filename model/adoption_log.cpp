#include "model/adoption_log.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "model/event_log.h"
#include "model/range_reader.h"
#include "model/seen_ids.h"
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
  // A stable counting pass by person, then a stable sort by time inside each person, skipped
  // where a person's actions already are in time order (as read from a store, in event order).
  std::uint32_t persons = 0;
  for (const auto p : person) persons = std::max(persons, p + 1);
  std::vector<std::uint32_t> start(persons + 1, 0);
  for (const auto p : person) ++start[p + 1];
  for (std::size_t p = 1; p < start.size(); ++p) start[p] += start[p - 1];
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1), order(size());
  for (std::uint32_t i = 0; i < size(); ++i) order[next[person[i]]++] = i;
  const auto byTime = [this](std::uint32_t a, std::uint32_t b) { return time[a] < time[b]; };
  for (std::size_t p = 0; p < persons; ++p) {
    const auto first = order.begin() + start[p], last = order.begin() + start[p + 1];
    if (!std::is_sorted(first, last, byTime)) std::stable_sort(first, last, byTime);
  }
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
  sqlite3* db = store.db();

  // The sources whose events are actions; usage logs also register their users. Filtering on
  // source ids (a small table) spares a join per event row.
  std::vector<char> isUsage;
  std::string sourceList;
  Statement sources(db, "SELECT id, format FROM sources");
  while (sources.step()) {
    const auto format = sources.columnText(1);
    if (format != "usage-csv" && format != "slack" && format != "mbox" && format != "maildir" &&
        format != "message-csv")
      continue;
    const auto id = static_cast<std::size_t>(sources.columnInt(0));
    if (id >= isUsage.size()) isUsage.resize(id + 1, 0);
    isUsage[id] = format == "usage-csv";
    sourceList += (sourceList.empty() ? "" : ",") + std::to_string(id);
  }

  // One pass over the events (they have no index on these columns), in ranges of ids read in
  // parallel for a big store, with the lookups and attributes read meanwhile: the window's
  // actions, kept by raw actor until the registered people are known, and every usage-log actor
  // (all time: registration does not depend on the window).
  struct Raw {
    MicrosUtc time;
    std::uint32_t actor, tool, activity;
    Platform platform;
  };
  struct Part {
    std::vector<Raw> raw;
    std::vector<char> usageActor;  // per actor: seen in a usage log
  };
  EventLog ownLookups;
  std::unordered_map<std::uint32_t, Attributes> attributes;
  const detail::RangeReader reader(store, options.threads, options.eventsPerThread);
  std::vector<Part> ranges(reader.ranges());
  reader.run(
      [&](const Store& connection, std::int64_t first, std::int64_t last, std::size_t r) {
        if (sourceList.empty()) return;
        Statement s(connection.db(),
                    "SELECT time_us, actor, tool, activity, platform, source FROM events "
                    "WHERE actor IS NOT NULL AND source IN (" +
                        sourceList + ") AND id >= ?1 AND id < ?2 ORDER BY id");
        s.bind(1, first).bind(2, last);
        Part& out = ranges[r];
        while (s.step()) {
          const auto actor = idOrNone(s, 1);
          const auto source = static_cast<std::size_t>(s.columnInt(5));
          if (source < isUsage.size() && isUsage[source] && actor != kNone) {
            detail::markSeen(out.usageActor, actor);
          }
          const MicrosUtc t = s.columnInt(0);
          if ((options.from && t < *options.from) || (options.to && t >= *options.to)) continue;
          out.raw.push_back(
              {t, actor, idOrNone(s, 2), idOrNone(s, 3), static_cast<Platform>(s.columnInt(4))});
        }
      },
      [&](const Store& connection) {
        if (!options.lookups) ownLookups = EventLog::loadLookups(connection);
        attributes = loadAttributes(connection.db());
      });
  const EventLog& lookups = options.lookups ? *options.lookups : ownLookups;
  const auto attributesOf = [&attributes](std::uint32_t object) -> const Attributes* {
    const auto it = attributes.find(object);
    return it == attributes.end() ? nullptr : &it->second;
  };
  std::vector<char> usageActor;
  std::vector<Raw> raw;
  for (auto& part : ranges) {
    detail::addSeen(usageActor, part.usageActor);
    if (raw.empty())
      raw = std::move(part.raw);
    else
      raw.insert(raw.end(), part.raw.begin(), part.raw.end());
    part = Part{};
  }
  usageActor.resize(lookups.objectType.size(), 0);  // actors past the objects read: none

  // Registered people: roster, live chat users, usage-log users.
  std::map<std::uint32_t, AdoptionPerson> registered;  // by ObjectId value
  Statement roster(db, "SELECT DISTINCT person FROM aliases WHERE kind = 0");
  while (roster.step()) registered[idOrNone(roster, 0)].inRoster = true;
  for (const auto& [object, a] : attributes)
    if (a.chatDeleted && !*a.chatDeleted) registered[object].chatUser = true;
  for (std::uint32_t object = 0; object < usageActor.size(); ++object)
    if (usageActor[object]) registered[object].usageUser = true;

  // A team's department: the target of its `part-of` relation.
  std::unordered_map<std::uint32_t, std::uint32_t> partOf;
  Statement parts(
      db,
      "SELECT r.from_object, r.to_object FROM relations r JOIN strings q ON q.id = r.qualifier "
      "AND q.value = 'part-of'");
  while (parts.step()) partOf.emplace(idOrNone(parts, 0), idOrNone(parts, 1));

  std::vector<std::uint32_t> indexOf(lookups.objectType.size(), kNone);
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
    indexOf[object] = static_cast<std::uint32_t>(log.people.size());
    log.people.push_back(std::move(registered[object]));
  }

  // Actions of registered people, in event order, then ordered by (person, time) — stable, so
  // ties keep event order. Tools and activities are numbered in order of first use.
  std::unordered_map<std::uint32_t, std::uint32_t> toolIndex, activityIndex;
  const auto local = [&lookups](std::unordered_map<std::uint32_t, std::uint32_t>& map,
                                std::vector<std::string>& names, std::uint32_t id) {
    if (id == kNone || id >= lookups.strings.size()) return kNone;
    const auto [it, added] = map.emplace(id, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(lookups.strings[id]);
    return it->second;
  };
  for (const auto& r : raw) {
    const auto who = r.actor < indexOf.size() ? indexOf[r.actor] : kNone;
    if (who == kNone) {
      ++log.unregisteredActions;
      continue;
    }
    log.time.push_back(r.time);
    log.person.push_back(who);
    log.tool.push_back(local(toolIndex, log.tools, r.tool));
    log.activity.push_back(local(activityIndex, log.activities, r.activity));
    log.platform.push_back(r.platform);
  }
  log.sortActions();
  return log;
}

}  // namespace orglens::model
