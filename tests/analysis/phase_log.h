// A Progress for the analysis tests: records the phases reported and asks to stop once a given
// phase has been reported.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/progress.h"

namespace orglens::test {

class PhaseLog final : public model::Progress {
 public:
  explicit PhaseLog(std::string stopAt = {}) : m_stopAt(std::move(stopAt)) {}
  void report(double fraction, std::string_view phase) override {
    fractions.push_back(fraction);
    phases.emplace_back(phase);
    if (!m_stopAt.empty() && phase == m_stopAt) m_stop = true;
  }
  bool cancelled() const override { return m_stop; }
  std::vector<double> fractions;
  std::vector<std::string> phases;

 private:
  std::string m_stopAt;
  bool m_stop = false;
};

}  // namespace orglens::test
