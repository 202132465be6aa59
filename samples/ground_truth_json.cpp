// ground-truth.json: written by hand (no JSON library in the samples layer), pretty-printed
// with two-space indentation and fixed-precision numbers so that the bytes are stable.
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "samples/ground_truth.h"
#include "samples/planted.h"

namespace orglens::samples {
namespace {

constexpr const char* kGeneratorName = "orglens-sample";
constexpr const char* kGeneratorVersion = "1.0.0";

class JsonText {
 public:
  void open(std::string_view key, char bracket) {
    item(key);
    m_text += bracket;
    ++m_depth;
    m_first = true;
  }
  void close(char bracket) {
    --m_depth;
    if (!m_first) newline();
    m_text += bracket;
    m_first = false;
  }
  void string(std::string_view key, std::string_view value) {
    item(key);
    quoted(value);
  }
  void integer(std::string_view key, unsigned long long value) {
    item(key);
    m_text += std::to_string(value);
  }
  void number(std::string_view key, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    item(key);
    m_text += buffer;
  }
  void boolean(std::string_view key, bool value) {
    item(key);
    m_text += value ? "true" : "false";
  }
  std::string text() const { return m_text + "\n"; }

 private:
  void newline() {
    m_text += '\n';
    m_text.append(static_cast<std::size_t>(m_depth) * 2, ' ');
  }
  void item(std::string_view key) {
    if (!m_first) m_text += ',';
    if (!m_text.empty()) newline();
    m_first = false;
    if (!key.empty()) {
      quoted(key);
      m_text += ": ";
    }
  }
  // RFC 8259 escaping; UTF-8 passes through unchanged.
  void quoted(std::string_view value) {
    m_text += '"';
    for (const char c : value) {
      if (c == '"' || c == '\\') {
        m_text += '\\';
        m_text += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
        m_text += buffer;
      } else {
        m_text += c;
      }
    }
    m_text += '"';
  }

