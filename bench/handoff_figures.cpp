#include "bench/handoff_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_util.h"

namespace orglens::bench {
namespace {

/// One figure of the check against the same-tables pandas peer: its name in the script's output,
/// orglens's value, and whether it must match exactly (counts and ids) or withinTolerance().
struct Figure {
  std::string name;
  double value;
  bool exact;
};

struct FigureSection {
  std::string title;
  std::vector<Figure> figures;
};

/// The keys a table's groups carry, as the pandas script names them.
enum class Keys { Pair, ActivityPair, TeamActivity };

/// orglens's values of the figures kFullScript prints (bench/handoff_data.cpp), from the results
/// on a log of `events` events: counts, totals, sums over every group of each table (so that each
/// group's statistics count), and the top row of each ranking.
std::vector<FigureSection> orglensFigures(const analysis::HandoffResult& h,
                                          const analysis::FlowResult& f, std::uint64_t events) {
  std::vector<FigureSection> out;
  const auto section = [&](const char* title) { out.push_back({title, {}}); };
  const auto exact = [&](const std::string& name, double value) {
    out.back().figures.push_back({name, value, true});
  };
  const auto near = [&](const std::string& name, double value) {
    out.back().figures.push_back({name, value, false});
  };
  const auto d = [](std::uint64_t n) { return static_cast<double>(n); };
  // Sums over the groups of a table (or the DFG's edges) of their statistics, so that every
  // group's figures count: name + countName (their counts), name_wait_total, name_mean_sum, ...
  const auto statsSums = [&](const std::string& name, const char* countName, const auto& groups,
                             auto statsOf) {
    std::uint64_t count = 0;
    double sum = 0, mean = 0, median = 0, p90 = 0, min = 0, max = 0;
    for (const auto& g : groups) {
      const analysis::DurationStats& s = statsOf(g);
      count += s.count;
      sum += s.sum;
      mean += s.mean;
      median += s.median;
      p90 += s.p90;
      min += s.min;
      max += s.max;
    }
    exact(name + countName, d(count));
    near(name + "_wait_total", sum);
    near(name + "_mean_sum", mean);
    near(name + "_median_sum", median);
    near(name + "_p90_sum", p90);
    near(name + "_min_sum", min);
    near(name + "_max_sum", max);
  };
  section("log");
  exact("events", d(events));
  exact("cases", d(f.items));
  exact("handoffs", d(h.handoffs.size()));
  exact("slow_team_pairs", d(h.slowTeamPairs.size()));
  const auto table = [&](const char* title, const std::string& name,
                         const std::vector<analysis::HandoffGroup>& t, Keys keys) {
    section(title);
    exact(name + "_groups", d(t.size()));
    statsSums(name, "_handoffs", t, [](const analysis::HandoffGroup& g) { return g.wait; });
    double excess = 0, excessMax = 0;
    for (const auto& g : t) excess += g.excessDelay, excessMax = std::max(excessMax, g.excessDelay);
    near(name + "_excess_total", excess);
    near(name + "_excess_max", excessMax);
    if (t.empty()) return;
    const auto& top = t.front();
    if (keys == Keys::ActivityPair) {
      exact(name + "_top_from", top.fromActivity);
      exact(name + "_top_to", top.toActivity);
    } else {
      exact(name + "_top_from", top.from);
      exact(name + "_top_to", top.to);
    }
    if (keys == Keys::TeamActivity) {
      exact(name + "_top_from_activity", top.fromActivity);
      exact(name + "_top_to_activity", top.toActivity);
    }
    exact(name + "_top_count", d(top.wait.count));
    near(name + "_top_median", top.wait.median);
    near(name + "_top_p90", top.wait.p90);
    near(name + "_top_excess", top.excessDelay);
  };
  table("person pairs", "person", h.byPerson, Keys::Pair);
  table("team pairs", "team", h.byTeam, Keys::Pair);
  table("activity pairs", "activity", h.byActivity, Keys::ActivityPair);
  table("team pair x activity pair", "team_activity", h.byTeamActivity, Keys::TeamActivity);
  section("ping-pong, rework");
  std::uint64_t bounces = 0, bounceMax = 0, repeats = 0, redos = 0;
  for (const auto& p : h.pingPong) bounces += p.count, bounceMax = std::max(bounceMax, p.count);
  for (const auto& w : h.rework) repeats += w.repeats, redos += w.redos;
  exact("pingpong_pairs", d(h.pingPong.size()));
  exact("pingpong_total", d(bounces));
  exact("pingpong_max", d(bounceMax));
  exact("rework_activities", d(h.rework.size()));
  exact("rework_repeats", d(repeats));
  exact("rework_redos", d(redos));
  if (!h.rework.empty()) {
    exact("rework_top_activity", h.rework.front().activity);
    exact("rework_top_total", d(h.rework.front().repeats + h.rework.front().redos));
  }
  section("everyone waits on");
  for (const auto& [name, waits] :
       {std::pair{"person", &h.waitsOnPerson}, std::pair{"team", &h.waitsOnTeam}}) {
    const std::string key = std::string("waits_on_") + name;
    std::uint64_t count = 0, maxCount = 0;
    double total = 0;
    for (const auto& w : *waits)
      count += w.handoffs, maxCount = std::max(maxCount, w.handoffs), total += w.totalWait;
    exact(key + "_count", d(waits->size()));
    exact(key + "_handoffs", d(count));
    near(key + "_wait_total", total);
    exact(key + "_max_count", d(maxCount));
    if (waits->empty()) continue;
    exact(key + "_top", waits->front().who);
    near(key + "_top_wait", waits->front().totalWait);
  }
  section("DFG");
  exact("dfg_edges", d(f.edges.size()));
  statsSums("dfg", "_pairs", f.edges, [](const analysis::DfgEdge& e) { return e.duration; });
  if (!f.edges.empty()) {
    const auto& top = f.edges.front();
    exact("dfg_top_from", top.from);
    exact("dfg_top_to", top.to);
    exact("dfg_top_count", d(top.duration.count));
    near("dfg_top_sum", top.duration.sum);
    near("dfg_top_median", top.duration.median);
    near("dfg_top_p90", top.duration.p90);
  }
  section("start/end activities, times per case");
  for (const auto& [name, counts] :
       {std::pair{"start", &f.startActivities}, std::pair{"end", &f.endActivities}}) {
    std::uint64_t maxCount = 0, weighted = 0;
    for (const auto& [activity, n] : *counts)
      maxCount = std::max(maxCount, n), weighted += (activity + std::uint64_t{1}) * n;
    exact(std::string(name) + "_activities", d(counts->size()));
    exact(std::string(name) + "_max_count", d(maxCount));
    exact(std::string(name) + "_weighted", d(weighted));
  }
  const auto& t = f.throughput;
  exact("throughput_count", d(t.count));
  near("throughput_sum", t.sum);
  near("throughput_mean", t.mean);
  near("throughput_median", t.median);
  near("throughput_p90", t.p90);
  near("throughput_min", t.min);
  near("throughput_max", t.max);
  near("service_sum", f.serviceTime.sum);
  near("service_max", f.serviceTime.max);
  near("waiting_sum", f.waitingTime.sum);
  near("waiting_median", f.waitingTime.median);
  near("waiting_p90", f.waitingTime.p90);
  section("variants");
  exact("variants", d(f.variantCount));
  exact("top_variants", d(f.topVariants.size()));
  std::uint64_t topItems = 0;
  for (const auto& v : f.topVariants) topItems += v.items;
  exact("top_variant_items", d(topItems));
  if (!f.topVariants.empty()) {
    for (const auto& [name, v] :
         {std::pair{"first", &f.topVariants.front()}, std::pair{"last", &f.topVariants.back()}}) {
      std::uint64_t code = 0;  // Σ (k + 1) · (activity + 1), as the script computes it
      for (std::size_t k = 0; k < v->activities.size(); ++k)
        code += (k + 1) * (v->activities[k] + std::uint64_t{1});
      exact(std::string(name) + "_top_variant_count", d(v->items));
      exact(std::string(name) + "_top_variant_length", d(v->activities.size()));
      exact(std::string(name) + "_top_variant_code", d(code));
    }
  }
  return out;
}

std::string shown(double value, bool exact) {
  if (exact && std::isfinite(value) && value >= 0)
    return withCommas(static_cast<std::uint64_t>(std::llround(value)));
  return fixed(value, 3);
}

/// The check against the same-tables pandas peer: a headline ("agree" or "DIFFER") and one line
/// per section with each figure as orglens / pandas. False when a figure differs.
}  // namespace

bool withinTolerance(double ours, double theirs) {
  return std::abs(ours - theirs) <= kFigureTolerance * std::max(1.0, std::abs(theirs));
}

bool fullAgreement(const analysis::HandoffResult& handoffs, const analysis::FlowResult& flow,
                   std::uint64_t events, const PandasFullResult& p,
                   std::vector<std::string>& lines) {
  std::size_t compared = 0;
  std::string differing;
  std::vector<std::string> sections;
  for (const auto& s : orglensFigures(handoffs, flow, events)) {
    std::string line;
    for (const auto& f : s.figures) {
      const auto it = p.figures.find(f.name);
      const bool found = it != p.figures.end();
      const double theirs = found ? it->second : std::nan("");
      const bool same = found && (f.exact ? f.value == theirs : withinTolerance(f.value, theirs));
      ++compared;
      if (!same) differing += (differing.empty() ? "" : ", ") + f.name;
      line += (line.empty() ? "" : ", ") + f.name + " " + shown(f.value, f.exact) + " / " +
              (found ? shown(theirs, f.exact) : "missing") + (same ? "" : " (DIFFER)");
    }
    sections.push_back("  " + s.title + ": " + line);
  }
  lines.push_back("pandas (the same tables) vs orglens on the same events: " +
                  (differing.empty() ? "agree, " + std::to_string(compared) + " figures"
                                     : "DIFFER in " + differing + " (of " +
                                           std::to_string(compared) + " figures)") +
                  " (counts and ids exactly, the rest within a relative 1e-6; orglens / pandas):");
  lines.insert(lines.end(), sections.begin(), sections.end());
  return differing.empty();
}

}  // namespace orglens::bench
