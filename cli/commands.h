// The CLI's commands as plain functions over plain option structs; main.cpp maps the
// command line onto them with CLI11. Each returns an exit code (cli/terminal.h).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/analysis_input.h"

namespace orglens::cli {

struct SampleArgs {
  std::filesystem::path out;
  int people = 300;
  int teams = 12;
  int days = 180;
  std::uint64_t seed = 1;
};
int runSample(const SampleArgs& args);

struct ImportArgs {
  std::vector<std::filesystem::path> inputs;  // files or folders
  std::filesystem::path db;
  std::string format;
  std::vector<std::string> map;  // "field=Column" items (also comma-separated)
  std::string timezone;
  bool monthFirst = false;
  bool strict = false;
  bool quiet = false;
  std::vector<std::string> personTypes;
  bool keepSubjects = false;              // e-mail subjects are kept (off: privacy by default)
  bool threadBySubject = false;           // e-mail threads also by subject (within 30 days)
  std::filesystem::path pseudonymizeKey;  // key file: identities pseudonymised at import
  std::vector<std::string> githubRepos;   // --repo owner/name (GitHub, GH Archive)
  std::vector<std::string> githubOwners;  // --org owner (GitHub, GH Archive)
};
int runImport(const ImportArgs& args);

struct InfoArgs {
  std::filesystem::path db;
  std::string format = "table";
  bool diagnostics = false;  // also list every source's stored diagnostics
};
int runInfo(const InfoArgs& args);

struct HandoffArgs {
  AnalysisArgs common;
  std::string by = "team";
  std::uint64_t minCount = 10;
  bool pm4py = false;
  bool all = false;  // JSON/CSV: also the waits-on, ping-pong and rework tables
};
int runHandoffs(const HandoffArgs& args);

struct FlowArgs {
  AnalysisArgs common;
};
int runFlow(const FlowArgs& args);

struct WorkloadArgs {
  AnalysisArgs common;
  std::string by;  // person, team or week: that table only; empty = all
};
int runWorkload(const WorkloadArgs& args);

struct AdoptionArgs {
  AnalysisArgs common;
  // tool, platform, department, role, week, under-used, shift, shift-month
  std::string by = "department";
  bool segments = false;
  bool champions = false;
};
int runAdoption(const AdoptionArgs& args);

struct ResponsivenessArgs {
  AnalysisArgs common;
  std::string by;  // person, team or team-pair: that table only; empty = all
  bool workingHours = false;
  std::uint64_t minCount = 5;
  int startHour = 9;
  int endHour = 17;
};
int runResponsiveness(const ResponsivenessArgs& args);

struct NetworkArgs {
  AnalysisArgs common;
  bool weighted = false;  // betweenness with tie length 1 / weight
  std::uint32_t minInteractions = 2;
  double handoffWeight = 1.0, coworkWeight = 1.0, messageWeight = 1.0;
};
/// `orglens network`: degree, strength and betweenness per person (definition network/1).
int runNetwork(const NetworkArgs& args);
/// `orglens silos`: E-I index, size and cross-team share per team, brokers, team matrix.
int runSilos(const NetworkArgs& args);

struct BusFactorArgs {
  AnalysisArgs common;  // items: documents and tasks whatever common.items says
  double share = 0.5;   // share of an area's events the key people must reach
};
/// `orglens busfactor`: per document folder or task area, the fewest people behind half of the
/// events (definition network/1).
int runBusFactor(const BusFactorArgs& args);

struct ReportArgs {
  std::filesystem::path db;
  std::filesystem::path out;   // .html, .md, .json, .pdf, or a folder for CSV
  std::string format;          // empty = from the extension of `out`
  std::string from, to;        // the window (UTC dates or times)
  std::string compare;         // FROM..TO of the earlier window; empty = none
  std::string team;            // team filter (label); empty = the whole organisation
  std::vector<std::string> failOn;
  bool stamp = false;          // print the run's time in the report (off: same bytes each run)
  bool showPeople = false;
  unsigned minGroup = 5;
  std::size_t top = 10;
  std::uint64_t minCount = 10;
  unsigned threads = 0;
  bool quiet = false;
};
/// `orglens report`: every analysis in one report; exit code 3 when a --fail-on threshold is
/// crossed.
int runReport(const ReportArgs& args);

/// `orglens formats`: the importers and how they are detected.
int runFormats();

struct ExportArgs {
  std::filesystem::path db;
  std::filesystem::path ocel;  // OUT.sqlite|.db → OCEL 2.0 SQLite, OUT.json|.jsonocel → JSON
  bool force = false;          // overwrite an existing output file
};
/// `orglens export`: the store as an OCEL 2.0 log.
int runExport(const ExportArgs& args);

}  // namespace orglens::cli
