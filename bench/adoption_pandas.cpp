#include "bench/adoption_pandas.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>

#include "bench/bench_util.h"
#include "model/time_format.h"

namespace orglens::bench {
namespace {

// The measures of docs/metrics.md (adoption/1) as an analyst writes them in pandas: the
// columns are read with numpy.fromfile (timed apart), then duplicates dropped, days derived,
// and groupby/nunique per measure. Local time per person via tz_convert, one zone at a time.
constexpr const char* kScript = R"PY(import sys, time, resource
import numpy as np
import pandas as pd

d = sys.argv[1]
t0 = time.perf_counter()
def col(name, dtype):
    return np.fromfile(f"{d}/{name}", dtype=dtype)
df = pd.DataFrame({"time": col("time.i8", "<i8"), "person": col("person.u4", "<u4"),
                   "tool": col("tool.i1", "i1"), "activity": col("activity.i1", "i1"),
                   "platform": col("platform.i1", "i1")})
people = pd.DataFrame({"dept": col("dept.i2", "<i2"), "team": col("team.i4", "<i4"),
                       "manager": col("manager.i1", "i1"), "tz": col("tz.i1", "i1"),
                       "registered": col("registered.i8", "<i8")})
names = {}
for line in open(f"{d}/names.txt", encoding="utf-8"):
    kind, i, name = line.rstrip("\n").split("\t")
    names.setdefault(kind, {})[int(i)] = name
print("load_seconds", time.perf_counter() - t0)

t0 = time.perf_counter()
out = {}
P = len(people)
WORDS = [{"read", "open", "opened", "view", "viewed", "search"}, {"react", "reacted"},
         {"post", "posted", "sent", "send", "edit", "edited", "comment", "commented"},
         {"reply", "replied"}]
def depth(a):
    return next((k for k, w in enumerate(WORDS) if a.lower() in w), 4)
acts = names.get("activity", {})
depth_of = np.array([depth(acts[i]) for i in range(len(acts))] + [4], dtype="i1")  # -1: other
df["depth"] = depth_of[df["activity"].to_numpy()]
df["second"] = df["time"] // 1_000_000
n0 = len(df)
df = df.drop_duplicates(["person", "second", "tool", "depth"], ignore_index=True)
out["duplicates"] = n0 - len(df)
out["actions"] = len(df)
df["day"] = df["time"] // 86_400_000_000
F, L = int(df["day"].min()), int(df["day"].max())
out["first_day"], out["last_day"] = F, L
df["dept"] = people["dept"].to_numpy()[df["person"].to_numpy()]
df["manager"] = people["manager"].to_numpy()[df["person"].to_numpy()]

# DAU / WAU / MAU, stickiness: overall and per tool, platform, department, role.
w30 = df[df["day"] >= L - 29]
def active(key):
    g = w30[w30["tool"] >= 0] if key == "tool" else w30
    if key is None:
        g, key = g.assign(_all=0), "_all"
    mau = g.groupby(key)["person"].nunique()
    wau = g[g["day"] >= L - 6].groupby(key)["person"].nunique()
    dau = g[g["day"] == L].groupby(key)["person"].nunique()
    daysum = g.groupby([key, "day"])["person"].nunique().groupby(level=0).sum()
    stick = (daysum / 30 / mau).fillna(0)
    return int(dau.sum()), int(wau.sum()), int(mau.sum()), float(stick.sum())
out["dau"], out["wau"], out["mau"], out["stickiness"] = active(None)
out["ever_active"] = df["person"].nunique()
for name, key in (("tool", "tool"), ("platform", "platform"), ("department", "dept"),
                  ("role", "manager")):
    dau, wau, mau, stick = active(key)
    out[name + "_dau"], out[name + "_wau"], out[name + "_mau"] = dau, wau, mau
    out[name + "_stickiness_sum"] = stick
out["tool_groups"] = df.loc[df["tool"] >= 0, "tool"].nunique()
out["platform_groups"] = df["platform"].nunique()
out["department_groups"] = people["dept"].nunique()

# Weeks (Monday, UTC) and calendar months.
week = (df["day"] - 4) // 7
out["weeks_active_sum"] = df.groupby(week)["person"].nunique().sum()
out["weeks_actions_sum"] = df.groupby(week).size().sum()
daily = df.groupby("day")["person"].nunique()
wk = (daily.index.to_numpy() - 4) // 7
dau_sum = daily.groupby(wk).sum()
starts = dau_sum.index.to_numpy() * 7 + 4
days_in = np.minimum(starts + 6, L) - np.maximum(starts, F) + 1
out["weeks_avg_dau_sum"] = float(np.sum(dau_sum.to_numpy() / days_in))
pdays = df[["person", "day"]].drop_duplicates()
month = pdays["day"].to_numpy().astype("datetime64[D]").astype("datetime64[M]")
out["months_active_sum"] = pdays.groupby(month)["person"].nunique().sum()

# Depth, funnel, segments, involvement, department x tool.
depths = df["depth"].value_counts()
for k, n in enumerate(["reading", "reacting", "posting", "replying", "other"]):
    out["depth_" + n] = int(depths.get(k, 0))
per = pd.DataFrame(index=pd.RangeIndex(P))
per["actions"] = df.groupby("person").size().reindex(per.index, fill_value=0)
per["posted"] = per.index.isin(df.loc[df["depth"] == 2, "person"].unique())
per["replied"] = per.index.isin(df.loc[df["depth"] == 3, "person"].unique())
byday = pdays.groupby("person")["day"]
per["first"], per["last"] = byday.min(), byday.max()
per["days"] = byday.size().reindex(per.index, fill_value=0)
recent = (per["last"] > L - 28).to_numpy()
ever = (per["actions"] > 0).to_numpy()
out["funnel_ever_active"] = ever.sum()
out["funnel_posted"] = (ever & per["posted"]).sum()
out["funnel_replied"] = (ever & per["posted"] & per["replied"]).sum()
out["funnel_recent"] = (ever & per["posted"] & per["replied"] & recent).sum()
s = df[df["day"] >= L - 83]
a12 = s.groupby("person").size().reindex(per.index, fill_value=0).to_numpy()
w12 = ((s["day"] - (L - 83)) // 7).groupby(s["person"]).nunique()
w12 = w12.reindex(per.index, fill_value=0).to_numpy()
seg = np.select([(a12 / 12 >= 15) & (w12 >= 9), w12 >= 9, a12 / 12 >= 1, a12 > 0],
                [0, 1, 2, 3], 4)
for k, n in enumerate(["power", "habitual", "novice", "low", "non_user"]):
    out["segment_" + n] = int((seg == k).sum())
used = df[df["tool"] >= 0]
out["involved"] = int((used.groupby("person")["tool"].nunique() >= 4).sum())
pt = used[["person", "tool", "dept"]].drop_duplicates(["person", "tool"])
dt = pt.groupby(["dept", "tool"]).size()
out["dept_tool_pairs"], out["dept_tool_users"] = len(dt), int(dt.sum())

# Weekend and after-hours in each person's zone; mobile shares; per team.
tz = people["tz"].to_numpy()[df["person"].to_numpy()]
weekend = np.zeros(len(df), dtype=bool)
after = np.zeros(len(df), dtype=bool)
for z, zone in names.get("tz", {}).items():
    m = tz == z
    ts = pd.to_datetime(df.loc[m, "time"], unit="us", utc=True)
    if zone:
        try:
            ts = ts.dt.tz_convert(zone)
        except Exception:
            pass  # unknown zone: UTC, as orglens
    dow, hour = ts.dt.dayofweek.to_numpy(), ts.dt.hour.to_numpy()
    weekend[m] = dow >= 5
    after[m] = (dow < 5) & ((hour < 8) | (hour >= 18))
off = weekend | after
known = df["platform"].to_numpy() != 0
mobile = df["platform"].to_numpy() == 2
flags = pd.DataFrame({"team": people["team"].to_numpy()[df["person"].to_numpy()],
                      "weekend": weekend, "after": after, "known": known, "mobile": mobile,
                      "off_known": off & known, "off_mobile": off & mobile})
team = flags.groupby("team").agg(actions=("weekend", "size"), weekend=("weekend", "sum"),
                                 after=("after", "sum"), known=("known", "sum"),
                                 mobile=("mobile", "sum"), off_known=("off_known", "sum"),
                                 off_mobile=("off_mobile", "sum"))
for c in ["weekend", "after", "known", "mobile", "off_known", "off_mobile"]:
    out["time_" + c] = int(team[c].sum())
out["team_weekend_share_sum"] = float((team["weekend"] / team["actions"]).sum())
out["team_mobile_share_sum"] = float((team["mobile"] / team["known"]).fillna(0).sum())

# Cohorts, abandoned, struggling (registration day: start date, else first action, else F).
reg = people["registered"].to_numpy().copy()
unset = reg == np.iinfo(np.int64).min
reg[unset] = per["first"].fillna(F).to_numpy().astype(np.int64)[unset]
inlog = np.flatnonzero((reg >= F) & (reg <= L))
cp = pd.DataFrame({"person": inlog, "R": reg[inlog],
                   "month": reg[inlog].astype("datetime64[D]").astype("datetime64[M]")})
out["cohorts"] = cp["month"].nunique()
out["cohort_people"] = len(cp)
j = pdays.merge(cp, on="person")
j = j[j["day"] >= j["R"]]
j["k"] = (j["day"] - j["R"]) // 7 + 1
j = j[j["k"].isin([1, 4, 8, 12]) & (j["R"] + 7 * j["k"] - 1 <= L)]
out["cohort_active_sum"] = int(j.groupby(["month", "k"])["person"].nunique().sum())
out["cohort_observed_sum"] = int(sum((cp["R"] + 7 * k - 1 <= L).sum() for k in [1, 4, 8, 12]))
O = np.maximum(reg, F)
early = pdays[(pdays["day"] >= O[pdays["person"]]) & (pdays["day"] < O[pdays["person"]] + 14)]
tried = per.index.isin(early["person"].unique())
out["abandoned"] = int((tried & ~recent).sum())
out["struggling"] = int(((reg <= L - 28) & (per["days"].to_numpy() <= 2)).sum())

# Work moving into the tools: interactions of people with e-mail and another tool.
email = next((i for i, n in names.get("tool", {}).items() if n.lower() in ("email", "e-mail", "mail")), None)
if email is not None:
    inter = df[(df["tool"] >= 0) & df["depth"].isin([2, 3])]
    q = np.intersect1d(inter.loc[inter["tool"] == email, "person"].unique(),
                       inter.loc[inter["tool"] != email, "person"].unique())
    qi = inter[inter["person"].isin(q)]
    monday = qi["day"] - (qi["day"] + 3) % 7
    first_of_month = qi["day"].to_numpy().astype("datetime64[D]").astype("datetime64[M]")
    for name, period in (("week", monday), ("month", first_of_month)):
        cells = qi.groupby([period, qi["tool"]]).agg(n=("time", "size"), people=("person", "nunique"))
        share = cells["n"] / cells.groupby(level=0)["n"].transform("sum")
        out[f"shift_{name}_people"] = len(q)
        out[f"shift_{name}_interactions"] = int(cells["n"].sum())
        out[f"shift_{name}_cells"] = len(cells)
        out[f"shift_{name}_tool_people_sum"] = int(cells["people"].sum())
        out[f"shift_{name}_period_people_sum"] = int(qi.groupby(period)["person"].nunique().sum())
        out[f"shift_{name}_share_sum"] = float(share.sum())
print("seconds", time.perf_counter() - t0)
print("peak_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
for k, v in out.items():
    print("figure", k, repr(float(v)))
)PY";

}  // namespace

Figures adoptionFigures(const model::AdoptionLog& log, const analysis::AdoptionResult& r,
                        const analysis::ShiftResult& weekly, const analysis::ShiftResult& monthly) {
  Figures f;
  const auto n = [](auto v) { return static_cast<double>(v); };
  f["actions"] = n(r.actions);
  f["duplicates"] = n(r.duplicates);
  f["first_day"] = n(r.firstDay / model::kMicrosPerDay);
  f["last_day"] = n(r.lastDay / model::kMicrosPerDay);
  f["dau"] = n(r.overall.dau);
  f["wau"] = n(r.overall.wau);
  f["mau"] = n(r.overall.mau);
  f["stickiness"] = r.overall.stickiness;
  f["ever_active"] = n(r.overall.everActive);
  const auto groups = [&](const char* name, const std::vector<analysis::GroupAdoption>& g) {
    double dau = 0, wau = 0, mau = 0, stickiness = 0;
    for (const auto& x : g) {
      dau += n(x.counts.dau);
      wau += n(x.counts.wau);
      mau += n(x.counts.mau);
      stickiness += x.counts.stickiness;
    }
    const std::string k = name;
    f[k + "_dau"] = dau;
    f[k + "_wau"] = wau;
    f[k + "_mau"] = mau;
    f[k + "_stickiness_sum"] = stickiness;
  };
  groups("tool", r.byTool);
  groups("platform", r.byPlatform);
  groups("department", r.byDepartment);
  groups("role", r.byRole);
  f["tool_groups"] = n(r.byTool.size());
  f["platform_groups"] = n(r.byPlatform.size());
  f["department_groups"] = n(r.byDepartment.size());
  double weekActive = 0, weekActions = 0, weekDau = 0, monthActive = 0;
  for (const auto& w : r.weeks) {
    weekActive += n(w.activePeople);
    weekActions += n(w.actions);
    weekDau += w.averageDau;
  }
  for (const auto& m : r.months) monthActive += n(m.activePeople);
  f["weeks_active_sum"] = weekActive;
  f["weeks_actions_sum"] = weekActions;
  f["weeks_avg_dau_sum"] = weekDau;
  f["months_active_sum"] = monthActive;
  static const char* kDepthKeys[] = {"depth_reading", "depth_reacting", "depth_posting",
                                     "depth_replying", "depth_other"};
  for (std::size_t d = 0; d < analysis::kDepths; ++d) f[kDepthKeys[d]] = n(r.depth[d]);
  static const char* kFunnelKeys[] = {"funnel_ever_active", "funnel_posted", "funnel_replied",
                                      "funnel_recent"};
  for (std::size_t s = 1; s < r.funnel.size() && s < 5; ++s)
    f[kFunnelKeys[s - 1]] = n(r.funnel[s].people);
  static const char* kSegmentKeys[] = {"segment_power", "segment_habitual", "segment_novice",
                                       "segment_low", "segment_non_user"};
  for (std::size_t s = 0; s < analysis::kSegments; ++s) f[kSegmentKeys[s]] = n(r.segments[s]);
  f["involved"] = n(r.involved);
  double pairs = 0, users = 0;
  for (const auto& d : r.departmentTools)
    for (const double share : d.toolShare) {
      pairs += share > 0;
      users += std::round(share * n(d.registered));
    }
  f["dept_tool_pairs"] = pairs;
  f["dept_tool_users"] = users;
  double weekend = 0, after = 0, known = 0, mobile = 0, offKnown = 0, offMobile = 0;
  for (const auto& p : r.people) {
    weekend += n(p.weekendActions);
    after += n(p.afterHoursActions);
    known += n(p.knownPlatform);
    mobile += n(p.mobile);
    offKnown += n(p.offHoursKnown);
    offMobile += n(p.offHoursMobile);
  }
  f["time_weekend"] = weekend;
  f["time_after"] = after;
  f["time_known"] = known;
  f["time_mobile"] = mobile;
  f["time_off_known"] = offKnown;
  f["time_off_mobile"] = offMobile;
  double weekendShares = 0, mobileShares = 0;
  for (const auto& t : r.teamTime) {
    if (t.actions == 0) continue;  // pandas only sees teams with actions
    weekendShares += t.weekendShare;
    mobileShares += t.mobileShare;
  }
  f["team_weekend_share_sum"] = weekendShares;
  f["team_mobile_share_sum"] = mobileShares;
  double cohortPeople = 0, observed = 0, active = 0;
  for (const auto& c : r.cohorts) {
    cohortPeople += n(c.people);
    for (std::size_t k = 0; k < c.observed.size(); ++k) {
      observed += n(c.observed[k]);
      active += n(c.active[k]);
    }
  }
  f["cohorts"] = n(r.cohorts.size());
  f["cohort_people"] = cohortPeople;
  f["cohort_observed_sum"] = observed;
  f["cohort_active_sum"] = active;
  f["abandoned"] = n(r.abandoned.size());
  f["struggling"] = n(r.struggling.size());
  const auto shift = [&](const std::string& name, const analysis::ShiftResult& s) {
    if (s.emailTool == model::AdoptionLog::kNone) return;
    double interactions = 0, cells = 0, toolPeople = 0, periodPeople = 0, shares = 0;
    std::set<model::MicrosUtc> periods;
    for (const auto& row : s.rows) {
      interactions += n(row.interactions);
      cells += row.interactions > 0;
      toolPeople += n(row.toolPeople);
      shares += row.share;
      if (periods.insert(row.periodStart).second) periodPeople += n(row.people);
    }
    f["shift_" + name + "_people"] = n(s.people.size());
    f["shift_" + name + "_interactions"] = interactions;
    f["shift_" + name + "_cells"] = cells;
    f["shift_" + name + "_tool_people_sum"] = toolPeople;
    f["shift_" + name + "_period_people_sum"] = periodPeople;
    f["shift_" + name + "_share_sum"] = shares;
  };
  shift("week", weekly);
  shift("month", monthly);
  (void)log;
  return f;
}

PandasAdoption runAdoptionPandas(const std::filesystem::path& dir) {
  PandasAdoption r;
  const auto script = dir / "pandas_adoption.py";
  std::ofstream(script) << kScript;
  const auto err = dir / "pandas_adoption.err";
  const std::string command =
      "/usr/bin/python3 '" + script.string() + "' '" + dir.string() + "' 2>'" + err.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) {
    r.error = "cannot start /usr/bin/python3";
    return r;
  }
  char word[128], key[128];
  double value = 0;
  while (std::fscanf(pipe, "%127s", word) == 1) {
    const std::string w = word;
    if (w == "figure") {
      if (std::fscanf(pipe, "%127s %lf", key, &value) == 2) r.figures[key] = value;
    } else if (std::fscanf(pipe, "%lf", &value) == 1) {
      if (w == "seconds") r.seconds = value;
      if (w == "load_seconds") r.loadSeconds = value;
      if (w == "peak_kib") r.peakKiB = static_cast<std::uint64_t>(value);
    }
  }
  const int status = ::pclose(pipe);
  if (status != 0 || r.seconds < 0) {
    r.seconds = -1;
    r.error = "python3/pandas failed (is python3-pandas installed? see " + err.string() + ")";
  }
  return r;
}

std::string compareFigures(const Figures& ours, const Figures& pandas, bool& agree) {
  std::string differ;
  std::size_t compared = 0;
  for (const auto& [key, value] : ours) {
    const auto it = pandas.find(key);
    if (it == pandas.end()) continue;
    ++compared;
    const double p = it->second;
    if (std::abs(value - p) <= 1e-9 * std::max(1.0, std::abs(p))) continue;
    differ += (differ.empty() ? "" : ", ") + key + " " + fixed(value, 4) + " / " + fixed(p, 4);
  }
  agree = differ.empty() && compared > 0;
  if (compared == 0) return "nothing to compare";
  return agree ? "agree: " + std::to_string(compared) + " figures"
               : "DIFFER (orglens / pandas): " + differ;
}

}  // namespace orglens::bench
