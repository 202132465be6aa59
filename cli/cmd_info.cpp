#include <cstdio>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "reports/info_report.h"

namespace orglens::cli {

int runInfo(const InfoArgs& args) {
  reports::Format format;
  try {
    format = reports::parseFormat(args.format);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "orglens info: --format: %s\n", e.what());
    return kUsage;
  }
  try {
    auto store = model::Store::open(args.db, model::Store::Mode::ReadOnly);
    const auto text = reports::renderInfo(store->summary(), args.db.string(), format);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kOk;
  } catch (const model::StoreError& e) {
    std::fprintf(stderr, "orglens info: %s\n", e.what());
    return kBadInput;
  }
}

}  // namespace orglens::cli
