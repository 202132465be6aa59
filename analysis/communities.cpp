#include "analysis/communities.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "model/splitmix.h"

namespace orglens::analysis {
namespace {

using Ids = std::vector<std::uint32_t>;

/// splitmix64: the same stream on every platform (std:: distributions are not portable).
struct Rng {
  std::uint64_t state;
  std::uint64_t next() { return model::splitMix64(state); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
};

/// A level of the algorithm: ties between distinct nodes (CSR) and node strengths, which
/// include the weight inside an aggregated node.
struct Level {
  Ids offsets{0}, targets;
  std::vector<double> weights, strength;
  std::size_t size() const { return offsets.size() - 1; }
};

Level levelOf(const Graph& g) {
  Level l{g.offsets, g.targets, g.weights, {}};
  l.strength.resize(g.nodeCount());
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v) l.strength[v] = g.strength(v);
  return l;
}

/// A seeded Fisher–Yates permutation of 0 .. n − 1.
Ids permutation(std::size_t n, Rng& rng) {
  Ids order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(std::uint32_t(i))]);
  return order;
}

/// Weights from v to each neighbouring community (touched lists the communities seen).
struct Accumulator {
  std::vector<double> weight;
  Ids touched;
  explicit Accumulator(std::size_t n) : weight(n, 0.0) {}
  void add(std::uint32_t c, double w) {
    if (weight[c] == 0.0) touched.push_back(c);
    weight[c] += w;
  }
  void clear() {
    for (auto c : touched) weight[c] = 0.0;
    touched.clear();
  }
};

/// The neighbouring community (or v's own) where moving v gains the most modularity; ties go
/// to the lowest id among the others, v's own community wins ties with them. Keeps `total`
/// (community strengths) up to date for the choice; leaves `acc` clear.
std::uint32_t bestCommunity(const Level& l, std::uint32_t v, const Ids& comm,
                            std::vector<double>& total, Accumulator& acc, double gamma,
                            double twoM) {
  const auto own = comm[v];
  const double kv = l.strength[v];
  for (auto k = l.offsets[v]; k < l.offsets[v + 1]; ++k) acc.add(comm[l.targets[k]], l.weights[k]);
  total[own] -= kv;
  auto best = own;
  double bestGain = acc.weight[own] - gamma * kv * total[own] / twoM;
  const double eps = 1e-12 * std::max(1.0, kv);
  for (auto c : acc.touched) {
    if (c == own) continue;
    const double gain = acc.weight[c] - gamma * kv * total[c] / twoM;
    if (gain > bestGain + eps || (best != own && gain >= bestGain - eps && c < best)) {
      best = c;
      bestGain = std::max(gain, bestGain);
    }
  }
  total[best] += kv;
  acc.clear();
  return best;
}

/// Louvain's local moving; comm holds ids < l.size(). Returns whether any node moved.
bool moveNodes(const Level& l, Ids& comm, double gamma, double twoM, Rng& rng) {
  std::vector<double> total(l.size(), 0.0);
  for (std::uint32_t v = 0; v < l.size(); ++v) total[comm[v]] += l.strength[v];
  const auto order = permutation(l.size(), rng);
  Accumulator acc(l.size());
  bool any = false, moved = true;
  while (moved) {
    moved = false;
    for (auto v : order) {
      const auto own = comm[v];
      const auto best = bestCommunity(l, v, comm, total, acc, gamma, twoM);
      if (best == own) continue;
      comm[v] = best;
      moved = any = true;
    }
  }
  return any;
}

/// Leiden's fast local moving (Traag et al. 2019): a queue of every node in a seeded random
/// order; a node taken from it moves to the neighbouring community of the largest gain (ties as
/// in moveNodes), and when it moves, its neighbours outside its new community that are not
/// queued join the back of the queue. Ends when the queue is empty; comm holds ids < l.size().
bool fastMoveNodes(const Level& l, Ids& comm, double gamma, double twoM, Rng& rng) {
  const std::size_t n = l.size();
  std::vector<double> total(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) total[comm[v]] += l.strength[v];
  Ids queue = permutation(n, rng);  // a ring of n places: a node is queued at most once
  std::vector<char> queued(n, 1);
  std::size_t head = 0, count = n;
  bool any = false;
  Accumulator acc(n);
  while (count > 0) {
    const auto v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --count;
    queued[v] = 0;
    const auto own = comm[v];
    const auto best = bestCommunity(l, v, comm, total, acc, gamma, twoM);
    if (best == own) continue;
    comm[v] = best;
    any = true;
    for (auto k = l.offsets[v]; k < l.offsets[v + 1]; ++k) {
      const auto u = l.targets[k];
      if (queued[u] || comm[u] == best) continue;
      queued[u] = 1;
      queue[(head + count) % n] = u;
      ++count;
    }
  }
  return any;
}

