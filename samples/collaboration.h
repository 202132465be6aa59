// The sample organisation's collaboration data: e-mail threads (mail.mbox), a Slack export
// (slack/) and a tool usage log (usage.csv), all driven by one ActivityPlan so that the three
// agree on who works on which day, from which device, in which time zone.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "samples/case_simulator.h"
#include "samples/org_chart.h"
#include "samples/work_clock.h"

namespace orglens::samples {

class Random;

enum class AdoptionStatus : std::uint8_t { Regular, Abandoned, Struggling };

/// Abandoned people are active on their first kTrialDays days in the log only; struggling
/// people on at most two days in all; both are registered at least kQuietDays before the end.
inline constexpr std::int64_t kTrialDays = 14, kQuietDays = 28;

struct PersonPlan {
  AdoptionStatus status = AdoptionStatus::Regular;
  std::int64_t firstDay = 0;  // first local day in the log on which the person is employed
  std::array<std::int64_t, 2> struggleDays = {0, 0};
  std::uint8_t computer = 0, phone = 0;  // indices into the device tables
  double mobileShare = 0;
  bool usesChat = true;  // false in the non-adopting department
};

/// Who works on which local day, with which devices, at which hours.
class ActivityPlan {
 public:
  ActivityPlan(const Organisation& org, const std::vector<ZoneClock>& clocks, std::int64_t firstDay,
               int days, Random& random);

  const Organisation& org() const { return m_org; }
  const ZoneClock& clockOf(int person) const { return m_clocks[m_org.people[person].zone]; }
  std::int64_t firstDay() const { return m_firstDay; }
  std::int64_t lastDay() const { return m_lastDay; }
  /// One past the last instant of the log in UTC (the end of the last local day, any zone).
  std::int64_t endUtc() const { return (m_lastDay + 2) * kSecondsPerDay; }
  const PersonPlan& person(int index) const { return m_people[index]; }
  std::int64_t localDay(int person, std::int64_t utc) const;
  /// A working day of the person on which it is present (mails, posts, uses the tools).
  bool worksOn(int person, std::int64_t day) const;
  /// A day off on which a regular person briefly checks the tools (a few percent of them).
  bool checksInOn(int person, std::int64_t day) const;
  bool worksWeekends(int person) const;
  std::uint8_t drawPlatform(int person, Random& random) const;
  const char* deviceName(int person, std::uint8_t platform) const;
  /// A UTC instant on the person's local day; the hour follows the daily rhythm (office hours
  /// only, or with a thin evening tail).
  std::int64_t drawTime(int person, std::int64_t day, Random& random, bool officeOnly) const;

  std::vector<int> abandoned, struggling;  // person indices, ascending

 private:
  bool present(int person, std::int64_t day, std::uint64_t kind, double probability) const;
  void chooseStatuses(Random& random);

