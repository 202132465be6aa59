#include "analysis/pm4py_compat.h"

#include <algorithm>
#include <map>

namespace orglens::analysis {
namespace {

using model::EventLog;
using PairKey = std::pair<std::uint32_t, std::uint32_t>;

std::vector<ResourcePairValue> toTable(const std::map<PairKey, std::uint64_t>& counts,
                                       double denominator) {
  std::vector<ResourcePairValue> out;
  for (const auto& [k, n] : counts)
    out.push_back({k.first, k.second, n, static_cast<double>(n) / denominator});
  std::stable_sort(
      out.begin(), out.end(),
      [](const ResourcePairValue& a, const ResourcePairValue& b) { return a.count > b.count; });
  return out;
}

}  // namespace

Pm4pyMatrices pm4pyMatrices(const EventLog& log) {
  Pm4pyMatrices m;
  std::map<PairKey, std::uint64_t> handover, together;
  std::map<PairKey, std::vector<std::int64_t>> timed;
  std::uint64_t items = 0;
  std::vector<std::uint32_t> resources;
  for (std::size_t i = 0; i < log.itemCount(); ++i) {
    if (log.item[i] == EventLog::kNone) continue;
    ++items;
    resources.clear();
    const auto begin = log.itemBegin[i], end = log.itemBegin[i + 1];
    for (auto r = begin; r < end; ++r) {
      if (log.actor[r] != EventLog::kNone) resources.push_back(log.actor[r]);
      if (r == begin) continue;
      const auto a = log.actor[r - 1], b = log.actor[r];
      if (a == EventLog::kNone || b == EventLog::kNone) continue;
      ++handover[{a, b}];
      ++m.consecutivePairs;
      if (a != b) timed[{a, b}].push_back(log.time[r] - log.time[r - 1]);
    }
    std::sort(resources.begin(), resources.end());
    resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
    for (std::size_t x = 0; x < resources.size(); ++x)
      for (std::size_t y = x + 1; y < resources.size(); ++y)
        ++together[{resources[x], resources[y]}];
  }
  m.handoverOfWork =
      toTable(handover, static_cast<double>(std::max<std::uint64_t>(1, m.consecutivePairs)));
  m.workingTogether = toTable(together, static_cast<double>(std::max<std::uint64_t>(1, items)));
  for (auto& [k, durations] : timed)
    m.timedHandovers.push_back({k.first, k.second, summarize(durations)});
  std::stable_sort(m.timedHandovers.begin(), m.timedHandovers.end(),
                   [](const TimedHandover& a, const TimedHandover& b) {
                     return a.duration.sum > b.duration.sum;
                   });
  return m;
}

}  // namespace orglens::analysis
