#include "samples/csv_output.h"

#include "samples/file_sink.h"

namespace orglens::samples {

void appendCsvField(std::string& line, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += field;
    return;
  }
  line += '"';
  for (const char c : field) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

void writeRoster(const std::filesystem::path& path, const Organisation& org) {
  FileSink sink(path);
  std::string& out = sink.buffer();
  out += kRosterHeader;
  out += '\n';
  const std::string noManager;  // the CEO's manager_id stays empty
  for (const Person& person : org.people) {
    const Team& team = org.teams[person.team];
    const std::string& managerId = person.manager >= 0 ? org.people[person.manager].id : noManager;
    for (const std::string_view field :
         {std::string_view(person.id), std::string_view(person.email),
          std::string_view(person.name), std::string_view(team.name),
          std::string_view(org.departments[team.department]), std::string_view(managerId),
          std::string_view(person.role)}) {
      appendCsvField(out, field);
      out += ',';
    }
    out += person.isManager ? "true," : "false,";
    appendCsvField(out, org.zoneNames[person.zone]);
    out += ',';
    out += formatDay(person.startDay);
    out += '\n';
  }
  sink.finish();
}

void writeEvents(const std::filesystem::path& path, const Organisation& org,
                 const std::vector<ZoneClock>& clocks, const Simulation& sim,
                 const std::function<void(double)>& progress) {
  FileSink sink(path);
  std::string& out = sink.buffer();
  out += kEventsHeader;
  out += '\n';
  for (std::size_t i = 0; i < sim.rows.size(); ++i) {
    const ActivityRow& row = sim.rows[i];
    const Person& person = org.people[row.person];
    const ZoneClock& clock = clocks[person.zone];
    appendCsvField(out, sim.cases[row.caseIndex].id);
    out += ',';
    appendCsvField(out, sim.activities[row.activity]);
    out += ',';
    out += formatLocalTime(clock, row.start);
    out += ',';
    out += formatLocalTime(clock, row.end);
    out += ',';
    appendCsvField(out, person.id);
    out += ',';
    appendCsvField(out, org.teams[person.team].name);
    out += ',';
    out += kToolNames[row.tool];
    out += ',';
    out += kPlatformNames[row.platform];
    out += '\n';
    sink.flushIfFull();
    if (progress && i % 8192 == 0) progress(static_cast<double>(i) / sim.rows.size());
  }
  sink.finish();
}

}  // namespace orglens::samples
