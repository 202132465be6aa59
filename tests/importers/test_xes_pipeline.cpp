// parseXesFilePipelined (the reader on a worker thread, the handler on the caller's) makes
// exactly the calls parseXesFile makes, in order: on the real logs, a log of many chunks, bad
// input; and it stops cleanly when the handler stops it or throws.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "importers/xes_pipeline.h"
#include "tests/support/test_support.h"
#include "tests/support/xes_recorder.h"

using namespace orglens;
using importers::XesParseOptions;

namespace {

/// Many traces with warnings between them and keys that first appear late in the file.
std::string manyTraces(int traces) {
  std::string out = "<?xml version=\"1.0\"?>\n<log xes.version=\"1849-2016\">\n";
  for (int t = 0; t < traces; ++t) {
    out += "<trace><string key=\"concept:name\" value=\"c" + std::to_string(t) + "\"/>";
    if (t % 97 == 5) out += "<string value=\"no key\"/>";  // a warning
    for (int e = 0; e < 3; ++e)
      out += "<event><string key=\"concept:name\" value=\"a" + std::to_string(e) +
             "\"/><int key=\"k" + std::to_string(t / 50) + "\" value=\"" + std::to_string(e) +
             "\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:0" + std::to_string(e) +
             "Z\"/></event>";
    out += "</trace>\n";
  }
  return out + "</log>\n";
}

std::string recordPipelined(const std::filesystem::path& path, const XesParseOptions& options,
                            test::XesRecorder& r) {
  try {
    importers::parseXesFilePipelined(path, r, options);
  } catch (const importers::XesParseError& e) {
    r.text += "error line " + std::to_string(e.line()) + ": " + e.what() + "\n";
  }
  return r.text;
}

void requireSameCalls(const std::filesystem::path& path, std::size_t chunkBytes) {
  XesParseOptions options;
  options.chunkBytes = chunkBytes;
  test::XesRecorder direct, pipelined;
  const auto expected = test::recordXes(path, options, nullptr, &direct);
  REQUIRE_FALSE(expected.empty());
  CHECK(recordPipelined(path, options, pipelined) == expected);
  CHECK(pipelined.chunks == direct.chunks);
  CHECK_FALSE(pipelined.progressWentWrong);
}

/// Stops the parse after `stopAt` progress calls, or throws at trace `throwAt`.
class Stopping final : public importers::XesHandler {
 public:
  void onTrace(const importers::XesTrace&) override {
    if (++traces == throwAt) throw std::runtime_error("the sink is full");
  }
  void onWarning(std::uint64_t, std::string_view) override {}
  bool onChunk(std::uint64_t, std::uint64_t) override { return ++chunks < stopAt; }
  int traces = 0, chunks = 0, throwAt = -1, stopAt = 1 << 30;
};

}  // namespace

TEST_CASE("The pipelined XES reader makes the same calls as the direct one",
          "[importers][xes][pipeline]") {
  const auto dir = test::tempDir("xes-pipeline");
  const auto file = test::writeFile(dir / "many.xes", manyTraces(3000));
  requireSameCalls(file, 256 * 1024);
  requireSameCalls(file, 4096);  // hundreds of progress calls between the traces
  requireSameCalls(file, 7);
  // Bad input: the same calls up to the error, then the same error and line.
  auto text = manyTraces(400);
  text.resize(text.size() / 2);
  requireSameCalls(test::writeFile(dir / "truncated.xes", text), 1024);
  requireSameCalls(test::writeFile(dir / "mismatched.xes", manyTraces(300) + "</trace>"), 1024);
}

TEST_CASE("The pipelined XES reader makes the same calls on a real log",
          "[importers][xes][pipeline]") {
  const auto real = test::sharedData("event-logs/receipt.xes.gz");  // skips when absent
  requireSameCalls(real, 256 * 1024);
  requireSameCalls(real, 2048);
}

TEST_CASE("The pipelined XES reader stops when the handler stops it or throws",
          "[importers][xes][pipeline]") {
  const auto dir = test::tempDir("xes-pipeline-stop");
  const auto file = test::writeFile(dir / "many.xes", manyTraces(5000));
  XesParseOptions options;
  options.chunkBytes = 4096;

  Stopping direct, pipelined;
  direct.stopAt = pipelined.stopAt = 20;
  CHECK_FALSE(importers::parseXesFile(file, direct, options));
  CHECK_FALSE(importers::parseXesFilePipelined(file, pipelined, options));
  CHECK(pipelined.chunks == 20);
  CHECK(pipelined.traces == direct.traces);  // nothing read ahead reaches the handler

  Stopping throwing;
  throwing.throwAt = 1234;
  CHECK_THROWS_WITH(importers::parseXesFilePipelined(file, throwing, options), "the sink is full");
  CHECK(throwing.traces == 1234);

  Stopping all;
  CHECK(importers::parseXesFilePipelined(file, all, options));
  CHECK(all.traces == 5000);
}
