#include <algorithm>
#include <cstdio>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "importers/import_file.h"
#include "importers/registry.h"
#include "reports/table.h"

namespace orglens::cli {
namespace {

std::map<std::string, std::string> parseMapping(const std::vector<std::string>& items) {
  std::map<std::string, std::string> out;
  for (const auto& group : items) {
    std::size_t start = 0;
    while (start <= group.size()) {
      const auto comma = std::min(group.find(',', start), group.size());
      const std::string item = group.substr(start, comma - start);
      start = comma + 1;
      if (item.empty()) continue;
      const auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
        throw importers::ImportError(
            "--map: '" + item + "' is not FIELD=COLUMN (e.g. --map item=CaseID,time=Timestamp)");
      out[item.substr(0, eq)] = item.substr(eq + 1);
    }
  }
  return out;
}

/// The importer that reads a folder as a whole (a Slack export), or nullptr.
const importers::Importer* folderImporter(const std::filesystem::path& folder,
                                          const std::string& format) {
  const auto& registry = importers::Registry::builtin();
  const auto* importer = format.empty() ? registry.detect(folder) : registry.find(format);
  return importer && importer->sniff(folder, {}) > 0 ? importer : nullptr;
}

/// Files to import: a folder that an importer reads as a whole (a Slack export) is one input;
/// another folder contributes its files, and its sub-folders that an importer reads as a
/// whole, that some importer recognises, rosters and alias files first (so that identities
/// exist before events refer to them).
std::vector<std::filesystem::path> expandInputs(const std::vector<std::filesystem::path>& inputs,
                                                const std::string& format) {
  std::vector<std::filesystem::path> out;
  const auto& registry = importers::Registry::builtin();
  for (const auto& input : inputs) {
    if (!std::filesystem::is_directory(input) || folderImporter(input, format)) {
      out.push_back(input);
      continue;
    }
    std::vector<std::pair<int, std::filesystem::path>> found;
    for (const auto& entry : std::filesystem::directory_iterator(input)) {
      if (entry.is_directory() && folderImporter(entry.path(), format)) {
        found.emplace_back(2, entry.path());
        continue;
      }
      if (!entry.is_regular_file()) continue;
      const auto* importer = format.empty() ? registry.detect(entry.path()) : registry.find(format);
      if (!importer) continue;
      const int rank = importer->name() == "roster-csv"  ? 0
                       : importer->name() == "alias-csv" ? 1
                                                         : 2;
      found.emplace_back(rank, entry.path());
    }
    std::sort(found.begin(), found.end());
    if (found.empty())
      throw importers::ImportError(
          "folder '" + input.string() +
          "' holds no file orglens can import (formats: " + registry.names() + ")");
    for (auto& [rank, path] : found) out.push_back(path);
  }
  return out;
}

void printOutcome(const std::filesystem::path& path, const importers::ImportOutcome& o,
                  bool quiet) {
  if (o.alreadyImported) {
    std::printf(
        "%s: already imported as source #%lld with the same content and options; nothing added\n",
        path.string().c_str(), static_cast<long long>(o.source.rowid()));
    return;
  }
  const auto& c = o.counts;
  std::printf("%s (%s): %s events, %s objects (%s people), %s relations added",
              path.string().c_str(), o.format.c_str(), reports::groupDigits(c.events).c_str(),
              reports::groupDigits(c.objects).c_str(), reports::groupDigits(c.people).c_str(),
              reports::groupDigits(c.relations).c_str());
  if (c.skippedRows) std::printf("; %s rows skipped", reports::groupDigits(c.skippedRows).c_str());
  if (c.warnings || c.errors)
    std::printf("; %s warnings, %s errors", reports::groupDigits(c.warnings).c_str(),
                reports::groupDigits(c.errors).c_str());
  std::printf("\n");
  if (quiet) return;
  constexpr std::size_t kShown = 10;
  for (std::size_t i = 0; i < o.diagnostics.size() && i < kShown; ++i) {
    const auto& d = o.diagnostics[i];
    std::fprintf(stderr, "  %s%s%s: %s: %s\n", d.file.c_str(), d.line ? ":" : "",
                 d.line ? std::to_string(d.line).c_str() : "",
                 std::string(model::toString(d.severity)).c_str(), d.message.c_str());
  }
  // Info lines are kept but not counted as warnings or errors: count whichever is larger.
  const std::uint64_t total = std::max<std::uint64_t>(o.diagnostics.size(), c.warnings + c.errors);
  if (total > kShown)
    std::fprintf(stderr, "  ... and %llu more (see `orglens info --db FILE --diagnostics`)\n",
                 static_cast<unsigned long long>(total - kShown));
}

}  // namespace

int runImport(const ImportArgs& args) {
  try {
    importers::ImportOptions options;
    options.format = args.format;
    options.mapping = parseMapping(args.map);
    options.timezone = args.timezone;
    options.dayFirst = !args.monthFirst;
    options.strict = args.strict;
    options.personTypes = args.personTypes;
    options.keepSubjects = args.keepSubjects;
    options.threadBySubject = args.threadBySubject;
    options.githubRepos = args.githubRepos;
    options.githubOwners = args.githubOwners;
    if (!args.pseudonymizeKey.empty())
      options.pseudonymKey = importers::loadPseudonymKey(args.pseudonymizeKey);
    const auto files = expandInputs(args.inputs, args.format);
    auto store = model::Store::open(args.db, model::Store::Mode::Create);
    for (const auto& file : files) {
      StderrProgress progress("importing " + file.filename().string());
      const auto outcome = importers::importFile(*store, file, options, progress);
      progress.finish();
      printOutcome(file, outcome, args.quiet);
    }
    return kOk;
  } catch (const importers::ImportError& e) {
    std::fprintf(stderr, "orglens import: %s\nNothing from this file was written to the store.\n",
                 e.what());
    return kBadInput;
  } catch (const model::StoreError& e) {
    std::fprintf(stderr, "orglens import: %s\n", e.what());
    return kBadInput;
  } catch (const std::filesystem::filesystem_error& e) {
    std::fprintf(stderr, "orglens import: %s\n", e.what());
    return kBadInput;
  }
}

int runFormats() {
  reports::Table t;
  t.columns = {{"format"}, {"what it reads"}};
  for (const auto& i : importers::Registry::builtin().all())
    t.addRow({std::string(i->name()), std::string(i->description())});
  std::printf("%s", reports::renderText(t).c_str());
  return kOk;
}

}  // namespace orglens::cli
