// Shared helpers for the Catch2 tests: real-data lookup with a clean skip, temp folders.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace orglens::test {

/// Path of a file or folder under ../shared/data. When it is absent (a fresh clone has no
/// shared data), prints "SKIPPED: ..." and ends the test process with exit code 4, which
/// CTest reports as skipped (SKIP_RETURN_CODE 4 in tests/CMakeLists.txt).
std::filesystem::path sharedData(std::string_view relative);

/// A new empty folder under the system temp folder, unique per call; removed at exit.
std::filesystem::path tempDir(std::string_view name);

/// Writes text to a file (binary, exactly the bytes given) and returns the path.
std::filesystem::path writeFile(const std::filesystem::path& path, std::string_view text);

/// Reads a whole file (tests only; the product code streams).
std::string readFile(const std::filesystem::path& path);

/// Path of the built `orglens` executable.
std::filesystem::path cliPath();

/// A shell command that runs the built `orglens` with `args` (already shell-quoted).
std::string cliCommand(const std::string& args);

/// Runs a shell command, captures stdout+stderr into `output`, returns the exit code.
int runCommand(const std::string& command, std::string& output);

}  // namespace orglens::test
