// Code review in the sample organisation's engineering teams: work items that are a Jira issue
// and a GitHub pull request at once, written as a GitHub REST export (github/) and a Jira
// search export with changelog (jira/). One reviewer group is planted slow: reviews that the
// requesting team asks of the slow reviewer team wait days, every other review hours
// (samples/planted.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "samples/org_chart.h"
#include "samples/work_clock.h"

namespace orglens::samples {

class Random;

/// One work item. Times are UTC seconds, in this order: the lead creates the Jira issue and
/// assigns it to the author, who starts it, opens the pull request, requests a review (and
/// assigns the issue to the reviewer); the reviewer approves (and closes the issue); the
/// author merges.
struct ReviewItem {
  int team = 0;                            // the author's team
  int number = 0;                          // pull request number (one repository)
  int issueKey = 0;                        // number within the team's Jira project
  int lead = 0, author = 0, reviewer = 0;  // person indices
  std::int64_t created = 0, assigned = 0, started = 0, opened = 0, requested = 0, reviewed = 0,
               merged = 0;
  bool slow = false;  // requested by the slow pair's requesting team of its reviewer team
};

struct ReviewLog {
  int requestingTeam = -1, reviewerTeam = -1;  // team indices of the planted pair
  std::vector<ReviewItem> items;               // in creation order
  bool empty() const { return items.empty(); }
};

/// What the ground truth reports about the reviews (waits = reviewed − requested).
struct ReviewFacts {
  bool written = false;  // false when the organisation lacks one of the two teams
  std::size_t items = 0, slowCount = 0, otherCount = 0;
  double slowMedianHours = 0, otherMedianHours = 0;
};

/// The engineering teams' items over the sample's days; empty when the organisation lacks
/// the requesting or the reviewer team (fewer than 12 teams). About one item per engineer and
/// week: O(people × days).
ReviewLog simulateReviews(const Organisation& org, const std::vector<ZoneClock>& clocks,
                          std::int64_t startDay, int days, Random& random);

ReviewFacts measureReviews(const ReviewLog& log);

/// github/: issues.json and pulls.json (GET /repos/{owner}/{repo}/issues?state=all and
/// /pulls?state=all), timeline/<number>.json (GET .../issues/{number}/timeline) and
/// reviews/<number>.json (GET .../pulls/{number}/reviews), as GitHub returns them.
void writeGitHubExport(const std::filesystem::path& dir, const Organisation& org,
                       const ReviewLog& log);

/// jira/search-<NNN>.json: pages of 100 issues of GET /rest/api/3/search?expand=changelog.
void writeJiraExport(const std::filesystem::path& dir, const Organisation& org,
                     const std::vector<ZoneClock>& clocks, const ReviewLog& log);

/// The login of a person in the GitHub export ("jose-munoz"); shared with the tests' reading.
std::string gitHubLogin(const Person& person);

}  // namespace orglens::samples
