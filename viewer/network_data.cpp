// The Network page's data: the collaboration graph and its measures (analysis/), laid out for
// thousands of people by a grid-accelerated Fruchterman–Reingold (the report's forceLayout is
// O(n²) per step, meant for its 120-node picture).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

#include "analysis/betweenness.h"
#include "analysis/collaboration_graph.h"
#include "analysis/communities.h"
#include "analysis/graph_structure.h"
#include "model/interaction_log.h"
#include "reports/analysis_tables.h"
#include "reports/network_tables.h"
#include "viewer/snapshot.h"

namespace orglens::viewer {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
  double x = 0, y = 0;
};

/// Groups start on a circle, each group's people on a sunflower spiral around its centre: a
/// start close to the final picture, so that few cooling steps suffice.
std::vector<Point> initialPositions(const std::vector<std::uint32_t>& group) {
  const auto groups = group.empty() ? 0u : *std::max_element(group.begin(), group.end()) + 1;
  std::vector<std::size_t> size(groups, 0), seen(groups, 0);
  for (auto g : group) ++size[g];
  std::vector<Point> p(group.size());
  for (std::size_t v = 0; v < group.size(); ++v) {
    const auto g = group[v];
    const double angle = 2 * kPi * g / std::max(1u, groups);
    const double spread = 0.9 * std::sqrt(static_cast<double>(size[g]) / group.size());
    const double r = spread * std::sqrt((seen[g] + 0.5) / size[g]);
    const double a = 2.39996323 * static_cast<double>(seen[g]++);  // the golden angle
    p[v] = {0.6 * std::cos(angle) + r * std::cos(a), 0.6 * std::sin(angle) + r * std::sin(a)};
  }
  return p;
}

/// One cooling step: exact repulsion from the 3 × 3 neighbouring cells of a fine grid (cell =
/// 2k), far repulsion from the centroids of a coarse 16 × 16 grid (a one-level Barnes–Hut),
/// attraction along ties, a weak pull to the centre. O(n · 256 + m) per step.
void step(std::vector<Point>& p, const std::vector<NetworkData::Tie>& ties, double k, double t,
          double pull) {
  const std::size_t n = p.size();
  constexpr int kCoarse = 16;
  const double lo = -1.5, span = 3.0;
  const int fine = std::clamp(static_cast<int>(span / (2 * k)), 1, 400);
  auto cellOf = [&](double v, int cells) {
    return std::clamp(static_cast<int>((v - lo) / span * cells), 0, cells - 1);
  };
  std::vector<std::vector<std::uint32_t>> grid(static_cast<std::size_t>(fine) * fine);
  std::vector<Point> centroid(kCoarse * kCoarse);
  std::vector<double> mass(kCoarse * kCoarse, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    grid[cellOf(p[v].y, fine) * fine + cellOf(p[v].x, fine)].push_back(v);
    const int c = cellOf(p[v].y, kCoarse) * kCoarse + cellOf(p[v].x, kCoarse);
    centroid[c].x += p[v].x, centroid[c].y += p[v].y, mass[c] += 1;
  }
  for (int c = 0; c < kCoarse * kCoarse; ++c)
    if (mass[c] > 0) centroid[c].x /= mass[c], centroid[c].y /= mass[c];
  std::vector<Point> d(n);
  const double k2 = k * k;
  for (std::uint32_t v = 0; v < n; ++v) {
    const int cx = cellOf(p[v].x, fine), cy = cellOf(p[v].y, fine);
    for (int y = std::max(0, cy - 1); y <= std::min(fine - 1, cy + 1); ++y)
      for (int x = std::max(0, cx - 1); x <= std::min(fine - 1, cx + 1); ++x)
        for (auto u : grid[y * fine + x]) {
          if (u == v) continue;
          const double dx = p[v].x - p[u].x, dy = p[v].y - p[u].y;
          const double dist2 = std::max(dx * dx + dy * dy, 1e-12);
          d[v].x += k2 * dx / dist2, d[v].y += k2 * dy / dist2;
        }
    for (int c = 0; c < kCoarse * kCoarse; ++c) {
      if (mass[c] == 0) continue;
      const double dx = p[v].x - centroid[c].x, dy = p[v].y - centroid[c].y;
      const double dist2 = dx * dx + dy * dy;
      if (dist2 < 9 * k2) continue;  // near: counted exactly above
      d[v].x += mass[c] * k2 * dx / dist2, d[v].y += mass[c] * k2 * dy / dist2;
    }
    const double gravity = 0.1 * k * std::sqrt(static_cast<double>(n));
    d[v].x -= gravity * p[v].x, d[v].y -= gravity * p[v].y;
  }
  for (const auto& tie : ties) {
    const double dx = p[tie.a].x - p[tie.b].x, dy = p[tie.a].y - p[tie.b].y;
    const double dist = std::sqrt(dx * dx + dy * dy);
    const double f = dist / k * (1 + std::log1p(tie.weight)) * pull;
    d[tie.a].x -= dx * f, d[tie.a].y -= dy * f;
    d[tie.b].x += dx * f, d[tie.b].y += dy * f;
  }
  for (std::size_t v = 0; v < n; ++v) {
    const double len = std::sqrt(d[v].x * d[v].x + d[v].y * d[v].y);
    if (len > 0) p[v].x += d[v].x / len * std::min(len, t), p[v].y += d[v].y / len * std::min(len, t);
  }
}

