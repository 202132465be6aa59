// Under-used tools per department, and work moving into the tools: the share of each tool in
// the interactions of people who write both e-mail and in another tool, per week or month
// (definition "adoption/1", docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/adoption.h"
#include "model/adoption_log.h"

namespace orglens::analysis {

inline constexpr double kUnderusedRatio = 0.5;

struct UnderusedTool {
  std::string department;
  std::uint64_t registered = 0;
  std::uint32_t tool = 0;   // index into AdoptionResult::tools
  double share = 0;         // DepartmentTools::toolShare
  double averageShare = 0;  // mean of the tool's share over all departments
  double ratio = 0;         // share / averageShare
  bool underused = false;   // ratio < kUnderusedRatio
};

/// Every (department, tool) pair of tools someone uses, by department (as in
/// AdoptionResult::departmentTools), then ratio ascending, then tool index. O(d·t log t).
std::vector<UnderusedTool> underusedTools(const AdoptionResult& result);

enum class ShiftPeriod : std::uint8_t { Week, Month };

struct ShiftRow {
  model::MicrosUtc periodStart = 0;  // Monday 00:00 UTC, or the 1st of the month 00:00 UTC
  std::uint32_t tool = 0;            // index into AdoptionLog::tools
  std::uint64_t people = 0;          // qualifying people with an interaction in the period
  std::uint64_t toolPeople = 0;      // of those, with an interaction in this tool
  std::uint64_t interactions = 0;    // in this tool
  double share = 0;                  // of the period's interactions of the qualifying people
};

struct ShiftResult {
  std::uint32_t emailTool = model::AdoptionLog::kNone;  // "email", "e-mail" or "mail"
  std::vector<std::uint32_t> people;  // qualifying people (AdoptionLog::people indexes)
  std::vector<std::uint32_t> tools;   // tools with an interaction of a qualifying person
  std::vector<ShiftRow> rows;         // by period, then tool (every tool of `tools`)
};

/// True for the activities counted as interactions: depth posting or replying.
bool isInteraction(Depth d);

/// Qualifying people: at least one interaction in e-mail and one in another tool. Duplicates
/// (same person, second, tool and depth class) count once, as in analyseAdoption. Needs the
/// log's order (each person's actions consecutive). `threads` 0 = hardware concurrency;
/// identical results for any thread count. O(n + q·k·log k + k·t) for q qualifying people and
/// k periods with interactions.
ShiftResult interactionShift(const model::AdoptionLog& log, ShiftPeriod period,
                             unsigned threads = 0);

}  // namespace orglens::analysis
