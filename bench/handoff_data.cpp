#include "bench/handoff_data.h"
#include "bench/bench_util.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
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

/// A uniform number in (0, 1).
double unitOpen(Rng& rng) {
  return (static_cast<double>(rng.below(std::uint64_t{1} << 53)) + 0.5) * 0x1p-53;
}

/// A lognormal wait (µs) with the given median and a log-sigma of 3, at most 90 days: a standard
/// normal from two uniforms (Box–Muller), scaled.
std::int64_t longTailedWait(Rng& rng, double median) {
  constexpr double kSigma = 3, kMost = 90.0 * 24 * kHour, kTwoPi = 6.283185307179586;
  const double z = std::sqrt(-2 * std::log(unitOpen(rng))) * std::cos(kTwoPi * unitOpen(rng));
  return static_cast<std::int64_t>(std::min(kMost, median * std::exp(kSigma * z)));
}

/// One item: a walk over the activities (mostly forward, sometimes back: rework), each done
/// by a member of the team that owns the activity in the item's region.
void generateItem(EventLog& log, Rng& rng, bool lifecycle, bool longTailed) {
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
    if (longTailed) {
      t += kSecond + longTailedWait(rng, team == prevTeam ? 0.5 * kHour : 2.0 * kHour);
    } else {
      const std::int64_t gap = team == prevTeam ? 2 * kHour : 8 * kHour;
      t += kSecond + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(gap)));
    }
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
    generateItem(log, rng, shape.lifecycle, shape.longTailedWaits);
  }
  log.itemBegin.push_back(static_cast<std::uint32_t>(log.time.size()));
  addObjects(log, static_cast<std::uint32_t>(log.item.size()));
  return log;
}

