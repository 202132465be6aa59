#include "tests/support/test_support.h"

#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <vector>

namespace orglens::test {
namespace {

struct TempRegistry {
  std::mutex mutex;
  std::vector<std::filesystem::path> dirs;
  ~TempRegistry() {
    std::error_code ec;
    for (const auto& d : dirs) std::filesystem::remove_all(d, ec);
  }
};
TempRegistry& registry() {
  static TempRegistry r;
  return r;
}

}  // namespace

std::filesystem::path sharedData(std::string_view relative) {
  std::filesystem::path p = std::filesystem::path(ORGLENS_SHARED_DATA) / std::string(relative);
  if (!std::filesystem::exists(p)) {
    std::cout << "SKIPPED: real test data " << p.string()
              << " is absent (a fresh clone has no ../shared/data); this test needs it.\n";
    std::cout.flush();
    std::_Exit(4);
  }
  return p;
}

std::filesystem::path tempDir(std::string_view name) {
  static std::atomic<int> counter{0};
  auto base = std::filesystem::temp_directory_path() /
              ("orglens-test-" + std::to_string(::getpid()) + "-" + std::string(name) + "-" +
               std::to_string(counter++));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  std::lock_guard lock(registry().mutex);
  registry().dirs.push_back(base);
  return base;
}

std::filesystem::path writeFile(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return path;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path cliPath() {
  return ORGLENS_CLI_PATH;
}

std::string cliCommand(const std::string& args) {
  return "'" + cliPath().string() + "' " + args;
}

int runCommand(const std::string& command, std::string& output) {
  output.clear();
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace orglens::test
