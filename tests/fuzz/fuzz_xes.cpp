// libFuzzer target: the whole XES import (gzip or plain reading, the tokenizer and expat,
// globals, nested attributes, times, identities) into an in-memory model. Bad input may raise
// ImportError; nothing may crash. It also checks that the two XML readers agree: the
// tokenizer (with expat taking over where it stops) and expat alone must hand over the same
// traces, warnings and error with its line, with large chunks and with small ones.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "importers/import_file.h"
#include "tests/support/xes_recorder.h"

namespace {

void requireReadersAgree(const std::string& path, std::size_t chunkBytes) {
  orglens::importers::XesParseOptions options;
  options.chunkBytes = chunkBytes;
  const std::string tokenizer = orglens::test::recordXes(path, options);
  options.reader = orglens::importers::XesXmlReader::Expat;
  const std::string expat = orglens::test::recordXes(path, options);
  if (tokenizer != expat) {
    std::fprintf(stderr, "XES readers disagree (chunk %zu bytes)\n--- tokenizer:\n%s--- expat:\n%s",
                 chunkBytes, tokenizer.c_str(), expat.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/orglens-fuzz-xes-" + std::to_string(::getpid()) + ".xes";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  orglens::model::Model model;
  orglens::model::NoProgress progress;
  orglens::importers::ImportOptions options;
  options.format = "xes";
  try {
    orglens::importers::importFile(model, path, options, progress);
  } catch (const orglens::importers::ImportError&) {
    // A diagnosed fatal problem is a correct outcome for bad input.
  }
  requireReadersAgree(path, 256 * 1024);
  requireReadersAgree(path, 1 + size % 13);  // chunk boundaries inside tokens
  return 0;
}
