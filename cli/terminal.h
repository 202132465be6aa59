// Terminal helpers of the CLI: a stderr progress bar that is silent when stderr is not a TTY.
#pragma once

#include <chrono>
#include <string>

#include "model/progress.h"

namespace orglens::cli {

class StderrProgress final : public model::Progress {
 public:
  /// `label` is printed before the bar ("importing events.csv").
  explicit StderrProgress(std::string label);
  ~StderrProgress() override;
  void report(double fraction, std::string_view phase) override;
  void finish();

 private:
  std::string m_label;
  bool m_enabled;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_last{};
};

/// Exit codes of every command (DESIGN.md): 0 ok, 1 usage, 2 bad input, 3 threshold crossed.
enum ExitCode : int { kOk = 0, kUsage = 1, kBadInput = 2, kThreshold = 3 };

}  // namespace orglens::cli
