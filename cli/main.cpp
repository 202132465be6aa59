// orglens — the command line. The only translation unit that includes CLI11.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"
#include "cli/terminal.h"

namespace {

using namespace orglens::cli;

void addSample(CLI::App& app, SampleArgs& args) {
  auto* cmd = app.add_subcommand("sample",
                                 "Generate the sample organisation (roster, events, ground truth)");
  cmd->add_option("--out,-o", args.out, "Folder to write into (created if missing)")->required();
  cmd->add_option("--people", args.people, "Number of people")
      ->capture_default_str()
      ->check(CLI::Range(20, 1000000));
  cmd->add_option("--teams", args.teams, "Number of teams")
      ->capture_default_str()
      ->check(CLI::Range(6, 40));
  cmd->add_option("--days", args.days, "Days of activity")
      ->capture_default_str()
      ->check(CLI::Range(14, 3650));
  cmd->add_option("--seed", args.seed, "Random seed: the same seed gives the same bytes")
      ->capture_default_str();
  cmd->footer(
      "Writes roster.csv, events.csv (one row per activity instance, local times with UTC "
      "offsets) and ground-truth.json (the facts planted: a slow Legal -> Operations handoff, a "
      "silo team, a single broker, a department without chat, a mobile-first field team, weekend "
      "work).\n\nExamples:\n  orglens sample --out out/sample\n  orglens sample --out /tmp/big "
      "--people 2000 --days 365 --seed 7");
}

void addImport(CLI::App& app, ImportArgs& args) {
  auto* cmd = app.add_subcommand("import",
                                 "Import files or folders into a store (one transaction per file)");
  cmd->add_option(
         "inputs", args.inputs,
         "Files or folders to import (a folder imports every file it recognises, rosters first)")
      ->required();
  cmd->add_option("--db", args.db, "Store file (*.orglens), created when missing")->required();
  cmd->add_option("--format,-f", args.format,
                  "Format instead of detection (see `orglens formats`)");
  cmd->add_option(
      "--map", args.map,
      "Column mapping FIELD=COLUMN[,FIELD=COLUMN...]; event-csv fields: item, activity, "
      "time, start, actor, team, tool, platform, lifecycle");
  cmd->add_option("--timezone", args.timezone,
                  "IANA time zone of times without a UTC offset (default UTC)");
  cmd->add_flag("--month-first", args.monthFirst,
                "Read 03/04/2025 as 4 March (default: day first)");
  cmd->add_flag("--strict", args.strict, "Fail on the first bad row instead of skipping it");
  cmd->add_option(
      "--person-type", args.personTypes,
      "OCEL object type(s) whose objects are people (default: detected by name, e.g. employees)");
  cmd->add_flag("--keep-subjects", args.keepSubjects,
                "E-mail: keep message subjects (off by default; bodies are never stored)");
  cmd->add_flag("--thread-by-subject", args.threadBySubject,
                "E-mail: a message without References/In-Reply-To joins the thread with the "
                "same subject (without Re:/Fwd:/AW:/WG:) seen within 30 days");
  cmd->add_option("--pseudonymize-key", args.pseudonymizeKey,
                  "Key file (>= 16 bytes; make one with `head -c 32 /dev/urandom > KEY`): every "
                  "name, address and id is stored as a keyed HMAC-SHA256 pseudonym (p-...); the "
                  "same key gives the same pseudonyms. See docs/privacy.md");
  cmd->add_option("--repo", args.githubRepos,
                  "GitHub/GH Archive: import only this repository (owner/name; repeatable)");
  cmd->add_option("--org", args.githubOwners,
                  "GitHub/GH Archive: import only the repositories of this owner (repeatable)");
  cmd->add_flag("--quiet,-q", args.quiet, "Do not list the diagnostics");
  cmd->footer(
      "Importing the same file twice (same content, format and options) adds nothing. A file "
      "either imports completely or not at all; bad rows are skipped with a diagnostic naming "
      "file and line (--strict makes them fatal).\n\nExamples:\n"
      "  orglens import out/sample --db org.orglens\n"
      "  orglens import cases.csv --db org.orglens --map item=CaseID,time=Timestamp,actor=Owner "
      "--timezone Europe/Berlin\n"
      "  orglens import people.csv --db org.orglens --format roster-csv");
}

void addInfo(CLI::App& app, InfoArgs& args) {
  auto* cmd = app.add_subcommand(
      "info", "Show what a store holds: counts, time span, people, teams, sources");
  cmd->add_option("--db", args.db, "Store file (*.orglens)")->required();
  cmd->add_option("--format", args.format, "table, json or csv (csv: the sources)")
      ->capture_default_str();
  cmd->add_flag("--diagnostics", args.diagnostics,
                "Also list the diagnostics every import recorded (file, line, reason)");
  cmd->footer(
      "Examples:\n  orglens info --db org.orglens\n  orglens info --db org.orglens --format json\n"
      "  orglens info --db org.orglens --diagnostics");
}

void addShowPeople(CLI::App* cmd, bool& showPeople) {
  cmd->add_flag("--show-people", showPeople,
                "Show people by their id or e-mail instead of stable pseudonyms (P-XXXXXXX); "
                "privacy by default, see docs/privacy.md");
}

void addAnalysisOptions(CLI::App* cmd, AnalysisArgs& args) {
  cmd->add_option("--db", args.db, "Store file (*.orglens)")->required();
  cmd->add_option("--from", args.from,
                  "Only events at or after this date/time (UTC, e.g. 2025-03-01)");
  cmd->add_option("--to", args.to, "Only events before this date/time (UTC)");
  cmd->add_option("--items", args.items, "Work-item type: task, thread, ... or any")
      ->capture_default_str();
  cmd->add_option("--format", args.format, "table, json or csv (JSON/CSV durations in seconds)")
      ->capture_default_str();
  cmd->add_option("--top", args.top, "Rows per table (0 = all)")->capture_default_str();
  cmd->add_option("--table", args.table,
                  "Print only this table, by its JSON key (CSV holds one table: the first "
                  "unless this names another; the command says which keys there are)");
  cmd->add_option("--threads", args.threads,
                  "Worker threads for reading the store and analysing (0 = all cores; results do "
                  "not depend on it)");
  addShowPeople(cmd, args.showPeople);
}

void addHandoffs(CLI::App& app, HandoffArgs& args) {
  auto* cmd =
      app.add_subcommand("handoffs", "Where work waits between people and teams: slow handoffs");
  addAnalysisOptions(cmd, args.common);
  cmd->add_option("--by", args.by, "person, team, activity or team-activity")
      ->capture_default_str();
  cmd->add_option("--min-count", args.minCount, "Leave out groups with fewer handoffs")
      ->capture_default_str();
  cmd->add_flag(
      "--pm4py", args.pm4py,
      "Print PM4Py's handover-of-work, working-together and timed-handover tables instead");
  cmd->add_flag("--all", args.all,
                "JSON: also the waits-on, ping-pong and rework tables (keys waits_on_person, "
                "waits_on_team, ping_pong, rework; for one of them as CSV: --table KEY)");
  cmd->footer(
      "A handoff is a pair of consecutive activity instances of one work item done by two "
      "different people; its wait runs from the completion of the first to the start of the "
      "second. Excess delay = the part of each wait above the usual wait of the same activity "
      "pair inside one team (definition handoffs/1 in docs/metrics.md).\n\nExamples:\n"
      "  orglens handoffs --db org.orglens\n  orglens handoffs --db org.orglens --by person --top "
      "20\n"
      "  orglens handoffs --db org.orglens --by team-activity --format csv > slow.csv\n"
      "  orglens handoffs --db org.orglens --table waits_on_team --format csv\n"
      "  orglens handoffs --db org.orglens --pm4py");
}

void addFlow(CLI::App& app, FlowArgs& args) {
  auto* cmd =
      app.add_subcommand("flow", "The process map: directly-follows edges, throughput, variants");
  addAnalysisOptions(cmd, args.common);
  cmd->footer(
      "Edges join consecutive activity instances of a work item; their duration runs from the "
      "completion of one to the start of the next (PM4Py's performance DFG; definition flow/1)."
      "\n\nTables (--table): dfg, summary, variants.\n\nExamples:\n  orglens flow --db "
      "org.orglens\n  orglens flow --db org.orglens --top 0 --format json\n  orglens flow --db "
      "org.orglens --table variants --top 0 --format csv");
}

void addExport(CLI::App& app, ExportArgs& args) {
  auto* cmd = app.add_subcommand("export", "Export a store as an OCEL 2.0 log (SQLite or JSON)");
  cmd->add_option("--db", args.db, "Store file (*.orglens), opened read-only")->required();
  cmd->add_option("--ocel", args.ocel,
                  "Output file: .sqlite/.db for OCEL 2.0 SQLite, .json/.jsonocel for JSON")
      ->required();
  cmd->add_flag("--force", args.force, "Overwrite the output file if it exists");
  cmd->footer(
      "Writes every event, object, qualified event-object and object-object link and typed "
      "attribute (with its history) in the OCEL 2.0 standard's layout, for PM4Py, ocpa and "
      "Celonis. People keep the OCEL type they were imported with, else \"person\".\n\nExamples:\n"
      "  orglens export --db org.orglens --ocel org.sqlite\n"
      "  orglens export --db org.orglens --ocel org.jsonocel --force");
}

void addWorkload(CLI::App& app, WorkloadArgs& args) {
  auto* cmd = app.add_subcommand(
      "workload", "Work in progress per person and team, arrivals and completions per week");
  addAnalysisOptions(cmd, args.common);
  cmd->add_option("--by", args.by,
                  "person, team or week: only that table (default: all three; CSV: person)");
  cmd->footer(
      "An item is open from its first to its last event and is held by the actor of its latest "
      "activity; work in progress is counted at the end of every week (definition workload/1)."
      "\n\nExamples:\n  orglens workload --db org.orglens\n  orglens workload --db org.orglens "
      "--by team --top 0 --format csv\n  orglens workload --db org.orglens --by week --format "
      "json");
}

void addAdoption(CLI::App& app, AdoptionArgs& args) {
  auto* cmd = app.add_subcommand("adoption", "Who uses which tools, how often, on which device");
  addAnalysisOptions(cmd, args.common);
  cmd->add_option("--by", args.by,
                  "tool, platform, department, role, week; under-used (tools per department "
                  "against the average department); shift or shift-month (share of each tool in "
                  "the interactions of people who use e-mail and another tool, per week or month)")
      ->capture_default_str();
  cmd->add_flag(
      "--segments", args.segments,
      "Usage segments, funnel, depth, tried-then-abandoned and struggling people instead");
  cmd->add_flag("--champions", args.champions,
                "Champions per department instead: habitual and power users active in the last "
                "4 weeks with cross-team ties, ranked by betweenness in the collaboration graph "
                "(by cross-team messages when there are no ties); --top per department");
  cmd->footer(
      "Registered people: the roster, chat users (not bots, not deleted) and usage-log users. "
      "Actions: usage-log rows, chat posts, replies and reactions, sent e-mail (process events "
      "and --items are not used, except by --champions for the collaboration graph). DAU/WAU/MAU "
      "over the last 1/7/30 UTC days of the log; weekend "
      "and after hours (before 08:00, from 18:00) in each person's time zone. Departments and "
      "teams with fewer than 5 people are suppressed (definition adoption/1, docs/metrics.md)."
      "\n\nExamples:\n  orglens adoption --db org.orglens\n  orglens adoption --db org.orglens "
      "--by tool\n  orglens adoption --db org.orglens --segments --format json\n  orglens "
      "adoption --db org.orglens --champions --top 3\n  orglens adoption --db org.orglens --by "
      "under-used\n  orglens adoption --db org.orglens --by shift-month --format csv");
}

void addResponsiveness(CLI::App& app, ResponsivenessArgs& args) {
  auto* cmd = app.add_subcommand("responsiveness",
                                 "Reply latency, time to first response and unanswered threads");
  addAnalysisOptions(cmd, args.common);
  cmd->add_option("--by", args.by,
                  "person, team or team-pair (the responder's side): only that table (default: "
                  "all three; CSV: person)");
  cmd->add_flag("--working-hours", args.workingHours,
                "Count only working time (Mon-Fri) in the responder's time zone");
  cmd->add_option("--min-count", args.minCount, "Leave out groups with fewer replies")
      ->capture_default_str();
  cmd->add_option("--work-start", args.startHour, "First working hour (local)")
      ->capture_default_str();
  cmd->add_option("--work-end", args.endHour, "End of the working day (local hour)")
      ->capture_default_str();
  cmd->footer(
      "Works on messages (e-mail, chat, message CSV): a reply's latency runs from its parent "
      "message to the reply by another person; a thread's first response is the first message by "
      "someone other than its author (definition responsiveness/1).\n\nExamples:\n"
      "  orglens responsiveness --db org.orglens\n  orglens responsiveness --db org.orglens "
      "--working-hours\n  orglens responsiveness --db org.orglens --by team-pair --format csv");
}

void addNetworkOptions(CLI::App* cmd, NetworkArgs& args) {
  addAnalysisOptions(cmd, args.common);
  cmd->add_option("--min-interactions", args.minInteractions,
                  "Interactions a tie needs (handoffs + shared items + messages)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--handoff-weight", args.handoffWeight, "Weight of each handoff (0 = off)")
      ->capture_default_str();
  cmd->add_option("--cowork-weight", args.coworkWeight, "Weight of each shared item (0 = off)")
      ->capture_default_str();
  cmd->add_option("--message-weight", args.messageWeight,
                  "Weight of a message, shared among its recipients (0 = off)")
      ->capture_default_str();
}

void addNetwork(CLI::App& app, NetworkArgs& args) {
  auto* cmd = app.add_subcommand(
      "network", "Collaboration network: degree, strength, betweenness and constraint per person");
  addNetworkOptions(cmd, args);
  cmd->add_flag("--weighted", args.weighted, "Betweenness over tie lengths 1 / weight");
  cmd->footer(
      "People are tied by handoffs, work items they share and messages (sender to each "
      "recipient); a tie needs 2 interactions by default. Betweenness is exact (Brandes), raw "
      "as igraph reports it and normalised by (n-1)(n-2)/2 (definition network/1).\n\n"
      "Examples:\n  orglens network --db org.orglens\n  orglens network --db org.orglens "
      "--weighted --top 0 --format csv");
}

void addSilos(CLI::App& app, NetworkArgs& args) {
  auto* cmd = app.add_subcommand(
      "silos", "Silos: E-I index and cross-team share per team, brokers, team matrix");
  addNetworkOptions(cmd, args);
  cmd->footer(
      "Krackhardt's E-I index per team over tie counts: (ties across - ties inside) / all its "
      "ties, -1 = every tie inside the team (definition network/1).\n\n"
      "Tables (--table): teams, brokers, matrix, communities, assortativity.\n\nExamples:\n"
      "  orglens silos --db org.orglens\n  orglens silos --db org.orglens --format json\n"
      "  orglens silos --db org.orglens --table matrix --format csv");
}

void addBusFactor(CLI::App& app, BusFactorArgs& args) {
  auto* cmd = app.add_subcommand(
      "busfactor", "Bus factor: fewest people behind half the work per folder or task area");
  cmd->add_option("--db", args.common.db, "Store file (*.orglens)")->required();
  cmd->add_option("--from", args.common.from,
                  "Only events at or after this date/time (UTC, e.g. 2025-03-01)");
  cmd->add_option("--to", args.common.to, "Only events before this date/time (UTC)");
  cmd->add_option("--format", args.common.format, "table, json or csv")->capture_default_str();
  cmd->add_option("--top", args.common.top, "Rows (0 = all)")->capture_default_str();
  addShowPeople(cmd, args.common.showPeople);
  cmd->add_option("--share", args.share, "Share of the events the key people reach")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 1.0));
  cmd->footer(
      "Areas: the folder of each document (its path up to the last '/') and, for tasks, the "
      "activity of the task's first event. Bus factor = the fewest people whose events reach "
      "half of the area's events (definition network/1).\n\nExamples:\n"
      "  orglens busfactor --db org.orglens\n  orglens busfactor --db org.orglens --top 0 "
      "--format csv");
}

