#include "cli/terminal.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace orglens::cli {

StderrProgress::StderrProgress(std::string label)
    : m_label(std::move(label)), m_enabled(::isatty(STDERR_FILENO) == 1) {}

StderrProgress::~StderrProgress() {
  finish();
}

void StderrProgress::report(double fraction, std::string_view phase) {
  if (!m_enabled) return;
  const auto now = std::chrono::steady_clock::now();
  // Redraw at most 10 times a second: terminals are slow.
  if (m_drawn && fraction < 1.0 && now - m_last < std::chrono::milliseconds(100)) return;
  m_last = now;
  fraction = std::clamp(fraction, 0.0, 1.0);
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(fraction * kWidth);
  std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% %-10.*s", m_label.c_str(), filled,
               "##############################", kWidth - filled, "",
               static_cast<int>(fraction * 100), static_cast<int>(phase.size()), phase.data());
  std::fflush(stderr);
  m_drawn = true;
}

void StderrProgress::finish() {
  if (m_enabled && m_drawn) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  m_drawn = false;
}

}  // namespace orglens::cli
