#include "cli/analysis_input.h"

#include <cstdio>
#include <stdexcept>

#include "importers/timestamp.h"

namespace orglens::cli {
namespace {

std::optional<model::MicrosUtc> parseBound(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  importers::TimestampParser parser;
  if (auto t = parser.parse(text)) return t;
  throw std::invalid_argument(std::string(option) + ": cannot read '" + text +
                              "' as a date or time (e.g. 2025-03-01 or 2025-03-01T12:00:00Z)");
}

}  // namespace

model::EventLog loadLog(const AnalysisArgs& args, std::unique_ptr<model::Store>& store) {
  model::EventLogOptions options;
  options.from = parseBound(args.from, "--from");
  options.to = parseBound(args.to, "--to");
  if (options.from && options.to && *options.from >= *options.to)
    throw std::invalid_argument("--from must be before --to");
  options.itemType = args.items == "any" ? "" : args.items;
  options.threads = args.threads;
  reports::parseFormat(args.format);  // validates early
  store = model::Store::open(args.db, model::Store::Mode::ReadOnly);
  return model::EventLog::load(*store, options);
}

reports::PersonNames personNames(const model::Store& store, const AnalysisArgs& args) {
  return reports::PersonNames(reports::pseudonymSalt(store), args.showPeople);
}

void printTables(const std::vector<NamedTable>& tables, reports::Format format,
                 const std::string& definition) {
  std::string out;
  switch (format) {
    case reports::Format::Text:
      for (const auto& t : tables) {
        out += "\n" + t.title + "\n";
        out += t.table.rows.empty() ? "(none)\n" : reports::renderText(t.table);
        if (!t.table.note.empty()) out += t.table.note + "\n";
      }
      out += "\n(definition " + definition + ", see docs/metrics.md)\n";
      break;
    case reports::Format::Json:
      out = "{\n\"definition\": " + reports::jsonString(definition);
      for (const auto& t : tables) {
        out += ",\n" + reports::jsonString(t.key) + ": " + reports::renderJson(t.table);
        while (!out.empty() && out.back() == '\n') out.pop_back();
      }
      out += "\n}\n";
      break;
    case reports::Format::Csv:
      if (!tables.empty()) out = reports::renderCsv(tables.front().table);
      break;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace orglens::cli
