// The batch report as PDF: the HTML page printed by headless Chromium (the browser lays out
// the charts and tables exactly as on screen, with the page's print style sheet). No Qt.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "reports/report.h"

namespace orglens::reports {

struct PdfOptions {
  /// The browser to run; empty: $ORGLENS_CHROMIUM, else chromium, chromium-browser,
  /// google-chrome on PATH.
  std::filesystem::path browser;
  /// The browser is killed (with every process it started) after this long.
  std::chrono::seconds timeout{120};
};

/// The browser writePdf would run (options.browser, $ORGLENS_CHROMIUM or the first known name
/// on PATH); empty when there is none.
std::filesystem::path findChromium(const PdfOptions& options = {});

/// Writes `report` as a PDF to `out` (replaced if it exists). The HTML and a throw-away browser
/// profile live in a temp folder that is always removed. Throws std::runtime_error with what
/// is missing and what to do when no browser is found, when it fails or times out, or when
/// what it wrote is not a PDF; `out` is then left untouched.
void writePdf(const Report& report, const std::filesystem::path& out,
              const PdfOptions& options = {});

}  // namespace orglens::reports
