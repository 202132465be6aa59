// `orglens report`: the batch report in HTML, Markdown, JSON, a folder of CSV, or PDF.
#include <chrono>
#include <cstdio>
#include <fstream>

#include "cli/analysis_input.h"
#include "cli/commands.h"
#include "cli/terminal.h"
#include "importers/timestamp.h"
#include "reports/fail_on.h"
#include "reports/render_html.h"
#include "reports/render_markdown.h"
#include "reports/render_pdf.h"
#include "reports/report_builder.h"
#include "reports/report_csv.h"
#include "reports/report_json.h"

namespace orglens::cli {
namespace {

enum class OutFormat { Html, Markdown, Json, Csv, Pdf };

OutFormat outputFormat(const ReportArgs& args) {
  std::string f = args.format;
  if (f.empty()) {
    const auto ext = args.out.extension().string();
    const auto name = args.out.string();
    if (ext == ".html" || ext == ".htm") f = "html";
    else if (ext == ".md" || ext == ".markdown") f = "md";
    else if (ext == ".json") f = "json";
    else if (ext == ".pdf") f = "pdf";
    else if (ext.empty() || (!name.empty() && name.back() == '/') ||
             std::filesystem::is_directory(args.out))
      f = "csv";
    else
      throw std::invalid_argument("-o " + name + ": cannot tell the format from '" + ext +
                                  "'; use .html, .md, .json, .pdf, a folder (CSV) or --format");
  }
  if (f == "html") return OutFormat::Html;
  if (f == "md" || f == "markdown") return OutFormat::Markdown;
  if (f == "json") return OutFormat::Json;
  if (f == "csv") return OutFormat::Csv;
  if (f == "pdf") return OutFormat::Pdf;
  throw std::invalid_argument("--format: expected html, md, json, csv or pdf, not '" + f + "'");
}

std::optional<model::MicrosUtc> parseTime(const std::string& text, const std::string& option) {
  if (text.empty()) return std::nullopt;
  if (auto t = importers::TimestampParser().parse(text)) return t;
  throw std::invalid_argument(option + ": cannot read '" + text +
                              "' as a date or time (e.g. 2025-03-01 or 2025-03-01T12:00:00Z)");
}

reports::ReportOptions reportOptions(const ReportArgs& args) {
  reports::ReportOptions o;
  o.from = parseTime(args.from, "--from");
  o.to = parseTime(args.to, "--to");
  if (!args.compare.empty()) {
    const auto dots = args.compare.find("..");
    if (dots == std::string::npos)
      throw std::invalid_argument("--compare: expected FROM..TO (either side may be empty), not '" +
                                  args.compare + "'");
    o.compare = true;
    o.compareFrom = parseTime(args.compare.substr(0, dots), "--compare");
    o.compareTo = parseTime(args.compare.substr(dots + 2), "--compare");
  }
  o.team = args.team;
  o.privacy.showPeople = args.showPeople;
  o.privacy.minGroup = args.minGroup;
  o.top = args.top;
  o.minCount = args.minCount;
  o.threads = args.threads;
  if (args.stamp) {
    const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    o.stamp = model::formatIsoUtc(now.count());
  }
  if (auto problem = o.validate(); !problem.empty()) throw std::invalid_argument(problem);
  return o;
}

/// Writes through a temporary file and a rename: a failed run never leaves half a report.
void writeText(const std::filesystem::path& out, const std::string& text) {
  auto tmp = out;
  tmp += ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file.flush()) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, out);
}

void writeReport(const reports::Report& report, const std::filesystem::path& out,
                 OutFormat format) {
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  switch (format) {
    case OutFormat::Html:
      return writeText(out, reports::renderHtml(report));
    case OutFormat::Markdown:
      return writeText(out, reports::renderMarkdown(report));
    case OutFormat::Json:
      return writeText(out, reports::renderReportJson(report));
    case OutFormat::Csv:
      return reports::writeCsvFolder(report, out);
    case OutFormat::Pdf:
      return reports::writePdf(report, out);
  }
}

}  // namespace

int runReport(const ReportArgs& args) {
  return guarded("report", [&] {
    const auto format = outputFormat(args);
    const auto options = reportOptions(args);
    std::vector<reports::Threshold> thresholds;
    for (const auto& expr : args.failOn) thresholds.push_back(reports::parseThreshold(expr));
    const auto store = model::Store::open(args.db, model::Store::Mode::ReadOnly);
    StderrProgress progress("report");
    const auto report = reports::buildReport(*store, options, progress);
    progress.finish();
    const auto crossed = reports::crossedThresholds(thresholds, report.measures);
    try {
      writeReport(report, args.out, format);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "orglens report: cannot write %s: %s\n", args.out.string().c_str(),
                   e.what());
      return int(kBadInput);
    }
    if (!args.quiet) {
      std::printf("Report written to %s\n", args.out.string().c_str());
      if (!report.findings.empty()) std::printf("\nHeadline findings:\n");
      for (const auto& f : report.findings) std::printf("  - %s\n", f.text.c_str());
    }
    for (const auto& c : crossed) std::fprintf(stderr, "orglens report: %s\n", c.c_str());
    return int(crossed.empty() ? kOk : kThreshold);
  });
}

}  // namespace orglens::cli
