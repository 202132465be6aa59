#include "analysis/handoffs.h"

#include <algorithm>
#include <optional>

#include "analysis/activity_instances.h"
#include "analysis/handoff_tables.h"
#include "analysis/parallel.h"

namespace orglens::analysis {
namespace {

using model::EventLog;
constexpr auto kNone = EventLog::kNone;

using Dims = detail::HandoffDims;

/// What one chunk of items yields; chunks are merged in item order.
struct ChunkResult {
  std::vector<Handoff> handoffs;
  std::vector<std::uint64_t> pingPong;        // (a << 32 | b) per a → b → a
  std::vector<std::uint64_t> repeats, redos;  // by dense activity
  std::uint64_t instances = 0;
};

/// Per-thread state of the item scan: the last actor of each activity in the current item,
/// valid where `seenIn` holds the item's stamp (no clearing between items).
struct Scratch {
  std::vector<ActivityInstance> instances;
  std::vector<std::uint32_t> lastActor, seenIn;
};

struct Step {
  std::uint32_t activity, actor;
  model::MicrosUtc start, complete;
  std::optional<model::MicrosUtc> assigned;
};

/// Handoffs, ping-pong and rework of one item's instance sequence step(0..n-1).
template <class StepAt>
void scanSteps(const EventLog& log, const Dims& dims, std::uint32_t item, std::uint32_t stamp,
               std::size_t n, StepAt stepAt, Scratch& s, ChunkResult& out) {
  out.instances += n;
  std::uint32_t prevActor = kNone, prevPrevActor = kNone, prevActivity = kNone;
  model::MicrosUtc prevComplete = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Step cur = stepAt(i);
    const std::uint32_t a = dims.activities[cur.activity];
    if (s.seenIn[a] == stamp) {
      (s.lastActor[a] == cur.actor ? out.repeats[a] : out.redos[a]) += 1;
    } else {
      s.seenIn[a] = stamp;
    }
    s.lastActor[a] = cur.actor;
    if (i > 0 && prevActor != kNone && cur.actor != kNone && prevActor != cur.actor) {
      const std::int64_t queue =
          cur.assigned ? std::max<std::int64_t>(0, cur.start - *cur.assigned) : -1;
      out.handoffs.push_back({item, prevActor, cur.actor, Dims::teamOf(log, prevActor),
                              Dims::teamOf(log, cur.actor), prevActivity, cur.activity,
                              std::max<std::int64_t>(0, cur.start - prevComplete), queue});
      if (i >= 2 && prevPrevActor == cur.actor)
        out.pingPong.push_back(std::uint64_t{cur.actor} << 32 | prevActor);
    }
    prevPrevActor = prevActor;
    prevActor = cur.actor;
    prevActivity = cur.activity;
    prevComplete = cur.complete;
  }
}

void scanItem(const EventLog& log, const Dims& dims, std::size_t i, Scratch& s, ChunkResult& out) {
  const std::uint32_t begin = log.itemBegin[i], end = log.itemBegin[i + 1];
  const auto stamp = static_cast<std::uint32_t>(i + 1);
  if (completionsOnly(log, begin, end)) {  // each event is an instance: no pairing
    scanSteps(
        log, dims, log.item[i], stamp, end - begin,
        [&](std::size_t k) {
          const std::uint32_t r = begin + static_cast<std::uint32_t>(k);
          return Step{log.activity[r], log.actor[r], log.time[r], log.time[r], std::nullopt};
        },
        s, out);
    return;
  }
  buildInstances(log, begin, end, s.instances);
  scanSteps(
      log, dims, log.item[i], stamp, s.instances.size(),
      [&](std::size_t k) {
        const auto& x = s.instances[k];
        return Step{x.activity, x.actor, x.start, x.complete, x.assigned};
      },
      s, out);
}

/// Upper bound of the handoffs of items [begin, end): their events.
std::size_t handoffBound(const EventLog& log, std::size_t begin, std::size_t end) {
  return log.itemBegin[end] - log.itemBegin[begin];
}

/// Every chunk after the first is appended to the first; the first reserves room for all
/// (virtual memory only), so that the merge copies only the later chunks.
std::vector<ChunkResult> scanChunks(const EventLog& log, const Dims& dims, std::size_t first,
                                    unsigned threads) {
  const std::uint32_t nA = dims.activities.size();
  return parallelChunks<ChunkResult>(
      first, log.itemCount(), threads, [&](std::size_t begin, std::size_t end, ChunkResult& out) {
        out.handoffs.reserve(begin == first ? handoffBound(log, first, log.itemCount())
                                            : handoffBound(log, begin, end));
        out.repeats.assign(nA, 0);
        out.redos.assign(nA, 0);
        Scratch s;
        s.lastActor.assign(nA, kNone);
        s.seenIn.assign(nA, 0);
        for (std::size_t i = begin; i < end; ++i) scanItem(log, dims, i, s, out);
      });
}

void mergeChunks(std::vector<ChunkResult>& chunks, const Dims& dims, HandoffResult& r) {
  r.handoffs = std::move(chunks.front().handoffs);
  std::vector<std::uint64_t> pingPong = std::move(chunks.front().pingPong);
  std::size_t total = 0;
  for (const auto& c : chunks) total += c.handoffs.size();
  r.handoffs.reserve(total);
  for (std::size_t c = 1; c < chunks.size(); ++c) {
    r.handoffs.insert(r.handoffs.end(), chunks[c].handoffs.begin(), chunks[c].handoffs.end());
    pingPong.insert(pingPong.end(), chunks[c].pingPong.begin(), chunks[c].pingPong.end());
  }
  std::sort(pingPong.begin(), pingPong.end());
  for (std::size_t i = 0; i < pingPong.size();) {
    std::size_t j = i;
    while (j < pingPong.size() && pingPong[j] == pingPong[i]) ++j;
    r.pingPong.push_back({static_cast<std::uint32_t>(pingPong[i] >> 32),
                          static_cast<std::uint32_t>(pingPong[i]), j - i});
    i = j;
  }
  std::stable_sort(r.pingPong.begin(), r.pingPong.end(),
                   [](const CountByPair& a, const CountByPair& b) { return a.count > b.count; });
  for (std::uint32_t a = 0; a < dims.activities.size(); ++a) {
    Rework w{dims.activities.id(a), 0, 0};
    for (const auto& c : chunks) w.repeats += c.repeats[a], w.redos += c.redos[a];
    if (w.repeats + w.redos > 0) r.rework.push_back(w);
  }
  std::stable_sort(r.rework.begin(), r.rework.end(), [](const Rework& a, const Rework& b) {
    return a.repeats + a.redos > b.repeats + b.redos;
  });
  for (const auto& c : chunks) r.instances += c.instances;
}

}  // namespace

std::string HandoffOptions::validate() const {
  if (minCount == 0) return "minCount must be at least 1";
  return {};
}

HandoffResult findHandoffs(const EventLog& log, const HandoffOptions& options,
                           model::Progress& progress) {
  HandoffResult r;
  r.items = log.itemCount();
  // Items without an id (itemless events) form no sequence.
  const std::size_t firstItem = !log.item.empty() && log.item[0] == kNone ? 1 : 0;
  const Dims dims(log);
  std::vector<ChunkResult> chunks = scanChunks(log, dims, firstItem, options.threads);
  if (progress.cancelled()) {
    r.cancelled = true;
    return r;
  }
  progress.report(0.5, "aggregating");
  mergeChunks(chunks, dims, r);
  chunks.clear();
  detail::buildHandoffTables(dims, options, r);
  progress.report(1.0, "done");
  return r;
}

}  // namespace orglens::analysis
