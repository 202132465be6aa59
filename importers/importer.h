// The importer interface, its options and the diagnostics every importer reports into.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "importers/pseudonymiser.h"
#include "model/model_sink.h"
#include "model/progress.h"

namespace orglens::importers {

/// A fatal import problem (cannot open, unknown format, missing required column, a row
/// problem in --strict mode). The message names the file (and line) and what to do.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImportOptions {
  std::string format;                          // empty = detect from extension and content
  std::map<std::string, std::string> mapping;  // field → column (--map item=CaseID,...)
  std::string timezone;                        // IANA zone for naive times; empty = UTC
  bool dayFirst = true;                        // 03/04/2025 = 3 April
  bool strict = false;                         // fail on the first row problem
  /// Object types (of OCEL logs) whose objects are people ("employees"); empty = detect by
  /// name (employee(s), resource(s), person/people, user(s), staff, worker(s)).
  std::vector<std::string> personTypes;
  /// Keep e-mail subjects (off: privacy by default).
  bool keepSubjects = false;
  /// E-mail: a message without References/In-Reply-To joins the latest thread with the same
  /// subject (Re:/Fwd:/AW:/WG: and [list] tags removed) when that thread saw the subject
  /// within 30 days.
  bool threadBySubject = false;
  /// GitHub and GH Archive: keep only these repositories ("owner/name", --repo) and the
  /// repositories of these owners (--org); both empty = every repository. Case-insensitive.
  std::vector<std::string> githubRepos;
  std::vector<std::string> githubOwners;
  /// Pseudonymise every identity at import with this key (--pseudonymize-key); empty bytes =
  /// keep identities. The key is never stored: canonical() names only its public key id.
  PseudonymKey pseudonymKey;
  bool pseudonymise() const { return !pseudonymKey.bytes.empty(); }
  /// The options that change what an import produces, as canonical text (part of the
  /// "same import twice" check).
  std::string canonical() const;
};

/// Collects row-level problems. Lenient mode keeps going; strict mode turns the first
/// warning or error into an ImportError. Keeps the first `kKept` diagnostics, counts all.
class DiagnosticSink {
 public:
  static constexpr std::size_t kKept = 1000;
  DiagnosticSink(std::string file, bool strict) : m_file(std::move(file)), m_strict(strict) {}
  void warning(std::uint64_t line, std::string message) {
    add(model::Severity::Warning, line, std::move(message));
  }
  void error(std::uint64_t line, std::string message) {
    add(model::Severity::Error, line, std::move(message));
  }
  void info(std::uint64_t line, std::string message) {
    add(model::Severity::Info, line, std::move(message));
  }
  void add(model::Severity severity, std::uint64_t line, std::string message);
  const std::vector<model::Diagnostic>& kept() const { return m_kept; }
  std::uint64_t warnings() const { return m_warnings; }
  std::uint64_t errors() const { return m_errors; }
  const std::string& file() const { return m_file; }
  /// "file:line: message" for messages and errors.
  std::string where(std::uint64_t line) const;

 private:
  std::string m_file;
  bool m_strict;
  std::vector<model::Diagnostic> m_kept;
  std::uint64_t m_warnings = 0;
  std::uint64_t m_errors = 0;
};

struct ImportContext {
  const std::filesystem::path& path;
  const ImportOptions& options;
  model::ModelSink& sink;
  DiagnosticSink& diagnostics;
  model::Progress& progress;
  std::uint64_t skippedRows = 0;  // rows the importer could not use (each has a diagnostic)
  /// Set when the import pseudonymises; the sink then already replaces identities.
  const Pseudonymiser* pseudonymiser = nullptr;
  /// An identity text as an importer may put it into a diagnostic or a generated key: the
  /// text itself, or its pseudonym when the import pseudonymises.
  std::string identity(std::string_view text) const {
    return pseudonymiser && !text.empty() ? pseudonymiser->pseudonymOfText(text)
                                          : std::string(text);
  }
};

class TimestampParser;
/// Sets a parser up from the options every importer of times shares: --timezone for naive
/// times and --month-first. Throws ImportError for an unknown time zone.
void configureTimestamps(TimestampParser& parser, const ImportOptions& options);

class Importer {
 public:
  virtual ~Importer() = default;
  /// The --format name ("event-csv").
  virtual std::string_view name() const = 0;
  virtual std::string_view description() const = 0;
  /// How sure this importer is that it reads the file, from its name and first bytes:
  /// 0 = not at all, 100 = certain.
  virtual int sniff(const std::filesystem::path& path, std::string_view head) const = 0;
  /// Imports the file into ctx.sink. Throws ImportError on fatal problems.
  virtual void run(ImportContext& ctx) const = 0;
  /// Option names (--map fields) this importer understands; empty = no mapping.
  virtual std::vector<std::string> mappingFields() const { return {}; }
  /// Hex SHA-256 identifying the input for the "imported before" check. Default: the hash of
  /// the file's bytes (of every file below a folder); an importer may identify its input more
  /// cheaply (a git repository by its HEAD commit).
  virtual std::string fingerprint(const std::filesystem::path& path) const;
};

/// Reads a whole (small) file — a JSON document of a Slack day or a Jira page — into `out`.
/// False when it cannot be opened or read. Streaming importers do not use it.
bool readWholeFile(const std::filesystem::path& path, std::string& out);

}  // namespace orglens::importers
