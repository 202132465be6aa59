// The model rearranged the way OCEL 2.0 sees it (types with attribute declarations, global
// object ids, per-event relationships); shared by the SQLite and JSON writers. Internal.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "importers/ocel_export.h"
#include "importers/ocel_mapping.h"

namespace orglens::importers {

struct OcelExportType {
  std::string name;
  std::vector<OcelAttributeDecl> attributes;  // first-seen order
  std::unordered_map<std::string, std::size_t> index;
  /// Adds an attribute seen with a value; a second type for the same name makes it "string".
  void note(const std::string& attribute, const model::Value& value);
  OcelType typeOf(const std::string& attribute) const {
    return attributes.at(index.at(attribute)).type;
  }
};

struct OcelNamedValue {
  std::string name;
  model::Value value;
  std::optional<model::MicrosUtc> time;  // object attributes only
};

struct OcelExportLink {
  model::ObjectId object;
  std::string qualifier;
};

struct OcelExportRelation {
  model::ObjectId from, to;
  std::string qualifier;
};

struct OcelExportView {
  std::vector<OcelExportType> objectTypes, eventTypes;
  std::vector<std::string> objectIds;   // per model object
  std::vector<std::size_t> objectType;  // per model object: index into objectTypes
  std::vector<std::vector<OcelNamedValue>> objectAttributes;  // per model object
  std::vector<std::size_t> eventType;                         // per event: index into eventTypes
  std::vector<std::vector<OcelNamedValue>> eventAttributes;   // per event
  std::vector<std::vector<OcelExportLink>> eventLinks;        // per event, actor/item first
  std::vector<OcelExportRelation> relations;                  // unique (from, to, qualifier)
};

OcelExportView buildExportView(const model::Model& model);
/// "e<index + 1>".
std::string ocelEventId(std::size_t index);
/// The value as written under a declared type: itself when the types agree, else text.
model::Value exportValue(const model::Value& value, OcelType declared);
/// ISO 8601 UTC text of a time, "1970-01-01T00:00:00Z" for none.
std::string exportTime(const std::optional<model::MicrosUtc>& time);

OcelExportCounts countsOf(const OcelExportView& view, std::size_t events);
/// Refuses an existing `path` unless `force`; returns the temporary path to write instead.
std::filesystem::path prepareOutput(const std::filesystem::path& path, bool force);
/// Renames the finished temporary file onto `path`.
void commitOutput(const std::filesystem::path& temp, const std::filesystem::path& path);

}  // namespace orglens::importers
