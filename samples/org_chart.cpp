#include "samples/org_chart.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "samples/names.h"
#include "samples/planted.h"
#include "samples/random.h"

namespace orglens::samples {
namespace {

struct TeamTemplate {
  std::string_view name;
  std::string_view department;
  std::string_view memberRole;
  int zone;
  double sizeWeight;  // relative head count, roughly the team's share of process work
};

// The first six cover every planted fact (Sales holds the broker, Legal→Operations is the
// slow handoff, Research is the silo, Field Service is mobile-first, Support works weekends),
// so any valid team count plants all of them.
constexpr std::array<TeamTemplate, 40> kCatalogue = {{
    {"Sales", "Commercial", "Account manager", kBerlin, 1.6},
    {"Legal", "Corporate", "Legal counsel", kBerlin, 0.8},
    {"Operations", "Delivery", "Operations planner", kBerlin, 1.4},
    {"Field Service", "Delivery", "Field technician", kMadrid, 1.6},
    {"Research", "Product", "Researcher", kNewYork, 1.0},
    {"Support", "Delivery", "Support agent", kBerlin, 1.6},
    {"Engineering", "Product", "Software engineer", kBerlin, 1.4},
    {"Finance", "Corporate", "Accountant", kBerlin, 0.8},
    {"Marketing", "Commercial", "Marketing specialist", kBerlin, 0.7},
    {"HR", "Corporate", "HR partner", kBerlin, 0.5},
    {"Procurement", "Corporate", "Buyer", kBerlin, 0.6},
    {"Design", "Product", "Designer", kBerlin, 0.6},
    {"Customer Success", "Commercial", "Customer success manager", kBerlin, 0.6},
    {"Logistics", "Delivery", "Logistics coordinator", kBerlin, 0.6},
    {"IT", "Corporate", "IT administrator", kBerlin, 0.6},
    {"Quality", "Delivery", "Quality engineer", kBerlin, 0.6},
    {"Data Science", "Product", "Data scientist", kBerlin, 0.6},
    {"Partnerships", "Commercial", "Partner manager", kLondon, 0.6},
    {"Facilities", "Corporate", "Facility manager", kBerlin, 0.6},
    {"Platform", "Product", "Platform engineer", kBerlin, 0.6},
    {"Compliance", "Corporate", "Compliance officer", kBerlin, 0.6},
    {"Training", "Delivery", "Trainer", kBerlin, 0.6},
    {"Communications", "Commercial", "Communications specialist", kBerlin, 0.6},
    {"Security", "Product", "Security engineer", kBerlin, 0.6},
    {"Warehouse", "Delivery", "Warehouse operator", kBerlin, 0.6},
    {"Accounting", "Corporate", "Bookkeeper", kBerlin, 0.6},
    {"Business Development", "Commercial", "Business developer", kLondon, 0.6},
    {"Infrastructure", "Product", "Infrastructure engineer", kBerlin, 0.6},
    {"Installation", "Delivery", "Installer", kBerlin, 0.6},
    {"Payroll", "Corporate", "Payroll specialist", kBerlin, 0.6},
    {"Pricing", "Commercial", "Pricing analyst", kBerlin, 0.6},
    {"Mobile Apps", "Product", "Mobile developer", kBerlin, 0.6},
    {"Maintenance", "Delivery", "Maintenance technician", kBerlin, 0.6},
    {"Internal Audit", "Corporate", "Auditor", kBerlin, 0.6},
    {"Events", "Commercial", "Event manager", kBerlin, 0.6},
    {"QA Automation", "Product", "Test engineer", kBerlin, 0.6},
    {"Dispatch", "Delivery", "Dispatcher", kBerlin, 0.6},
    {"Treasury", "Corporate", "Treasury analyst", kBerlin, 0.6},
    {"Inside Sales", "Commercial", "Sales representative", kBerlin, 0.6},
    {"UX Research", "Product", "UX researcher", kBerlin, 0.6},
}};

constexpr std::string_view kWeekendTeam = planted::kWeekendTeam;
constexpr std::string_view kBrokerTeam = planted::kBrokerTeam;

/// Largest-remainder split of `total` by weights: deterministic and sums exactly.
std::vector<int> apportion(int total, const std::vector<double>& weights) {
  double weightSum = 0;
  for (double weight : weights) weightSum += weight;
  std::vector<int> shares(weights.size(), 0);
  std::vector<std::pair<double, std::size_t>> remainders;
  int given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = total * weights[i] / weightSum;
    shares[i] = static_cast<int>(exact);
    given += shares[i];
    remainders.emplace_back(exact - shares[i], i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; given < total; ++i, ++given) ++shares[remainders[i].second];
  return shares;
}

void addTeams(Organisation& org, int teamCount) {
  for (int i = 0; i < teamCount; ++i) {
    const TeamTemplate& entry = kCatalogue[static_cast<std::size_t>(i)];
    if (org.departmentIndex(entry.department) < 0) {
      org.departments.emplace_back(entry.department);
    }
    Team team;
    team.name = entry.name;
    team.department = org.departmentIndex(entry.department);
    team.zone = entry.zone;
    team.memberRole = entry.memberRole;
    team.worksWeekends = entry.name == kWeekendTeam;
    org.teams.push_back(std::move(team));
  }
}

int addPerson(Organisation& org, int team, int manager, std::string role, bool isManager) {
  Person person;
  char id[16];
  std::snprintf(id, sizeof id, "p%04zu", org.people.size() + 1);
  person.id = id;
  person.team = team;
  person.manager = manager;
  person.role = std::move(role);
  person.isManager = isManager;
  person.zone = org.teams[team].zone;
  org.people.push_back(std::move(person));
  return static_cast<int>(org.people.size()) - 1;
}

/// Members per team: one each (two in the broker's team, so it has regular staff besides
/// the broker) plus the rest spread by workload weight.
std::vector<int> memberCounts(const Organisation& org, int people) {
  const int fixed = 1 + static_cast<int>(org.departments.size() + org.teams.size());
  std::vector<double> weights;
  int minimum = 0;
  for (const Team& team : org.teams) {
    weights.push_back(kCatalogue[weights.size()].sizeWeight);
    minimum += team.name == kBrokerTeam ? 2 : 1;
  }
  std::vector<int> counts = apportion(people - fixed - minimum, weights);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    counts[i] += org.teams[i].name == kBrokerTeam ? 2 : 1;
  }
  return counts;
}

void addPeople(Organisation& org, const SampleOptions& options) {
  const int ceo = addPerson(org, 0, -1, "Chief executive officer", true);
  std::vector<int> heads;
  for (std::size_t d = 0; d < org.departments.size(); ++d) {
    // A head sits in the first team of the department (catalogue order).
    int team = 0;
    while (org.teams[team].department != static_cast<int>(d)) ++team;
    heads.push_back(addPerson(org, team, ceo, "Head of " + org.departments[d], true));
    org.people[heads.back()].zone = kBerlin;
  }
  org.people[ceo].team = org.teamIndex("Legal");  // the CEO's office belongs to Corporate
  org.people[ceo].zone = kBerlin;
  const std::vector<int> counts = memberCounts(org, options.people);
  for (std::size_t t = 0; t < org.teams.size(); ++t) {
    Team& team = org.teams[t];
    const int teamIndex = static_cast<int>(t);
    team.lead = addPerson(org, teamIndex, heads[team.department], "Team lead", true);
    team.workers.push_back(team.lead);
    for (int m = 0; m < counts[t]; ++m) {
      const int person = addPerson(org, teamIndex, team.lead, team.memberRole, false);
      if (team.name == kBrokerTeam && org.broker < 0) {
        org.broker = person;
        org.people[person].role = "Solutions engineer";
      } else {
        team.workers.push_back(person);
      }
    }
  }
}

/// Names, unique e-mails, zones and start dates. A few fixed names guarantee non-ASCII and
/// quoted CSV fields in every sample, however small.
void describePeople(Organisation& org, std::int64_t startDay, int days, Random& random) {
  std::map<std::string, int> usedEmails;
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    Person& person = org.people[i];
    person.name = makePersonName(random);
    if (i == 5) person.name = "José Muñoz";
    if (i == 9) person.name = "Zoë Bäcker";
    if (i == 13) person.name += ", Jr.";
    const std::string local = emailLocalPart(person.name);
    const int seen = usedEmails[local]++;
    person.email = local + (seen == 0 ? "" : std::to_string(seen + 1)) + "@example.org";

    const Team& team = org.teams[person.team];
    if (!person.isManager && person.zone == kBerlin && !team.worksWeekends && random.chance(0.1)) {
      person.zone = kLondon;  // remote colleagues in the UK
    }
    const bool core = person.isManager || static_cast<int>(i) == org.broker;
    if (!core && random.chance(0.08)) {
      person.startDay = startDay + random.uniformInt(0, days - 1);  // joins during the period
    } else {
      person.startDay = startDay - random.uniformInt(core ? 400 : 20, 4000);
    }
  }
}

}  // namespace

int Organisation::teamIndex(std::string_view name) const {
  for (std::size_t i = 0; i < teams.size(); ++i) {
    if (teams[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int Organisation::departmentIndex(std::string_view name) const {
  for (std::size_t i = 0; i < departments.size(); ++i) {
    if (departments[i] == name) return static_cast<int>(i);
  }
  return -1;
}

int departmentCount(int teams) {
  std::vector<std::string_view> seen;
  for (int i = 0; i < teams && i < static_cast<int>(kCatalogue.size()); ++i) {
    const auto department = kCatalogue[static_cast<std::size_t>(i)].department;
    if (std::find(seen.begin(), seen.end(), department) == seen.end()) seen.push_back(department);
  }
  return static_cast<int>(seen.size());
}

Organisation buildOrganisation(const SampleOptions& options, std::int64_t startDay,
                               Random& random) {
  Organisation org;
  org.zoneNames = {"Europe/Berlin", "Europe/London", "Europe/Madrid", "America/New_York"};
  addTeams(org, options.teams);
  addPeople(org, options);
  describePeople(org, startDay, options.days, random);
  return org;
}

}  // namespace orglens::samples
