#include "bench/adoption_data.h"
#include "bench/bench_util.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

#include "model/time_format.h"

namespace orglens::bench {
namespace {

using model::AdoptionLog;
using model::Platform;

using Rng = SplitMix64;

constexpr std::int64_t kFirstDay = 20089;  // 2025-01-01 (days since 1970-01-01)
constexpr int kDays = 365;
constexpr std::uint32_t kTeamSize = 10;
constexpr std::uint32_t kDepartments = 20;

struct Zone {
  const char* name;
  int offsetMinutes;  // standard time: the generator ignores DST, the analysis does not
};
constexpr std::array<Zone, 7> kZones = {{{"Europe/Berlin", 60},
                                         {"Europe/London", 0},
                                         {"America/New_York", -300},
                                         {"America/Los_Angeles", -480},
                                         {"Asia/Tokyo", 540},
                                         {"Asia/Kolkata", 330},
                                         {"", 0}}};

constexpr std::array<const char*, kDepartments> kDepartmentNames = {
    "Sales",       "Marketing", "Engineering", "Support",
    "Finance",     "HR",        "Legal",       "Operations",
    "Product",     "Design",    "Research",    "Logistics",
    "Procurement", "IT",        "Security",    "Customer Success",
    "Data",        "Quality",   "Facilities",  "Communications"};
constexpr std::uint32_t kNoWikiDepartment = 6;    // Legal never took up the wiki
constexpr std::uint32_t kMobileDepartment = 11;   // Logistics: mobile first
constexpr std::uint32_t kWeekendDepartment = 18;  // Facilities: works weekends

constexpr std::array<const char*, 8> kTools = {"chat",  "email", "docs",     "tracker",
                                               "video", "wiki",  "calendar", "drive"};
constexpr std::array<double, 8> kToolWeight = {40, 20, 10, 10, 6, 6, 5, 3};
constexpr std::size_t kWiki = 5;

constexpr std::array<const char*, 13> kActivities = {
    "read", "reacted", "posted", "replied", "open",   "sent",  "view",
    "edit", "comment", "join",   "search",  "accept", "upload"};
struct Choice {
  std::uint32_t activity;
  std::uint32_t weight;
};
/// Activities of each tool (indexes into kActivities) with their weights.
const std::array<std::vector<Choice>, 8> kToolActivities = {{
    {{0, 45}, {1, 20}, {2, 20}, {3, 15}},  // chat: read, reacted, posted, replied
    {{4, 55}, {5, 30}, {3, 15}},           // email: open, sent, replied
    {{6, 50}, {7, 35}, {8, 15}},           // docs
    {{6, 45}, {7, 30}, {8, 25}},           // tracker
    {{9, 100}},                            // video: join
    {{6, 60}, {10, 20}, {7, 20}},          // wiki
    {{6, 70}, {11, 30}},                   // calendar
    {{4, 60}, {12, 40}},                   // drive
}};

enum class Kind : std::uint8_t { Never, Rare, Abandoner, Regular };

struct Plan {
  Kind kind = Kind::Regular;
  std::vector<std::uint16_t> days;  // active days (0 = 2025-01-01), ascending
  std::vector<float> dayWeight;
  double weight = 1;  // relative volume (regular people)
  std::uint64_t actions = 0;
  std::array<double, 8> toolCumulative{};
  double mobile = 0.1, afterHours = 0.1;
  int offsetMinutes = 0;
};

std::uint32_t departmentOf(std::uint32_t person) {
  return person / kTeamSize % kDepartments;
}

int weekdayOf(std::int64_t day) {  // 0 = Sunday … 6 = Saturday
  return static_cast<int>(((day + 4) % 7 + 7) % 7);
}

/// Registration (absolute day, or unset) and the active days of one person.
Plan planPerson(Rng& rng, std::uint32_t p, std::optional<model::MicrosUtc>& registered) {
  Plan plan;
  const std::uint32_t department = departmentOf(p);
  plan.offsetMinutes = kZones[department % kZones.size()].offsetMinutes;
  const double kind = rng.unit();
  plan.kind = kind < 0.04   ? Kind::Never
              : kind < 0.07 ? Kind::Rare
              : kind < 0.13 ? Kind::Abandoner
                            : Kind::Regular;
  int first = 0;  // first possible active day (relative)
  const double r = rng.unit();
  if (r < 0.80) {
    registered =
        (kFirstDay - 1 - static_cast<std::int64_t>(rng.below(7 * 365))) * model::kMicrosPerDay;
  } else if (r < 0.95) {
    first = static_cast<int>(rng.below(kDays));
    registered = (kFirstDay + first) * model::kMicrosPerDay;
  } else {
    first = static_cast<int>(rng.below(120));  // usage-only: registered by the first action
  }
  // West of UTC the year's last local day would run into 2026 (UTC): it ends a day earlier.
  int last = plan.offsetMinutes < 0 ? kDays - 2 : kDays - 1;
  first = std::min(first, last);
  if (plan.kind == Kind::Abandoner)
    last = std::min(last, first + 13 + static_cast<int>(rng.below(50)));
  const bool manager = p % kTeamSize == 0;
  plan.mobile =
      (department == kMobileDepartment ? 0.65 : 0.05 + 0.3 * rng.unit()) + (manager ? 0.1 : 0.0);
  plan.afterHours = 0.04 + 0.2 * rng.unit();
  double cumulative = 0;
  for (std::size_t t = 0; t < kTools.size(); ++t) {
    const bool uses = t < 2 ? rng.unit() < 0.97 : rng.unit() < 0.55;
    const bool allowed = !(t == kWiki && department == kNoWikiDepartment);
    cumulative += uses && allowed ? kToolWeight[t] * (0.3 + rng.unit()) : 0.0;
    plan.toolCumulative[t] = cumulative;
  }
  if (cumulative == 0) plan.toolCumulative.fill(1.0);  // uses only chat
  if (plan.kind == Kind::Never) return plan;
  if (plan.kind == Kind::Rare) {
    const auto span = static_cast<std::uint64_t>(last - first + 1);
    const int a = first + static_cast<int>(rng.below(span));
    const int b = first + static_cast<int>(rng.below(span));
    plan.days.push_back(static_cast<std::uint16_t>(std::min(a, b)));
    if (a != b) plan.days.push_back(static_cast<std::uint16_t>(std::max(a, b)));
    plan.dayWeight.assign(plan.days.size(), 1.0f);
    return plan;
  }
  const double engagement = plan.kind == Kind::Abandoner ? 0.6 : 0.3 + 0.68 * rng.unit();
  const double weekend = engagement * (department == kWeekendDepartment ? 0.6 : 0.05);
  const int vacation = 150 + static_cast<int>(rng.below(120));  // two weeks off
  plan.weight = std::exp(1.1 * rng.normal());
  for (int d = first; d <= last; ++d) {
    const int wd = weekdayOf(kFirstDay + d);
    const bool isWeekend = wd == 0 || wd == 6;
    double p_active = isWeekend ? weekend : engagement;
    if (d >= vacation && d < vacation + 14) p_active *= 0.1;
    if (d >= 355) p_active *= 0.5;  // the last days of December
    if (rng.unit() >= p_active) continue;
    plan.days.push_back(static_cast<std::uint16_t>(d));
    plan.dayWeight.push_back(static_cast<float>((isWeekend ? 0.4 : 0.5) + rng.unit()));
  }
  if (plan.days.empty()) {  // tried once at least
    plan.days.push_back(static_cast<std::uint16_t>(first));
    plan.dayWeight.push_back(1.0f);
  }
  return plan;
}

/// Local second of day of one action.
int localSecond(Rng& rng, const Plan& plan, bool weekend) {
  int hour;
  if (weekend) {
    hour = 9 + static_cast<int>(rng.below(13));
  } else if (rng.unit() < plan.afterHours) {
    static constexpr int kEvening[] = {6, 7, 18, 19, 20, 21, 22};
    hour = kEvening[rng.below(7)];
  } else {
    hour = 8 + static_cast<int>(rng.below(10));
    if (hour == 12 && rng.unit() < 0.5) hour = 8 + static_cast<int>(rng.below(10));  // lunch
  }
  return hour * 3600 + static_cast<int>(rng.below(3600));
}

Platform platformOf(Rng& rng, const Plan& plan, bool offHours) {
  const double u = rng.unit();
  if (u < 0.03) return Platform::Unknown;
  const double mobile = std::min(0.9, plan.mobile * (offHours ? 1.6 : 1.0));
  if (u < 0.03 + mobile) return Platform::Mobile;
  if (u < 0.18 + mobile) return Platform::Web;
  return Platform::Desktop;
}

std::uint32_t pick(Rng& rng, const std::array<double, 8>& cumulative) {
  const double x = rng.unit() * cumulative.back();
  std::uint32_t t = 0;
  while (t + 1 < cumulative.size() && cumulative[t] <= x) ++t;
  return t;
}

std::uint32_t activityOf(Rng& rng, std::uint32_t tool) {
  const auto& choices = kToolActivities[tool];
  std::uint32_t total = 0;
  for (const auto& c : choices) total += c.weight;
  auto x = static_cast<std::uint32_t>(rng.below(total));
  for (const auto& c : choices) {
    if (x < c.weight) return c.activity;
    x -= c.weight;
  }
  return choices.back().activity;
}

/// The actions of one person, appended to the log in time order.
void emitPerson(Rng& rng, const Plan& plan, std::uint32_t person, AdoptionLog& log) {
  if (plan.actions == 0) return;
  double total = 0;
  for (const float w : plan.dayWeight) total += w;
  std::vector<std::uint64_t> perDay(plan.days.size());
  std::uint64_t given = 0;
  for (std::size_t k = 0; k < plan.days.size(); ++k) {
    perDay[k] = static_cast<std::uint64_t>(static_cast<double>(plan.actions) *
                                           static_cast<double>(plan.dayWeight[k]) / total);
    given += perDay[k];
  }
  for (; given < plan.actions; ++given) ++perDay[rng.below(plan.days.size())];
  std::vector<model::MicrosUtc> times;
  for (std::size_t k = 0; k < plan.days.size(); ++k) {
    const std::int64_t day = kFirstDay + plan.days[k];
    const int wd = weekdayOf(day);
    const bool weekend = wd == 0 || wd == 6;
    times.clear();
    for (std::uint64_t i = 0; i < perDay[k]; ++i) {
      const std::int64_t local = day * 86'400 + localSecond(rng, plan, weekend);
      times.push_back((local - plan.offsetMinutes * 60) * 1'000'000 +
                      static_cast<std::int64_t>(rng.below(1'000'000)));
    }
    std::sort(times.begin(), times.end());
    for (std::size_t i = 0; i < times.size(); ++i) {
      const std::int64_t localHour =
          (times[i] / 1'000'000 + plan.offsetMinutes * 60) % 86'400 / 3600;
      const bool offHours = weekend || localHour < 8 || localHour >= 18;
      const std::uint32_t tool = pick(rng, plan.toolCumulative);
      const std::uint32_t activity = activityOf(rng, tool);
      const Platform platform = platformOf(rng, plan, offHours);
      // A mirrored duplicate (a usage row and the post it records): same second, tool, activity.
      const int copies = i + 1 < times.size() && rng.below(1000) < 3 ? 2 : 1;
      for (int c = 0; c < copies; ++c) {
        log.time.push_back(times[i]);
        log.person.push_back(person);
        log.tool.push_back(tool);
        log.activity.push_back(activity);
        log.platform.push_back(platform);
      }
      i += static_cast<std::size_t>(copies - 1);  // the copy takes the next slot of the day
    }
  }
}

}  // namespace

model::AdoptionLog generateAdoptionLog(const AdoptionShape& shape) {
  AdoptionLog log;
  Rng rng{shape.seed};
  for (const char* t : kTools) log.tools.emplace_back(t);
  for (const char* a : kActivities) log.activities.emplace_back(a);
  std::vector<Plan> plans(shape.people);
  std::uint64_t fixedActions = 0;
  double regularWeight = 0;
  for (std::uint32_t p = 0; p < shape.people; ++p) {
    model::AdoptionPerson who;
    char key[32];
    std::snprintf(key, sizeof key, "u%05u@example.org", p);
    who.key = key;
    const std::uint32_t team = p / kTeamSize, department = departmentOf(p);
    char teamName[32];
    std::snprintf(teamName, sizeof teamName, "team-%04u", team);
    who.team = teamName;
    who.department = kDepartmentNames[department];
    who.isManager = p % kTeamSize == 0;
    who.timezone = kZones[department % kZones.size()].name;
    who.inRoster = who.usageUser = true;
    plans[p] = planPerson(rng, p, who.registered);
    auto& plan = plans[p];
    if (plan.kind == Kind::Rare || plan.kind == Kind::Abandoner) {
      const std::uint64_t perDay = plan.kind == Kind::Rare ? 1 + rng.below(5) : 3 + rng.below(10);
      plan.actions = perDay * plan.days.size();
      fixedActions += plan.actions;
    } else if (plan.kind == Kind::Regular) {
      plan.weight *= static_cast<double>(plan.days.size());
      regularWeight += plan.weight;
    }
    log.people.push_back(std::move(who));
  }
  if (fixedActions * 2 > shape.actions || regularWeight <= 0)
    throw std::invalid_argument("too few actions (" + std::to_string(shape.actions) + ") for " +
                                std::to_string(shape.people) + " people");
  // Regular people share the rest in proportion to weight × active days; exactly `actions`.
  const std::uint64_t rest = shape.actions - fixedActions;
  std::uint64_t given = 0;
  for (auto& plan : plans) {
    if (plan.kind != Kind::Regular) continue;
    plan.actions =
        static_cast<std::uint64_t>(static_cast<double>(rest) * plan.weight / regularWeight);
    given += plan.actions;
  }
  for (std::size_t p = 0; given < rest; p = (p + 1) % plans.size()) {
    if (plans[p].kind != Kind::Regular) continue;
    ++plans[p].actions;
    ++given;
  }
  log.time.reserve(shape.actions);
  log.person.reserve(shape.actions);
  log.tool.reserve(shape.actions);
  log.activity.reserve(shape.actions);
  log.platform.reserve(shape.actions);
  for (std::uint32_t p = 0; p < shape.people; ++p) {
    emitPerson(rng, plans[p], p, log);
    std::vector<std::uint16_t>().swap(plans[p].days);
    std::vector<float>().swap(plans[p].dayWeight);
  }
  return log;
}

namespace {

std::FILE* openOut(const std::filesystem::path& path) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return out;
}

void closeOut(std::FILE* out, const std::filesystem::path& path) {
  if (std::ferror(out) || std::fclose(out) != 0)
    throw std::runtime_error("cannot write " + path.string());
}

/// "2025-03-04T09:15:22.123456Z" from UTC microseconds (positive times).
void formatIso(model::MicrosUtc t, char (&buf)[96]) {
  const std::int64_t day = model::floorDiv(t, model::kMicrosPerDay);
  const std::int64_t micros = t - day * model::kMicrosPerDay;
  const auto c = model::civilFromDays(day);
  const std::int64_t s = micros / 1'000'000;
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
                static_cast<long long>(c.year), c.month, c.day, static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60),
                static_cast<long long>(micros % 1'000'000));
}

