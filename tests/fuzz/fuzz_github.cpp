// libFuzzer target: the GitHub / GH Archive event parser (simdjson DOM walk of one JSON value
// into records: archive events, REST issues, events, reviews, comments), the value splitter
// that cuts arrays and pretty-printed files into values, and the item-URL parser. Bad input
// yields an error text or no record; nothing may crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/github_parser.h"
#include "importers/json_values.h"

namespace {

std::size_t consume(const orglens::importers::GithubRecord& r) {
  std::size_t n = r.type.size() + r.repo.size() + r.time.size() + r.title.size() + r.detail.size() +
                  r.actor.login.size() + r.target.login.size();
  n += orglens::importers::activityName(r.action).size();
  const orglens::importers::GithubRecordCopy copy(r, 1);
  n += copy.view().repo.size();
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace orglens::importers;
  static GithubParser parser;  // reused, as the importers do
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t seen = 0;
  // The whole input as one value (an NDJSON line), then the values the splitter finds in it.
  seen += parser.parse(text, false, [&](const GithubRecord& r) { seen += consume(r); }).size();
  seen += static_cast<std::size_t>(parser.shape(text));
  JsonValueSplitter splitter;
  std::uint64_t lineNo = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const auto newline = std::min(text.find('\n', start), text.size());
    splitter.feed(
        text.substr(start, newline - start), ++lineNo, [&](std::string_view value, std::uint64_t) {
          seen +=
              parser.parse(value, false, [&](const GithubRecord& r) { seen += consume(r); }).size();
        });
    start = newline + 1;
  }
  seen += leadingJsonValues(text, 4).size();
  std::string_view repo;
  std::int64_t number = 0;
  bool pull = false;
  if (parseItemUrl(text, repo, number, pull)) seen += repo.size() + (number > 0);
  return seen == static_cast<std::size_t>(-1);  // keeps `seen` alive; always 0
}
