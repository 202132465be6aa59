#include "bench/handoff_data.h"
#include "bench/bench_util.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace orglens::bench {
namespace {

using model::EventLog;
using model::Lifecycle;

using Rng = SplitMix64;

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kHour = 3600 * kSecond;
constexpr std::int64_t kYear2025 = 1'735'689'600 * kSecond;
constexpr std::uint32_t kPerTeam = HandoffLogShape::kActors / HandoffLogShape::kTeams;
constexpr std::uint32_t kFirstTeam = HandoffLogShape::kActors;
constexpr std::uint32_t kFirstItem = kFirstTeam + HandoffLogShape::kTeams;

/// Objects: people 0..1999, teams 2000..2039, items from 2040; strings: activities first.
void addObjects(EventLog& log, std::uint32_t items) {
  for (std::uint32_t a = 0; a < HandoffLogShape::kActivities; ++a)
    log.strings.push_back("act" + std::to_string(a));
  const std::uint32_t objects = kFirstItem + items;
  log.objectType.resize(objects);
  log.objectKey.resize(objects);
  log.objectName.assign(objects, EventLog::kNone);
  log.teamOf.assign(objects, EventLog::kNone);
  for (std::uint32_t o = 0; o < objects; ++o) {
    const bool person = o < kFirstTeam, team = !person && o < kFirstItem;
    log.objectType[o] = person ? 0 : team ? 1 : 2;  // BuiltinType Person, Team, Task
    log.objectKey[o] = static_cast<std::uint32_t>(log.strings.size());
    log.strings.push_back((person ? "p" : team ? "team" : "case") + std::to_string(o));
    if (person) log.teamOf[o] = kFirstTeam + o / kPerTeam;
  }
}

void pushEvent(EventLog& log, model::MicrosUtc time, std::uint32_t activity, std::uint32_t actor,
               Lifecycle lifecycle) {
  log.eventId.push_back(static_cast<std::uint32_t>(log.time.size()));
  log.time.push_back(time);
  log.activity.push_back(activity);
  log.actor.push_back(actor);
  log.tool.push_back(EventLog::kNone);
  log.lifecycle.push_back(lifecycle);
  log.platform.push_back(model::Platform::Unknown);
}

/// One item: a walk over the activities (mostly forward, sometimes back: rework), each done
/// by a member of the team that owns the activity in the item's region.
void generateItem(EventLog& log, Rng& rng, bool lifecycle) {
  const auto region = static_cast<std::uint32_t>(rng.below(8));
  const std::uint32_t instances = lifecycle ? 3 + static_cast<std::uint32_t>(rng.below(5))
                                            : 5 + static_cast<std::uint32_t>(rng.below(11));
  auto activity = static_cast<std::uint32_t>(rng.below(3));
  model::MicrosUtc t = kYear2025 + static_cast<std::int64_t>(rng.below(365 * 24)) * kHour;
  std::uint32_t prevTeam = EventLog::kNone;
  for (std::uint32_t k = 0; k < instances; ++k) {
    // Activities 2k and 2k + 1 belong to one team: some handoffs stay inside a team.
    const std::uint32_t team = (activity / 2 * 3 + region * 5) % HandoffLogShape::kTeams;
    const auto actor = team * kPerTeam + static_cast<std::uint32_t>(rng.below(kPerTeam));
    const std::int64_t gap = team == prevTeam ? 2 * kHour : 8 * kHour;
    t += kSecond + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(gap)));
    if (lifecycle) {
      pushEvent(log, t, activity, actor, Lifecycle::Start);
      t += 60 * kSecond + static_cast<std::int64_t>(rng.below(kHour));
    }
    pushEvent(log, t, activity, actor, Lifecycle::Complete);
    prevTeam = team;
    const bool back = rng.below(10) == 0 && activity > 0;
    activity = back ? activity - 1
                    : (activity + 1 + static_cast<std::uint32_t>(rng.below(3))) %
                          HandoffLogShape::kActivities;
  }
}

}  // namespace

