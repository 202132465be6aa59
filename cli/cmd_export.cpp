// `orglens export`: the store as an OCEL 2.0 log (SQLite or JSON, chosen by the extension).
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "importers/ocel_export.h"
#include "model/store.h"
#include "model/text.h"

namespace orglens::cli {
namespace {

enum class OcelFormat { Sqlite, Json, Unknown };

OcelFormat formatOf(const std::filesystem::path& path) {
  const std::string ext = model::asciiLower(path.extension().string());
  if (ext == ".sqlite" || ext == ".sqlite3" || ext == ".db") return OcelFormat::Sqlite;
  if (ext == ".json" || ext == ".jsonocel") return OcelFormat::Json;
  return OcelFormat::Unknown;
}

}  // namespace

int runExport(const ExportArgs& args) {
  const OcelFormat format = formatOf(args.ocel);
  if (format == OcelFormat::Unknown) {
    std::fprintf(stderr,
                 "orglens export: --ocel: '%s' must end in .sqlite, .db, .json or .jsonocel\n",
                 args.ocel.c_str());
    return kUsage;
  }
  std::error_code ec;
  if (std::filesystem::exists(args.ocel, ec) && !args.force) {
    std::fprintf(stderr, "orglens export: '%s' exists; add --force to overwrite it\n",
                 args.ocel.c_str());
    return kUsage;
  }
  try {
    const auto store = model::Store::open(args.db, model::Store::Mode::ReadOnly);
    const model::Model model = store->loadModel();
    const auto counts = format == OcelFormat::Sqlite
                            ? importers::exportOcelSqlite(model, args.ocel, args.force)
                            : importers::exportOcelJson(model, args.ocel, args.force);
    std::printf(
        "wrote %s (OCEL 2.0 %s): %zu events, %zu objects, %zu event types, %zu object types, "
        "%zu event-object links, %zu object-object links\n",
        args.ocel.c_str(), format == OcelFormat::Sqlite ? "SQLite" : "JSON", counts.events,
        counts.objects, counts.eventTypes, counts.objectTypes, counts.eventObjectLinks,
        counts.objectObjectLinks);
    return kOk;
  } catch (const model::StoreError& e) {
    std::fprintf(stderr, "orglens export: %s\n", e.what());
    return kBadInput;
  } catch (const importers::ImportError& e) {
    std::fprintf(stderr, "orglens export: %s\n", e.what());
    return kBadInput;
  }
}

}  // namespace orglens::cli
