#include "analysis/adoption_tools.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

#include "analysis/parallel.h"
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

/// [start, end) of the period holding t.
std::pair<model::MicrosUtc, model::MicrosUtc> periodOf(model::MicrosUtc t, ShiftPeriod period) {
  namespace chr = std::chrono;
  const model::MicrosUtc start = periodStart(t, period);
  if (period == ShiftPeriod::Week) return {start, start + 7 * kMicrosPerDay};
  const chr::year_month_day first{chr::sys_days{chr::days{start / kMicrosPerDay}}};
  const chr::sys_days next{first + chr::months{1}};
  return {start, next.time_since_epoch().count() * kMicrosPerDay};
}

/// One period's interactions of qualifying people, per tool.
struct PeriodCells {
  std::uint64_t people = 0;
  std::vector<std::uint64_t> interactions, toolPeople;  // per AdoptionLog::tools
  // The last person counted in `people` / `toolPeople`: a person's actions are consecutive.
  std::uint32_t lastPerson = model::AdoptionLog::kNone;
  std::vector<std::uint32_t> lastToolPerson;
};

/// The share of one thread: the people of a contiguous range of actions.
struct ShiftPart {
  std::vector<std::uint32_t> people;  // qualifying, ascending
  std::vector<char> toolSeen;
  std::map<model::MicrosUtc, PeriodCells> periods;
};

class ShiftScanner {
 public:
  ShiftScanner(const model::AdoptionLog& log, const std::vector<Depth>& depth,
               std::uint32_t emailTool, ShiftPeriod period, ShiftPart& part)
      : m_log(log), m_depth(depth), m_email(emailTool), m_period(period), m_part(part) {
    m_part.toolSeen.assign(log.tools.size(), 0);
  }

  /// The actions [begin, end) of one person.
  void person(std::size_t begin, std::size_t end) {
    // The interactions without duplicates (same second, tool and depth class), as
    // analyseAdoption drops them; bit 0: one in e-mail, bit 1: one in another tool.
    m_interactions.clear();
    m_seen.clear();
    // The candidates first, without a branch per action (which is an interaction is random).
    m_candidates.resize(end - begin);
    std::size_t candidates = 0;
    const std::size_t activities = m_depth.size();
    for (std::size_t i = begin; i < end; ++i) {
      const auto a = m_log.activity[i];
      const bool interaction = a < activities ? isInteraction(m_depth[a]) : false;
      m_candidates[candidates] = i;
      candidates += interaction & (m_log.tool[i] != model::AdoptionLog::kNone);
    }
    std::int64_t second = 0;
    bool any = false;  // an interaction seen: `second` is set
    unsigned uses = 0;
    for (std::size_t c = 0; c < candidates; ++c) {
      const std::size_t i = m_candidates[c];
      const auto tool = m_log.tool[i];
      const Depth d = m_depth[m_log.activity[i]];
      const std::int64_t s = floorDiv(m_log.time[i], kMicrosPerSecond);
      if (any && s != second) m_seen.clear();
      any = true;
      second = s;
      const std::pair<std::uint32_t, Depth> k{tool, d};
      if (std::find(m_seen.begin(), m_seen.end(), k) != m_seen.end()) continue;
      m_seen.push_back(k);
      m_interactions.push_back(i);
      uses |= tool == m_email ? 1u : 2u;
    }
    if (uses != 3 || m_interactions.empty()) return;
    const std::uint32_t who = m_log.person[begin];
    m_part.people.push_back(who);
    // Periods are looked up when an interaction leaves the current one (rarely: in time order).
    model::MicrosUtc from = 0, until = 0;
    PeriodCells* cells = nullptr;
    for (const auto i : m_interactions) {
      const auto t = m_log.time[i];
      if (!cells || t < from || t >= until) {
        const auto [start, end] = periodOf(t, m_period);
        from = start;
        until = end;
        cells = &cellsOf(start);
        if (cells->lastPerson != who) {
          cells->lastPerson = who;
          ++cells->people;
        }
      }
      const auto tool = m_log.tool[i];
      m_part.toolSeen[tool] = 1;
      ++cells->interactions[tool];
      if (cells->lastToolPerson[tool] != who) {
        cells->lastToolPerson[tool] = who;
        ++cells->toolPeople[tool];
      }
    }
  }

