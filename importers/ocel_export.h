// Export of a model to OCEL 2.0 (SQLite and JSON), for PM4Py, ocpa, Celonis and friends.
//
// What is written (README.md, "OCEL 2.0"):
//  - Object types: the model's custom types (in declaration order), then every other type that
//    has objects. People are written under the OCEL type kept in their `ocel:type` attribute
//    (import of an OCEL log), else under "person". Object ids are the object keys; a key that
//    another type already used gets a "<type>:" prefix (OCEL ids are global, orglens keys are
//    per type).
//  - Events: type = activity, id "e<n>" (n = model event index + 1; orglens keeps no OCEL
//    event ids), relationships = the event's links, preceded by the actor ("actor") and the
//    item ("item") when they are not already among the links.
//  - Attributes with their OCEL types (an attribute whose values have several types within one
//    object or event type is declared "string" and written as text); timeless object attribute
//    values at 1970-01-01T00:00:00Z, timed values at their time (SQLite: one row per change with
//    ocel_changed_field). Object names that are no attribute become a `name` attribute.
//  - Object-to-object relations with their qualifier; validity intervals are not part of OCEL
//    2.0 and are dropped. Lifecycle, tool and platform are not exported.
// Times are written as ISO 8601 UTC ("2022-01-09T14:00:00Z").
#pragma once

#include <filesystem>

#include "importers/importer.h"
#include "model/model.h"

namespace orglens::importers {

struct OcelExportCounts {
  std::size_t events = 0;
  std::size_t objects = 0;
  std::size_t eventTypes = 0;
  std::size_t objectTypes = 0;
  std::size_t eventObjectLinks = 0;
  std::size_t objectObjectLinks = 0;
};

/// Writes `model` as an OCEL 2.0 SQLite file. Refuses an existing file unless `force`; writes a
/// temporary file next to `path` and renames it, so `path` is never left half-written. Throws
/// ImportError naming the file on failure. O(model size).
OcelExportCounts exportOcelSqlite(const model::Model& model, const std::filesystem::path& path,
                                  bool force = false);
/// Writes `model` as OCEL 2.0 JSON; same rules as exportOcelSqlite.
OcelExportCounts exportOcelJson(const model::Model& model, const std::filesystem::path& path,
                                bool force = false);

}  // namespace orglens::importers
