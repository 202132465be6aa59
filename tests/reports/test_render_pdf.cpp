// writePdf() without a real browser: stand-in "browsers" (shell scripts) that write a PDF,
// write nothing, or hang. The real Chromium run is reports/pdf_fixture_page1_not_blank.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "reports/render_pdf.h"
#include "tests/reports/report_fixture.h"
#include "tests/support/test_support.h"

using namespace orglens::reports;
namespace fs = std::filesystem;

namespace {

fs::path fakeBrowser(const fs::path& dir, const std::string& body) {
  const fs::path script = orglens::test::writeFile(dir / "fake-chromium", "#!/bin/sh\n" + body);
  fs::permissions(script, fs::perms::owner_all);
  return script;
}

/// A process is gone when it no longer exists or is a zombie waiting for its reaper. SIGKILL
/// takes effect asynchronously, so this waits up to 3 s.
bool processGone(const std::string& pidText) {
  for (int i = 0; i < 300; ++i) {
    std::ifstream stat("/proc/" + pidText + "/stat");
    std::string pid, name, state;
    if (!(stat >> pid >> name >> state) || state == "Z" || state == "X") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::string firstLine(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

// Writes "%PDF-" to the file named by --print-to-pdf=, records its arguments one per line and
// leaves a helper running, as Chromium's helper processes may.
constexpr const char* kWritesPdf = R"(for a in "$@"; do echo "$a" >> "$(dirname "$0")/args"; done
sleep 300 &
echo $! > "$(dirname "$0")/helper"
for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "${a#--print-to-pdf=}";; esac; done
exit 0
)";

}  // namespace

TEST_CASE("writePdf runs the browser without a shell and removes its temp files",
          "[reports][pdf]") {
  const fs::path dir = orglens::test::tempDir("pdf-fake-ok");
  PdfOptions options;
  options.browser = fakeBrowser(dir, kWritesPdf);
  const fs::path out = dir / "out folder with 'quotes' & spaces" / "report.pdf";
  fs::create_directories(out.parent_path());
  writePdf(orglens::test::fixtureReport(), out, options);
  CHECK(orglens::test::readFile(out) == "%PDF-1.4 fake");
  const std::string args = orglens::test::readFile(dir / "args");
  CHECK(args.find("--headless\n") != std::string::npos);
  CHECK(args.find("--no-sandbox\n") != std::string::npos);
  CHECK(args.find("--no-pdf-header-footer\n") != std::string::npos);
  const auto profileAt = args.find("--user-data-dir=");
  REQUIRE(profileAt != std::string::npos);
  const auto end = args.find('\n', profileAt);
  const fs::path profile = args.substr(profileAt + 16, end - profileAt - 16);
  CHECK_FALSE(fs::exists(profile.parent_path()));  // the whole temp folder is gone
  CHECK(args.find("file://") != std::string::npos);
  CHECK(processGone(firstLine(dir / "helper")));  // no helper outlives the call
}

TEST_CASE("writePdf stops a browser that hangs", "[reports][pdf]") {
  const fs::path dir = orglens::test::tempDir("pdf-fake-hang");
  PdfOptions options;
  options.browser =
      fakeBrowser(dir, "sleep 300 &\necho $! > \"$(dirname \"$0\")/helper\"\nsleep 300\n");
  options.timeout = std::chrono::seconds(1);
  const auto start = std::chrono::steady_clock::now();
  try {
    writePdf(orglens::test::fixtureReport(), dir / "out.pdf", options);
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("did not finish within 1 s") != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  CHECK_FALSE(fs::exists(dir / "out.pdf"));
  CHECK(processGone(firstLine(dir / "helper")));
}

TEST_CASE("writePdf fails clearly when the browser writes no PDF", "[reports][pdf]") {
  const fs::path dir = orglens::test::tempDir("pdf-fake-none");
  PdfOptions options;
  options.browser = fakeBrowser(dir, "echo 'no display' >&2\nexit 0\n");
  try {
    writePdf(orglens::test::fixtureReport(), dir / "out.pdf", options);
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK(message.find("wrote no PDF") != std::string::npos);
    CHECK(message.find("no display") != std::string::npos);  // the browser's own words
    CHECK(message.find("ORGLENS_CHROMIUM") != std::string::npos);
  }
  options.browser = fakeBrowser(dir, "exit 3\n");
  CHECK_THROWS_WITH(writePdf(orglens::test::fixtureReport(), dir / "out.pdf", options),
                    Catch::Contains("exit code 3"));
  CHECK_FALSE(fs::exists(dir / "out.pdf"));
}

TEST_CASE("writePdf says what to install when no browser is there", "[reports][pdf]") {
  ::setenv("ORGLENS_CHROMIUM", "/nonexistent/chromium", 1);
  CHECK(findChromium() == fs::path("/nonexistent/chromium"));
  CHECK_THROWS_WITH(
      writePdf(orglens::test::fixtureReport(), "/tmp/never.pdf"),
      Catch::Contains("not an executable") && Catch::Contains("install Debian's chromium package"));
  ::unsetenv("ORGLENS_CHROMIUM");
}
