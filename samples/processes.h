// The process types the simulated organisation runs: routes of activities across teams,
// with optional steps, rework loops and ping-pong back to the previous person.
#pragma once

#include <string>
#include <vector>

#include "samples/org_chart.h"
#include "samples/planted.h"

namespace orglens::samples {

enum class TeamRef { Fixed, Owner, Partner };
enum class Performer { Collaborator, Broker, SameAsStep };
enum class PartnerChoice { None, AnyTeam, SameDepartment };

struct StepSpec {
  TeamRef teamRef = TeamRef::Fixed;
  std::string team;  // for TeamRef::Fixed; a team absent from the organisation skips the step
  std::string activity;
  double serviceMinutes = 30;  // median service time (lognormal)
  double probability = 1.0;
  double reworkProbability = 0;    // the same activity once more (same person or a team-mate)
  double pingPongProbability = 0;  // back to the previous person, then to this one again
  std::string pingPongActivity;
  Performer performer = Performer::Collaborator;
  int sameAsStep = -1;  // Performer::SameAsStep: who did that step does this one
  int onlyIfStep = -1;  // performed only when that step was performed
  int unlessStep = -1;  // performed only when that step was skipped
};

struct ProcessSpec {
  std::string name;
  std::string casePrefix;  // case ids are <prefix>-<number>
  double weight = 1;       // share of arriving cases
  bool arrivesOnWeekends = false;
  bool variableOwner = false;  // TeamRef::Owner: any team but the silo, by head count
  PartnerChoice partner = PartnerChoice::None;
  std::vector<std::string> requiredTeams;
  std::vector<StepSpec> steps;
};

/// Processes whose required teams exist in the organisation.
std::vector<ProcessSpec> availableProcesses(const Organisation& org);

}  // namespace orglens::samples
