// Template part of cli/analysis_input.h.
#pragma once

#include <cstdio>
#include <stdexcept>

#include "cli/terminal.h"

namespace orglens::cli {

template <class Body>
int guarded(const char* command, Body body) {
  try {
    return body();
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "orglens %s: %s\n", command, e.what());
    return kUsage;
  } catch (const model::StoreError& e) {
    std::fprintf(stderr, "orglens %s: %s\n", command, e.what());
    return kBadInput;
  }
}

}  // namespace orglens::cli
