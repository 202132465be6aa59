// Typed values of XES attributes (string, int, float, boolean, date, id, list) as model
// values, read without allocating in the common case.
#pragma once

#include <string_view>

#include "importers/importer.h"
#include "importers/timestamp.h"
#include "importers/xes_parser.h"
#include "model/types.h"

namespace orglens::importers {

/// Converts XES attribute text to a model::Value by the attribute's declared type:
/// string and id → string, int → int64, float → double, boolean → bool (true/false/1/0,
/// any case), date → TimeValue (UTC; the offset is applied), list → int64 (its number of
/// values). Text that does not fit the declared type is kept as a string with a warning
/// naming the attribute's line, so no data is lost.
class XesValueReader {
 public:
  explicit XesValueReader(const TimestampParser& time) : m_time(time) {}
  /// The value; valid until the next call (its storage is reused: a string value does not
  /// allocate once its buffer is large enough).
  const model::Value& read(const XesAttribute& attribute, std::string_view text,
                           std::string_view key, DiagnosticSink& diagnostics);

 private:
  bool readTyped(XesType type, std::string_view text);
  const model::Value& asString(std::string_view text);

  const TimestampParser& m_time;
  model::Value m_value;
  model::Value m_string{std::string()};
};

}  // namespace orglens::importers
