// Records every XesHandler callback as text, so that two XES readers (the tokenizer and
// expat) can be compared callback for callback: traces with their lines, attributes (key,
// type, value, line), events, warnings, and the error with its line. Used by the tests and
// the XES fuzzer.
#pragma once

#include <filesystem>
#include <string>

#include "importers/xes_parser.h"

namespace orglens::test {

class XesRecorder final : public importers::XesHandler {
 public:
  void onTrace(const importers::XesTrace& trace) override {
    text += "trace line " + std::to_string(trace.line) + "\n";
    for (const auto& a : trace.attributes) attribute(trace, a);
    for (const auto& e : trace.events) {
      text += " event line " + std::to_string(e.line) + "\n";
      for (const auto& a : trace.attributesOf(e)) attribute(trace, a);
    }
  }
  void onWarning(std::uint64_t line, std::string_view message) override {
    text += "warning line " + std::to_string(line) + ": " + std::string(message) + "\n";
  }
  bool onChunk(std::uint64_t bytesRead, std::uint64_t fileSize) override {
    ++chunks;
    if (bytesRead < lastBytesRead || bytesRead > fileSize) progressWentWrong = true;
    lastBytesRead = bytesRead;
    return true;
  }

  std::string text;
  std::uint64_t chunks = 0;
  std::uint64_t lastBytesRead = 0;
  bool progressWentWrong = false;

 private:
  void attribute(const importers::XesTrace& trace, const importers::XesAttribute& a) {
    const std::string_view value = trace.value(a);
    text += "  " + std::string(trace.keyName(a.key)) + " type " +
            std::to_string(static_cast<int>(a.type)) + " line " + std::to_string(a.line) +
            " [" + std::to_string(value.size()) + "] " + std::string(value) + "\n";
  }
};

/// Parses `path` with `options` and returns the recorded callbacks, ending with
/// "error line N: message" when the parse threw XesParseError.
inline std::string recordXes(const std::filesystem::path& path,
                             const importers::XesParseOptions& options,
                             importers::XesParseReport* report = nullptr,
                             XesRecorder* recorder = nullptr) {
  XesRecorder local;
  XesRecorder& r = recorder ? *recorder : local;
  try {
    importers::parseXesFile(path, r, options, report);
  } catch (const importers::XesParseError& e) {
    r.text += "error line " + std::to_string(e.line()) + ": " + e.what() + "\n";
  }
  return r.text;
}

}  // namespace orglens::test
