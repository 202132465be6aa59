#include "importers/importer.h"

#include <fcntl.h>

#include <algorithm>
#include <set>

#include "importers/folder_files.h"
#include "importers/import_file.h"
#include "importers/timestamp.h"
#include "model/text.h"

namespace orglens::importers {
namespace {

/// GitHub names are case-insensitive and a filter's order does not matter: one text for all.
std::set<std::string> sortedLower(const std::vector<std::string>& names) {
  std::set<std::string> out;
  for (const auto& n : names) out.insert(model::asciiLower(n));
  return out;
}

}  // namespace

std::string ImportOptions::canonical() const {
  std::string out;
  for (const auto& [field, column] : mapping) out += "map:" + field + "=" + column + ";";
  if (!timezone.empty()) out += "timezone=" + timezone + ";";
  if (!dayFirst) out += "monthfirst;";
  for (const auto& t : personTypes) out += "person-type=" + t + ";";
  if (keepSubjects) out += "keep-subjects;";
  if (threadBySubject) out += "thread-by-subject;";
  for (const auto& r : sortedLower(githubRepos)) out += "repo=" + r + ";";
  for (const auto& o : sortedLower(githubOwners)) out += "org=" + o + ";";
  // The key id, not the key: the same key gives the same text, another key another one.
  if (pseudonymise()) out += "pseudonymize=" + Pseudonymiser(pseudonymKey).keyId() + ";";
  return out;
}

std::string DiagnosticSink::where(std::uint64_t line) const {
  return line > 0 ? m_file + ":" + std::to_string(line) : m_file;
}

void DiagnosticSink::add(model::Severity severity, std::uint64_t line, std::string message) {
  if (severity == model::Severity::Warning) ++m_warnings;
  if (severity == model::Severity::Error) ++m_errors;
  if (m_strict && severity != model::Severity::Info)
    throw ImportError(where(line) + ": " + message + " (--strict stops at the first problem)");
  if (m_kept.size() < kKept) m_kept.push_back({severity, m_file, line, std::move(message)});
}

std::string Importer::fingerprint(const std::filesystem::path& path) const {
  return sha256File(path);
}

void configureTimestamps(TimestampParser& parser, const ImportOptions& options) {
  std::string error;
  if (!parser.setTimezone(options.timezone, error)) throw ImportError("--timezone: " + error);
  parser.setDayFirst(options.dayFirst);
}

bool readWholeFile(const std::filesystem::path& path, std::string& out) {
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  return fd && readDescriptor(fd.get(), out);
}

}  // namespace orglens::importers
