#include "analysis/adoption_tools.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

#include "model/text.h"

namespace orglens::analysis {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

model::MicrosUtc periodStart(model::MicrosUtc t, ShiftPeriod period) {
  namespace chr = std::chrono;
  std::int64_t day = floorDiv(t, kMicrosPerDay);
  if (period == ShiftPeriod::Week) {
    day -= ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
  } else {
    const chr::year_month_day ymd{chr::sys_days{chr::days{day}}};
    day = chr::sys_days{ymd.year() / ymd.month() / 1}.time_since_epoch().count();
  }
  return day * kMicrosPerDay;
}

std::uint32_t emailTool(const model::AdoptionLog& log) {
  for (std::size_t t = 0; t < log.tools.size(); ++t) {
    const auto name = model::asciiLower(log.tools[t]);
    if (name == "email" || name == "e-mail" || name == "mail") return static_cast<std::uint32_t>(t);
  }
  return model::AdoptionLog::kNone;
}

/// The interactions of the log without duplicates: (action index) in log order.
std::vector<std::size_t> interactions(const model::AdoptionLog& log) {
  std::vector<Depth> depth;
  for (const auto& a : log.activities) depth.push_back(depthOf(a));
  std::vector<std::size_t> out;
  std::vector<std::pair<std::uint32_t, Depth>> seen;  // (tool, depth) in the current second
  std::uint32_t person = model::AdoptionLog::kNone;
  std::int64_t second = 0;
  for (std::size_t i = 0; i < log.size(); ++i) {
    if (log.tool[i] == model::AdoptionLog::kNone || log.activity[i] == model::AdoptionLog::kNone)
      continue;
    const Depth d = depth[log.activity[i]];
    if (!isInteraction(d)) continue;
    const std::int64_t s = floorDiv(log.time[i], kMicrosPerSecond);
    if (log.person[i] != person || s != second) seen.clear();
    person = log.person[i];
    second = s;
    const std::pair<std::uint32_t, Depth> k{log.tool[i], d};
    if (std::find(seen.begin(), seen.end(), k) != seen.end()) continue;
    seen.push_back(k);
    out.push_back(i);
  }
  return out;
}

}  // namespace

std::vector<UnderusedTool> underusedTools(const AdoptionResult& result) {
  std::vector<UnderusedTool> out;
  const auto& departments = result.departmentTools;
  if (departments.empty()) return out;
  std::vector<double> average(result.tools.size(), 0.0);
  for (const auto& d : departments)
    for (std::size_t t = 0; t < average.size() && t < d.toolShare.size(); ++t)
      average[t] += d.toolShare[t];
  for (auto& a : average) a /= static_cast<double>(departments.size());
  for (const auto& d : departments) {
    const auto first = out.size();
    for (std::size_t t = 0; t < average.size() && t < d.toolShare.size(); ++t) {
      if (average[t] <= 0) continue;  // nobody uses the tool
      UnderusedTool u{d.department,   d.registered, static_cast<std::uint32_t>(t),
                      d.toolShare[t], average[t],   d.toolShare[t] / average[t],
                      false};
      u.underused = u.ratio < kUnderusedRatio;
      out.push_back(std::move(u));
    }
    std::stable_sort(
        out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
        [](const UnderusedTool& a, const UnderusedTool& b) { return a.ratio < b.ratio; });
  }
  return out;
}

bool isInteraction(Depth d) {
  return d == Depth::Posting || d == Depth::Replying;
}

ShiftResult interactionShift(const model::AdoptionLog& log, ShiftPeriod period) {
  ShiftResult r;
  r.emailTool = emailTool(log);
  if (r.emailTool == model::AdoptionLog::kNone) return r;
  const auto actions = interactions(log);
  // Qualifying people: interactions in e-mail and in another tool.
  std::vector<std::uint8_t> uses(log.people.size(), 0);  // bit 0 e-mail, bit 1 another tool
  for (const auto i : actions) uses[log.person[i]] |= log.tool[i] == r.emailTool ? 1 : 2;
  for (std::size_t p = 0; p < uses.size(); ++p)
    if (uses[p] == 3) r.people.push_back(static_cast<std::uint32_t>(p));
  std::vector<char> toolSeen(log.tools.size(), 0);
  // period -> tool -> (interactions, people); period -> people.
  std::map<model::MicrosUtc, std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>>> cell;
  std::map<model::MicrosUtc, std::uint64_t> periodPeople;
  std::map<std::pair<model::MicrosUtc, std::uint32_t>, std::uint32_t> lastPerson;  // dedup people
  std::map<model::MicrosUtc, std::uint32_t> lastInPeriod;
  for (const auto i : actions) {
    const auto p = log.person[i];
    if (uses[p] != 3) continue;
    const auto start = periodStart(log.time[i], period);
    const auto tool = log.tool[i];
    toolSeen[tool] = 1;
    auto& c = cell[start][tool];
    ++c.first;
    // Actions are ordered by person, so a person's actions are consecutive: count each once.
    if (auto [it, fresh] = lastPerson.try_emplace({start, tool}, p); fresh || it->second != p) {
      it->second = p;
      ++c.second;
    }
    if (auto [it, fresh] = lastInPeriod.try_emplace(start, p); fresh || it->second != p) {
      it->second = p;
      ++periodPeople[start];
    }
  }
  for (std::size_t t = 0; t < toolSeen.size(); ++t)
    if (toolSeen[t]) r.tools.push_back(static_cast<std::uint32_t>(t));
  for (const auto& [start, tools] : cell) {
    std::uint64_t total = 0;
    for (const auto& [tool, c] : tools) total += c.first;
    for (const auto t : r.tools) {
      ShiftRow row{start, t, periodPeople[start], 0, 0, 0.0};
      if (const auto it = tools.find(t); it != tools.end()) {
        row.interactions = it->second.first;
        row.toolPeople = it->second.second;
      }
      row.share = total ? static_cast<double>(row.interactions) / static_cast<double>(total) : 0.0;
      r.rows.push_back(row);
    }
  }
  return r;
}

}  // namespace orglens::analysis