  std::string m_text;
  int m_depth = 0;
  bool m_first = true;
};

void writeCollaborationCounts(JsonText& json, const CollaborationFacts& facts) {
  const auto count = [&](std::string_view key, std::size_t value) {
    json.integer(key, static_cast<unsigned long long>(value));
  };
  count("mail_messages", facts.mailMessages);
  count("mail_threads", facts.mailThreads);
  count("mail_threads_unanswered", facts.mailUnanswered);
  count("slack_users", facts.slackUsers);
  count("slack_channels", facts.slackChannels);
  count("slack_messages", facts.slackMessages);
  count("slack_threads", facts.slackThreads);
  count("slack_replies", facts.slackReplies);
  count("slack_reactions", facts.slackReactions);
  count("usage_rows", facts.usageRows);
}

void writeHeader(JsonText& json, const SampleOptions& options, const Organisation& org,
                 const Simulation& sim, const CollaborationFacts& facts,
                 const ReviewFacts& reviews) {
  json.open("generator", '{');
  json.string("name", kGeneratorName);
  json.string("version", kGeneratorVersion);
  json.close('}');
  json.open("options", '{');
  json.integer("people", static_cast<unsigned long long>(options.people));
  json.integer("teams", static_cast<unsigned long long>(options.teams));
  json.integer("days", static_cast<unsigned long long>(options.days));
  json.integer("seed", options.seed);
  json.string("start_date", options.startDate);
  json.close('}');
  json.open("counts", '{');
  json.integer("people", static_cast<unsigned long long>(org.people.size()));
  json.integer("teams", static_cast<unsigned long long>(org.teams.size()));
  json.integer("departments", static_cast<unsigned long long>(org.departments.size()));
  json.integer("cases", static_cast<unsigned long long>(sim.cases.size()));
  json.integer("rows", static_cast<unsigned long long>(sim.rows.size()));
  json.integer("events", static_cast<unsigned long long>(2 * sim.rows.size()));
  writeCollaborationCounts(json, facts);
  json.close('}');
  json.open("files", '[');
  for (const char* file :
       {"roster.csv", "events.csv", "mail.mbox", "slack/users.json", "slack/channels.json",
        "slack/<channel>/<YYYY-MM-DD>.json", "usage.csv", "ground-truth.json"}) {
    json.string("", file);
  }
  if (reviews.written) {
    for (const char* file :
         {"github/issues.json", "github/pulls.json", "github/timeline/<number>.json",
          "github/reviews/<number>.json", "jira/search-<NNN>.json"}) {
      json.string("", file);
    }
  }
  json.close(']');
  json.open("working_hours", '{');
  json.string("start", "08:00");
  json.string("end", "18:00");
  json.string("days", "Mon-Fri");
  json.string("weekend_team_days", "Mon-Sun");
  json.close('}');
}

void writeTeams(JsonText& json, const Organisation& org) {
  json.open("teams", '[');
  for (const Team& team : org.teams) {
    json.open("", '{');
    json.string("name", team.name);
    json.string("department", org.departments[team.department]);
    json.string("timezone", org.zoneNames[team.zone]);
    json.string("lead", org.people[team.lead].id);
    json.integer("workers", static_cast<unsigned long long>(team.workers.size()));
    json.boolean("works_weekends", team.worksWeekends);
    json.close('}');
  }
  json.close(']');
}

void writeHandoffFacts(JsonText& json, const Organisation& org, const PlantedFigures& figures) {
  json.open("slow_handoff", '{');
  json.string("from_team", planted::kSlowFromTeam);
  json.string("to_team", planted::kSlowToTeam);
  json.integer("count", static_cast<unsigned long long>(figures.slowCount));
  json.number("median_wait_hours", figures.slowMedianHours);
  json.integer("other_handoffs_count", static_cast<unsigned long long>(figures.otherCount));
  json.number("other_handoffs_median_hours", figures.otherMedianHours);
  json.close('}');
  json.open("silo_team", '{');
  json.string("team", planted::kSiloTeam);
  json.integer("handoffs", static_cast<unsigned long long>(figures.siloHandoffs));
  json.number("internal_share", figures.siloInternalShare);
  json.close('}');
  const Person& broker = org.people[org.broker];
  json.open("broker", '{');
  json.string("person_id", broker.id);
  json.string("email", broker.email);
  json.string("team", org.teams[broker.team].name);
  json.open("between", '[');
  json.string("", planted::kBrokerDepartmentA);
  json.string("", planted::kBrokerDepartmentB);
  json.close(']');
  json.integer("handoffs_between",
               static_cast<unsigned long long>(figures.brokerDepartmentHandoffs));
  json.integer("handoffs_between_without_broker",
               static_cast<unsigned long long>(figures.brokerDepartmentHandoffsWithoutBroker));
  json.close('}');
}

void writeUsageFacts(JsonText& json, const PlantedFigures& figures) {
  json.open("non_adopting", '{');
  json.string("department", planted::kNonAdoptingDepartment);
  json.string("tool", planted::kNonAdoptedTool);
  json.integer("rows", static_cast<unsigned long long>(figures.nonAdoptingToolRows));
  json.number("other_departments_min_share", figures.otherDepartmentsMinToolShare);
  json.close('}');
  json.open("mobile_first_team", '{');
  json.string("team", planted::kMobileFirstTeam);
  json.number("mobile_share", figures.mobileShare);
  json.number("other_teams_max_mobile_share", figures.otherTeamsMaxMobileShare);
  json.close('}');
  json.open("weekend_team", '{');
  json.string("team", planted::kWeekendTeam);
  json.number("weekend_share", figures.weekendShare);
  json.number("other_teams_max_weekend_share", figures.otherTeamsMaxWeekendShare);
  json.close('}');
}

void writeMailFacts(JsonText& json, const CollaborationFacts& facts) {
  json.open("mail", '{');
  json.number("median_reply_hours", facts.mailMedianReplyHours);
  json.integer("unanswered_threads", static_cast<unsigned long long>(facts.mailUnanswered));
  json.number("silo_internal_share", facts.siloMailInternalShare);
  json.integer("broker_cross_department_messages",
               static_cast<unsigned long long>(facts.brokerCrossMessages));
  json.integer("cross_department_messages_without_broker",
               static_cast<unsigned long long>(facts.crossMessagesWithoutBroker));
  json.close('}');
}

/// Waits are review submitted − review requested, as a review-request handoff measures them.
void writeReviewFacts(JsonText& json, const ReviewFacts& reviews) {
  if (!reviews.written) return;
  json.open("slow_reviewers", '{');
  json.string("requesting_team", planted::kSlowReviewRequestTeam);
  json.string("reviewer_team", planted::kSlowReviewerTeam);
  json.integer("count", static_cast<unsigned long long>(reviews.slowCount));
  json.number("median_wait_hours", reviews.slowMedianHours);
  json.integer("other_reviews_count", static_cast<unsigned long long>(reviews.otherCount));
  json.number("other_reviews_median_hours", reviews.otherMedianHours);
  json.integer("pull_requests", static_cast<unsigned long long>(reviews.items));
  json.integer("jira_issues", static_cast<unsigned long long>(reviews.items));
  json.close('}');
}

void writeIdList(JsonText& json, std::string_view key, const std::vector<std::string>& ids) {
  json.open(key, '[');
  for (const std::string& id : ids) json.string("", id);
  json.close(']');
}

void writeAdoptionFacts(JsonText& json, const CollaborationFacts& facts) {
  json.open("adoption", '{');
  json.string("non_adopting_department", planted::kNonAdoptingDepartment);
  json.string("non_adopted_tool", planted::kNonAdoptedTool);
  json.integer("non_adopting_usage_rows",
               static_cast<unsigned long long>(facts.nonAdoptingChatRows));
  json.integer("non_adopting_slack_messages",
               static_cast<unsigned long long>(facts.nonAdoptingSlackMessages));
  json.integer("non_adopting_slack_reactions",
               static_cast<unsigned long long>(facts.nonAdoptingSlackReactions));
  json.string("mobile_first_team", planted::kMobileFirstTeam);
  json.number("usage_mobile_share", facts.mobileShare);
  json.number("usage_other_teams_max_mobile_share", facts.otherTeamsMaxMobileShare);
  json.string("weekend_team", planted::kWeekendTeam);
  json.number("usage_weekend_share", facts.weekendShare);
  json.number("usage_other_teams_max_weekend_share", facts.otherTeamsMaxWeekendShare);
  json.number("managers_docs_email_share", facts.managersDocsEmailShare);
  json.number("staff_docs_email_share", facts.staffDocsEmailShare);
  json.number("managers_chat_share", facts.managersChatShare);
  json.number("staff_chat_share", facts.staffChatShare);
  json.string("abandoned_definition", "active on days 1-14 from registration, then none for 28+");
  writeIdList(json, "abandoned", facts.abandoned);
  json.string("struggling_definition", "registered 28+ days before the end, at most 2 active days");
  writeIdList(json, "struggling", facts.struggling);
  json.close('}');
}

}  // namespace

void writeGroundTruth(const std::filesystem::path& path, const SampleOptions& options,
                      const Organisation& org, const Simulation& sim, const PlantedFigures& figures,
                      const CollaborationFacts& collaboration, const ReviewFacts& reviews) {
  JsonText json;
  json.open("", '{');
  writeHeader(json, options, org, sim, collaboration, reviews);
  writeTeams(json, org);
  json.open("planted", '{');
  writeHandoffFacts(json, org, figures);
  writeUsageFacts(json, figures);
  writeMailFacts(json, collaboration);
  writeAdoptionFacts(json, collaboration);
  writeReviewFacts(json, reviews);
  json.close('}');
  json.close('}');
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  const std::string text = json.text();
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error("cannot write '" + path.string() + "'");
}

}  // namespace orglens::samples
