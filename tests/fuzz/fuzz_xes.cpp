// libFuzzer target: the whole XES import (gzip or plain reading, expat, globals, nested attributes,
// times, identities) into an in-memory model. Bad input may raise ImportError; nothing may crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "importers/import_file.h"

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
  return 0;
}
