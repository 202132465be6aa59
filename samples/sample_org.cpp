#include "samples/sample_org.h"

#include <stdexcept>
#include <string>

#include "samples/case_simulator.h"
#include "samples/collaboration.h"
#include "samples/csv_output.h"
#include "samples/ground_truth.h"
#include "samples/org_chart.h"
#include "samples/random.h"
#include "samples/review_simulator.h"
#include "samples/work_clock.h"

namespace orglens::samples {
namespace {

constexpr int kMinPeople = 20, kMinTeams = 6, kMaxTeams = 40, kMinDays = 14;
// Cases arriving on the last day still run for weeks; the zone tables cover a year more.
constexpr std::int64_t kClockMarginDays = 400;

/// Validation first, with messages that name the option (as the CLI spells it too).
std::int64_t validate(const SampleOptions& options) {
  if (options.teams < kMinTeams || options.teams > kMaxTeams) {
    throw std::invalid_argument("teams must be between 6 and 40 (got " +
                                std::to_string(options.teams) + ")");
  }
  if (options.people < kMinPeople) {
    throw std::invalid_argument("people must be at least 20 (got " +
                                std::to_string(options.people) + ")");
  }
  // CEO, a head per department, a lead and a member per team, and the broker.
  const int needed = 2 + departmentCount(options.teams) + 2 * options.teams;
  if (options.people < needed) {
    throw std::invalid_argument("people must be at least " + std::to_string(needed) + " for " +
                                std::to_string(options.teams) + " teams (got " +
                                std::to_string(options.people) + ")");
  }
  if (options.days < kMinDays) {
    throw std::invalid_argument("days must be at least 14 (got " + std::to_string(options.days) +
                                ")");
  }
  const auto startDay = parseDay(options.startDate);
  if (!startDay) {
    throw std::invalid_argument("startDate must be a valid date YYYY-MM-DD (got '" +
                                options.startDate + "')");
  }
  return *startDay;
}

std::vector<ZoneClock> makeClocks(const Organisation& org, std::int64_t startDay, int days) {
  std::vector<ZoneClock> clocks;
  for (const std::string& zone : org.zoneNames) {
    clocks.emplace_back(zone, (startDay - 2) * kSecondsPerDay,
                        (startDay + days + kClockMarginDays) * kSecondsPerDay);
  }
  return clocks;
}

// The collaboration data draws from its own streams, so that roster.csv and events.csv stay
// the same bytes for a seed whatever the mail, Slack and usage simulators do.
Random stream(std::uint64_t seed, std::uint64_t purpose) {
  return Random(mixBits(seed ^ mixBits(purpose)));
}

CollaborationFacts writeCollaboration(const std::filesystem::path& outDir,
                                      const SampleOptions& options, std::int64_t startDay,
                                      const Organisation& org, const std::vector<ZoneClock>& clocks,
                                      const Simulation& sim,
                                      const std::function<void(double)>& report) {
  Random planRandom = stream(options.seed, 1), mailRandom = stream(options.seed, 2);
  Random slackRandom = stream(options.seed, 3), usageRandom = stream(options.seed, 4);
  const ActivityPlan plan(org, clocks, startDay, options.days, planRandom);
  const MailLog mail = simulateMail(plan, sim, mailRandom);
  writeMbox(outDir / "mail.mbox", plan, mail);
  report(0.3);
  const SlackWorkspace slack = simulateSlack(plan, slackRandom);
  writeSlackExport(outDir / "slack", plan, slack);
  report(0.6);
  const std::vector<UsageRow> usage = simulateUsage(plan, mail, slack, usageRandom);
  writeUsage(outDir / "usage.csv", plan, usage);
  return measureCollaboration(plan, mail, slack, usage);
}

/// github/ and jira/: the engineering teams' code reviews, from their own stream so that the
/// files written before stay the same bytes for a seed. Both folders are emptied first: pages
/// or timelines of an earlier, larger sample would otherwise be imported with this one.
ReviewFacts writeReviews(const std::filesystem::path& outDir, const SampleOptions& options,
                         std::int64_t startDay, const Organisation& org,
                         const std::vector<ZoneClock>& clocks, SampleSummary& summary) {
  std::filesystem::remove_all(outDir / "github");
  std::filesystem::remove_all(outDir / "jira");
  Random random = stream(options.seed, 5);
  const ReviewLog log = simulateReviews(org, clocks, startDay, options.days, random);
  if (log.empty()) return {};
  writeGitHubExport(outDir / "github", org, log);
  writeJiraExport(outDir / "jira", org, clocks, log);
  summary.folders = {outDir / "github", outDir / "jira"};
  return measureReviews(log);
}

}  // namespace

SampleSummary writeSampleOrganisation(const std::filesystem::path& outDir,
                                      const SampleOptions& options,
                                      const std::function<void(double)>& progress) {
  const std::int64_t startDay = validate(options);
  const auto report = [&](double fraction) {
    if (progress) progress(fraction);
  };
  report(0.0);
  std::filesystem::create_directories(outDir);

  Random random(options.seed);
  const Organisation org = buildOrganisation(options, startDay, random);
  const std::vector<ZoneClock> clocks = makeClocks(org, startDay, options.days);
  report(0.05);
  // Phase weights follow measured time: simulation, events, then mail, Slack and usage.
  const Simulation sim = simulateWork(org, clocks, options, startDay, random,
                                      [&](double f) { report(0.05 + 0.25 * f); });
  const PlantedFigures figures = measurePlanted(org, clocks, sim);

  SampleSummary summary;
  summary.people = org.people.size();
  summary.teams = org.teams.size();
  summary.cases = sim.cases.size();
  summary.events = 2 * sim.rows.size();
  summary.files = {outDir / "roster.csv",
                   outDir / "events.csv",
                   outDir / "mail.mbox",
                   outDir / "slack" / "users.json",
                   outDir / "slack" / "channels.json",
                   outDir / "usage.csv",
                   outDir / "ground-truth.json"};
  writeRoster(summary.files[0], org);
  writeEvents(summary.files[1], org, clocks, sim, [&](double f) { report(0.3 + 0.25 * f); });
  const CollaborationFacts collaboration = writeCollaboration(
      outDir, options, startDay, org, clocks, sim, [&](double f) { report(0.55 + 0.42 * f); });
  const ReviewFacts reviews = writeReviews(outDir, options, startDay, org, clocks, summary);
  writeGroundTruth(summary.files.back(), options, org, sim, figures, collaboration, reviews);
  report(1.0);
  return summary;
}

}  // namespace orglens::samples
