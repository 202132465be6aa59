// usage.csv: one row per action in a tool, in the actor's local time. Background sessions
// follow each person's role and team; posts, replies, reactions and sent mails mirror the
// Slack export and the mbox exactly.
#include <algorithm>
#include <tuple>

#include "samples/collaboration.h"
#include "samples/csv_output.h"
#include "samples/file_sink.h"
#include "samples/planted.h"
#include "samples/random.h"

namespace orglens::samples {
namespace {

using ToolMix = std::array<double, 6>;    // chat, docs, tracker, email, crm, wiki
using ActionMix = std::array<double, 8>;  // open, read, post, reply, react, edit, comment, search

constexpr ToolMix kStaffTools = {0.34, 0.12, 0.24, 0.12, 0.06, 0.12};
constexpr ToolMix kSalesStaffTools = {0.30, 0.10, 0.10, 0.14, 0.24, 0.12};
constexpr ToolMix kFieldStaffTools = {0.30, 0.05, 0.40, 0.10, 0.0, 0.15};
constexpr ToolMix kManagerTools = {0.12, 0.32, 0.10, 0.34, 0.04, 0.08};
constexpr std::array<ActionMix, 6> kActions = {{
    {0.40, 0.50, 0, 0, 0, 0, 0, 0.10},        // chat: posts, replies and reactions are derived
    {0.30, 0.30, 0, 0, 0, 0.25, 0.10, 0.05},  // docs
    {0.25, 0.30, 0, 0, 0, 0.25, 0.15, 0.05},  // tracker
    {0.40, 0.50, 0, 0, 0, 0, 0, 0.10},        // email: sent mails are derived
    {0.30, 0.30, 0, 0, 0, 0.30, 0, 0.10},     // crm
    {0, 0.60, 0, 0, 0, 0.10, 0, 0.30},        // wiki
}};
constexpr std::int64_t kMinSessionRows = 3, kMaxSessionRows = 7;

ToolMix toolMixFor(const Organisation& org, const PersonPlan& plan, int person) {
  const Person& who = org.people[person];
  ToolMix mix = kStaffTools;
  if (who.isManager) {
    mix = kManagerTools;
  } else if (org.teams[who.team].name == planted::kMobileFirstTeam) {
    mix = kFieldStaffTools;
  } else if (org.departments[org.teams[who.team].department] == "Commercial") {
    mix = kSalesStaffTools;
  }
  if (!plan.usesChat) mix[kUseChat] = 0;
  return mix;
}

class UsageRunner {
 public:
  UsageRunner(const ActivityPlan& plan, Random& random) : m_plan(plan), m_random(random) {}
  std::vector<UsageRow> run(const MailLog& mail, const SlackWorkspace& slack);

 private:
  void add(std::int64_t time, int person, std::uint8_t tool, std::uint8_t action) {
    m_rows.push_back({time, person, tool, action, m_plan.drawPlatform(person, m_random)});
  }
  void addSessions();
  void addSlackRows(const SlackWorkspace& slack);

  const ActivityPlan& m_plan;
  Random& m_random;
  std::vector<UsageRow> m_rows;
};

void UsageRunner::addSessions() {
  const Organisation& org = m_plan.org();
  std::vector<ToolMix> mixes;
  for (int p = 0; p < static_cast<int>(org.people.size()); ++p) {
    mixes.push_back(toolMixFor(org, m_plan.person(p), p));
  }
  for (std::int64_t day = m_plan.firstDay(); day <= m_plan.lastDay(); ++day) {
    for (int p = 0; p < static_cast<int>(org.people.size()); ++p) {
      if (m_plan.checksInOn(p, day)) {
        add(m_plan.drawTime(p, day, m_random, false), p, kUseEmail, kRead);
        continue;
      }
      if (!m_plan.worksOn(p, day)) continue;
      const auto rows = m_random.uniformInt(kMinSessionRows, kMaxSessionRows);
      for (std::int64_t r = 0; r < rows; ++r) {
        const auto tool = static_cast<std::uint8_t>(m_random.weightedIndex(mixes[p]));
        const auto action = static_cast<std::uint8_t>(m_random.weightedIndex(kActions[tool]));
        add(m_plan.drawTime(p, day, m_random, false), p, tool, action);
      }
    }
  }
}

void UsageRunner::addSlackRows(const SlackWorkspace& slack) {
  for (const SlackMessage& message : slack.messages) {
    if (message.user >= 0 &&
        (message.kind == SlackKind::Post || message.kind == SlackKind::Reply)) {
      add(message.time, message.user, kUseChat, message.kind == SlackKind::Post ? kPost : kReply);
    }
    for (const SlackReaction& reaction : message.reactions) {
      for (const std::int32_t user : reaction.users) {
        // A few minutes later, unless that would move the reaction to the next local day.
        std::int64_t at = message.time + m_random.uniformInt(30, 300);
        if (m_plan.localDay(user, at) != m_plan.localDay(user, message.time)) at = message.time;
        add(at, user, kUseChat, kReact);
      }
    }
  }
}

std::vector<UsageRow> UsageRunner::run(const MailLog& mail, const SlackWorkspace& slack) {
  addSessions();
  for (const MailMessage& message : mail.messages) {
    m_rows.push_back({message.time, message.from, kUseEmail,
                      static_cast<std::uint8_t>(message.parent >= 0 ? kReply : kPost),
                      message.platform});
  }
  addSlackRows(slack);
  std::sort(m_rows.begin(), m_rows.end(), [](const UsageRow& a, const UsageRow& b) {
    return std::tie(a.time, a.person, a.tool, a.action, a.platform) <
           std::tie(b.time, b.person, b.tool, b.action, b.platform);
  });
  return std::move(m_rows);
}

}  // namespace

std::vector<UsageRow> simulateUsage(const ActivityPlan& plan, const MailLog& mail,
                                    const SlackWorkspace& slack, Random& random) {
  return UsageRunner(plan, random).run(mail, slack);
}

void writeUsage(const std::filesystem::path& path, const ActivityPlan& plan,
                const std::vector<UsageRow>& rows) {
  FileSink sink(path);
  std::string& out = sink.buffer();
  out += "time,user,tool,action,platform,device\n";
  for (const UsageRow& row : rows) {
    out += formatLocalTime(plan.clockOf(row.person), row.time);
    out += ',';
    appendCsvField(out, plan.org().people[row.person].email);
    out += ',';
    out += kUsageToolNames[row.tool];
    out += ',';
    out += kUsageActionNames[row.action];
    out += ',';
    out += kPlatformNames[row.platform];
    out += ',';
    appendCsvField(out, plan.deviceName(row.person, row.platform));
    out += '\n';
    sink.flushIfFull();
  }
  sink.finish();
}

}  // namespace orglens::samples
