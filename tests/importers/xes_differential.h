// Helpers of the XES differential tests: run one file through the tokenizer and through
// expat and compare every handler callback.
#pragma once

#include <catch2/catch.hpp>

#include "tests/support/test_support.h"
#include "tests/support/xes_recorder.h"

namespace orglens::test {

struct XesRuns {
  std::string tokenizer, expat;
  importers::XesParseReport report;
};

/// Both readers on `path` with `chunkBytes`-byte chunks.
inline XesRuns runBothXesReaders(const std::filesystem::path& path,
                                 std::size_t chunkBytes = 256 * 1024) {
  XesRuns runs;
  importers::XesParseOptions options;
  options.chunkBytes = chunkBytes;
  XesRecorder fast;
  runs.tokenizer = recordXes(path, options, &runs.report, &fast);
  CHECK_FALSE(fast.progressWentWrong);
  options.reader = importers::XesXmlReader::Expat;
  runs.expat = recordXes(path, options);
  return runs;
}

}  // namespace orglens::test
