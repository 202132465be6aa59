// Kernels compiled twice: for x86-64's baseline and for x86-64-v3 (AVX2), the latter run where
// the CPU has it. Internal to analysis/; not part of its public API.
//
// Why: x86-64's baseline (SSE2) has no 64-bit compare, so a pass that keeps the least and the
// greatest of int64 values stays scalar; with AVX2 it vectorises four values wide (the first
// pass of summarize() over the 36 M waits of the 10 M-event handoff pass: half the time). Only
// integer kernels are compiled twice, so that the results are the same whichever runs (no
// fused multiply-add can change a rounding).
//
// How: a kernel's body is an always-inlined function; ORGLENS_WIDE_TARGET marks the copy that
// is compiled for x86-64-v3, and wideKernels() chooses between the two copies at each call.
// GCC on x86-64 only; elsewhere there is one copy and wideKernels() is false.
#pragma once

namespace orglens::analysis::detail {

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define ORGLENS_HAS_WIDE_KERNELS 1
#define ORGLENS_WIDE_TARGET [[gnu::target("arch=x86-64-v3"), gnu::flatten]]
#else
#define ORGLENS_HAS_WIDE_KERNELS 0
#endif

/// Whether the x86-64-v3 copies run: the CPU has x86-64-v3, and setWideKernels(false) was not
/// called.
bool wideKernels();

/// Turns the x86-64-v3 copies off (false) or back on where the CPU has them (true); returns
/// whether they were on. For tests, which compare both copies' results; not thread-safe
/// against running analyses.
bool setWideKernels(bool on);

/// Whether this build and CPU can run the x86-64-v3 copies at all.
bool wideKernelsAvailable();

}  // namespace orglens::analysis::detail
