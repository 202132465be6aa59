// libFuzzer target: the Slack day-file parser (simdjson DOM walk of a JSON array of messages)
// and the ts conversion of every message. Bad input yields an error text; nothing may crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/slack_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static orglens::importers::SlackDayParser parser;  // reused, as the importer does
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  std::size_t seen = 0;
  parser.parse(json, [&](const orglens::importers::SlackMessage& m) {
    seen += m.reactions.size() + m.files.size();
    for (const auto& r : m.reactions) seen += r.users.size() + r.name.size();
    if (auto t = orglens::importers::parseSlackTs(m.ts)) seen += *t > 0;
    if (auto t = orglens::importers::parseSlackTs(m.threadTs)) seen += *t > 0;
  });
  return seen == static_cast<std::size_t>(-1);  // keeps `seen` alive; always 0
}