/// Renumbers ids 0, 1, … by first appearance; returns the count.
std::uint32_t renumber(Ids& ids) {
  Ids map(ids.size() + 1, UINT32_MAX);
  std::uint32_t next = 0;
  for (auto& c : ids) {
    if (c >= map.size()) map.resize(c + 1, UINT32_MAX);
    if (map[c] == UINT32_MAX) map[c] = next++;
    c = map[c];
  }
  return next;
}

/// The graph of the k groups of comm (ids < k): one node per group, ties summed, in order.
Level aggregate(const Level& l, const Ids& comm, std::uint32_t k) {
  std::vector<Ids> members(k);
  for (std::uint32_t v = 0; v < l.size(); ++v) members[comm[v]].push_back(v);
  Level out;
  out.strength.assign(k, 0.0);
  Accumulator acc(k);
  for (std::uint32_t c = 0; c < k; ++c) {
    for (auto v : members[c]) {
      out.strength[c] += l.strength[v];
      for (auto e = l.offsets[v]; e < l.offsets[v + 1]; ++e)
        if (comm[l.targets[e]] != c) acc.add(comm[l.targets[e]], l.weights[e]);
    }
    std::sort(acc.touched.begin(), acc.touched.end());
    for (auto d : acc.touched) {
      out.targets.push_back(d);
      out.weights.push_back(acc.weight[d]);
    }
    out.offsets.push_back(static_cast<std::uint32_t>(out.targets.size()));
    acc.clear();
  }
  return out;
}

void validate(const CommunityOptions& o) {
  if (!(o.resolution > 0) || !std::isfinite(o.resolution))
    throw std::invalid_argument("communities: the resolution must be > 0");
  if (!(o.beta > 0) || !std::isfinite(o.beta))
    throw std::invalid_argument("communities: beta must be > 0");
}

double totalWeight2(const Graph& g) {
  double s = 0;
  for (auto w : g.weights) s += w;
  return s;
}

CommunityResult finish(const Graph& g, Ids membership, std::uint32_t levels, double gamma) {
  CommunityResult r;
  r.count = renumber(membership);
  r.membership = std::move(membership);
  r.modularity = modularity(g, r.membership, gamma);
  r.levels = levels;
  return r;
}

/// State of Leiden's refinement inside the communities of comm.
struct Refinement {
  const Level& l;
  const Ids& comm;
  double gamma, twoM, beta;
  Ids refined;                          // refined community per node (ids = node ids)
  std::vector<double> total, external;  // per refined community: Σ strength, ties to S − C
  std::vector<double> communityTotal;   // per community S: Σ strength
  Ids size;                             // per refined community: nodes

  bool wellConnected(std::uint32_t r, std::uint32_t s) const {
    return external[r] >= gamma * total[r] * (communityTotal[s] - total[r]) / twoM;
  }
  void init();
  void visit(std::uint32_t v, Accumulator& acc, Rng& rng);
};

void Refinement::init() {
  const auto n = l.size();
  refined.resize(n);
  std::iota(refined.begin(), refined.end(), 0u);
  total = l.strength;
  external.assign(n, 0.0);
  size.assign(n, 1);
  communityTotal.assign(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) {
    communityTotal[comm[v]] += l.strength[v];
    for (auto e = l.offsets[v]; e < l.offsets[v + 1]; ++e)
      if (comm[l.targets[e]] == comm[v]) external[v] += l.weights[e];
  }
}

void Refinement::visit(std::uint32_t v, Accumulator& acc, Rng& rng) {
  const auto s = comm[v];
  if (size[refined[v]] != 1 || !wellConnected(refined[v], s)) return;
  for (auto e = l.offsets[v]; e < l.offsets[v + 1]; ++e)
    if (comm[l.targets[e]] == s) acc.add(refined[l.targets[e]], l.weights[e]);
  const double kv = l.strength[v];
  std::vector<std::pair<std::uint32_t, double>> options{{refined[v], 0.0}};
  double top = 0.0;
  for (auto r : acc.touched) {
    if (r == refined[v] || !wellConnected(r, s)) continue;
    const double gain = acc.weight[r] - gamma * kv * total[r] / twoM;
    if (gain < 0) continue;
    options.emplace_back(r, gain);
    top = std::max(top, gain);
  }
  double sum = 0;
  for (auto& o : options) sum += (o.second = std::exp((o.second - top) / beta));
  double draw = rng.unit() * sum;
  std::uint32_t chosen = options.back().first;
  for (const auto& o : options) {
    if (draw < o.second) {
      chosen = o.first;
      break;
    }
    draw -= o.second;
  }
  if (chosen != refined[v]) {
    const auto from = refined[v];
    external[chosen] += external[from] - 2 * acc.weight[chosen];
    total[chosen] += kv;
    ++size[chosen];
    size[from] = 0;
    refined[v] = chosen;
  }
  acc.clear();
}