EventLog generateHandoffLog(const HandoffLogShape& shape) {
  EventLog log;
  Rng rng{shape.seed};
  const std::uint64_t reserve = shape.events + 32;
  log.time.reserve(reserve);
  log.activity.reserve(reserve);
  log.actor.reserve(reserve);
  log.tool.reserve(reserve);
  log.lifecycle.reserve(reserve);
  log.platform.reserve(reserve);
  log.eventId.reserve(reserve);
  while (log.time.size() < shape.events) {
    log.itemBegin.push_back(static_cast<std::uint32_t>(log.time.size()));
    log.item.push_back(kFirstItem + static_cast<std::uint32_t>(log.item.size()));
    generateItem(log, rng, shape.lifecycle);
  }
  log.itemBegin.push_back(static_cast<std::uint32_t>(log.time.size()));
  addObjects(log, static_cast<std::uint32_t>(log.item.size()));
  return log;
}

std::uint64_t writeLogCsv(const EventLog& log, const std::filesystem::path& path,
                          std::uint64_t maxEvents) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) throw std::runtime_error("cannot write " + path.string());
  std::fputs("case,activity,resource,timestamp\n", out);
  std::uint64_t written = 0;
  for (std::size_t i = 0; i < log.itemCount() && written < maxEvents; ++i) {
    for (std::uint32_t r = log.itemBegin[i]; r < log.itemBegin[i + 1]; ++r, ++written)
      std::fprintf(out, "%u,%u,%u,%lld\n", log.item[i], log.activity[r], log.actor[r],
                   static_cast<long long>(log.time[r]));
  }
  std::fclose(out);
  return written;
}

namespace {

// What PM4Py does for handover-of-work and the performance DFG on a dataframe: sort by case
// and timestamp, shift(-1) within each case, keep the pairs, aggregate the durations.
constexpr const char* kScript = R"PY(import sys, time
import pandas as pd
df = pd.read_csv(sys.argv[1], dtype={"case": "int64", "activity": "int32",
                                     "resource": "int32", "timestamp": "int64"})
df["timestamp"] = pd.to_datetime(df["timestamp"], unit="us", utc=True)
t0 = time.perf_counter()
df = df.sort_values(["case", "timestamp"], kind="stable")
g = df.groupby("case", sort=False)
df["next_activity"] = g["activity"].shift(-1)
df["next_resource"] = g["resource"].shift(-1)
df["next_timestamp"] = g["timestamp"].shift(-1)
pairs = df[df["next_timestamp"].notna()].copy()
pairs["duration"] = (pairs["next_timestamp"] - pairs["timestamp"]).dt.total_seconds()
hand = pairs[pairs["resource"] != pairs["next_resource"]]
def aggregate(frame, keys):
    grouped = frame.groupby(keys)["duration"]
    out = grouped.agg(["count", "mean", "median", "sum"])
    out["p90"] = grouped.quantile(0.9)
    return out
by_resource = aggregate(hand, ["resource", "next_resource"])
by_activity = aggregate(pairs, ["activity", "next_activity"])
seconds = time.perf_counter() - t0
print("seconds", seconds)
print("events", len(df))
print("handoffs", len(hand))
print("resource_pairs", len(by_resource))
print("dfg_edges", len(by_activity))
print("top_pair_sum", repr(float(by_resource["sum"].max())))
print("top_edge_sum", repr(float(by_activity["sum"].max())))
)PY";

void readFigure(PandasResult& r, std::string_view key, double value) {
  if (key == "seconds") r.seconds = value;
  if (key == "events") r.events = static_cast<std::uint64_t>(value);
  if (key == "handoffs") r.handoffs = static_cast<std::uint64_t>(value);
  if (key == "resource_pairs") r.resourcePairs = static_cast<std::uint64_t>(value);
  if (key == "dfg_edges") r.dfgEdges = static_cast<std::uint64_t>(value);
  if (key == "top_pair_sum") r.topPairSumSeconds = value;
  if (key == "top_edge_sum") r.topEdgeSumSeconds = value;
}

}  // namespace

PandasResult runPandasPeer(const std::filesystem::path& csv, const std::filesystem::path& dir) {
  PandasResult r;
  const auto script = dir / "pandas_peer.py";
  std::ofstream(script) << kScript;
  const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + csv.string() +
                              "' 2>'" + (dir / "pandas_peer.err").string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) {
    r.error = "cannot start /usr/bin/python3";
    return r;
  }
  char key[64];
  double value = 0;
  while (std::fscanf(pipe, "%63s %lf", key, &value) == 2) readFigure(r, key, value);
  const int status = ::pclose(pipe);
  if (status != 0 || r.seconds < 0) {
    r.seconds = -1;
    r.error = "python3/pandas failed (is python3-pandas installed? see " +
              (dir / "pandas_peer.err").string() + ")";
  }
  return r;
}

}  // namespace orglens::bench
