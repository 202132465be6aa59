// The report model: one plain value (sections of paragraphs, tables and charts as data, the
// headline findings and measures) built once by reports/report_builder and written by one
// renderer per format (HTML, Markdown, JSON, a folder of CSV, PDF). Renderers never run an
// analysis and never see a person's identity: the builder has already applied the privacy
// rules (pseudonyms, suppression of small groups) to every string and number in here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "reports/table.h"

namespace orglens::reports {

/// Version of the report's structure; the JSON carries it as "schema_version" and
/// docs/report-schema.md documents each version.
inline constexpr int kReportSchemaVersion = 1;

/// A headline measure, named so that `--fail-on` and `--compare` can refer to it
/// ("handoff.team.median", "adoption.dau_pct"). Seconds for durations, percent points for
/// shares.
struct Measure {
  std::string key;
  std::string label;  // for people: "Median wait of the slowest team handoff"
  Unit unit = Unit::None;
  std::optional<double> value;     // nullopt: not available (no data) or suppressed
  std::optional<double> previous;  // the same measure in the --compare window
  std::string note;                // what the value refers to ("Legal → Operations")
};

/// One plain-language sentence for the top of the report, most important first.
struct Finding {
  std::string section;  // key of the section it comes from
  std::string text;
};

enum class ChartKind { Bar, Line, Heatmap, Network };

/// One named row of values; NaN is "no value" (a gap, or a suppressed cell).
struct Series {
  std::string name;
  std::vector<double> values;
};

struct NetworkNode {
  std::string label;
  std::string group;  // team or community: the colour
  double size = 1;    // relative, > 0 (for example betweenness)
  double x = 0.5, y = 0.5;  // layout position in [0, 1] × [0, 1], computed by the builder
};

struct NetworkEdge {
  std::uint32_t a = 0, b = 0;  // indexes into nodes
  double weight = 1;
};

/// A chart as data. Bar/Line: `categories` along x, one value per category in each series.
/// Heatmap: `rows` × `categories` cells, series[r].values[c]. Network: nodes and edges.
struct Chart {
  std::string key;  // snake_case, unique within a report
  ChartKind kind = ChartKind::Bar;
  std::string title;
  std::string description;  // the text alternative: what the chart shows, in words
  std::string xLabel, yLabel;
  Unit unit = Unit::None;  // of the values
  std::vector<std::string> categories;
  std::vector<std::string> rows;
  std::vector<Series> series;
  std::vector<NetworkNode> nodes;
  std::vector<NetworkEdge> edges;
};

struct Paragraph {
  std::string text;
};

using Block = std::variant<Paragraph, Table, Chart>;

struct Section {
  std::string key;  // "findings", "handoffs", "flow", "workload", "responsiveness", "silos",
                    // "adoption", "data_quality", "method"
  std::string title;
  std::vector<Block> blocks;
};

struct ReportMeta {
  std::string title = "orglens report";
  std::string store;          // file name of the store (no folder)
  std::string window;         // "2026-01-01 .. 2026-06-30", or "all data"
  std::string compareWindow;  // empty without --compare
  std::string team;           // the team filter's team; empty = the whole organisation
  std::string generated;      // UTC time of the run, only with --stamp (else empty)
  std::string version;        // orglens version
  unsigned minGroup = 5;      // k of the suppression rule
  bool showPeople = false;    // false: people appear as pseudonyms
};

struct Report {
  ReportMeta meta;
  std::vector<Finding> findings;
  std::vector<Measure> measures;
  std::vector<Section> sections;
};

}  // namespace orglens::reports
