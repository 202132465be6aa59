#include "analysis/handoffs.h"

#include <algorithm>
#include <optional>

#include "analysis/activity_instances.h"
#include "analysis/flow_parts.h"
#include "analysis/handoff_tables.h"
#include "analysis/parallel.h"

namespace orglens::analysis {
namespace {

using model::EventLog;
constexpr auto kNone = EventLog::kNone;

using Dims = detail::HandoffDims;

/// Where the scan writes the handoffs: the list's columns, each chunk from its own base row.
struct Sink {
  HandoffList::Columns& columns;
  std::uint64_t activityCount;
  bool queue;
  bool completionsOnly;  // the whole log: no item needs its events paired into instances
};

/// What one chunk of items yields; chunks are merged in item order.
struct ChunkResult {
  std::size_t base = 0, rows = 0;             // the chunk's handoffs: rows [base, base + rows)
  std::vector<std::uint32_t> items, itemEnd;  // itemEnd relative to base
  std::vector<std::uint64_t> pingPong;        // (a << 32 | b) per a → b → a
  std::vector<std::uint64_t> repeats, redos;  // by dense activity
  std::uint64_t instances = 0;
  std::uint64_t itemsWithInstances = 0;
  // Only when the flow is asked for (analyseHandoffsAndFlow): the waits of consecutive instances
  // that are no handoff (the DFG edges take the handoffs' waits from the activity-pair groups),
  // and with FlowOptions::itemFigures the flow figures of the chunk's items.
  std::optional<detail::FlowItems> flow;
  detail::UngroupedWaits otherWaits;
};

/// Per-thread state of the item scan: the last actor of each activity in the current item,
/// valid where `seenIn` holds the item's stamp (no clearing between items).
struct Scratch {
  std::vector<ActivityInstance> instances;
  std::vector<std::uint32_t> lastActor, seenIn;
  std::vector<std::uint32_t> sequence;  // the instances' activities, for the flow figures
};

struct Step {
  std::uint32_t activity, actor;
  model::MicrosUtc start, complete;
  std::optional<model::MicrosUtc> assigned;
};

/// Appends one handoff to the chunk's rows: dense keys (people `from` and `to`), wait and queue
/// time. Inlined: a call for each of 9 M handoffs spilled the scan's registers.
[[gnu::always_inline]] inline void emit(const Sink& sink, std::uint32_t from, std::uint32_t to,
                                        std::uint32_t fromActivity, std::uint32_t toActivity,
                                        std::int64_t wait, std::int64_t queue, ChunkResult& out) {
  auto& c = sink.columns;
  const std::size_t row = out.base + out.rows++;
  const std::uint64_t pair = fromActivity * sink.activityCount + toActivity;
  if (c.packed) {
    c.code[row] = c.layout.pack<std::uint32_t>(from, to, pair);
  } else {
    c.from[row] = from;
    c.to[row] = to;
    if (c.wide) {
      c.activities[row] = fromActivity;
      c.toActivity[row] = toActivity;
    } else {
      c.activities[row] = static_cast<std::uint32_t>(pair);
    }
  }
  c.wait[row] = wait;
  if (sink.queue) c.queue[row] = queue;
}

/// How much of the flow the scan gathers beside the handoffs: nothing (findHandoffs), the waits
/// of consecutive instances that are no handoff (for the DFG edges), or those and the figures per
/// item (FlowOptions::itemFigures).
enum class FlowPart { None, Edges, All };

/// Handoffs, ping-pong and rework of one item's instance sequence step(0..n-1); with kFlow also
/// the waits of its consecutive instances that are no handoff, and with FlowPart::All its flow
/// figures (its activities are `seq`).
template <FlowPart kFlow, class StepAt>
void scanSteps(const Dims& dims, const Sink& sink, std::uint32_t item, std::uint32_t stamp,
               std::size_t n, StepAt stepAt, const std::uint32_t* seq, Scratch& s,
               ChunkResult& out) {
  out.instances += n;
  out.itemsWithInstances += n > 0 ? 1 : 0;
  const std::size_t rowsBefore = out.rows;
  std::uint32_t prevActor = kNone, prevPrevActor = kNone, prevActivity = kNone;
  std::uint32_t prevPerson = 0;  // the dense prevActor: each actor is looked up once
  model::MicrosUtc prevComplete = 0;
  constexpr bool kItems = kFlow == FlowPart::All;
  detail::ItemTimes times;              // kItems only
  detail::VariantCoder::Built variant;  // kItems only: the sequence so far
  const detail::VariantCoder coder = kItems ? out.flow->coder : detail::VariantCoder{};
  for (std::size_t i = 0; i < n; ++i) {
    const Step cur = stepAt(i);
    const std::uint32_t a = dims.activities[cur.activity];
    const std::uint32_t person = dims.people[cur.actor];  // kNone too: the lookup is defined
    if (s.seenIn[a] == stamp) {  // rework: a repeat needs the same known actor
      (cur.actor != kNone && s.lastActor[a] == cur.actor ? out.repeats[a] : out.redos[a]) += 1;
    } else {
      s.seenIn[a] = stamp;
    }
    s.lastActor[a] = cur.actor;
    const std::int64_t wait = std::max<std::int64_t>(0, cur.start - prevComplete);
    if (i > 0 && prevActor != kNone && cur.actor != kNone && prevActor != cur.actor) {
      const std::int64_t queue =
          cur.assigned ? std::max<std::int64_t>(0, cur.start - *cur.assigned) : -1;
      emit(sink, prevPerson, person, prevActivity, a, wait, queue, out);
      if (i >= 2 && prevPrevActor == cur.actor)
        out.pingPong.push_back(std::uint64_t{cur.actor} << 32 | prevActor);
    } else if (kFlow != FlowPart::None && i > 0) {
      out.otherWaits.key.push_back(prevActivity * sink.activityCount + a);
      out.otherWaits.wait.push_back(wait);
    }
    if constexpr (kItems) {
      times.add(i == 0, cur.start, cur.complete);
      coder.add(variant, i, a);
    }
    prevPrevActor = prevActor;
    prevActor = cur.actor;
    prevPerson = person;
    prevActivity = a;
    prevComplete = cur.complete;
  }
  if (kItems && n > 0) {
    out.flow->add(dims.activities[stepAt(0).activity], prevActivity, times, variant, seq, n);
  }
  if (out.rows != rowsBefore) {
    out.items.push_back(item);
    out.itemEnd.push_back(static_cast<std::uint32_t>(out.rows));
  }
}

template <FlowPart kFlow>
void scanItem(const EventLog& log, const Dims& dims, const Sink& sink, std::size_t i, Scratch& s,
              ChunkResult& out) {
  const std::uint32_t begin = log.itemBegin[i], end = log.itemBegin[i + 1];
  const auto stamp = static_cast<std::uint32_t>(i + 1);
  if (sink.completionsOnly || completionsOnly(log, begin, end)) {  // each event an instance
    scanSteps<kFlow>(
        dims, sink, log.item[i], stamp, end - begin,
        [&](std::size_t k) {
          const std::uint32_t r = begin + static_cast<std::uint32_t>(k);
          return Step{log.activity[r], log.actor[r], log.time[r], log.time[r], std::nullopt};
        },
        log.activity.data() + begin, s, out);
    return;
  }
  buildInstances(log, begin, end, s.instances);
  if constexpr (kFlow == FlowPart::All) {
    s.sequence.clear();
    for (const auto& x : s.instances) s.sequence.push_back(x.activity);
  }
  scanSteps<kFlow>(
      dims, sink, log.item[i], stamp, s.instances.size(),
      [&](std::size_t k) {
        const auto& x = s.instances[k];
        return Step{x.activity, x.actor, x.start, x.complete, x.assigned};
      },
      s.sequence.data(), s, out);
}

/// The first event row of item i (itemBegin is empty in a log without items).
std::size_t rowOf(const EventLog& log, std::size_t i) {
  return log.itemBegin.empty() ? 0 : log.itemBegin[i];
}

/// The columns sized for every event of items [first, items) (an item of k instances has at
/// most k − 1 handoffs): virtual memory only, each chunk writes from the row of its first
/// event, and mergeChunks() closes the gaps.
HandoffList::Columns emptyColumns(const EventLog& log, const Dims& dims, std::size_t first,
                                  bool queue) {
  HandoffList::Columns c;
  const std::size_t bound = rowOf(log, log.itemCount()) - rowOf(log, first);
  c.activityCount = dims.activities.size();
  c.wide = c.activityCount > 0xFFFFu;
  c.pack(dims.people.size(), c.activityCount);
  if (c.packed) {
    c.code.resize(bound);
  } else {
    c.from.resize(bound);
    c.to.resize(bound);
    c.activities.resize(bound);
    if (c.wide) c.toActivity.resize(bound);
  }
  c.wait.resize(bound);
  if (queue) c.queue.resize(bound);
  // Huge pages where the pass's scope allows, before the scan backs the rows a step at a time.
  for (auto* column : {&c.code, &c.from, &c.to, &c.activities, &c.toActivity})
    detail::adviseHuge(column->data(), column->size() * sizeof(std::uint32_t));
  for (auto* column : {&c.wait, &c.queue})
    detail::adviseHuge(column->data(), column->size() * sizeof(std::int64_t));
  for (std::uint32_t p = 0; p < dims.people.size(); ++p) {
    c.personId.push_back(dims.people.id(p));
    c.personTeamId.push_back(Dims::teamOf(log, dims.people.id(p)));
  }
  for (std::uint32_t a = 0; a < dims.activities.size(); ++a)
    c.activityId.push_back(dims.activities.id(a));
  return c;
}

/// Rows the scan backs with pages at a time (3 MB of a packed list).
constexpr std::size_t kRowsAhead = std::size_t{1} << 18;

/// Backs rows [from, to) of each of the list's columns with pages (detail::populate).
void populateRows(HandoffList::Columns& c, std::size_t from, std::size_t to) {
  for (auto* column : {&c.code, &c.from, &c.to, &c.activities, &c.toActivity})
    if (!column->empty()) detail::populate(*column, from, to);
  for (auto* column : {&c.wait, &c.queue})
    if (!column->empty()) detail::populate(*column, from, to);
}

std::vector<ChunkResult> scanChunks(const EventLog& log, const Dims& dims, std::size_t first,
                                    unsigned threads, const Sink& sink, FlowPart flow) {
  const std::uint32_t nA = dims.activities.size();
  return parallelChunks<ChunkResult>(
      first, log.itemCount(), threads, [&](std::size_t begin, std::size_t end, ChunkResult& out) {
        out.base = rowOf(log, begin) - rowOf(log, first);
        out.repeats.assign(nA, 0);
        out.redos.assign(nA, 0);
        Scratch s;
        s.lastActor.assign(nA, kNone);
        s.seenIn.assign(nA, 0);
        // The chunk's rows are backed with pages ahead of its writes, a step at a time
        // (detail::populate), up to its last possible row: no page fault each 4 KB.
        const std::size_t lastRow = rowOf(log, end) - rowOf(log, first);
        std::size_t backed = out.base;
        // Room for the most the chunk's items can have (each at most once), virtual memory only:
        // no vector grows by copies into fresh pages.
        out.items.reserve(end - begin);
        out.itemEnd.reserve(end - begin);
        const auto scanAll = [&](auto scan) {
          for (std::size_t i = begin; i < end; ++i) {
            if (out.base + out.rows + kRowsAhead / 2 >= backed && backed < lastRow) {
              const std::size_t next = std::min(lastRow, backed + kRowsAhead);
              populateRows(sink.columns, backed, next);
              backed = next;
            }
            scan(i);
          }
        };
        if (flow == FlowPart::None) {
          scanAll([&](std::size_t i) { scanItem<FlowPart::None>(log, dims, sink, i, s, out); });
          return;
        }
        // Consecutive instances without a handoff: an eighth of the events is room for those of
        // most logs (the benchmark's: a tenth) and still little enough for glibc's heap (a
        // reservation for every event took 80 MB of fresh mappings in each call); more grow.
        out.otherWaits.key.reserve((lastRow - out.base) / 8);
        out.otherWaits.wait.reserve((lastRow - out.base) / 8);
        if (flow == FlowPart::Edges) {
          scanAll([&](std::size_t i) { scanItem<FlowPart::Edges>(log, dims, sink, i, s, out); });
          return;
        }
        out.flow.emplace(nA);
        out.flow->reserve(end - begin, rowOf(log, end) - rowOf(log, begin),
                          log.itemCount() - first);
        out.flow->variants.share(log.activity);  // completions-only items: not copied
        scanAll([&](std::size_t i) { scanItem<FlowPart::All>(log, dims, sink, i, s, out); });
        out.flow->variants.count();
      });
}

/// Moves the rows of chunk `c` down to `to` (chunks are in row order, so `to` <= its base).
template <class Column>
void moveRows(Column& column, const ChunkResult& c, std::size_t to) {
  if (column.empty() || to == c.base) return;
  std::copy(column.begin() + static_cast<std::ptrdiff_t>(c.base),
            column.begin() + static_cast<std::ptrdiff_t>(c.base + c.rows),
            column.begin() + static_cast<std::ptrdiff_t>(to));
}

/// The chunks' rows made contiguous (in chunk order, so in item order) and their items. Each
/// column's chunks move in order (a chunk's new place may overlap the old place of the one
/// before it); the columns move side by side, on up to `threads` threads.
void joinRows(std::vector<ChunkResult>& chunks, HandoffList::Columns& columns, unsigned threads) {
  const auto moveColumn = [&](auto& column) {
    std::size_t to = 0;
    for (const auto& c : chunks) moveRows(column, c, to), to += c.rows;
  };
  if (chunks.size() > 1)  // about equal bytes a row each half: 8 + 8 + 4, 4 + 4 + 4 (or code)
    parallelChunks<int>(0, 6, threads, [&](std::size_t begin, std::size_t end, int&) {
      for (std::size_t k = begin; k < end; ++k) {
        if (k == 0) moveColumn(columns.wait);
        if (k == 1) moveColumn(columns.queue);
        if (k == 2) moveColumn(columns.toActivity);
        if (k == 3) moveColumn(columns.from), moveColumn(columns.code);
        if (k == 4) moveColumn(columns.to);
        if (k == 5) moveColumn(columns.activities);
      }
    });
  std::size_t rows = 0;
  if (chunks.size() == 1) {  // rows from 0: its item ends are the list's (moved, not copied)
    columns.items = std::move(chunks.front().items);
    columns.itemEnd = std::move(chunks.front().itemEnd);
    rows = chunks.front().rows;
  } else {
    for (const auto& c : chunks) {
      columns.items.insert(columns.items.end(), c.items.begin(), c.items.end());
      for (const auto e : c.itemEnd)
        columns.itemEnd.push_back(static_cast<std::uint32_t>(rows + e));
      rows += c.rows;
    }
  }
  for (auto* column :
       {&columns.from, &columns.to, &columns.activities, &columns.toActivity, &columns.code})
    if (!column->empty()) column->resize(rows);
  columns.wait.resize(rows);
  if (!columns.queue.empty()) columns.queue.resize(rows);
}

void mergeChunks(std::vector<ChunkResult>& chunks, const Dims& dims, HandoffResult& r) {
  std::vector<std::uint64_t> pingPong = std::move(chunks.front().pingPong);
  for (std::size_t c = 1; c < chunks.size(); ++c)
    pingPong.insert(pingPong.end(), chunks[c].pingPong.begin(), chunks[c].pingPong.end());
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
  for (const auto& c : chunks) r.instances += c.instances, r.items += c.itemsWithInstances;
}

}  // namespace

std::string HandoffOptions::validate() const {
  if (minCount == 0) return "minCount must be at least 1";
  return {};
}

namespace {

/// What analyseHandoffsAndFlow() asks of the flow: its options and where its result goes.
struct FlowTarget {
  const FlowOptions& options;
  FlowResult& result;
};

/// findHandoffs(), and with `flow` set analyseFlow()'s figures too, in the same scan.
HandoffResult analyse(const EventLog& log, const HandoffOptions& options, const FlowTarget* flow,
                      model::Progress& progress) {
  HandoffResult r;
  const auto stop = [&] {
    r = {};
    r.cancelled = true;
    if (flow) flow->result = {}, flow->result.cancelled = true;
    return std::move(r);
  };
  // Items without an id (itemless events) form no sequence.
  const std::size_t firstItem = !log.item.empty() && log.item[0] == kNone ? 1 : 0;
  progress.report(0.0, "scanning items");
  const detail::HugePageScope hugePages(log.time.size() * detail::kHandoffPassBytesPerEvent);
  const Dims dims(log);
  const Lifecycles lifecycles = lifecyclesOf(log);
  auto columns = emptyColumns(log, dims, firstItem, lifecycles.assigns);
  const Sink sink{columns, columns.activityCount, !columns.queue.empty(),
                  lifecycles.completionsOnly()};
  const FlowPart part = !flow                       ? FlowPart::None
                        : flow->options.itemFigures ? FlowPart::All
                                                    : FlowPart::Edges;
  std::vector<ChunkResult> chunks = scanChunks(log, dims, firstItem, options.threads, sink, part);
  if (progress.cancelled()) return stop();
  joinRows(chunks, columns, options.threads);
  r.handoffs = HandoffList(std::move(columns));
  mergeChunks(chunks, dims, r);
  std::vector<detail::FlowItems> flowItems;
  detail::UngroupedWaits otherWaits;
  std::function<void(const detail::ActivityPairWaits&)> withPairWaits;
  if (flow) {
    for (auto& c : chunks) {
      if (c.flow) flowItems.push_back(std::move(*c.flow));
      if (chunks.size() == 1) {
        otherWaits = std::move(c.otherWaits);
        break;
      }
      otherWaits.key.insert(otherWaits.key.end(), c.otherWaits.key.begin(), c.otherWaits.key.end());
      otherWaits.wait.insert(otherWaits.wait.end(), c.otherWaits.wait.begin(),
                             c.otherWaits.wait.end());
    }
    withPairWaits = [&](const detail::ActivityPairWaits& p) {
      flow->result.edges = detail::edgesOf(dims.activities, p.key, p.first, p.last, p.wait, p.stats,
                                           otherWaits, flow->options.threads);
    };
  }
  chunks.clear();
  detail::buildHandoffTables(dims, options, r, progress, withPairWaits);
  if (r.cancelled) return stop();  // no half-built tables
  if (part == FlowPart::All) {
    progress.report(0.95, "variants");
    std::vector<detail::FlowItems*> items;
    for (auto& c : flowItems) items.push_back(&c);
    detail::mergeFlowItems(items, dims.activities, flow->options, flow->result, {});
  } else if (part == FlowPart::Edges) {
    flow->result.items = r.items;  // the items with an instance, as FlowItems counts them
    flow->result.itemFigures = false;
  }
  progress.report(1.0, "done");
  return r;
}

}  // namespace

HandoffResult findHandoffs(const EventLog& log, const HandoffOptions& options,
                           model::Progress& progress) {
  return analyse(log, options, nullptr, progress);
}

HandoffsAndFlow analyseHandoffsAndFlow(const EventLog& log, const HandoffOptions& handoffOptions,
                                       const FlowOptions& flowOptions, model::Progress& progress) {
  HandoffsAndFlow out;
  const FlowTarget flow{flowOptions, out.flow};
  out.handoffs = analyse(log, handoffOptions, &flow, progress);
  return out;
}

}  // namespace orglens::analysis
