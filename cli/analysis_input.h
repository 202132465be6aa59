// What every analysis command shares: the store, the time window, the work-item type, the
// output format; and printing a set of titled tables in that format.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "model/event_log.h"
#include "model/store.h"
#include "reports/privacy.h"
#include "reports/table.h"

namespace orglens::cli {

struct AnalysisArgs {
  std::filesystem::path db;
  std::string from, to;        // ISO dates or times (UTC); empty = open
  std::string items = "task";  // work-item type; "any" = every type
  std::string format = "table";
  std::size_t top = 10;
  unsigned threads = 0;
  bool showPeople = false;  // --show-people: keys instead of pseudonyms (privacy)
  std::string table;        // --table: print only the table with this key; empty = all
};

/// How people are shown: pseudonyms from the store's salt, or keys with --show-people.
reports::PersonNames personNames(const model::Store& store, const AnalysisArgs& args);

/// Opens the store and loads the event log. Throws std::invalid_argument for bad options
/// (usage) and model::StoreError for an unusable store (bad input).
model::EventLog loadLog(const AnalysisArgs& args, std::unique_ptr<model::Store>& store);

struct NamedTable {
  std::string key;    // JSON key, snake_case
  std::string title;  // heading for people
  reports::Table table;
};

/// Prints the tables: text sections, one JSON object {"definition": ..., key: rows, ...}, or
/// one table as CSV. With `only` (--table) non-empty, just the table with that key: an unknown
/// key throws std::invalid_argument naming the keys there are. CSV holds one table, so without
/// `only` it is the first, and a note on stderr (after the CSV) names the others and --table.
/// `command` names the command in that note ("flow").
void printTables(const std::vector<NamedTable>& tables, reports::Format format,
                 const std::string& definition, const std::string& only, const char* command);

/// Throws std::invalid_argument, naming the keys there are, when `only` (--table) is given and
/// is not one of `keys`. A command whose tables are known before its analysis calls this first,
/// so that a misspelt key costs no analysis.
void checkTableKey(const std::string& only, const std::vector<std::string>& keys);
/// checkTableKey() over the tables' keys, for a command whose tables depend on its options and
/// results (adoption): it calls this before printing anything. printTables() checks too.
void checkTable(const std::vector<NamedTable>& tables, const std::string& only);

/// The table key that `--by` (one of `byValues`, or empty) and `--table` (`table`, or empty)
/// choose together: either one, or both when they agree; empty when neither is given. Throws
/// std::invalid_argument for an unknown --by value, a --table that is none of `keys`, or two
/// different choices. `keys[i]` is the table of `byValues[i]`.
std::string tableChosenBy(const std::string& by, const std::vector<std::string>& byValues,
                          const std::vector<std::string>& keys, const std::string& table);

/// Runs `body` and maps exceptions to exit codes with a message prefixed by `command`.
template <class Body>
int guarded(const char* command, Body body);

}  // namespace orglens::cli

#include "cli/analysis_input_impl.h"
