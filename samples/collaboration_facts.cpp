// The planted collaboration and adoption facts, measured on the generated messages and rows.
#include <algorithm>

#include "samples/collaboration.h"
#include "samples/planted.h"

namespace orglens::samples {
namespace {

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

void measureMail(const ActivityPlan& plan, const MailLog& mail, CollaborationFacts& facts) {
  const Organisation& org = plan.org();
  const int silo = org.teamIndex(planted::kSiloTeam);
  const int departmentA = org.departmentIndex(planted::kBrokerDepartmentA);
  const int departmentB = org.departmentIndex(planted::kBrokerDepartmentB);
  std::size_t siloMessages = 0, siloInternal = 0;
  std::vector<double> replyHours;
  for (const MailMessage& message : mail.messages) {
    std::vector<int> people = {message.from, message.to};
    if (message.cc >= 0) people.push_back(message.cc);
    std::size_t inSilo = 0;
    bool inA = false, inB = false, broker = false;
    for (const int p : people) {
      inSilo += org.people[p].team == silo;
      inA = inA || org.departmentOf(p) == departmentA;
      inB = inB || org.departmentOf(p) == departmentB;
      broker = broker || p == org.broker;
    }
    siloMessages += inSilo > 0;
    siloInternal += inSilo == people.size();
    if (inA && inB) ++(broker ? facts.brokerCrossMessages : facts.crossMessagesWithoutBroker);
    if (message.parent >= 0) {
      replyHours.push_back(static_cast<double>(message.time - mail.messages[message.parent].time) /
                           3600.0);
    }
  }
  facts.mailMessages = mail.messages.size();
  facts.mailThreads = mail.threads;
  facts.mailUnanswered = mail.unanswered;
  facts.siloMailInternalShare = share(siloInternal, siloMessages);
  if (!replyHours.empty()) {
    std::sort(replyHours.begin(), replyHours.end());
    const std::size_t middle = replyHours.size() / 2;
    facts.mailMedianReplyHours = replyHours.size() % 2 == 1
                                     ? replyHours[middle]
                                     : (replyHours[middle - 1] + replyHours[middle]) / 2.0;
  }
}

void measureSlack(const ActivityPlan& plan, const SlackWorkspace& slack,
                  CollaborationFacts& facts) {
  facts.slackUsers = plan.org().people.size() + 2;  // the roster, a bot and a deleted user
  facts.slackChannels = slack.channels.size();
  facts.slackMessages = slack.messages.size();
  std::vector<bool> hasReplies(slack.messages.size(), false);
  for (const SlackMessage& message : slack.messages) {
    const bool person = message.user >= 0;
    if (message.parent >= 0) {
      ++facts.slackReplies;
      hasReplies[message.parent] = true;
    }
    if (person && !plan.person(message.user).usesChat) ++facts.nonAdoptingSlackMessages;
    for (const SlackReaction& reaction : message.reactions) {
      facts.slackReactions += reaction.users.size();
      for (const std::int32_t user : reaction.users) {
        facts.nonAdoptingSlackReactions += !plan.person(user).usesChat;
      }
    }
  }
  facts.slackThreads =
      static_cast<std::size_t>(std::count(hasReplies.begin(), hasReplies.end(), true));
}

struct UsageTally {
  std::vector<std::size_t> teamRows, mobile, weekend;
  std::array<std::size_t, 2> roleRows = {0, 0}, docsEmail = {0, 0},
                             chat = {0, 0};  // staff, managers
};

void measureUsage(const ActivityPlan& plan, const std::vector<UsageRow>& usage,
                  CollaborationFacts& facts) {
  const Organisation& org = plan.org();
  UsageTally tally{std::vector<std::size_t>(org.teams.size()),
                   std::vector<std::size_t>(org.teams.size()),
                   std::vector<std::size_t>(org.teams.size())};
  for (const UsageRow& row : usage) {
    const Person& person = org.people[row.person];
    ++tally.teamRows[person.team];
    tally.mobile[person.team] += row.platform == kMobilePlatform;
    tally.weekend[person.team] += isWeekend(plan.localDay(row.person, row.time));
    const std::size_t role = person.isManager ? 1 : 0;
    ++tally.roleRows[role];
    tally.docsEmail[role] += row.tool == kUseDocs || row.tool == kUseEmail;
    tally.chat[role] += row.tool == kUseChat;
    facts.nonAdoptingChatRows += row.tool == kUseChat && !plan.person(row.person).usesChat;
  }
  facts.usageRows = usage.size();
  const int mobileTeam = org.teamIndex(planted::kMobileFirstTeam);
  const int weekendTeam = org.teamIndex(planted::kWeekendTeam);
  for (std::size_t t = 0; t < org.teams.size(); ++t) {
    const double mobile = share(tally.mobile[t], tally.teamRows[t]);
    const double weekend = share(tally.weekend[t], tally.teamRows[t]);
    if (static_cast<int>(t) == mobileTeam)
      facts.mobileShare = mobile;
    else
      facts.otherTeamsMaxMobileShare = std::max(facts.otherTeamsMaxMobileShare, mobile);
    if (static_cast<int>(t) == weekendTeam)
      facts.weekendShare = weekend;
    else
      facts.otherTeamsMaxWeekendShare = std::max(facts.otherTeamsMaxWeekendShare, weekend);
  }
  facts.staffDocsEmailShare = share(tally.docsEmail[0], tally.roleRows[0]);
  facts.managersDocsEmailShare = share(tally.docsEmail[1], tally.roleRows[1]);
  facts.staffChatShare = share(tally.chat[0], tally.roleRows[0]);
  facts.managersChatShare = share(tally.chat[1], tally.roleRows[1]);
}

}  // namespace

CollaborationFacts measureCollaboration(const ActivityPlan& plan, const MailLog& mail,
                                        const SlackWorkspace& slack,
                                        const std::vector<UsageRow>& usage) {
  CollaborationFacts facts;
  measureMail(plan, mail, facts);
  measureSlack(plan, slack, facts);
  measureUsage(plan, usage, facts);
  for (const int p : plan.abandoned) facts.abandoned.push_back(plan.org().people[p].id);
  for (const int p : plan.struggling) facts.struggling.push_back(plan.org().people[p].id);
  return facts;
}

}  // namespace orglens::samples
