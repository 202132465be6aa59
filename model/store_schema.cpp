#include "model/store_schema.h"

namespace orglens::model {

// Version 1: the object-centric tables. Ids are SQLite rowids (model index + 1); every
// text that repeats (activities, keys, names, qualifiers) is interned in `strings`, so the
// event rows hold integers only.
static constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE strings(id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE);
CREATE TABLE object_types(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO object_types(id, name) VALUES
  (1,'person'),(2,'team'),(3,'task'),(4,'document'),(5,'message'),(6,'thread'),(7,'tool');
CREATE TABLE objects(
  id INTEGER PRIMARY KEY, type INTEGER NOT NULL REFERENCES object_types(id),
  key INTEGER NOT NULL REFERENCES strings(id), name INTEGER REFERENCES strings(id),
  source INTEGER, UNIQUE(type, key));
CREATE TABLE events(
  id INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, activity INTEGER, actor INTEGER,
  item INTEGER, lifecycle INTEGER NOT NULL, tool INTEGER, platform INTEGER NOT NULL,
  source INTEGER NOT NULL);
CREATE TABLE event_objects(event INTEGER NOT NULL, object INTEGER NOT NULL, qualifier INTEGER);
CREATE TABLE relations(
  from_object INTEGER NOT NULL, to_object INTEGER NOT NULL, qualifier INTEGER NOT NULL,
  valid_from INTEGER, valid_to INTEGER, source INTEGER);
CREATE UNIQUE INDEX relations_unique ON relations(
  from_object, to_object, qualifier, ifnull(valid_from, -9223372036854775808));
CREATE TABLE event_attributes(event INTEGER NOT NULL, key INTEGER NOT NULL,
                              type INTEGER NOT NULL, value);
CREATE TABLE object_attributes(object INTEGER NOT NULL, key INTEGER NOT NULL,
                               type INTEGER NOT NULL, value, time_us INTEGER);
CREATE UNIQUE INDEX object_attributes_unique ON object_attributes(
  object, key, ifnull(time_us, -9223372036854775808));
CREATE TABLE aliases(kind INTEGER NOT NULL, value TEXT NOT NULL, person INTEGER NOT NULL,
                     PRIMARY KEY(kind, value)) WITHOUT ROWID;
CREATE TABLE sources(id INTEGER PRIMARY KEY, path TEXT NOT NULL, format TEXT NOT NULL,
                     sha256 TEXT NOT NULL, imported_at INTEGER NOT NULL, events INTEGER NOT NULL,
                     objects INTEGER NOT NULL);
)sql";

// Version 2: sources record the options that shaped the import and full counts; row-level
// diagnostics are kept per source; lookup indexes for the analyses' loaders.
static constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE sources ADD COLUMN options TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN people INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN relations INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN attributes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN aliases INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN skipped_rows INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN errors INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sources_by_hash ON sources(sha256);
CREATE TABLE diagnostics(source INTEGER NOT NULL, severity INTEGER NOT NULL, file TEXT NOT NULL,
                         line INTEGER NOT NULL, message TEXT NOT NULL);
CREATE INDEX event_objects_by_event ON event_objects(event);
CREATE INDEX event_attributes_by_event ON event_attributes(event);
)sql";

// Version 3: relations waiting for their target object (a mail reply whose parent comes in a
// later file or import); resolved and removed at the end of every import.
static constexpr std::string_view kVersion3 = R"sql(
CREATE TABLE pending_relations(from_object INTEGER NOT NULL, to_type INTEGER NOT NULL,
                               to_key TEXT NOT NULL, qualifier INTEGER NOT NULL);
CREATE INDEX pending_relations_by_key ON pending_relations(to_key);
)sql";

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "object-centric tables", kVersion1},
      {2, "source options, counts and diagnostics", kVersion2},
      {3, "relations waiting for their target", kVersion3},
  };
  return all;
}

int currentSchemaVersion() {
  return migrations().back().toVersion;
}

}  // namespace orglens::model
