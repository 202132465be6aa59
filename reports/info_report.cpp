#include "reports/info_report.h"

#include "model/time_format.h"

namespace orglens::reports {
namespace {

std::string optionalTime(const std::optional<model::MicrosUtc>& t) {
  return t ? model::formatIsoUtc(*t) : std::string();
}

std::string infoText(const model::StoreSummary& s, const std::string& path) {
  std::string out = "Store " + path + " (schema version " + std::to_string(s.schemaVersion) + ")\n";
  auto row = [&out](const std::string& label, const std::string& value) {
    out +=
        "  " + label + std::string(label.size() < 14 ? 14 - label.size() : 1, ' ') + value + '\n';
  };
  row("events",
      groupDigits(s.events) + (s.eventsWithoutActor
                                   ? " (" + groupDigits(s.eventsWithoutActor) + " without an actor)"
                                   : ""));
  if (s.firstEvent)
    row("time span",
        model::formatIsoUtc(*s.firstEvent) + " .. " + model::formatIsoUtc(*s.lastEvent) + " (" +
            std::to_string((*s.lastEvent - *s.firstEvent) / model::kMicrosPerDay) + " days)");
  row("activities", groupDigits(s.activities));
  row("people",
      groupDigits(s.people) + " (" + groupDigits(s.activePeople) + " with events, " +
          groupDigits(s.peopleWithoutTeam) + " without a team" +
          (s.peopleNotInRoster ? ", " + groupDigits(s.peopleNotInRoster) + " not in the roster"
                               : "") +
          ")");
  row("teams", groupDigits(s.teams));
  std::string types;
  for (const auto& t : s.objectsByType)
    if (t.objects) types += (types.empty() ? "" : ", ") + t.type + " " + groupDigits(t.objects);
  row("objects", types.empty() ? "none" : types);
  row("aliases", groupDigits(s.aliases));
  row("relations", groupDigits(s.relations));
  if (!s.pseudonymKeyId.empty())
    row("identities", "pseudonymised at import (HMAC-SHA256, key id " + s.pseudonymKeyId + ")");
  out += "\nSources\n" + renderText(sourcesTable(s));
  return out;
}

std::string infoJson(const model::StoreSummary& s, const std::string& path) {
  std::string out = "{\n  \"store\": " + jsonString(path) +
                    ",\n  \"schema_version\": " + std::to_string(s.schemaVersion) + ",\n";
  out += "  \"events\": " + std::to_string(s.events) +
         ",\n  \"events_without_actor\": " + std::to_string(s.eventsWithoutActor) + ",\n";
  out += "  \"first_event\": " + (s.firstEvent ? jsonString(optionalTime(s.firstEvent)) : "null") +
         ",\n";
  out +=
      "  \"last_event\": " + (s.lastEvent ? jsonString(optionalTime(s.lastEvent)) : "null") + ",\n";
  out += "  \"activities\": " + std::to_string(s.activities) +
         ",\n  \"people\": " + std::to_string(s.people) +
         ",\n  \"people_with_events\": " + std::to_string(s.activePeople) +
         ",\n  \"people_without_team\": " + std::to_string(s.peopleWithoutTeam) +
         ",\n  \"people_not_in_roster\": " + std::to_string(s.peopleNotInRoster) +
         ",\n  \"teams\": " + std::to_string(s.teams) +
         ",\n  \"aliases\": " + std::to_string(s.aliases) +
         ",\n  \"relations\": " + std::to_string(s.relations) +
         ",\n  \"pseudonymised\": " + (s.pseudonymKeyId.empty() ? "false" : "true") +
         ",\n  \"pseudonym_key_id\": " +
         (s.pseudonymKeyId.empty() ? std::string("null") : jsonString(s.pseudonymKeyId)) +
         ",\n  \"objects_by_type\": {";
  bool first = true;
  for (const auto& t : s.objectsByType) {
    out += (first ? "" : ", ") + jsonString(t.type) + ": " + std::to_string(t.objects);
    first = false;
  }
  out += "},\n  \"sources\": " + renderJson(sourcesTable(s));
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out + "\n}\n";
}

}  // namespace

Table sourcesTable(const model::StoreSummary& summary) {
  Table t;
  t.columns = {{"id", Align::Right, true},
               {"format"},
               {"events", Align::Right, true},
               {"objects", Align::Right, true},
               {"people", Align::Right, true},
               {"skipped", Align::Right, true},
               {"warnings", Align::Right, true},
               {"errors", Align::Right, true},
               {"imported"},
               {"path"}};
  for (const auto& s : summary.sources) {
    const auto& r = s.record;
    t.addRow({std::to_string(s.id.rowid()), r.format, std::to_string(r.counts.events),
              std::to_string(r.counts.objects), std::to_string(r.counts.people),
              std::to_string(r.counts.skippedRows), std::to_string(r.counts.warnings),
              std::to_string(r.counts.errors),
              model::formatIsoUtc(r.importedAt / 1'000'000 * 1'000'000), r.path});
  }
  return t;
}

std::string renderInfo(const model::StoreSummary& summary, const std::string& storePath,
                       Format format) {
  switch (format) {
    case Format::Text:
      return infoText(summary, storePath);
    case Format::Json:
      return infoJson(summary, storePath);
    case Format::Csv:
      return renderCsv(sourcesTable(summary));
  }
  return {};
}

}  // namespace orglens::reports
