#include "reports/network_layout.h"

#include <algorithm>
#include <cmath>

namespace orglens::reports {

// Pull to the centre per unit of distance. The repulsion a node feels from all others sums to
// about n·k²/d = 1/d, so the pull must be of that order to keep components together.
constexpr double kGravity = 3.0;

std::vector<std::pair<double, double>> forceLayout(
    std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
    int iterations) {
  std::vector<double> x(n), y(n), dx(n), dy(n);
  const double pi = std::acos(-1.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double a = 2 * pi * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(n, 1));
    x[i] = 0.5 + 0.4 * std::cos(a);
    y[i] = 0.5 + 0.4 * std::sin(a);
  }
  // Ideal distance for n nodes in the unit square; the temperature caps each step.
  const double k = std::sqrt(1.0 / static_cast<double>(std::max<std::size_t>(n, 1)));
  double temperature = 0.1;
  const double cooling = temperature / (iterations + 1);
  for (int it = 0; it < iterations; ++it) {
    std::fill(dx.begin(), dx.end(), 0.0);
    std::fill(dy.begin(), dy.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const double ex = x[i] - x[j], ey = y[i] - y[j];
        const double d2 = std::max(ex * ex + ey * ey, 1e-9);
        const double f = k * k / d2;  // repulsion k²/d, along the unit vector (e/d)
        dx[i] += ex * f, dy[i] += ey * f, dx[j] -= ex * f, dy[j] -= ey * f;
      }
    for (const auto& [a, b] : edges) {
      const double ex = x[a] - x[b], ey = y[a] - y[b];
      const double d = std::max(std::sqrt(ex * ex + ey * ey), 1e-9);
      const double f = d / k;  // attraction d²/k, along e/d
      dx[a] -= ex * f, dy[a] -= ey * f, dx[b] += ex * f, dy[b] += ey * f;
    }
    for (std::size_t i = 0; i < n; ++i) {
      // A weak pull to the centre keeps people whose ties lie outside the picture from
      // drifting off and squeezing everyone else into a corner.
      dx[i] -= kGravity * (x[i] - 0.5);
      dy[i] -= kGravity * (y[i] - 0.5);
      const double d = std::max(std::sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 1e-12);
      const double step = std::min(d, temperature);
      x[i] += dx[i] / d * step;
      y[i] += dy[i] / d * step;
    }
    temperature -= cooling;
  }
  // Fit the 2nd..98th percentile box into [0.05, 0.95]² keeping the aspect ratio; the few
  // far-out people (ties mostly outside the picture) are pulled onto its border.
  std::vector<std::pair<double, double>> out(n);
  if (n == 0) return out;
  auto range = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) { return v[static_cast<std::size_t>(q * (v.size() - 1))]; };
    return std::pair{at(0.02), at(0.98)};
  };
  const auto [xmin, xmax] = range(x);
  const auto [ymin, ymax] = range(y);
  const double span = std::max({xmax - xmin, ymax - ymin, 1e-9});
  const double xo = (span - (xmax - xmin)) / 2, yo = (span - (ymax - ymin)) / 2;
  for (std::size_t i = 0; i < n; ++i)
    out[i] = {std::clamp(0.05 + 0.9 * (x[i] - xmin + xo) / span, 0.02, 0.98),
              std::clamp(0.05 + 0.9 * (y[i] - ymin + yo) / span, 0.02, 0.98)};
  return out;
}

}  // namespace orglens::reports
