// Writes the fixture report (tests/reports/report_fixture.h) as HTML or PDF, for the browser
// and PDF checks in tests/reports/html_checks.cmake.
//   write_fixture_html html OUT.html
//   write_fixture_html html-large OUT.html   (a bigger made-up report:
//   tests/reports/large_report.h) write_fixture_html pdf OUT.pdf     (exit code 4 = skipped: no
//   Chromium installed)
#include <cstdio>
#include <exception>
#include <fstream>
#include <string>

#include "reports/render_html.h"
#include "reports/render_pdf.h"
#include "tests/reports/large_report.h"
#include "tests/reports/report_fixture.h"

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[1] : "";
  if (mode != "html" && mode != "html-large" && mode != "pdf") {
    std::fprintf(stderr, "usage: write_fixture_html html|html-large|pdf OUT\n");
    return 2;
  }
  const auto report =
      mode == "html-large" ? orglens::test::largeReport() : orglens::test::fixtureReport();
  if (mode != "pdf") {
    std::ofstream out(argv[2], std::ios::binary);
    out << orglens::reports::renderHtml(report);
    if (!out.flush()) {
      std::fprintf(stderr, "cannot write %s\n", argv[2]);
      return 1;
    }
    return 0;
  }
  if (orglens::reports::findChromium().empty()) {
    std::printf("SKIPPED: no Chromium installed (install chromium or set ORGLENS_CHROMIUM)\n");
    return 4;
  }
  try {
    orglens::reports::writePdf(report, argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