template <class T>
void writeRaw(const std::filesystem::path& path, const std::vector<T>& values) {
  std::FILE* out = openOut(path);
  if (!values.empty()) std::fwrite(values.data(), sizeof(T), values.size(), out);
  closeOut(out, path);
}

/// A column converted element by element (narrowing the index columns).
template <class T, class Source, class Fn>
void writeConverted(const std::filesystem::path& path, const std::vector<Source>& values, Fn fn) {
  std::vector<T> block;
  std::FILE* out = openOut(path);
  for (std::size_t i = 0; i < values.size(); i += 1 << 20) {
    const std::size_t end = std::min(values.size(), i + (std::size_t{1} << 20));
    block.clear();
    for (std::size_t k = i; k < end; ++k) block.push_back(fn(values[k]));
    std::fwrite(block.data(), sizeof(T), block.size(), out);
  }
  closeOut(out, path);
}

}  // namespace

std::uint64_t writeAdoptionCsv(const model::AdoptionLog& log, const std::filesystem::path& dir,
                               std::uint64_t maxActions) {
  const auto rosterPath = dir / "roster.csv";
  std::FILE* roster = openOut(rosterPath);
  std::fputs("person_id,email,team,department,is_manager,timezone,start_date\n", roster);
  for (const auto& p : log.people) {
    char date[96] = "";
    if (p.registered) {
      formatIso(*p.registered, date);
      date[10] = '\0';
    }
    std::fprintf(roster, "%.*s,%s,%s,%s,%s,%s,%s\n", static_cast<int>(p.key.find('@')),
                 p.key.c_str(), p.key.c_str(), p.team.c_str(), p.department.c_str(),
                 p.isManager ? "yes" : "no", p.timezone.c_str(), date);
  }
  closeOut(roster, rosterPath);
  const auto usagePath = dir / "usage.csv";
  std::FILE* usage = openOut(usagePath);
  std::fputs("time,user,tool,action,platform\n", usage);
  std::size_t i = 0;
  char when[96];
  while (i < log.size()) {
    const auto who = log.person[i];
    if (i >= maxActions) break;  // whole people only
    for (; i < log.size() && log.person[i] == who; ++i) {
      formatIso(log.time[i], when);
      const auto platform = model::toString(log.platform[i]);
      std::fprintf(
          usage, "%s,%s,%s,%s,%.*s\n", when, log.people[who].key.c_str(),
          log.tool[i] == AdoptionLog::kNone ? "" : log.tools[log.tool[i]].c_str(),
          log.activity[i] == AdoptionLog::kNone ? "" : log.activities[log.activity[i]].c_str(),
          log.platform[i] == Platform::Unknown ? 0 : static_cast<int>(platform.size()),
          platform.data());
    }
  }
  closeOut(usage, usagePath);
  return i;
}

