#include "importers/import_file.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <vector>

#include "importers/folder_files.h"
#include "importers/pseudonymising_sink.h"
#include "importers/registry.h"
#include "model/import_session.h"

namespace orglens::importers {
namespace {

const Importer& chooseImporter(const std::filesystem::path& path, const ImportOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw ImportError("cannot read '" + path.string() + "': no such file or folder");
  const Registry& registry = Registry::builtin();
  if (!options.format.empty()) {
    if (const Importer* i = registry.find(options.format)) return *i;
    throw ImportError("unknown format '" + options.format +
                      "'; known formats: " + registry.names());
  }
  if (const Importer* i = registry.detect(path)) return *i;
  throw ImportError("cannot tell the format of '" + path.string() +
                    "'; name it with --format (one of: " + registry.names() + ")");
}

void validateMapping(const Importer& importer, const ImportOptions& options) {
  if (options.mapping.empty()) return;
  const auto fields = importer.mappingFields();
  for (const auto& [field, column] : options.mapping) {
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) continue;
    std::string known;
    for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f;
    throw ImportError("--map: the " + std::string(importer.name()) + " format has no field '" +
                      field + "'" + (known.empty() ? "" : "; its fields are: " + known));
  }
}

/// Runs the importer into `sink`, through a PseudonymisingSink when the options have a key;
/// `afterRun` then sees it once the importer is done (to mask what it learnt too late).
ImportOutcome runImporter(const Importer& importer, model::ModelSink& sink,
                          const std::filesystem::path& path, const ImportOptions& options,
                          model::Progress& progress, model::ImportCounts& counts,
                          const std::function<void(const PseudonymisingSink&)>& afterRun = {}) {
  std::optional<Pseudonymiser> pseudonymiser;
  std::optional<PseudonymisingSink> masked;
  if (options.pseudonymise()) {
    pseudonymiser.emplace(options.pseudonymKey);
    masked.emplace(sink, *pseudonymiser);
  }
  DiagnosticSink diagnostics(path.string(), options.strict);
  ImportContext ctx{path, options, masked ? *masked : sink, diagnostics, progress};
  ctx.pseudonymiser = pseudonymiser ? &*pseudonymiser : nullptr;
  try {
    importer.run(ctx);
  } catch (const ImportError& e) {
    // A --strict failure quotes the row's problem, which may name someone.
    if (masked) throw ImportError(masked->scrub(e.what()));
    throw;
  }
  if (progress.cancelled()) throw ImportError("import of '" + path.string() + "' cancelled");
  counts.skippedRows = ctx.skippedRows;
  counts.warnings = diagnostics.warnings();
  counts.errors = diagnostics.errors();
  ImportOutcome out;
  out.format = std::string(importer.name());
  out.diagnostics = diagnostics.kept();
  if (masked) {
    // Diagnostics are stored with the source and printed: they quote pseudonyms only.
    for (auto& d : out.diagnostics) d.message = masked->scrub(d.message);
    if (afterRun) afterRun(*masked);
  }
  return out;
}

/// Refuses to mix real identities and pseudonyms in one store (or pseudonyms of two keys):
/// the same person would then appear twice, and a pseudonymised store would hold real
/// identities after all.
void checkIdentityMode(const model::Store& store, const ImportOptions& options) {
  const std::string stored = store.metaValue(kPseudonymKeyIdMeta).value_or("");
  const std::string wanted =
      options.pseudonymise() ? Pseudonymiser(options.pseudonymKey).keyId() : std::string();
  if (stored == wanted) return;
  const std::string name = "store '" + store.path().string() + "'";
  if (stored.empty() && store.holdsPeople())
    throw ImportError(name +
                      " holds people imported without --pseudonymize-key; a pseudonymised "
                      "import would mix real identities with pseudonyms. Import every source "
                      "with the key into a new store instead");
  if (stored.empty()) return;  // no people yet: this import makes the store pseudonymised
  if (wanted.empty())
    throw ImportError(name + " was pseudonymised at import (key id " + stored +
                      "); import into it with the same --pseudonymize-key, or into another "
                      "store without one");
  throw ImportError(name + " was pseudonymised with another key (key id " + stored +
                    ", this key's id " + wanted +
                    "); the same person would get two pseudonyms. Use the store's key file, or "
                    "another store");
}

/// Passes progress through and, once the fingerprint computed beside the import is known,
/// cancels the import when the store already has that source.
class FingerprintWatch final : public model::Progress {
 public:
  FingerprintWatch(model::Progress& inner, const model::Store& store,
                   const model::SourceRecord& record, std::future<std::string> fingerprint)
      : m_inner(inner), m_store(store), m_record(record), m_future(std::move(fingerprint)) {}
  ~FingerprintWatch() override {
    if (m_future.valid()) m_future.wait();  // never leave the hashing thread behind
  }
  void report(double fraction, std::string_view phase) override {
    m_inner.report(fraction, phase);
  }
  bool cancelled() const override {
    if (m_inner.cancelled()) return true;
    if (!m_known && m_future.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
      check();
    return m_existing.has_value();
  }
  /// Waits for the fingerprint (rethrowing its error) and says whether the store has it.
  std::optional<model::SourceId> existingSource() const {
    if (!m_known) check();
    if (m_error) std::rethrow_exception(m_error);
    return m_existing;
  }
  const std::string& fingerprint() const {
    existingSource();
    return m_fingerprint;
  }

 private:
  /// An error (an unreadable file) is kept for existingSource(): polling never throws.
  void check() const {
    m_known = true;
    try {
      m_fingerprint = m_future.get();
      m_existing = m_store.findSource(m_fingerprint, m_record.format, m_record.options);
    } catch (...) {
      m_error = std::current_exception();
    }
  }
  model::Progress& m_inner;
  const model::Store& m_store;
  const model::SourceRecord& m_record;
  mutable std::future<std::string> m_future;
  mutable bool m_known = false;
  mutable std::string m_fingerprint;
  mutable std::optional<model::SourceId> m_existing;
  mutable std::exception_ptr m_error;
};

model::MicrosUtc nowMicros() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

namespace {

/// `buffer` is reused across the files of a folder: allocating (and zeroing) 1 MiB per file
/// cost more than hashing a Slack export's small day files.
void hashDescriptorInto(EVP_MD_CTX* ctx, int fd, std::string_view path,
                        std::vector<unsigned char>& buffer) {
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw ImportError("error reading '" + std::string(path) + "'");
    if (n == 0) return;
    EVP_DigestUpdate(ctx, buffer.data(), static_cast<std::size_t>(n));
  }
}

/// A folder import (a Slack export) hashes every regular file below it in path order, each
/// preceded by its relative path and size, so that a renamed, added or changed file changes
/// the hash. A day file costs an openat by name, an fstat and a read or two.
void hashFolderInto(EVP_MD_CTX* ctx, const std::filesystem::path& folder) {
  std::vector<unsigned char> buffer(1 << 20);
  FolderFiles files;
  forEachFileBelow(folder, [&](const std::string& relative) {
    const std::string path = folder.native() + '/' + relative;
    const Descriptor fd(files.open(path));
    struct stat st;
    if (!fd || ::fstat(fd.get(), &st) != 0) throw ImportError("cannot read '" + path + "'");
    const std::string header = relative + '\0' + std::to_string(st.st_size) + '\0';
    EVP_DigestUpdate(ctx, header.data(), header.size());
    hashDescriptorInto(ctx, fd.get(), path, buffer);
  });
}

}  // namespace

namespace {

/// The digest of `ctx` as lower-case hex.
std::string finishHex(EVP_MD_CTX* ctx) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx, digest, &length);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace

std::string sha256File(const std::filesystem::path& path) {
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    hashFolderInto(ctx.get(), path);
  } else {
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) throw ImportError("cannot read '" + path.string() + "'");
    std::vector<unsigned char> buffer(1 << 20);
    hashDescriptorInto(ctx.get(), fd.get(), path.native(), buffer);
  }
  return finishHex(ctx.get());
}

