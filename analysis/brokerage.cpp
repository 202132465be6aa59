#include "analysis/brokerage.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace orglens::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double weightAt(const Graph& g, std::uint32_t k, bool weighted) {
  return weighted ? g.weights[k] : 1.0;
}

/// Σ weights of v's ties (or its degree when unweighted).
std::vector<double> strengths(const Graph& g, bool weighted) {
  std::vector<double> s(g.nodeCount(), 0.0);
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v)
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) s[v] += weightAt(g, k, weighted);
  return s;
}

}  // namespace

std::vector<double> constraint(const Graph& g, bool weighted) {
  const std::size_t n = g.nodeCount();
  const auto strength = strengths(g, weighted);
  std::vector<double> out(n, kNaN), contrib(n, 0.0);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (g.degree(i) == 0) continue;
    // contrib[q] = p_iq + Σ_j p_ij p_jq, accumulated over i's neighbours j; only the entries
    // of i's neighbours are read, and every touched entry is reset below.
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k)
      contrib[g.targets[k]] += weightAt(g, k, weighted) / strength[i];
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k) {
      const auto j = g.targets[k];
      const double pij = weightAt(g, k, weighted) / strength[i];
      for (auto l = g.offsets[j]; l < g.offsets[j + 1]; ++l)
        contrib[g.targets[l]] += pij * weightAt(g, l, weighted) / strength[j];
    }
    double c = 0;
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k)
      c += contrib[g.targets[k]] * contrib[g.targets[k]];
    out[i] = c;
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k)
      for (auto l = g.offsets[g.targets[k]]; l < g.offsets[g.targets[k] + 1]; ++l)
        contrib[g.targets[l]] = 0.0;
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k) contrib[g.targets[k]] = 0.0;
  }
  return out;
}

std::vector<double> effectiveSize(const Graph& g, bool weighted) {
  const std::size_t n = g.nodeCount();
  const auto strength = strengths(g, weighted);
  std::vector<double> maxWeight(n, 0.0), out(n, kNaN), pOfI(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v)
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k)
      maxWeight[v] = std::max(maxWeight[v], weightAt(g, k, weighted));
  for (std::uint32_t i = 0; i < n; ++i) {
    if (g.degree(i) == 0) continue;
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k)
      pOfI[g.targets[k]] = weightAt(g, k, weighted) / strength[i];
    double e = 0;
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k) {
      const auto j = g.targets[k];
      // Σ_q p_iq m_jq over q ∈ N(i) ∩ N(j): pOfI is 0 outside N(i) (and at i itself).
      double redundancy = 0;
      for (auto l = g.offsets[j]; l < g.offsets[j + 1]; ++l)
        redundancy += pOfI[g.targets[l]] * weightAt(g, l, weighted) / maxWeight[j];
      e += 1.0 - redundancy;
    }
    out[i] = e;
    for (auto k = g.offsets[i]; k < g.offsets[i + 1]; ++k) pOfI[g.targets[k]] = 0.0;
  }
  return out;
}

double nominalAssortativity(const Graph& g, const std::vector<std::uint32_t>& category,
                            std::uint32_t none) {
  // Tie ends per (category, category): the diagonal and the row sums are all that r needs.
  std::unordered_map<std::uint32_t, double> diagonal, rowSum;
  double ends = 0;
  for (std::uint32_t v = 0; v < g.nodeCount(); ++v) {
    if (category[v] == none) continue;
    for (auto k = g.offsets[v]; k < g.offsets[v + 1]; ++k) {
      const auto u = g.targets[k];
      if (category[u] == none) continue;
      ends += 1;
      rowSum[category[v]] += 1;
      if (category[u] == category[v]) diagonal[category[v]] += 1;
    }
  }
  if (ends == 0) return kNaN;
  // Sum in category order so that the result does not depend on the hash order.
  std::vector<std::pair<std::uint32_t, double>> rows(rowSum.begin(), rowSum.end());
  std::sort(rows.begin(), rows.end());
  double sumDiagonal = 0, sumSquares = 0;
  for (const auto& [c, a] : rows) {
    sumDiagonal += diagonal.count(c) ? diagonal.at(c) / ends : 0.0;
    sumSquares += (a / ends) * (a / ends);
  }
  if (sumSquares >= 1.0) return kNaN;
  return (sumDiagonal - sumSquares) / (1.0 - sumSquares);
}

}  // namespace orglens::analysis
