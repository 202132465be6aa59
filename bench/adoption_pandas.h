// The pandas peer of orglens-bench-adoption: the adoption measures computed the way an analyst
// would with pandas on the same log (written by writeNumpyColumns), and the figures both sides
// print so that they can be compared.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "analysis/adoption.h"
#include "analysis/adoption_tools.h"
#include "model/adoption_log.h"

namespace orglens::bench {

/// Named figures: totals of the result's tables (sums over groups, weeks, cohorts, people).
using Figures = std::map<std::string, double>;

/// The figures of an orglens run, keyed as the pandas peer prints them.
Figures adoptionFigures(const model::AdoptionLog& log, const analysis::AdoptionResult& r,
                        const analysis::ShiftResult& weekly, const analysis::ShiftResult& monthly);

struct PandasAdoption {
  double seconds = -1;        // the computation (load excluded); < 0: not run (error says why)
  double loadSeconds = 0;     // numpy.fromfile of the columns + the DataFrame
  std::uint64_t peakKiB = 0;  // of the Python process (ru_maxrss)
  Figures figures;
  std::string error;
};

/// Runs the pandas computation with /usr/bin/python3 on the columns in `dir` (the script is
/// written there too).
PandasAdoption runAdoptionPandas(const std::filesystem::path& dir);

/// "agree: 61 figures" or "DIFFER: dau 812 / 813, …" (orglens / pandas); relative tolerance
/// 1e-9 for shares, exact for counts. Figures only one side has are not compared.
std::string compareFigures(const Figures& ours, const Figures& pandas, bool& agree);

}  // namespace orglens::bench