void addReport(CLI::App& app, ReportArgs& args) {
  auto* cmd = app.add_subcommand(
      "report", "Write the batch report: every analysis as HTML, Markdown, JSON, CSV or PDF");
  cmd->add_option("--db", args.db, "Store file (*.orglens)")->required();
  cmd->add_option("-o,--out", args.out,
                  "Output: report.html (one self-contained file), report.md, report.json, "
                  "report.pdf (needs Chromium), or a folder for one CSV per table")
      ->required();
  cmd->add_option("--format", args.format, "html, md, json, csv or pdf (default: from -o)");
  cmd->add_option("--from", args.from, "Only data at or after this date/time (UTC)");
  cmd->add_option("--to", args.to, "Only data before this date/time (UTC)");
  cmd->add_option("--compare", args.compare,
                  "Compare every headline measure with an earlier window FROM..TO "
                  "(e.g. 2025-01-01..2025-04-01; either side may be empty)");
  cmd->add_option("--team", args.team,
                  "Report on one team (its label; an unknown one is refused with the list of teams): handoffs, "
                  "flow and workload of the items its members worked on, responsiveness of the "
                  "threads they posted in, adoption of its people; silos stay organisation-wide. "
                  "A team smaller than --min-group is refused unless --show-people");
  cmd->add_option("--fail-on", args.failOn,
                  "Exit with code 3 when a measure crosses a threshold, e.g. "
                  "'handoff.team.median>2d' or 'adoption.dau_pct<20' (repeatable; units s, "
                  "min, h, d, w, %)");
  cmd->add_flag("--stamp", args.stamp,
                "Print the time of the run in the report (off: the same store gives the same "
                "bytes)");
  addShowPeople(cmd, args.showPeople);
  cmd->add_option("--min-group", args.minGroup,
                  "Suppress figures about groups of fewer than this many people")
      ->capture_default_str()
      ->check(CLI::Range(2u, 1000u));
  cmd->add_option("--top", args.top, "Rows of the ranked tables (0 = all)")->capture_default_str();
  cmd->add_option("--min-count", args.minCount, "Handoffs a team pair needs to be ranked")
      ->capture_default_str();
  cmd->add_option("--threads", args.threads,
                  "Worker threads for reading the store and analysing (0 = all cores; results do "
                  "not depend on it)");
  cmd->add_flag("-q,--quiet", args.quiet, "Do not print the path and the headline findings");
  cmd->footer(
      "Sections: headline findings, handoffs, flow, workload, responsiveness, silos, adoption, "
      "data quality, method. People appear as pseudonyms and groups of fewer than --min-group "
      "people are suppressed (docs/privacy.md). Measures for --fail-on and --compare are listed "
      "in docs/report-schema.md.\n\nExamples:\n"
      "  orglens report --db org.orglens -o report.html\n"
      "  orglens report --db org.orglens -o report.pdf --from 2025-04-01\n"
      "  orglens report --db org.orglens -o nightly/ --format csv --fail-on 'handoff.team.median>2d'\n"
      "  orglens report --db org.orglens -o q2.html --from 2025-04-01 --to 2025-07-01 "
      "--compare 2025-01-01..2025-04-01\n"
      "  orglens report --db org.orglens -o engineering.html --team Engineering\n"
      "Exit codes: 0 ok, 1 usage, 2 bad input or output, 3 a --fail-on threshold crossed.");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"orglens — where work waits, where teams are silos, whether the tools are used"};
  app.set_version_flag("--version", std::string("orglens ") + ORGLENS_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Start with the sample organisation:\n"
      "  orglens sample --out out/sample\n"
      "  orglens import out/sample --db out/demo.orglens\n"
      "  orglens info --db out/demo.orglens\n"
      "  orglens report --db out/demo.orglens -o out/report.html\n\n"
      "Run `orglens COMMAND --help` for a command's options and examples.\n"
      "Exit codes: 0 ok, 1 usage error, 2 bad input (file, line and reason on stderr), 3 a\n"
      "threshold of `orglens report --fail-on` crossed.\n"
      "Environment: the handoff and flow analyses ask Linux for 2 MB pages where it gives\n"
      "them without stalling and no hypervisor takes free memory back; ORGLENS_HUGE_PAGES=off\n"
      "keeps 4 KB pages, ORGLENS_HUGE_PAGES=on asks under such a hypervisor too\n"
      "(docs/performance.md).");
  SampleArgs sample;
  ImportArgs import;
  InfoArgs info;
  addSample(app, sample);
  addImport(app, import);
  addInfo(app, info);
  ExportArgs exportArgs;
  addExport(app, exportArgs);
  HandoffArgs handoffs;
  FlowArgs flow;
  addHandoffs(app, handoffs);
  addFlow(app, flow);
  WorkloadArgs workload;
  addWorkload(app, workload);
  AdoptionArgs adoption;
  addAdoption(app, adoption);
  ResponsivenessArgs responsiveness;
  addResponsiveness(app, responsiveness);
  NetworkArgs network, silos;
  addNetwork(app, network);
  addSilos(app, silos);
  BusFactorArgs busFactor;
  addBusFactor(app, busFactor);
  ReportArgs report;
  addReport(app, report);
  app.add_subcommand("formats", "List the input formats orglens reads");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  if (app.got_subcommand("sample")) return runSample(sample);
  if (app.got_subcommand("import")) return runImport(import);
  if (app.got_subcommand("info")) return runInfo(info);
  if (app.got_subcommand("export")) return runExport(exportArgs);
  if (app.got_subcommand("formats")) return runFormats();
  if (app.got_subcommand("handoffs")) return runHandoffs(handoffs);
  if (app.got_subcommand("flow")) return runFlow(flow);
  if (app.got_subcommand("workload")) return runWorkload(workload);
  if (app.got_subcommand("adoption")) return runAdoption(adoption);
  if (app.got_subcommand("responsiveness")) return runResponsiveness(responsiveness);
  if (app.got_subcommand("network")) return runNetwork(network);
  if (app.got_subcommand("silos")) return runSilos(silos);
  if (app.got_subcommand("busfactor")) return runBusFactor(busFactor);
  if (app.got_subcommand("report")) return runReport(report);
  return kUsage;
}
