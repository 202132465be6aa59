// The fingerprint of a source is computed beside the import: a file imported before is still
// recognised (the second import is cancelled or rolled back, whichever comes first) and the
// store is left exactly as it was; other options make it a new source.
#include <catch2/catch.hpp>

#include <string>

#include "importers/import_file.h"
#include "tests/support/test_support.h"

using namespace orglens;

namespace {

/// A log large enough that hashing it ends long before importing it does.
std::string bigLog(int traces) {
  std::string out = "<?xml version=\"1.0\"?>\n<log xes.version=\"1849-2016\">\n";
  for (int t = 0; t < traces; ++t) {
    out += "<trace><string key=\"concept:name\" value=\"case " + std::to_string(t) + "\"/>";
    for (int e = 0; e < 10; ++e)
      out += "<event><string key=\"concept:name\" value=\"step " + std::to_string(e) +
             "\"/><string key=\"org:resource\" value=\"r" + std::to_string((t + e) % 40) +
             "\"/><date key=\"time:timestamp\" value=\"2024-02-0" + std::to_string(e % 9 + 1) +
             "T10:00:00+01:00\"/><int key=\"cost\" value=\"" + std::to_string(t % 97) +
             "\"/></event>";
    out += "</trace>\n";
  }
  return out + "</log>\n";
}

}  // namespace

TEST_CASE("A source imported before is recognised while the import runs, and adds nothing",
          "[importers][fingerprint]") {
  const auto dir = test::tempDir("fingerprint");
  const auto file = test::writeFile(dir / "big.xes", bigLog(20000));
  auto store = model::Store::open(dir / "s.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  const auto first = importers::importFile(*store, file, {}, progress);
  REQUIRE_FALSE(first.alreadyImported);
  REQUIRE(first.counts.events == 200000);
  const auto before = store->summary();

  const auto again = importers::importFile(*store, file, {}, progress);
  CHECK(again.alreadyImported);
  CHECK(again.source == first.source);
  const auto after = store->summary();
  CHECK(after.events == before.events);
  CHECK(after.sources.size() == before.sources.size());

  importers::ImportOptions berlin;
  berlin.timezone = "Europe/Berlin";  // other options: another source
  const auto other = importers::importFile(*store, file, berlin, progress);
  CHECK_FALSE(other.alreadyImported);
  CHECK(store->summary().events == before.events + 200000);
}

TEST_CASE("A folder's fingerprint covers its files in path order, each with its path and size",
          "[importers][fingerprint]") {
  const auto dir = test::tempDir("fingerprint-folder") / "export";
  // Written out of order; "a-1" sorts after "a" path by path, before "a/" as plain text.
  const std::pair<std::string, std::string> files[] = {
      {"users.json", "[]"},   {"a-1/y.json", "[1]"}, {"a/x.json", "[{\"ts\":\"1.0\"}]"},
      {"ab/w", ""},           {"top.json", "{}"},    {"a/b/z.json", std::string(70000, 'z')}};
  for (const auto& [path, text] : files) {
    std::filesystem::create_directories((dir / path).parent_path());
    test::writeFile(dir / path, text);
  }
  std::filesystem::create_directories(dir / "empty");  // folders add nothing themselves
  // By hand: every file in path order (component by component), preceded by its relative
  // path and its size, each ended by a NUL.
  std::string expected;
  for (const char* path : {"a/b/z.json", "a/x.json", "a-1/y.json", "ab/w", "top.json",
                           "users.json"})
    for (const auto& [p, text] : files)
      if (p == path) expected += p + '\0' + std::to_string(text.size()) + '\0' + text;
  CHECK(importers::sha256File(dir) == importers::sha256Text(expected));
  // And the digest itself, so that a store made by an earlier version still recognises it.
  CHECK(importers::sha256File(dir) ==
        "2639ac47dfbb755c60f1c9161664d34fd5cf4dfe5817ed0145d88e4412bdc8cc");
}
