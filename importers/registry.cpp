#include "importers/registry.h"

#include <zlib.h>

#include <fstream>

namespace orglens::importers {

const Registry& Registry::builtin() {
  static const Registry registry = [] {
    Registry r;
    r.add(makeEventCsvImporter());
    r.add(makeRosterCsvImporter());
    r.add(makeAliasCsvImporter());
    r.add(makeOcelJsonImporter());
    r.add(makeOcelXmlImporter());
    r.add(makeOcelSqliteImporter());
    r.add(makeXesImporter());
    r.add(makeMboxImporter());
    r.add(makeMaildirImporter());
    r.add(makeSlackImporter());
    r.add(makeMessageCsvImporter());
    r.add(makeUsageCsvImporter());
    r.add(makeGitImporter());
    r.add(makeJiraJsonImporter());
    r.add(makeJiraCsvImporter());
    r.add(makeGithubImporter());
    r.add(makeGhArchiveImporter());
    return r;
  }();
  return registry;
}

void Registry::add(std::unique_ptr<Importer> importer) {
  m_importers.push_back(std::move(importer));
}

const Importer* Registry::find(std::string_view name) const {
  for (const auto& i : m_importers)
    if (i->name() == name) return i.get();
  return nullptr;
}

const Importer* Registry::detect(const std::filesystem::path& path) const {
  // A folder has no first bytes; importers of folder formats (a Slack export) look inside.
  std::error_code ec;
  const std::string head =
      std::filesystem::is_directory(path, ec) ? std::string() : readHead(path, 64 * 1024);
  const Importer* best = nullptr;
  int bestScore = 0;
  for (const auto& i : m_importers) {
    const int score = i->sniff(path, head);
    if (score > bestScore) {
      best = i.get();
      bestScore = score;
    }
  }
  return best;
}

std::string Registry::names() const {
  std::string out;
  for (const auto& i : m_importers) out += (out.empty() ? "" : ", ") + std::string(i->name());
  return out;
}

std::string readHead(const std::filesystem::path& path, std::size_t n) {
  std::string out(n, '\0');
  if (path.extension() == ".gz") {
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz) return {};
    const int got = gzread(gz, out.data(), static_cast<unsigned>(n));
    gzclose(gz);
    out.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  in.read(out.data(), static_cast<std::streamsize>(n));
  out.resize(static_cast<std::size_t>(in.gcount()));
  return out;
}

}  // namespace orglens::importers