std::uint64_t writeLogCsv(const EventLog& log, const std::filesystem::path& path,
                          std::uint64_t maxEvents) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) throw std::runtime_error("cannot write " + path.string());
  std::fputs("case,activity,resource,team,timestamp\n", out);
  std::uint64_t written = 0;
  char team[16];
  for (std::size_t i = 0; i < log.itemCount() && written < maxEvents; ++i) {
    for (std::uint32_t r = log.itemBegin[i]; r < log.itemBegin[i + 1]; ++r, ++written) {
      const std::uint32_t actor = log.actor[r];
      const std::uint32_t t = actor < log.teamOf.size() ? log.teamOf[actor] : EventLog::kNone;
      team[0] = '\0';  // an unknown team is an empty field
      if (t != EventLog::kNone) std::snprintf(team, sizeof team, "%u", t);
      std::fprintf(out, "%u,%u,%u,%s,%lld\n", log.item[i], log.activity[r], actor, team,
                   static_cast<long long>(log.time[r]));
    }
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

// The same tables as orglens, handoffs/1 and flow/1 (docs/metrics.md), on a log of completions
// only (each event is an instance, so a wait is the time between two events and service time is
// 0), the way a pandas user would write them: sort_values, groupby().shift(), groupby().agg(),
// merge; no Python loop over rows or groups (the sorted() below orders the ten top variants and
// their ties). After the timed part it prints the figures that the benchmark checks against
// orglens: counts, totals, sums over every group of a table, the top row of each ranking.
constexpr const char* kFullScript = R"PY(import sys, time
import pandas as pd
df = pd.read_csv(sys.argv[1], dtype={"case": "int64", "activity": "int32", "resource": "int32",
                                     "team": "float64", "timestamp": "int64"})
df["timestamp"] = pd.to_datetime(df["timestamp"], unit="us", utc=True)
t0 = time.perf_counter()
df = df.sort_values(["case", "timestamp"], kind="stable", ignore_index=True)
sort_seconds = time.perf_counter() - t0
g = df.groupby("case", sort=False)
df["next_activity"] = g["activity"].shift(-1)
df["next_resource"] = g["resource"].shift(-1)
df["next_team"] = g["team"].shift(-1)
df["next_timestamp"] = g["timestamp"].shift(-1)
df["resource_after_next"] = g["resource"].shift(-2)
# Directly-follows pairs; a pair's DFG duration and its handoff wait are the same interval.
df["wait"] = (df["next_timestamp"] - df["timestamp"]).dt.total_seconds().clip(lower=0)
pairs = df.loc[df["next_timestamp"].notna(), ["activity", "next_activity", "resource",
                                              "next_resource", "team", "next_team", "wait"]]
pairs = pairs.astype({"next_activity": "int32", "next_resource": "int32"})
hand = pairs[pairs["resource"] != pairs["next_resource"]]
ACT = ["activity", "next_activity"]
def stats(grouped):
    out = grouped["wait"].agg(["count", "sum", "mean", "median", "min", "max"])
    out["p90"] = grouped["wait"].quantile(0.9)
    return out
# Baseline of an activity pair, the first level that has handoffs: the median wait of (1) its
# inside-team handoffs, (2) inside-team handoffs into its target activity, (3) all inside-team
# handoffs, (4) all its handoffs (the activity table's median).
by_activity = stats(hand.groupby(ACT))
inside = hand[hand["team"] == hand["next_team"]]
into = inside.groupby("next_activity")["wait"].median()
base = inside.groupby(ACT)["wait"].median().reindex(by_activity.index)
base = base.fillna(pd.Series(by_activity.index.get_level_values("next_activity").map(into),
                             index=by_activity.index))
base = base.fillna(inside["wait"].median()).fillna(by_activity["median"])
hand = hand.join(base.rename("baseline"), on=ACT)
hand["excess"] = (hand["wait"] - hand["baseline"]).clip(lower=0)
def table(keys):
    grouped = hand.groupby(keys)
    out = stats(grouped)
    out["excess"] = grouped["excess"].sum()
    return out
def ranked(t):  # by excess delay, then count (ties: by keys)
    return t.sort_values(["excess", "count"], ascending=False, kind="stable")
by_activity["excess"] = hand.groupby(ACT)["excess"].sum()
by_activity = ranked(by_activity)
by_person = ranked(table(["resource", "next_resource"]))
by_team = ranked(table(["team", "next_team"]))
by_team_activity = ranked(table(["team", "next_team"] + ACT))
slow_team_pairs = by_team[by_team["count"] >= 10]
# Ping-pong a -> b -> a, counted for (a, b).
bounce = df[(df["resource"] == df["resource_after_next"]) & (df["resource"] != df["next_resource"])]
ping_pong = bounce.groupby(["resource", "next_resource"]).size()
ping_pong = ping_pong.sort_values(ascending=False, kind="stable")
# Rework: an activity again in the case, a repeat when its previous occurrence had the same
# resource, else a redo.
before = df.groupby(["case", "activity"], sort=False)["resource"].shift(1)
again = before.notna()
rework = pd.DataFrame({"activity": df.loc[again, "activity"],
                       "repeat": df.loc[again, "resource"] == before[again]})
rework = rework.groupby("activity")["repeat"].agg(repeats="sum", total="size")
rework["redos"] = rework["total"] - rework["repeats"]
rework = rework.sort_values("total", ascending=False, kind="stable")
# Everyone waits on: handoffs received and their waits, per person and per team.
waits_on_person = hand.groupby("next_resource")["wait"].agg(["count", "sum"])
waits_on_person = waits_on_person.sort_values("sum", ascending=False, kind="stable")
waits_on_team = hand.groupby("next_team")["wait"].agg(["count", "sum"])
waits_on_team = waits_on_team.sort_values("sum", ascending=False, kind="stable")
# Flow: the performance DFG over all directly-follows pairs, per-case times, variants.
dfg = stats(pairs.groupby(ACT)).sort_values("sum", ascending=False, kind="stable")
cases = df.groupby("case", sort=False).agg(start=("activity", "first"), end=("activity", "last"),
                                         first=("timestamp", "min"), last=("timestamp", "max"))
start_activities = cases["start"].value_counts()
end_activities = cases["end"].value_counts()
cases["throughput"] = (cases["last"] - cases["first"]).dt.total_seconds()
cases["service"] = 0.0  # completions only: each event is an instance that starts as it completes
cases["waiting"] = (cases["throughput"] - cases["service"]).clip(lower=0)
def describe(s):
    out = s.agg(["count", "sum", "mean", "median", "min", "max"])
    out["p90"] = s.quantile(0.9)
    return out
throughput, service, waiting = (describe(cases[c]) for c in ("throughput", "service", "waiting"))
step = df.groupby("case", sort=False).cumcount()
wide = df.set_index(["case", step])["activity"].unstack()  # a row per case, padded with NaN
variants = wide.value_counts(dropna=False)
top = variants[variants >= variants.iloc[min(9, len(variants) - 1)]]
top = sorted(((tuple(int(a) for a in k if a == a), n) for k, n in top.items()),
             key=lambda v: (-v[1], v[0]))[:10]  # by count, then by sequence
seconds = time.perf_counter() - t0
def put(key, value):
    print(key, repr(float(value)))
put("seconds", seconds)
put("sort_seconds", sort_seconds)
put("events", len(df))
put("cases", len(cases))
put("handoffs", len(hand))
put("slow_team_pairs", len(slow_team_pairs))
for name, t in (("person", by_person), ("team", by_team), ("activity", by_activity),
                ("team_activity", by_team_activity)):
    put(name + "_groups", len(t))
    put(name + "_handoffs", t["count"].sum())
    put(name + "_wait_total", t["sum"].sum())
    put(name + "_excess_total", t["excess"].sum())
    put(name + "_excess_max", t["excess"].max())
    for s in ("mean", "median", "p90", "min", "max"):
        put(name + "_" + s + "_sum", t[s].sum())
    if len(t):
        keys = t.index[0]
        for k, key in enumerate(["from", "to", "from_activity", "to_activity"][:len(keys)]):
            put(name + "_top_" + key, keys[k])
        for s in ("count", "median", "p90", "excess"):
            put(name + "_top_" + s, t[s].iloc[0])
put("pingpong_pairs", len(ping_pong))
put("pingpong_total", ping_pong.sum())
put("pingpong_max", ping_pong.max() if len(ping_pong) else 0)
put("rework_activities", len(rework))
put("rework_repeats", rework["repeats"].sum())
put("rework_redos", rework["redos"].sum())
if len(rework):
    put("rework_top_activity", rework.index[0])
    put("rework_top_total", rework["total"].iloc[0])
for name, t in (("person", waits_on_person), ("team", waits_on_team)):
    put("waits_on_" + name + "_count", len(t))
    put("waits_on_" + name + "_handoffs", t["count"].sum())
    put("waits_on_" + name + "_wait_total", t["sum"].sum())
    put("waits_on_" + name + "_max_count", t["count"].max())
    if len(t):
        put("waits_on_" + name + "_top", t.index[0])
        put("waits_on_" + name + "_top_wait", t["sum"].iloc[0])
put("dfg_edges", len(dfg))
put("dfg_pairs", dfg["count"].sum())
put("dfg_wait_total", dfg["sum"].sum())
for s in ("mean", "median", "p90", "min", "max"):
    put("dfg_" + s + "_sum", dfg[s].sum())
if len(dfg):
    put("dfg_top_from", dfg.index[0][0])
    put("dfg_top_to", dfg.index[0][1])
    for s in ("count", "sum", "median", "p90"):
        put("dfg_top_" + s, dfg[s].iloc[0])
for name, counts in (("start", start_activities), ("end", end_activities)):
    put(name + "_activities", len(counts))
    put(name + "_max_count", counts.max())
    put(name + "_weighted", (counts * (counts.index + 1)).sum())  # a checksum of the table
for s in ("count", "sum", "mean", "median", "p90", "min", "max"):
    put("throughput_" + s, throughput[s])
for name, d, keep in (("service", service, ("sum", "max")),
                      ("waiting", waiting, ("sum", "median", "p90"))):
    for s in keep:
        put(name + "_" + s, d[s])
put("variants", len(variants))
put("top_variants", len(top))
put("top_variant_items", sum(n for _, n in top))
for name, (seq, n) in (("first", top[0]), ("last", top[-1])):
    put(name + "_top_variant_count", n)
    put(name + "_top_variant_length", len(seq))
    put(name + "_top_variant_code", sum((k + 1) * (a + 1) for k, a in enumerate(seq)))
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

/// Writes `script` to dir/<name>.py, runs it on `csv` with /usr/bin/python3 and collects the
/// "key value" lines it prints into `figures`; false when python3 could not be started or failed
/// (its stderr is in dir/<name>.err).
bool runScript(const char* script, const std::string& name, const std::filesystem::path& csv,
               const std::filesystem::path& dir, std::map<std::string, double>& figures) {
  const auto path = dir / (name + ".py");
  std::ofstream(path) << script;
  const std::string command = "/usr/bin/python3 '" + path.string() + "' '" + csv.string() +
                              "' 2>'" + (dir / (name + ".err")).string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return false;
  char key[64];
  double value = 0;
  while (std::fscanf(pipe, "%63s %lf", key, &value) == 2) figures[key] = value;
  return ::pclose(pipe) == 0;
}

std::string failure(const std::filesystem::path& dir, const std::string& name) {
  return "python3/pandas failed (is python3-pandas installed? see " +
         (dir / (name + ".err")).string() + ")";
}

}  // namespace

PandasResult runPandasPeer(const std::filesystem::path& csv, const std::filesystem::path& dir) {
  PandasResult r;
  std::map<std::string, double> figures;
  const bool ran = runScript(kScript, "pandas_peer", csv, dir, figures);
  for (const auto& [key, value] : figures) readFigure(r, key, value);
  if (!ran || r.seconds < 0) {
    r.seconds = -1;
    r.error = failure(dir, "pandas_peer");
  }
  return r;
}

PandasFullResult runPandasFullPeer(const std::filesystem::path& csv,
                                   const std::filesystem::path& dir) {
  PandasFullResult r;
  const bool ran = runScript(kFullScript, "pandas_full_peer", csv, dir, r.figures);
  const auto seconds = r.figures.find("seconds"), events = r.figures.find("events");
  if (!ran || seconds == r.figures.end() || seconds->second < 0 || events == r.figures.end()) {
    r.error = failure(dir, "pandas_full_peer");
    return r;
  }
  r.seconds = seconds->second;
  r.events = static_cast<std::uint64_t>(events->second);
  r.figures.erase(seconds);
  return r;
}

}  // namespace orglens::bench
