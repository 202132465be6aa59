// Seeded simulator of a sample organisation: a roster, a process event log and the ground
// truth of the facts planted in them. It is the demo data and the test bed of orglens: the
// analyses must recover what was planted here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace orglens::samples {

struct SampleOptions {
  int people = 300;
  int teams = 12;
  int days = 180;
  std::uint64_t seed = 1;
  std::string startDate = "2025-01-06";  // a Monday, local dates
};

struct SampleSummary {
  std::size_t people = 0, teams = 0, cases = 0, events = 0;
  std::vector<std::filesystem::path> files;
  /// The code-review exports github/ and jira/ (empty with fewer than 12 teams, which lack the
  /// Design team of the planted slow reviewer group).
  std::vector<std::filesystem::path> folders;
};

/// Validates options (throws std::invalid_argument naming the bad field: people >= 20 and at
/// least enough for a lead and a member per team, teams between 6 and 40, days >= 14,
/// startDate a valid YYYY-MM-DD), creates outDir if needed and writes roster.csv, events.csv,
/// mail.mbox (mboxrd), a Slack export under slack/ (users.json, channels.json and
/// <channel>/<YYYY-MM-DD>.json), usage.csv and ground-truth.json. `files` lists them in that
/// order (the Slack export by users.json and channels.json; its day files are beside them).
/// With 12 teams or more it also writes the engineering teams' code reviews as a GitHub REST
/// export (github/issues.json, pulls.json, timeline/<number>.json, reviews/<number>.json) and
/// a Jira export with changelog (jira/search-<NNN>.json), listed in `folders`.
/// `events` in the summary counts start and complete events (two per row of events.csv).
/// `progress(fraction)` is called now and then with 0..1 (may be empty). Same options give
/// byte-identical files on any machine. Time and memory are linear in people × days (about two
/// seconds for the defaults).
SampleSummary writeSampleOrganisation(const std::filesystem::path& outDir,
                                      const SampleOptions& options,
                                      const std::function<void(double)>& progress = {});

}  // namespace orglens::samples
