// A small hand-made report with every kind of block, for the renderer tests: characters that
// need escaping, a suppressed cell, a NaN value, a measure without value, unicode.
#pragma once

#include <cmath>
#include <limits>

#include "reports/report.h"

namespace orglens::test {

inline reports::Report fixtureReport() {
  using namespace orglens::reports;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Report r;
  r.meta.store = "fixture.orglens";
  r.meta.window = "2026-01-01 .. 2026-06-30";
  r.meta.version = "0.1.0";
  r.findings = {{"handoffs",
                 "Work waits 3.1 days on average when Legal hands over to Operations — 41% of "
                 "all waiting time."},
                {"silos", "Research <R&D> has the fewest ties outside its team (E-I −0.82)."}};
  r.measures = {{"handoff.team.median", "Median wait of the slowest team handoff", Unit::Seconds,
                 267840.0, 172800.0, "Legal → Operations"},
                {"adoption.dau_pct", "Daily active people, % of registered", Unit::Percent,
                 37.5, std::nullopt, ""},
                {"silos.min_ei", "Lowest E-I index of a team", Unit::None, -0.82, std::nullopt,
                 "Research"},
                {"handoff.count", "Handoffs", Unit::Count, std::nullopt, std::nullopt,
                 "no data"}};

  Section handoffs{"handoffs", "Handoffs", {}};
  handoffs.blocks.push_back(Paragraph{"Where work waits between teams & people, by \"excess\" "
                                      "delay."});
  Table t;
  t.key = "handoff_team_pairs";
  t.title = "Slowest team handoffs";
  t.columns = {{"from"},
               {"to"},
               {"count", Align::Right, true, Unit::Count},
               {"median", Align::Right, true, Unit::Seconds},
               {"share", Align::Right, true, Unit::Percent}};
  t.rows = {{"Legal", "Operations", "120", "267840.000", "41.0"},
            {"Sales <EMEA>", "Support & Care", "80", "3600.500", "12.5"},
            {"Tiny team", "Operations", kSuppressedCell, kSuppressedCell, kSuppressedCell}};
  t.note = "1 row suppressed: fewer than 5 people.";
  handoffs.blocks.push_back(t);
  Chart bar;
  bar.key = "handoff_team_median";
  bar.kind = ChartKind::Bar;
  bar.title = "Median wait by team pair";
  bar.description = "Legal → Operations waits longest (3.1 d), Sales → Support 1.0 h.";
  bar.xLabel = "team pair";
  bar.yLabel = "median wait";
  bar.unit = Unit::Seconds;
  bar.categories = {"Legal → Operations", "Sales → Support", "Tiny → Operations"};
  bar.series = {{"median wait", {267840.0, 3600.5, nan}}};
  handoffs.blocks.push_back(bar);
  Chart heat;
  heat.key = "handoff_team_heatmap";
  heat.kind = ChartKind::Heatmap;
  heat.title = "Median wait, team × team";
  heat.description = "Rows hand over to columns; darker is slower.";
  heat.unit = Unit::Seconds;
  heat.rows = {"Legal", "Operations", "Sales"};
  heat.categories = {"Legal", "Operations", "Sales"};
  heat.series = {{"Legal", {nan, 267840.0, 7200.0}},
                 {"Operations", {3600.0, nan, 1800.0}},
                 {"Sales", {86400.0, nan, 600.0}}};
  handoffs.blocks.push_back(heat);
  r.sections.push_back(handoffs);

  Section adoption{"adoption", "Adoption", {}};
  Chart line;
  line.key = "adoption_active_trend";
  line.kind = ChartKind::Line;
  line.title = "Active people per week, % of registered";
  line.description = "Weekly active share rose from 20% to 45% over six weeks.";
  line.xLabel = "week";
  line.yLabel = "% active";
  line.unit = Unit::Percent;
  line.categories = {"2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06"};
  line.series = {{"chat", {20, 25, 31, nan, 40, 45}}, {"e-mail", {80, 78, 75, 70, 66, 60}}};
  adoption.blocks.push_back(line);
  r.sections.push_back(adoption);

  Section silos{"silos", "Silos and brokers", {}};
  Chart net;
  net.key = "collaboration_network";
  net.kind = ChartKind::Network;
  net.title = "Who works with whom";
  net.description = "Four people in two teams; P-7KQ2M bridges them.";
  net.nodes = {{"P-7KQ2M", "Research", 3.0, 0.5, 0.5},
               {"P-A1B2C", "Research", 1.0, 0.2, 0.3},
               {"P-ZZ9Y8", "Sales", 1.0, 0.8, 0.7},
               {"P-QQ4RT", "Sales", 1.0, 0.9, 0.2}};
  net.edges = {{0, 1, 2.0}, {0, 2, 5.0}, {2, 3, 1.0}};
  silos.blocks.push_back(net);
  r.sections.push_back(silos);

  Section method{"method", "Method", {}};
  method.blocks.push_back(Paragraph{"Definitions: handoffs/1, network/1, adoption/1."});
  r.sections.push_back(method);
  return r;
}

}  // namespace orglens::test
