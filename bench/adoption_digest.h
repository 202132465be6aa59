// Every adoption measure of one run, and its digest: how orglens-bench-adoption checks that 1
// and 2 threads (and two versions of the analysis) give bit-identical results.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analysis/adoption.h"
#include "analysis/adoption_champions.h"
#include "analysis/adoption_tools.h"

namespace orglens::bench {

/// What `orglens adoption` computes over its options (the champions' network aside).
struct AdoptionMeasures {
  analysis::AdoptionResult result;
  std::vector<analysis::UnderusedTool> underused;
  analysis::ShiftResult weekly, monthly;
  std::vector<analysis::Champion> champions;
};

/// (part name, FNV-1a 64 of a canonical text of every field of the part); doubles are
/// written exactly (%a), so equal digests mean bit-identical values.
std::vector<std::pair<std::string, std::uint64_t>> partDigests(const AdoptionMeasures& m);

/// The digest of all parts together.
std::uint64_t digest(const AdoptionMeasures& m);

/// Empty when both are identical, else the names of the parts that differ.
std::string difference(const AdoptionMeasures& a, const AdoptionMeasures& b);

}  // namespace orglens::bench