void writeNumpyColumns(const model::AdoptionLog& log, const std::filesystem::path& dir) {
  if (log.tools.size() >= 128 || log.activities.size() >= 128)
    throw std::invalid_argument("writeNumpyColumns: more than 127 tools or activities");
  const auto index8 = [](std::uint32_t v) {
    return v == AdoptionLog::kNone ? std::int8_t{-1} : static_cast<std::int8_t>(v);
  };
  writeRaw(dir / "time.i8", log.time);
  writeRaw(dir / "person.u4", log.person);
  writeConverted<std::int8_t>(dir / "tool.i1", log.tool, index8);
  writeConverted<std::int8_t>(dir / "activity.i1", log.activity, index8);
  writeConverted<std::int8_t>(dir / "platform.i1", log.platform,
                              [](Platform p) { return static_cast<std::int8_t>(p); });
  // People, with departments, teams and zones as indexes into names.txt.
  std::vector<std::string> departments, teams, zones;
  const auto indexOf = [](std::vector<std::string>& names, const std::string& name) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    names.push_back(name);
    return names.size() - 1;
  };
  std::vector<std::int16_t> department;
  std::vector<std::int32_t> team;
  std::vector<std::int8_t> manager, zone;
  std::vector<std::int64_t> registered;
  std::size_t lastTeam = 0;
  for (const auto& p : log.people) {
    department.push_back(static_cast<std::int16_t>(
        indexOf(departments, p.department.empty() ? "(no department)" : p.department)));
    const std::string t = p.team.empty() ? "(no team)" : p.team;
    // Teams are mostly consecutive: check the last one before searching.
    lastTeam = lastTeam < teams.size() && teams[lastTeam] == t ? lastTeam : indexOf(teams, t);
    team.push_back(static_cast<std::int32_t>(lastTeam));
    manager.push_back(p.isManager ? 1 : 0);
    zone.push_back(static_cast<std::int8_t>(indexOf(zones, p.timezone)));
    registered.push_back(p.registered ? model::floorDiv(*p.registered, model::kMicrosPerDay)
                                      : std::numeric_limits<std::int64_t>::min());
  }
  writeRaw(dir / "dept.i2", department);
  writeRaw(dir / "team.i4", team);
  writeRaw(dir / "manager.i1", manager);
  writeRaw(dir / "tz.i1", zone);
  writeRaw(dir / "registered.i8", registered);
  const auto namesPath = dir / "names.txt";
  std::FILE* names = openOut(namesPath);
  const auto list = [names](const char* kind, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i)
      std::fprintf(names, "%s\t%zu\t%s\n", kind, i, values[i].c_str());
  };
  list("tool", log.tools);
  list("activity", log.activities);
  list("department", departments);
  list("tz", zones);
  closeOut(names, namesPath);
}

}  // namespace orglens::bench
