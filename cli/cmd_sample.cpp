#include <cstdio>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "reports/table.h"
#include "samples/sample_org.h"

namespace orglens::cli {

int runSample(const SampleArgs& args) {
  samples::SampleOptions options;
  options.people = args.people;
  options.teams = args.teams;
  options.days = args.days;
  options.seed = args.seed;
  StderrProgress progress("generating sample");
  try {
    const auto summary = samples::writeSampleOrganisation(
        args.out, options, [&progress](double f) { progress.report(f, "writing"); });
    progress.finish();
    std::printf("Sample organisation (seed %llu) written to %s:\n",
                static_cast<unsigned long long>(args.seed), args.out.string().c_str());
    std::printf(
        "  %s people in %s teams, %s cases, %s events\n",
        reports::groupDigits(summary.people).c_str(), reports::groupDigits(summary.teams).c_str(),
        reports::groupDigits(summary.cases).c_str(), reports::groupDigits(summary.events).c_str());
    for (const auto& f : summary.files) std::printf("  %s\n", f.string().c_str());
    for (const auto& f : summary.folders) std::printf("  %s/\n", f.string().c_str());
    std::printf("Next: orglens import %s --db org.orglens\n", args.out.string().c_str());
    return kOk;
  } catch (const std::invalid_argument& e) {
    progress.finish();
    std::fprintf(stderr, "orglens sample: %s\n", e.what());
    return kUsage;
  } catch (const std::exception& e) {
    progress.finish();
    std::fprintf(stderr, "orglens sample: cannot write to %s: %s\n", args.out.string().c_str(),
                 e.what());
    return kBadInput;
  }
}

}  // namespace orglens::cli
