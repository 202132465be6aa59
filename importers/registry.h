// The importer registry: every format orglens reads, with detection by extension and content.
#pragma once

#include <memory>
#include <vector>

#include "importers/importer.h"

namespace orglens::importers {

class Registry {
 public:
  /// The registry with every built-in importer.
  static const Registry& builtin();
  void add(std::unique_ptr<Importer> importer);
  const Importer* find(std::string_view name) const;
  /// The importer most sure it reads the file, or the folder as a whole (a Slack export);
  /// nullptr when none is. Reads the first bytes of a file.
  const Importer* detect(const std::filesystem::path& path) const;
  const std::vector<std::unique_ptr<Importer>>& all() const { return m_importers; }
  /// "event-csv, roster-csv, ..." for messages.
  std::string names() const;

 private:
  std::vector<std::unique_ptr<Importer>> m_importers;
};

/// Factories of the built-in importers (one per importer file).
std::unique_ptr<Importer> makeEventCsvImporter();
std::unique_ptr<Importer> makeRosterCsvImporter();
std::unique_ptr<Importer> makeAliasCsvImporter();
std::unique_ptr<Importer> makeOcelJsonImporter();
std::unique_ptr<Importer> makeOcelXmlImporter();
std::unique_ptr<Importer> makeOcelSqliteImporter();
std::unique_ptr<Importer> makeXesImporter();
std::unique_ptr<Importer> makeMboxImporter();
std::unique_ptr<Importer> makeMaildirImporter();
std::unique_ptr<Importer> makeSlackImporter();
std::unique_ptr<Importer> makeMessageCsvImporter();
std::unique_ptr<Importer> makeUsageCsvImporter();
std::unique_ptr<Importer> makeGitImporter();
std::unique_ptr<Importer> makeJiraJsonImporter();
std::unique_ptr<Importer> makeJiraCsvImporter();
std::unique_ptr<Importer> makeGithubImporter();
std::unique_ptr<Importer> makeGhArchiveImporter();

/// Reads up to n bytes of the start of a file, gunzipping .gz files (for sniffing).
std::string readHead(const std::filesystem::path& path, std::size_t n);

}  // namespace orglens::importers
