// libFuzzer target: the whole mbox import (From_ line splitting, header unfolding, dates,
// address lists, RFC 2047, threading, signature scan) into an in-memory model. Bad input may
// raise ImportError; nothing may crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "importers/import_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/orglens-fuzz-mbox-" + std::to_string(::getpid()) + ".mbox";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  orglens::model::Model model;
  orglens::model::NoProgress progress;
  orglens::importers::ImportOptions options;
  options.format = "mbox";
  options.keepSubjects = size % 2 == 0;  // both paths, chosen by the input
  options.threadBySubject = size % 3 == 0;
  try {
    orglens::importers::importFile(model, path, options, progress);
  } catch (const orglens::importers::ImportError&) {
    // A diagnosed fatal problem is a correct outcome for bad input.
  }
  return 0;
}
