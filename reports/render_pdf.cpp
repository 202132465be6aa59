#include "reports/render_pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "reports/render_html.h"

extern char** environ;

namespace orglens::reports {
namespace fs = std::filesystem;
namespace {

constexpr const char* kAdvice =
    "install Debian's chromium package (apt install chromium) or set ORGLENS_CHROMIUM to the "
    "path of a Chromium or Chrome executable";

bool isExecutable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

fs::path searchPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (isExecutable(candidate)) return candidate;
  }
  return {};
}

/// A fresh folder under the system temp folder, removed with everything in it on scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "orglens-pdf-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("cannot write the PDF: cannot create a temp folder in " +
                               fs::temp_directory_path().string() + ": " + std::strerror(errno));
    m_path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

/// file:// URL of an absolute path, every byte outside the unreserved set percent-encoded.
std::string fileUrl(const fs::path& p) {
  std::string url = "file://";
  for (unsigned char c : p.string()) {
    if (std::isalnum(c) || std::strchr("/-._~", c)) {
      url += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

std::vector<std::string> browserArgs(const fs::path& browser, const fs::path& dir) {
  // --no-sandbox: the page is our own, and the sandbox cannot start as root or in most
  // containers. A throw-away profile keeps the user's own browser profile out of it.
  return {browser.string(),
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-extensions",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--mute-audio",
          "--hide-scrollbars",
          "--user-data-dir=" + (dir / "profile").string(),
          "--no-pdf-header-footer",
          "--print-to-pdf=" + (dir / "report.pdf").string(),
          fileUrl(dir / "report.html")};
}

/// Starts argv[0] in its own process group, stdin from /dev/null, stdout and stderr to `log`.
pid_t spawn(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setpgroup(&attr, 0);  // a group of its own: a timeout kills all of it
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0)
    throw std::runtime_error("cannot write the PDF: cannot start " + args[0] + ": " +
                             std::strerror(rc) + "; " + kAdvice);
  return pid;
}

struct RunResult {
  bool timedOut = false;
  int status = 0;
};

/// Waits for the browser, killing its process group at the deadline. The group is killed
/// also after a normal exit, while the leader is still an unreaped zombie (so its id cannot
/// have been reused): Chromium's helper processes must not outlive the call.
RunResult waitFor(pid_t pid, std::chrono::seconds timeout) {
  RunResult result;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    siginfo_t info{};
    const int rc = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if (rc == 0 && info.si_pid == pid) break;
    if (rc != 0 && errno != EINTR) break;
    if (!result.timedOut && std::chrono::steady_clock::now() >= deadline) {
      result.timedOut = true;
      ::kill(-pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ::kill(-pid, SIGKILL);
  while (::waitpid(pid, &result.status, 0) < 0 && errno == EINTR) {
  }
  return result;
}

std::string logTail(const fs::path& log) {
  std::ifstream in(log, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 600) text = "…" + text.substr(text.size() - 600);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "" : "; its output ends with: " + text;
}

bool startsWithPdfMagic(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char magic[5] = {};
  in.read(magic, 5);
  return in.gcount() == 5 && std::memcmp(magic, "%PDF-", 5) == 0;
}

}  // namespace

fs::path findChromium(const PdfOptions& options) {
  if (!options.browser.empty()) return options.browser;
  if (const char* env = std::getenv("ORGLENS_CHROMIUM"); env && *env) return env;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"})
    if (auto p = searchPath(name); !p.empty()) return p;
  return {};
}

void writePdf(const Report& report, const fs::path& out, const PdfOptions& options) {
  fs::path browser = findChromium(options);
  if (browser.empty())
    throw std::runtime_error(
        std::string("cannot write the PDF: no Chromium found (looked for $ORGLENS_CHROMIUM, then "
                    "chromium, chromium-browser and google-chrome on PATH); ") +
        kAdvice);
  if (!browser.has_parent_path()) browser = searchPath(browser.string());  // a bare name
  if (browser.empty() || !isExecutable(browser))
    throw std::runtime_error("cannot write the PDF: the browser '" +
                             findChromium(options).string() + "' is not an executable file; " +
                             kAdvice);
  TempDir dir;
  {
    std::ofstream html(dir.path() / "report.html", std::ios::binary);
    html << renderHtml(report);
    if (!html.flush())
      throw std::runtime_error("cannot write the PDF: cannot write its HTML in " +
                               dir.path().string());
  }
  const fs::path log = dir.path() / "browser.log", pdf = dir.path() / "report.pdf";
  const std::string who = "Chromium (" + browser.string() + ")";
  const RunResult run = waitFor(spawn(browserArgs(browser, dir.path()), log), options.timeout);
  if (run.timedOut)
    throw std::runtime_error("cannot write the PDF: " + who + " did not finish within " +
                             std::to_string(options.timeout.count()) + " s and was stopped" +
                             logTail(log));
  if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0)
    throw std::runtime_error("cannot write the PDF: " + who + " failed (" +
                             (WIFEXITED(run.status)
                                  ? "exit code " + std::to_string(WEXITSTATUS(run.status))
                                  : "killed by signal " + std::to_string(WTERMSIG(run.status))) +
                             ")" + logTail(log) + "; if it is not a working Chromium, " + kAdvice);
  if (!startsWithPdfMagic(pdf))
    throw std::runtime_error("cannot write the PDF: " + who + " wrote no PDF" + logTail(log) +
                             "; if it is not a working Chromium, " + kAdvice);
  std::error_code ec;
  fs::copy_file(pdf, out, fs::copy_options::overwrite_existing, ec);
  if (ec) throw std::runtime_error("cannot write the PDF to " + out.string() + ": " + ec.message());
}

}  // namespace orglens::reports
