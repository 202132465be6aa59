#include "reports/network_layout.h"

#include <algorithm>
#include <cmath>

namespace orglens::reports {

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
      const double d = std::max(std::sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 1e-12);
      const double step = std::min(d, temperature);
      x[i] += dx[i] / d * step;
      y[i] += dy[i] / d * step;
    }
    temperature -= cooling;
  }
  // Fit into [0.05, 0.95]² keeping the aspect ratio.
  std::vector<std::pair<double, double>> out(n);
  if (n == 0) return out;
  const auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
  const auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
  const double span = std::max({*xmax - *xmin, *ymax - *ymin, 1e-9});
  for (std::size_t i = 0; i < n; ++i)
    out[i] = {0.05 + 0.9 * (x[i] - *xmin) / span, 0.05 + 0.9 * (y[i] - *ymin) / span};
  return out;
}

}  // namespace orglens::reports
