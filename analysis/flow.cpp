#include "analysis/flow.h"

#include <algorithm>
#include <map>

#include "analysis/activity_instances.h"
#include "analysis/parallel.h"

namespace orglens::analysis {
namespace {

using model::EventLog;
using PairKey = std::pair<std::uint32_t, std::uint32_t>;

struct ChunkFlow {
  std::map<PairKey, std::vector<std::int64_t>> edges;
  std::map<std::uint32_t, std::uint64_t> starts, ends;
  std::map<std::vector<std::uint32_t>, std::uint64_t> variants;
  std::vector<std::int64_t> throughput, service, waiting;
  std::uint64_t items = 0;
  bool hasLifecycle = false;
};

void scanItem(const EventLog& log, std::size_t i, std::vector<ActivityInstance>& instances,
              ChunkFlow& out) {
  buildInstances(log, log.itemBegin[i], log.itemBegin[i + 1], instances);
  if (instances.empty()) return;
  ++out.items;
  std::vector<std::uint32_t> variant;
  std::int64_t service = 0;
  model::MicrosUtc lastComplete = instances.front().complete;
  for (std::size_t k = 0; k < instances.size(); ++k) {
    const auto& cur = instances[k];
    variant.push_back(cur.activity);
    service += cur.complete - cur.start;
    lastComplete = std::max(lastComplete, cur.complete);
    if (cur.complete > cur.start) out.hasLifecycle = true;
    if (k > 0) {
      const auto& prev = instances[k - 1];
      out.edges[{prev.activity, cur.activity}].push_back(
          std::max<std::int64_t>(0, cur.start - prev.complete));
    }
  }
  ++out.starts[instances.front().activity];
  ++out.ends[instances.back().activity];
  const std::int64_t throughput = lastComplete - instances.front().start;
  out.throughput.push_back(throughput);
  out.service.push_back(service);
  out.waiting.push_back(std::max<std::int64_t>(0, throughput - service));
  ++out.variants[variant];
}

std::vector<std::pair<std::uint32_t, std::uint64_t>> byCount(
    const std::map<std::uint32_t, std::uint64_t>& m) {
  std::vector<std::pair<std::uint32_t, std::uint64_t>> out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

void merge(std::vector<ChunkFlow>& chunks, const FlowOptions& options, FlowResult& r) {
  ChunkFlow all;
  for (auto& c : chunks) {
    for (auto& [k, v] : c.edges) all.edges[k].insert(all.edges[k].end(), v.begin(), v.end());
    for (const auto& [k, n] : c.starts) all.starts[k] += n;
    for (const auto& [k, n] : c.ends) all.ends[k] += n;
    for (const auto& [k, n] : c.variants) all.variants[k] += n;
    all.throughput.insert(all.throughput.end(), c.throughput.begin(), c.throughput.end());
    all.service.insert(all.service.end(), c.service.begin(), c.service.end());
    all.waiting.insert(all.waiting.end(), c.waiting.begin(), c.waiting.end());
    all.items += c.items;
    all.hasLifecycle = all.hasLifecycle || c.hasLifecycle;
  }
  r.items = all.items;
  r.hasLifecycle = all.hasLifecycle;
  for (auto& [k, durations] : all.edges)
    r.edges.push_back({k.first, k.second, summarize(durations)});
  std::stable_sort(r.edges.begin(), r.edges.end(), [](const DfgEdge& a, const DfgEdge& b) {
    return a.duration.sum > b.duration.sum;
  });
  r.startActivities = byCount(all.starts);
  r.endActivities = byCount(all.ends);
  r.throughput = summarize(all.throughput);
  r.serviceTime = summarize(all.service);
  r.waitingTime = summarize(all.waiting);
  r.variantCount = all.variants.size();
  std::vector<Variant> variants;
  for (const auto& [acts, n] : all.variants)
    variants.push_back(
        {acts, n,
         static_cast<double>(n) / static_cast<double>(std::max<std::uint64_t>(1, r.items))});
  std::stable_sort(variants.begin(), variants.end(),
                   [](const Variant& a, const Variant& b) { return a.items > b.items; });
  if (variants.size() > options.topVariants) variants.resize(options.topVariants);
  r.topVariants = std::move(variants);
}

}  // namespace

FlowResult analyseFlow(const EventLog& log, const FlowOptions& options, model::Progress& progress) {
  FlowResult r;
  const std::size_t firstItem = !log.item.empty() && log.item[0] == EventLog::kNone ? 1 : 0;
  auto chunks = parallelChunks<ChunkFlow>(firstItem, log.itemCount(), options.threads,
                                          [&](std::size_t begin, std::size_t end, ChunkFlow& out) {
                                            std::vector<ActivityInstance> instances;
                                            for (std::size_t i = begin; i < end; ++i)
                                              scanItem(log, i, instances, out);
                                          });
  if (progress.cancelled()) {
    r.cancelled = true;
    return r;
  }
  merge(chunks, options, r);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