std::string sha256Text(std::string_view text) {
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx.get(), text.data(), text.size());
  return finishHex(ctx.get());
}

ImportOutcome importFile(model::Store& store, const std::filesystem::path& path,
                         const ImportOptions& options, model::Progress& progress) {
  const Importer& importer = chooseImporter(path, options);
  validateMapping(importer, options);
  checkIdentityMode(store, options);
  model::SourceRecord record;
  record.path = std::filesystem::absolute(path).lexically_normal().string();
  record.format = std::string(importer.name());
  record.options = options.canonical();
  record.importedAt = nowMicros();
  // The fingerprint (a SHA-256 of every byte) is computed on another thread while the import
  // runs: reading a large file twice one after the other cost as much as a third of the import.
  // When it names a source the store already has, the import is cancelled and rolled back.
  FingerprintWatch watch(progress, store, record,
                         std::async(std::launch::async, [&importer, path] {
                           return importer.fingerprint(path);
                         }));
  auto alreadyImported = [&]() -> std::optional<ImportOutcome> {
    const auto existing = watch.existingSource();
    if (!existing) return std::nullopt;
    ImportOutcome out;
    out.format = record.format;
    out.source = *existing;
    out.alreadyImported = true;
    return out;
  };
  auto session = store.beginImport(record);
  if (options.pseudonymise())
    session->setMeta(kPseudonymKeyIdMeta, Pseudonymiser(options.pseudonymKey).keyId());
  model::ImportCounts counts;
  // An attribute may name someone before the import met them as a person (an XES trace's
  // "responsible" comes before the trace's events): such values are masked at the end.
  auto maskLate = [&session](const PseudonymisingSink& masked) {
    session->rewriteTextAttributes([&masked](std::string_view value) -> std::optional<std::string> {
      const std::string* pseudonym = masked.knownPseudonym(value);
      return pseudonym ? std::optional<std::string>(*pseudonym) : std::nullopt;
    });
  };
  ImportOutcome out;
  try {
    out = runImporter(importer, *session, path, options, watch, counts, maskLate);
  } catch (const ImportError&) {
    if (auto same = alreadyImported()) return *same;  // the session rolls back
    throw;
  }
  if (auto same = alreadyImported()) return *same;
  session->setFingerprint(watch.fingerprint());
  session->resolvePendingRelations();  // e.g. replies whose parent came in this import
  const auto& added = session->counts();
  counts.events = added.events;
  counts.objects = added.objects;
  counts.people = added.people;
  counts.relations = added.relations;
  counts.attributes = added.attributes;
  counts.aliases = added.aliases;
  progress.report(1.0, "indexing");
  out.source = session->commit(counts, out.diagnostics);
  out.counts = counts;
  return out;
}

ImportOutcome importFile(model::Model& model, const std::filesystem::path& path,
                         const ImportOptions& options, model::Progress& progress) {
  const Importer& importer = chooseImporter(path, options);
  validateMapping(importer, options);
  model::SourceRecord record;
  record.path = path.string();
  record.format = std::string(importer.name());
  record.sha256 = importer.fingerprint(path);
  record.options = options.canonical();
  model.setCurrentSource(model.addSource(record));
  const auto eventsBefore = model.events().size();
  const auto objectsBefore = model.objects().size();
  model::ImportCounts counts;
  ImportOutcome out = runImporter(importer, model, path, options, progress, counts);
  counts.events = model.events().size() - eventsBefore;
  counts.objects = model.objects().size() - objectsBefore;
  out.source = model.currentSource();
  out.counts = counts;
  return out;
}

}  // namespace orglens::importers
