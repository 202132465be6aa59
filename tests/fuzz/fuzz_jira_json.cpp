// libFuzzer target: the Jira search-results parser (simdjson On Demand walk of issues, fields
// and changelog histories). Bad input yields an error text or problems; nothing may crash, and
// a broken document delivers no issues.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "importers/jira_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static orglens::importers::JiraParser parser;  // reused, as the importer does
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const auto page = parser.parse(json);
  if (!page.error.empty() && !page.issues.empty()) std::abort();
  std::size_t seen = orglens::importers::looksLikeJiraJson(json);
  for (const auto& issue : page.issues) {
    seen += issue.key.size() + issue.created.size() + issue.reporter.id.size();
    for (const auto& h : issue.histories)
      for (const auto& c : h.items) seen += c.field.size() + c.toString.size();
  }
  return seen == static_cast<std::size_t>(-1);  // keeps `seen` alive; always 0
}