/// One Leiden iteration from the partition start (ids < node count); returns the partition.
Ids leidenPass(const Graph& g, Ids start, double gamma, double beta, Rng& rng,
               std::uint32_t& levels, bool& moved) {
  const double twoM = totalWeight2(g);
  Level l = levelOf(g);
  Ids nodeOf(g.nodeCount());  // original node -> node of the current level
  std::iota(nodeOf.begin(), nodeOf.end(), 0u);
  Ids comm = std::move(start);
  for (;;) {
    moved = fastMoveNodes(l, comm, gamma, twoM, rng) || moved;
    const auto k = renumber(comm);
    if (k == l.size()) break;
    Refinement ref{l, comm, gamma, twoM, beta, {}, {}, {}, {}, {}};
    ref.init();
    Accumulator acc(l.size());
    for (auto v : permutation(l.size(), rng)) ref.visit(v, acc, rng);
    Ids groups = ref.refined;
    auto r = renumber(groups);
    if (r == l.size()) groups = comm, r = k;  // nothing merged: aggregate by the communities
    Ids next(r);
    for (std::uint32_t v = 0; v < l.size(); ++v) next[groups[v]] = comm[v];
    for (auto& x : nodeOf) x = groups[x];
    l = aggregate(l, groups, r);
    comm = std::move(next);
    ++levels;
  }
  for (auto& x : nodeOf) x = comm[x];
  return nodeOf;
}

}  // namespace

CommunityResult louvain(const Graph& g, const CommunityOptions& options) {
  validate(options);
  Rng rng{options.seed};
  const double twoM = totalWeight2(g);
  Level l = levelOf(g);
  Ids nodeOf(g.nodeCount());
  std::iota(nodeOf.begin(), nodeOf.end(), 0u);
  std::uint32_t levels = 0;
  while (twoM > 0) {
    Ids comm(l.size());
    std::iota(comm.begin(), comm.end(), 0u);
    if (!moveNodes(l, comm, options.resolution, twoM, rng)) break;
    const auto k = renumber(comm);
    for (auto& x : nodeOf) x = comm[x];
    l = aggregate(l, comm, k);
    ++levels;
  }
  return finish(g, std::move(nodeOf), levels, options.resolution);
}

CommunityResult leiden(const Graph& g, const CommunityOptions& options) {
  validate(options);
  Rng rng{options.seed};
  Ids membership(g.nodeCount());
  std::iota(membership.begin(), membership.end(), 0u);
  std::uint32_t levels = 0;
  const int rounds = options.iterations < 0 ? 50 : options.iterations;
  for (int i = 0; i < rounds && totalWeight2(g) > 0; ++i) {
    bool moved = false;
    auto next = leidenPass(g, membership, options.resolution, options.beta, rng, levels, moved);
    renumber(next);
    const bool same = next == membership;
    membership = std::move(next);
    if ((same || !moved) && options.iterations < 0) break;
  }
  return finish(g, std::move(membership), levels, options.resolution);
}

double modularity(const Graph& g, const std::vector<std::uint32_t>& membership, double resolution) {
  if (membership.size() != g.nodeCount())
    throw std::invalid_argument("modularity: one community per node is needed");
  const double twoM = totalWeight2(g);
  if (twoM <= 0) return 0.0;
  Ids ids = membership;
  const auto k = renumber(ids);
  std::vector<double> inside(k, 0.0), total(k, 0.0);
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v)
    for (auto e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      total[ids[v]] += g.weights[e];
      if (ids[g.targets[e]] == ids[v]) inside[ids[v]] += g.weights[e];
    }
  double q = 0;
  for (std::uint32_t c = 0; c < k; ++c) q += inside[c] - resolution * total[c] * total[c] / twoM;
  return q / twoM;
}

double normalisedMutualInformation(const std::vector<std::uint32_t>& a,
                                   const std::vector<std::uint32_t>& b) {
  if (a.size() != b.size())
    throw std::invalid_argument("normalised mutual information: partitions of different sizes");
  const double n = static_cast<double>(a.size());
  if (a.empty()) return 1.0;
  Ids x = a, y = b;
  const auto kx = renumber(x), ky = renumber(y);
  std::vector<double> px(kx, 0.0), py(ky, 0.0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::size_t i = 0; i < x.size(); ++i) {
    ++px[x[i]], ++py[y[i]];
    pairs.emplace_back(x[i], y[i]);
  }
  std::sort(pairs.begin(), pairs.end());
  auto entropy = [n](const std::vector<double>& p) {
    double h = 0;
    for (auto c : p) h -= c / n * std::log(c / n);
    return h;
  };
  const double hx = entropy(px), hy = entropy(py);
  if (hx == 0 && hy == 0) return 1.0;
  double mi = 0;
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const double nij = static_cast<double>(j - i);
    mi += nij / n * std::log(n * nij / (px[pairs[i].first] * py[pairs[i].second]));
    i = j;
  }
  return 2 * mi / (hx + hy);
}

}  // namespace orglens::analysis