  const Organisation& m_org;
  const std::vector<ZoneClock>& m_clocks;
  std::int64_t m_firstDay, m_lastDay;
  std::uint64_t m_salt;
  std::vector<PersonPlan> m_people;
};

// ---- e-mail -------------------------------------------------------------------------------

struct MailMessage {
  std::int64_t time = 0;  // UTC
  std::int32_t from = 0, to = 0, cc = -1;
  std::int32_t parent = -1;  // index of the replied-to message in MailLog::messages
  std::int32_t thread = 0;
  std::uint16_t subject = 0;
  std::uint8_t platform = 0;
  std::uint8_t lineCount = 0;
  std::array<std::uint8_t, 3> lines = {0, 0, 0};
};

struct MailLog {
  std::vector<MailMessage> messages;  // chronological; Message-ID number = index + 1
  std::size_t threads = 0, unanswered = 0;
};

/// Threads between people who work together: team-mates, the partners of their process
/// handoffs in `sim`, their manager and reports. Replies come hours later, in the
/// responder's working hours.
MailLog simulateMail(const ActivityPlan& plan, const Simulation& sim, Random& random);

/// mboxrd, UTF-8 headers RFC 2047-encoded where needed, LF line ends.
void writeMbox(const std::filesystem::path& path, const ActivityPlan& plan, const MailLog& mail);

// ---- Slack --------------------------------------------------------------------------------

inline constexpr std::int32_t kBotUser = -2, kDeletedUser = -3;
enum class SlackKind : std::uint8_t { Post, Reply, Join, Bot };

struct SlackReaction {
  std::uint8_t name = 0;
  std::vector<std::int32_t> users;  // person indices
};

struct SlackMessage {
  std::int64_t time = 0;  // UTC seconds; ts = time + "." + micro (6 digits)
  std::int32_t channel = 0;
  std::int32_t user = 0;     // person index, kBotUser or kDeletedUser
  std::int32_t parent = -1;  // thread parent's index in SlackWorkspace::messages
  std::int32_t file = -1;
  std::uint32_t micro = 0;
  std::uint16_t text = 0;
  SlackKind kind = SlackKind::Post;
  std::vector<SlackReaction> reactions;
};

struct SlackChannel {
  std::string name, purpose;
  std::int64_t created = 0;
  std::int32_t creator = 0;
  std::vector<std::int32_t> members;  // person indices, ascending
  std::vector<std::int32_t> posters;  // members who post here (never the non-adopters)
};

struct SlackWorkspace {
  std::vector<SlackChannel> channels;
  std::vector<SlackMessage> messages;  // by channel, then ts
  std::string deletedName, deletedEmail;
};

SlackWorkspace simulateSlack(const ActivityPlan& plan, Random& random);

/// users.json, channels.json and <channel>/<YYYY-MM-DD>.json (UTC days) under `dir`.
void writeSlackExport(const std::filesystem::path& dir, const ActivityPlan& plan,
                      const SlackWorkspace& slack);

/// "U0001" for person 0; the bot and the deleted user follow the roster.
std::string slackUserId(const ActivityPlan& plan, std::int32_t user);

// ---- usage log ----------------------------------------------------------------------------

enum UsageTool : std::uint8_t { kUseChat, kUseDocs, kUseTracker, kUseEmail, kUseCrm, kUseWiki };
inline constexpr const char* kUsageToolNames[] = {"chat",  "docs", "tracker",
                                                  "email", "crm",  "wiki"};
enum UsageAction : std::uint8_t { kOpen, kRead, kPost, kReply, kReact, kEdit, kComment, kSearch };
inline constexpr const char* kUsageActionNames[] = {"open",  "read", "post",    "reply",
                                                    "react", "edit", "comment", "search"};

struct UsageRow {
  std::int64_t time = 0;  // UTC
  std::int32_t person = 0;
  std::uint8_t tool = 0, action = 0, platform = 0;
};

/// Background sessions on every day a person works, plus one row per mail sent and per Slack
/// post, reply and reaction. Sorted by time, then person.
std::vector<UsageRow> simulateUsage(const ActivityPlan& plan, const MailLog& mail,
                                    const SlackWorkspace& slack, Random& random);

void writeUsage(const std::filesystem::path& path, const ActivityPlan& plan,
                const std::vector<UsageRow>& rows);

// ---- what was planted, measured on the generated data --------------------------------------

struct CollaborationFacts {
  std::size_t mailMessages = 0, mailThreads = 0, mailUnanswered = 0;
  double mailMedianReplyHours = 0;
  double siloMailInternalShare = 0;  // of messages with a silo member as sender or recipient
  std::size_t brokerCrossMessages = 0, crossMessagesWithoutBroker = 0;
  std::size_t slackUsers = 0, slackChannels = 0, slackMessages = 0, slackThreads = 0;
  std::size_t slackReplies = 0, slackReactions = 0;
  std::size_t nonAdoptingSlackMessages = 0, nonAdoptingSlackReactions = 0;
  std::size_t usageRows = 0, nonAdoptingChatRows = 0;
  double mobileShare = 0, otherTeamsMaxMobileShare = 0;
  double weekendShare = 0, otherTeamsMaxWeekendShare = 0;
  double managersDocsEmailShare = 0, staffDocsEmailShare = 0;
  double managersChatShare = 0, staffChatShare = 0;
  std::vector<std::string> abandoned, struggling;  // person ids
};

CollaborationFacts measureCollaboration(const ActivityPlan& plan, const MailLog& mail,
                                        const SlackWorkspace& slack,
                                        const std::vector<UsageRow>& usage);

}  // namespace orglens::samples
