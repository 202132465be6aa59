#include "cli/analysis_input.h"

#include <algorithm>
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

namespace {

/// "a, b, c".
std::string commaList(const std::vector<std::string>& words) {
  std::string list;
  for (const auto& w : words) list += (list.empty() ? "" : ", ") + w;
  return list;
}

}  // namespace

void checkTableKey(const std::string& only, const std::vector<std::string>& keys) {
  if (only.empty() || std::find(keys.begin(), keys.end(), only) != keys.end()) return;
  throw std::invalid_argument("--table: there is no table '" + only +
                              "' here; there are: " + commaList(keys));
}

void checkTable(const std::vector<NamedTable>& tables, const std::string& only) {
  std::vector<std::string> keys;
  for (const auto& t : tables) keys.push_back(t.key);
  checkTableKey(only, keys);
}

void printTables(const std::vector<NamedTable>& tables, reports::Format format,
                 const std::string& definition, const std::string& only, const char* command) {
  checkTable(tables, only);
  std::vector<const NamedTable*> chosen;
  for (const auto& t : tables)
    if (only.empty() || t.key == only) chosen.push_back(&t);
  std::string out;
  switch (format) {
    case reports::Format::Text:
      for (const auto* t : chosen) {
        out += "\n" + t->title + "\n";
        out += t->table.rows.empty() ? "(none)\n" : reports::renderText(t->table);
        if (!t->table.note.empty()) out += t->table.note + "\n";
      }
      out += "\n(definition " + definition + ", see docs/metrics.md)\n";
      break;
    case reports::Format::Json:
      out = "{\n\"definition\": " + reports::jsonString(definition);
      for (const auto* t : chosen) {
        out += ",\n" + reports::jsonString(t->key) + ": " + reports::renderJson(t->table);
        while (!out.empty() && out.back() == '\n') out.pop_back();
      }
      out += "\n}\n";
      break;
    case reports::Format::Csv:
      if (!chosen.empty()) out = reports::renderCsv(chosen.front()->table);
      break;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (format == reports::Format::Csv && chosen.size() > 1) {
    std::vector<std::string> others;
    for (std::size_t i = 1; i < chosen.size(); ++i) others.push_back(chosen[i]->key);
    std::fflush(stdout);  // the note after the CSV, also where both go to one file
    std::fprintf(stderr,
                 "orglens %s: CSV holds one table; this is '%s'. For another, add --table with "
                 "one of: %s\n",
                 command, chosen.front()->key.c_str(), commaList(others).c_str());
  }
}

std::string tableChosenBy(const std::string& by, const std::vector<std::string>& byValues,
                          const std::vector<std::string>& keys, const std::string& table) {
  std::string fromBy;
  if (!by.empty()) {
    const auto at = std::find(byValues.begin(), byValues.end(), by);
    if (at == byValues.end())
      throw std::invalid_argument("--by: unknown grouping '" + by + "' (use " +
                                  commaList(byValues) + ")");
    fromBy = keys[static_cast<std::size_t>(at - byValues.begin())];
  }
  checkTableKey(table, keys);
  if (!fromBy.empty() && !table.empty() && fromBy != table)
    throw std::invalid_argument("--by " + by + " prints the table '" + fromBy +
                                "', but --table asks for '" + table + "': give one of them");
  return fromBy.empty() ? table : fromBy;
}

}  // namespace orglens::cli