 private:
  PeriodCells& cellsOf(model::MicrosUtc start) {
    auto [it, added] = m_part.periods.try_emplace(start);
    if (added) {
      const std::size_t tools = m_log.tools.size();
      it->second.interactions.assign(tools, 0);
      it->second.toolPeople.assign(tools, 0);
      it->second.lastToolPerson.assign(tools, model::AdoptionLog::kNone);
    }
    return it->second;
  }

  const model::AdoptionLog& m_log;
  const std::vector<Depth>& m_depth;
  std::uint32_t m_email;
  ShiftPeriod m_period;
  ShiftPart& m_part;
  std::vector<std::size_t> m_candidates;                // action indexes: interactions in a tool
  std::vector<std::size_t> m_interactions;              // the candidates without duplicates
  std::vector<std::pair<std::uint32_t, Depth>> m_seen;  // (tool, depth) in the current second
};

/// The first action of the person acting at `i` (or log.size()).
std::size_t personStart(const model::AdoptionLog& log, std::size_t i) {
  while (i > 0 && i < log.size() && log.person[i - 1] == log.person[i]) ++i;
  return std::min(i, log.size());
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

ShiftResult interactionShift(const model::AdoptionLog& log, ShiftPeriod period, unsigned threads) {
  ShiftResult r;
  r.emailTool = emailTool(log);
  if (r.emailTool == model::AdoptionLog::kNone) return r;
  std::vector<Depth> depth;
  for (const auto& a : log.activities) depth.push_back(depthOf(a));
  // Chunks of actions cut at person boundaries: each person is scanned by one thread, and the
  // chunks' counts are added in chunk order (integers: the same sums for any thread count).
  const unsigned n = threadCount(threads, log.size() / 65536 + 1);
  auto parts = parallelChunks<ShiftPart>(0, n, n, [&](std::size_t c, std::size_t, ShiftPart& part) {
    const std::size_t end = personStart(log, log.size() * (c + 1) / n);
    ShiftScanner scanner(log, depth, r.emailTool, period, part);
    for (std::size_t b = personStart(log, log.size() * c / n), e = b; b < end; b = e) {
      for (e = b + 1; e < end && log.person[e] == log.person[b];) ++e;
      scanner.person(b, e);
    }
  });
  std::vector<char> toolSeen(log.tools.size(), 0);
  std::map<model::MicrosUtc, PeriodCells> cells;
  for (auto& part : parts) {
    r.people.insert(r.people.end(), part.people.begin(), part.people.end());
    for (std::size_t t = 0; t < toolSeen.size(); ++t) toolSeen[t] |= part.toolSeen[t];
    for (auto& [start, c] : part.periods) {
      auto [it, added] = cells.try_emplace(start, std::move(c));
      if (added) continue;
      it->second.people += c.people;
      for (std::size_t t = 0; t < toolSeen.size(); ++t) {
        it->second.interactions[t] += c.interactions[t];
        it->second.toolPeople[t] += c.toolPeople[t];
      }
    }
  }
  for (std::size_t t = 0; t < toolSeen.size(); ++t)
    if (toolSeen[t]) r.tools.push_back(static_cast<std::uint32_t>(t));
  for (const auto& [start, c] : cells) {
    std::uint64_t total = 0;
    for (const auto x : c.interactions) total += x;
    for (const auto t : r.tools) {
      ShiftRow row{start, t, c.people, c.toolPeople[t], c.interactions[t], 0.0};
      row.share = total ? static_cast<double>(row.interactions) / static_cast<double>(total) : 0.0;
      r.rows.push_back(row);
    }
  }
  return r;
}

}  // namespace orglens::analysis
