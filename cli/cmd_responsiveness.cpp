#include <cstdio>

#include "analysis/responsiveness.h"
#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "importers/timestamp.h"
#include "reports/analysis_tables.h"
#include "reports/message_tables.h"

namespace orglens::cli {
namespace {

std::optional<model::MicrosUtc> bound(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  if (auto t = importers::TimestampParser().parse(text)) return t;
  throw std::invalid_argument(std::string(option) + ": cannot read '" + text +
                              "' as a date or time");
}

}  // namespace

int runResponsiveness(const ResponsivenessArgs& args) {
  return guarded("responsiveness", [&] {
    const auto format = reports::parseFormat(args.common.format);
    const std::string table =
        tableChosenBy(args.by, {"person", "team", "team-pair"},
                      {"by_person", "by_team", "by_team_pair"}, args.common.table);
    const auto from = bound(args.common.from, "--from"), to = bound(args.common.to, "--to");
    auto store = model::Store::open(args.common.db, model::Store::Mode::ReadOnly);
    const auto log = model::MessageLog::load(*store, {from, to, nullptr, args.common.threads});
    analysis::ResponsivenessOptions options;
    options.workingHoursOnly = args.workingHours;
    options.hours = {args.startHour, args.endHour};
    if (options.hours.startHour < 0 || options.hours.endHour > 24 ||
        options.hours.startHour >= options.hours.endHour)
      throw std::invalid_argument("--work-hours: need 0 <= start < end <= 24");
    model::NoProgress progress;
    const auto r = analysis::analyseResponsiveness(log, options, progress);
    const auto names = personNames(*store, args.common);
    reports::TableStyle style;
    style.names = &names;
    style.humanDurations = format == reports::Format::Text;
    style.top = args.common.top;
    const std::vector<NamedTable> tables{
        {"by_person",
         "Reply latency by responder (at least " + std::to_string(args.minCount) + " replies)",
         reports::latencyTable(r.byPerson, log, false, style, "person", args.minCount)},
        {"by_team", "Reply latency by responding team",
         reports::latencyTable(r.byTeam, log, false, style, "team", args.minCount)},
        {"by_team_pair", "Reply latency between teams",
         reports::latencyTable(r.byTeamPair, log, true, style, "responding team", args.minCount)}};
    if (format == reports::Format::Text)
      std::printf(
          "%llu messages, %llu replies, %llu threads, %.1f%% never answered; median reply %s, "
          "median "
          "first response %s%s\n",
          static_cast<unsigned long long>(r.messages), static_cast<unsigned long long>(r.replies),
          static_cast<unsigned long long>(r.threads), r.unansweredShare * 100,
          reports::formatDuration(r.replyLatency.median).c_str(),
          reports::formatDuration(r.firstResponse.median).c_str(),
          r.workingHoursOnly ? " (working hours only)" : "");
    printTables(tables, format, r.definition, table, "responsiveness");
    return int(kOk);
  });
}

}  // namespace orglens::cli
