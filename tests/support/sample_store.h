// The sample organisation (150 people, 120 days, seed 1) imported into a store once per test
// process: roster, events, usage log, Slack export and mbox. Shared by the report, team-filter
// and viewer tests; the including test links orglens::samples and orglens::importers.
#pragma once

#include <filesystem>

#include "importers/import_file.h"
#include "samples/sample_org.h"
#include "tests/support/test_support.h"

namespace orglens::test {

inline const std::filesystem::path& importedSampleStore() {
  static const auto path = [] {
    const auto dir = tempDir("sample-store");
    samples::SampleOptions options;
    options.people = 150;
    options.days = 120;
    options.seed = 1;
    samples::writeSampleOrganisation(dir / "sample", options);
    auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
    model::NoProgress progress;
    for (const char* file : {"roster.csv", "events.csv", "usage.csv", "slack", "mail.mbox"})
      importers::importFile(*store, dir / "sample" / file, {}, progress);
    return dir / "s.orglens";
  }();
  return path;
}

}  // namespace orglens::test
