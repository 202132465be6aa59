#include "analysis/workload.h"

#include <algorithm>
#include <map>

#include "analysis/activity_instances.h"
#include "analysis/parallel.h"
#include "model/time_format.h"

namespace orglens::analysis {
namespace {

using model::EventLog;
using model::MicrosUtc;
constexpr MicrosUtc kWeek = 7 * model::kMicrosPerDay;
// 1970-01-05 was a Monday: weeks start on Mondays 00:00 UTC.
constexpr MicrosUtc kFirstMonday = 4 * model::kMicrosPerDay;

MicrosUtc weekStartOf(MicrosUtc t) { return model::floorDiv(t - kFirstMonday, kWeek) * kWeek + kFirstMonday; }

struct ChunkLoad {
  std::map<std::uint32_t, std::vector<std::uint64_t>> wip;  // holder → open items per week
  std::map<std::uint32_t, std::int64_t> busy;               // person → busy µs
  std::vector<std::uint64_t> arrivals, completions, open;
  bool hasLifecycle = false;
};

struct Span {
  MicrosUtc firstWeek;
  std::size_t weeks;
};

void countItem(const EventLog& log, std::size_t i, const Span& span, std::vector<ActivityInstance>& inst,
               ChunkLoad& out) {
  buildInstances(log, log.itemBegin[i], log.itemBegin[i + 1], inst);
  if (inst.empty()) return;
  MicrosUtc last = inst.front().complete;
  for (const auto& a : inst) {
    last = std::max(last, a.complete);
    if (a.complete > a.start && a.actor != EventLog::kNone) {
      out.busy[a.actor] += a.complete - a.start;
      out.hasLifecycle = true;
    }
  }
  const MicrosUtc first = inst.front().start;
  const auto week = [&](MicrosUtc t) { return static_cast<std::size_t>((weekStartOf(t) - span.firstWeek) / kWeek); };
  ++out.arrivals[week(first)];
  ++out.completions[week(last)];
  // Sample at each week's end T (exclusive): open when first <= T < last; the holder is the
  // actor of the latest instance started at or before T.
  std::size_t k = 0;
  for (std::size_t w = week(first); w < span.weeks; ++w) {
    const MicrosUtc end = span.firstWeek + static_cast<MicrosUtc>(w + 1) * kWeek;
    if (end >= last) break;
    ++out.open[w];
    while (k + 1 < inst.size() && inst[k + 1].start <= end) ++k;
    const std::uint32_t holder = inst[k].actor;
    if (holder == EventLog::kNone) continue;
    auto& series = out.wip[holder];
    if (series.empty()) series.assign(span.weeks, 0);
    ++series[w];
  }
}

std::vector<HolderLoad> toLoads(const std::map<std::uint32_t, std::vector<std::uint64_t>>& wip,
                                const std::map<std::uint32_t, std::int64_t>& busy, std::size_t weeks) {
  std::vector<HolderLoad> out;
  for (const auto& [who, series] : wip) {
    HolderLoad h;
    h.who = who;
    h.wipByWeek = series;
    std::uint64_t total = 0;
    for (auto v : series) {
      total += v;
      h.peakWip = std::max(h.peakWip, v);
    }
    h.averageWip = static_cast<double>(total) / static_cast<double>(weeks);
    if (auto b = busy.find(who); b != busy.end())
      h.busyHoursPerWeek = static_cast<double>(b->second) / 3.6e9 / static_cast<double>(weeks);
    out.push_back(std::move(h));
  }
  std::stable_sort(out.begin(), out.end(), [](const HolderLoad& a, const HolderLoad& b) { return a.averageWip > b.averageWip; });
  return out;
}

}  // namespace

WorkloadResult analyseWorkload(const EventLog& log, const WorkloadOptions& options, model::Progress& progress) {
  WorkloadResult r;
  const std::size_t firstItem = !log.item.empty() && log.item[0] == EventLog::kNone ? 1 : 0;
  if (log.itemCount() <= firstItem) return r;
  MicrosUtc lo = log.time[log.itemBegin[firstItem]], hi = lo;
  for (std::size_t e = log.itemBegin[firstItem]; e < log.eventCount(); ++e) {
    lo = std::min(lo, log.time[e]);
    hi = std::max(hi, log.time[e]);
  }
  const Span span{weekStartOf(lo), static_cast<std::size_t>((weekStartOf(hi) - weekStartOf(lo)) / kWeek) + 1};
  auto chunks = parallelChunks<ChunkLoad>(firstItem, log.itemCount(), options.threads,
                                          [&](std::size_t begin, std::size_t end, ChunkLoad& out) {
                                            out.arrivals.assign(span.weeks, 0);
                                            out.completions.assign(span.weeks, 0);
                                            out.open.assign(span.weeks, 0);
                                            std::vector<ActivityInstance> inst;
                                            for (std::size_t i = begin; i < end; ++i) countItem(log, i, span, inst, out);
                                          });
  if (progress.cancelled()) {
    r.cancelled = true;
    return r;
  }
  ChunkLoad all;
  all.arrivals.assign(span.weeks, 0);
  all.completions.assign(span.weeks, 0);
  all.open.assign(span.weeks, 0);
  for (auto& c : chunks) {
    for (std::size_t w = 0; w < span.weeks && !c.arrivals.empty(); ++w) {
      all.arrivals[w] += c.arrivals[w];
      all.completions[w] += c.completions[w];
      all.open[w] += c.open[w];
    }
    for (auto& [who, series] : c.wip) {
      auto& target = all.wip[who];
      if (target.empty()) target.assign(span.weeks, 0);
      for (std::size_t w = 0; w < span.weeks; ++w) target[w] += series[w];
    }
    for (const auto& [who, b] : c.busy) all.busy[who] += b;
    all.hasLifecycle = all.hasLifecycle || c.hasLifecycle;
  }
  for (std::size_t w = 0; w < span.weeks; ++w)
    r.weeks.push_back({span.firstWeek + static_cast<MicrosUtc>(w) * kWeek, all.arrivals[w], all.completions[w], all.open[w]});
  r.hasLifecycle = all.hasLifecycle;
  r.people = toLoads(all.wip, all.busy, span.weeks);
  // Teams: the sum of their people's series (people without a team are left out).
  std::map<std::uint32_t, std::vector<std::uint64_t>> teamWip;
  std::map<std::uint32_t, std::int64_t> teamBusy;
  for (const auto& [who, series] : all.wip) {
    const auto team = who < log.teamOf.size() ? log.teamOf[who] : EventLog::kNone;
    if (team == EventLog::kNone) continue;
    auto& target = teamWip[team];
    if (target.empty()) target.assign(span.weeks, 0);
    for (std::size_t w = 0; w < span.weeks; ++w) target[w] += series[w];
    if (auto b = all.busy.find(who); b != all.busy.end()) teamBusy[team] += b->second;
  }
  r.teams = toLoads(teamWip, teamBusy, span.weeks);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
