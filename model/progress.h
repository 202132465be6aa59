// Progress and cancellation for long work, free of any UI: the CLI draws a stderr bar, the
// viewer turns it into a throttled signal.
#pragma once

#include <string_view>

namespace orglens::model {

class Progress {
 public:
  virtual ~Progress() = default;
  /// `fraction` in [0, 1]; `phase` a short word ("reading", "indexing").
  virtual void report(double fraction, std::string_view phase) = 0;
  /// Polled by long loops; when true they stop and return a cancelled result.
  virtual bool cancelled() const { return false; }
};

/// Progress that ignores everything (tests, library callers that do not care).
class NoProgress final : public Progress {
 public:
  void report(double, std::string_view) override {}
};

}  // namespace orglens::model
