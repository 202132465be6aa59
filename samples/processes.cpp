#include "samples/processes.h"

#include <algorithm>

namespace orglens::samples {
namespace {

StepSpec step(std::string team, std::string activity, double minutes) {
  StepSpec spec;
  spec.team = std::move(team);
  spec.activity = std::move(activity);
  spec.serviceMinutes = minutes;
  return spec;
}

StepSpec optional(StepSpec spec, double probability) {
  spec.probability = probability;
  return spec;
}

StepSpec rework(StepSpec spec, double probability) {
  spec.reworkProbability = probability;
  return spec;
}

StepSpec pingPong(StepSpec spec, double probability, std::string activity) {
  spec.pingPongProbability = probability;
  spec.pingPongActivity = std::move(activity);
  return spec;
}

StepSpec byBroker(std::string activity, double minutes) {
  StepSpec spec = step("Sales", std::move(activity), minutes);
  spec.performer = Performer::Broker;
  return spec;
}

StepSpec sameAs(StepSpec spec, int stepIndex) {
  spec.performer = Performer::SameAsStep;
  spec.sameAsStep = stepIndex;
  return spec;
}

StepSpec onRef(TeamRef ref, std::string activity, double minutes) {
  StepSpec spec = step("", std::move(activity), minutes);
  spec.teamRef = ref;
  return spec;
}

// Contract requests carry the planted slow handoff: "Approve contract" (Legal) is the only
// place where Legal hands to Operations, and the simulator delays exactly that handoff.
ProcessSpec contractRequest() {
  return {
      "Contract request",
      "CR",
      0.17,
      false,
      false,
      PartnerChoice::None,
      {"Sales", "Legal", "Operations", "Field Service"},
      {step("Sales", "Register request", 20), optional(step("Sales", "Qualify request", 30), 0.6),
       pingPong(rework(step("Legal", "Review contract", 60), 0.12), 0.15, "Clarify terms"),
       step("Legal", "Approve contract", 20), step("Operations", "Plan delivery", 45),
       rework(step("Field Service", "Install on site", 150), 0.08),
       step("Operations", "Confirm completion", 15), step("Finance", "Send invoice", 15),
       optional(step("Finance", "Record payment", 10), 0.9)}};
}

ProcessSpec customerOrder() {
  return {"Customer order",
          "ORD",
          0.15,
          false,
          false,
          PartnerChoice::None,
          {"Sales", "Operations", "Field Service"},
          {step("Sales", "Register order", 15), step("Operations", "Check stock", 20),
           optional(step("Procurement", "Order parts", 30), 0.3),
           step("Operations", "Schedule delivery", 20), step("Field Service", "Deliver order", 90),
           step("Finance", "Send invoice", 15)}};
}

// Incidents arrive every day; Support (the weekend team) takes them on Saturdays too.
ProcessSpec incident() {
  StepSpec repair = step("Field Service", "Repair on site", 120);
  repair.onlyIfStep = 2;
  StepSpec remote = step("Support", "Resolve remotely", 45);
  remote.unlessStep = 2;
  return {
      "Incident",
      "INC",
      0.20,
      true,
      false,
      PartnerChoice::None,
      {"Support", "Operations", "Field Service"},
      {step("Support", "Log incident", 10), rework(step("Support", "Diagnose incident", 40), 0.1),
       pingPong(optional(step("Operations", "Dispatch technician", 20), 0.4), 0.15,
                "Add incident details"),
       repair, remote, sameAs(step("Support", "Close incident", 10), 1)}};
}

// Product and Commercial meet only through the broker: Assess feasibility and Demo.
ProcessSpec featureRequest() {
  return {"Feature request",
          "FR",
          0.07,
          false,
          false,
          PartnerChoice::None,
          {"Sales", "Engineering"},
          {step("Sales", "Register feature request", 15), byBroker("Assess feasibility", 45),
           pingPong(step("Engineering", "Estimate effort", 30), 0.12, "Clarify requirements"),
           rework(step("Engineering", "Implement feature", 240), 0.2),
           pingPong(step("Engineering", "Review code", 45), 0.2, "Fix review findings"),
           optional(step("Design", "Review design", 40), 0.5), byBroker("Demo to customer", 60),
           sameAs(step("Sales", "Close request", 10), 0)}};
}

// The silo: Research works among itself; its rare outside contact is the broker.
ProcessSpec researchStudy() {
  return {
      "Research study",
      "RS",
      0.09,
      false,
      false,
      PartnerChoice::None,
      {"Research", "Sales"},
      {step("Research", "Define study", 60), optional(byBroker("Provide market data", 30), 0.02),
       rework(step("Research", "Collect data", 120), 0.1),
       rework(step("Research", "Analyse data", 180), 0.2),
       pingPong(step("Research", "Peer review", 60), 0.2, "Revise analysis"),
       sameAs(step("Research", "Publish findings", 30), 0)}};
}

ProcessSpec marketingCampaign() {
  return {"Marketing campaign",
          "MC",
          0.05,
          false,
          false,
          PartnerChoice::None,
          {"Marketing", "Sales"},
          {step("Marketing", "Plan campaign", 60),
           rework(step("Marketing", "Create content", 120), 0.15),
           optional(step("Legal", "Review claims", 30), 0.4),
           step("Marketing", "Launch campaign", 30), step("Sales", "Follow up leads", 30)}};
}

ProcessSpec hiring() {
  return {"Hiring",
          "HIR",
          0.03,
          false,
          false,
          PartnerChoice::AnyTeam,
          {"HR"},
          {step("HR", "Open position", 30), step("HR", "Screen candidates", 90),
           rework(onRef(TeamRef::Partner, "Interview candidate", 60), 0.3),
           step("HR", "Send offer", 20)}};
}

ProcessSpec purchaseRequest() {
  return {"Purchase request",
          "PR",
          0.05,
          false,
          false,
          PartnerChoice::None,
          {"Operations", "Procurement", "Finance"},
          {step("Operations", "Request purchase", 15), step("Procurement", "Compare offers", 60),
           step("Finance", "Approve spend", 15), step("Procurement", "Place order", 20),
           step("Operations", "Receive goods", 15)}};
}

// Background work of every team (and the only work of teams beyond the first twelve).
ProcessSpec internalRequest() {
  return {"Internal request",
          "IR",
          0.19,
          false,
          true,
          PartnerChoice::SameDepartment,
          {},
          {onRef(TeamRef::Owner, "Open request", 15),
           rework(onRef(TeamRef::Owner, "Work on request", 60), 0.1),
           optional(onRef(TeamRef::Partner, "Review request", 30), 0.5),
           sameAs(onRef(TeamRef::Owner, "Close request", 10), 0)}};
}

}  // namespace

std::vector<ProcessSpec> availableProcesses(const Organisation& org) {
  std::vector<ProcessSpec> all = {contractRequest(), customerOrder(),   incident(),
                                  featureRequest(),  researchStudy(),   marketingCampaign(),
                                  hiring(),          purchaseRequest(), internalRequest()};
  std::vector<ProcessSpec> available;
  for (ProcessSpec& process : all) {
    const bool complete =
        std::all_of(process.requiredTeams.begin(), process.requiredTeams.end(),
                    [&](const std::string& team) { return org.teamIndex(team) >= 0; });
    if (complete) available.push_back(std::move(process));
  }
  return available;
}

}  // namespace orglens::samples
