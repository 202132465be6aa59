// The simulated organisation: departments, teams, people and the reporting lines, built
// deterministically from the options and a seeded Random.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "samples/sample_org.h"

namespace orglens::samples {

class Random;

struct Team {
  std::string name;
  int department = 0;
  int zone = 0;  // index into Organisation::zoneNames: the team's home zone
  std::string memberRole;
  bool worksWeekends = false;
  int lead = -1;             // person index of the team lead
  std::vector<int> workers;  // people who do the team's process work: lead and members
};

struct Person {
  std::string id;  // p0001 ...
  std::string email;
  std::string name;
  int team = 0;
  int manager = -1;  // person index, -1 for the CEO
  std::string role;
  bool isManager = false;
  int zone = 0;
  std::int64_t startDay = 0;  // days since 1970-01-01
};

struct Organisation {
  std::vector<std::string> zoneNames;
  std::vector<std::string> departments;
  std::vector<Team> teams;
  std::vector<Person> people;
  int broker = -1;  // the only person who hands work between Product and Commercial

  /// -1 when the team is not part of this organisation (fewer teams requested).
  int teamIndex(std::string_view name) const;
  int departmentIndex(std::string_view name) const;
  int departmentOf(int person) const { return teams[people[person].team].department; }
};

/// Zone indices used by the catalogue (Organisation::zoneNames has them in this order).
enum ZoneIndex : int { kBerlin = 0, kLondon = 1, kMadrid = 2, kNewYork = 3 };

/// Number of departments the first `teams` catalogue teams span (4 for any valid count).
int departmentCount(int teams);

/// Builds teams (the first options.teams of a fixed catalogue), one CEO, a head per
/// department, a lead per team and members sized by the teams' typical workload. People
/// ids follow the chart: CEO, heads, then each team's lead and members.
Organisation buildOrganisation(const SampleOptions& options, std::int64_t startDay, Random& random);

}  // namespace orglens::samples