void layout(NetworkData& data, const std::vector<std::uint32_t>& group, model::Progress& progress) {
  const auto start = std::chrono::steady_clock::now();
  auto p = initialPositions(group);
  const std::size_t n = p.size();
  const double k = 2.0 / std::sqrt(static_cast<double>(std::max<std::size_t>(n, 1)));
  // Dense graphs (dozens of ties per person) would collapse into a ball: the pull of a tie
  // shrinks with the mean degree.
  const double meanDegree = n ? 2.0 * static_cast<double>(data.ties.size()) / static_cast<double>(n) : 0;
  const double pull = 0.5 / std::sqrt(std::max(1.0, meanDegree / 4));
  const int steps = n > 3000 ? 80 : 200;
  for (int s = 0; s < steps && n > 1 && !progress.cancelled(); ++s) {
    step(p, data.ties, k, 0.1 * (1.0 - static_cast<double>(s) / steps) + 0.002, pull);
    progress.report(0.8 + 0.2 * s / steps, "layout");
  }
  // Fit the middle 98% of people into [-1, 1]² keeping the aspect ratio: a few loosely tied
  // people pushed far out by the crowd's repulsion would otherwise squeeze everyone else into a
  // corner. They are kept at the border of the picture instead.
  const auto percentile = [&](auto coordinate, double q) {
    std::vector<double> values(n);
    for (std::size_t v = 0; v < n; ++v) values[v] = coordinate(p[v]);
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(n - 1));
    std::nth_element(values.begin(), at, values.end());
    return *at;
  };
  const auto x = [](const Point& q) { return q.x; };
  const auto y = [](const Point& q) { return q.y; };
  const double q = n >= 200 ? 0.01 : 0.0;
  const Point lo{n ? percentile(x, q) : 0, n ? percentile(y, q) : 0};
  const Point hi{n ? percentile(x, 1 - q) : 0, n ? percentile(y, 1 - q) : 0};
  const double half = std::max({(hi.x - lo.x) / 2, (hi.y - lo.y) / 2, 1e-9});
  const Point mid{(lo.x + hi.x) / 2, (lo.y + hi.y) / 2};
  constexpr double kBorder = 1.15;  // inside the page's ±1.3 scene rectangle
  for (auto& point : p) {
    point.x = std::clamp((point.x - mid.x) / half, -kBorder, kBorder);
    point.y = std::clamp((point.y - mid.y) / half, -kBorder, kBorder);
  }
  for (std::size_t v = 0; v < n; ++v)
    data.people[v].x = static_cast<float>(p[v].x), data.people[v].y = static_cast<float>(p[v].y);
  data.layoutSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::shared_ptr<const NetworkData> computeNetwork(const model::Store& store, const Filter& filter,
                                                  model::Progress& progress) {
  model::EventLogOptions load;
  load.itemType = "task";
  load.from = filter.from;
  load.to = filter.to;
  const auto log = model::EventLog::load(store, load);
  const auto mail = model::InteractionLog::load(store, filter.from, filter.to);
  const auto cg = analysis::buildCollaborationGraph(log, mail, {}, progress);
  const auto& g = cg.graph;
  analysis::BetweennessOptions bo;
  if (g.nodeCount() > 3000) bo.sampleSources = 256;  // estimated: the page needs a ranking
  const auto b = analysis::computeBetweenness(g, bo, progress);
  const auto cuts = analysis::articulationPoints(g);
  const auto communities = analysis::leiden(g);
  const reports::PersonNames names(reports::pseudonymSalt(store), !filter.privacy);
  auto data = std::make_shared<NetworkData>();
  data->estimated = b.estimated;
  std::map<std::string, std::uint32_t> teamIndex;
  for (std::size_t v = 0; v < g.nodeCount(); ++v) {
    NetworkPerson person;
    person.label = reports::personLabel(log, cg.person[v], &names);
    person.team = reports::teamLabel(log, cg.team[v]);
    person.community = communities.membership[v];
    person.betweenness = b.normalised[v];
    teamIndex.emplace(person.team, 0);
    data->people.push_back(std::move(person));
  }
  for (auto v : cuts) data->people[v].articulation = true;
  for (auto& [team, index] : teamIndex) {
    index = static_cast<std::uint32_t>(data->teams.size());
    data->teams.push_back(team);
  }
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v)
    for (auto e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
      if (g.targets[e] > v)
        data->ties.push_back({v, g.targets[e], static_cast<float>(g.weights[e])});
  std::stable_sort(data->ties.begin(), data->ties.end(),
                   [](const auto& x, const auto& y) { return x.weight > y.weight; });
  std::vector<std::uint32_t> group;
  for (const auto& p : data->people) group.push_back(teamIndex[p.team]);
  layout(*data, group, progress);
  return data;
}

}  // namespace orglens::viewer
