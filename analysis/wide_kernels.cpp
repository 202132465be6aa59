#include "analysis/wide_kernels.h"

#include <atomic>

namespace orglens::analysis::detail {
namespace {

bool cpuHasWide() {
#if ORGLENS_HAS_WIDE_KERNELS
  __builtin_cpu_init();
  return __builtin_cpu_supports("x86-64-v3") != 0;
#else
  return false;
#endif
}

bool available() {
  static const bool on = cpuHasWide();
  return on;
}

/// 1 on, 0 off, −1 not yet decided (decided at the first call: no order of static
/// initialisation to depend on).
constinit std::atomic<int> gOn{-1};

}  // namespace

bool wideKernels() {
  int on = gOn.load(std::memory_order_relaxed);
  if (on < 0) {
    on = available() ? 1 : 0;
    gOn.store(on, std::memory_order_relaxed);
  }
  return on != 0;
}

bool setWideKernels(bool on) {
  const bool was = wideKernels();
  gOn.store(on && available() ? 1 : 0, std::memory_order_relaxed);
  return was;
}

bool wideKernelsAvailable() {
  return available();
}

}  // namespace orglens::analysis::detail
