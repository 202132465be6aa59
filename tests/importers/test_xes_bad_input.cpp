#include <zlib.h>

#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportError;
using importers::ImportOptions;

namespace {

// Line 1 and 2; the texts below start on line 3.
const char* const kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
    "<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n";

std::string event(const char* name, const char* time) {
  return std::string("<event><string key=\"concept:name\" value=\"") + name +
         "\"/><date key=\"time:timestamp\" value=\"" + time + "\"/></event>\n";
}

/// Imports with format "xes" into a fresh store; the store is returned through `store`.
importers::ImportOutcome importXes(const std::filesystem::path& dir,
                                   const std::filesystem::path& file,
                                   std::unique_ptr<model::Store>& store, bool strict = false) {
  store = model::Store::open(dir / "x.orglens", model::Store::Mode::Create);
  ImportOptions options;
  options.format = "xes";
  options.strict = strict;
  model::NoProgress progress;
  return importers::importFile(*store, file, options, progress);
}

void requireNothingImported(const model::Store& store) {
  CHECK(store.summary().events == 0);
  CHECK(store.sources().empty());
}

std::string gzipped(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size())) + 32;
  std::string out(size, '\0');
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);  // +16: gzip wrapper
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

TEST_CASE("Malformed XML in an .xes file is fatal, names file and line, and imports nothing",
          "[importers][xes][badinput]") {
  const auto dir = test::tempDir("xes-badxml");
  std::unique_ptr<model::Store> store;
  SECTION("a mismatched tag") {
    const auto file = test::writeFile(
        dir / "bad.xes", std::string(kHeader) +
                             "<trace><string key=\"concept:name\" value=\"c\"/>\n" +
                             event("A", "2025-01-01T10:00:00Z") +                 // line 4
                             "<event><string key=\"a\" value=\"x\"></event>\n" +  // line 5
                             "</trace></log>\n");
    CHECK_THROWS_WITH(importXes(dir, file, store),
                      file.string() + ":5: XML error: mismatched tag; nothing was imported");
  }
  SECTION("tags left open at the end of the file") {
    const auto file = test::writeFile(
        dir / "open.xes",
        std::string(kHeader) + "<trace><string key=\"concept:name\" value=\"c\"/>\n" +
            event("A", "2025-01-01T10:00:00Z") + "</trace>\n<trace>\n");  // 6 lines
    CHECK_THROWS_WITH(importXes(dir, file, store),
                      Catch::StartsWith(file.string() + ":7: XML error: no element found") &&
                          Catch::EndsWith("; nothing was imported"));
  }
  requireNothingImported(*store);
}

TEST_CASE("A truncated .xes.gz stream is fatal and imports nothing", "[importers][xes][badinput]") {
  const auto dir = test::tempDir("xes-cutgz");
  std::string text = kHeader;
  for (int t = 0; t < 2000; ++t)
    text += "<trace><string key=\"concept:name\" value=\"c" + std::to_string(t) + "\"/>\n" +
            event("A", "2025-01-01T10:00:00Z") + "</trace>\n";
  text += "</log>\n";
  const std::string gz = gzipped(text);
  const auto file =
      test::writeFile(dir / "cut.xes.gz", std::string_view(gz).substr(0, gz.size() / 2));
  std::unique_ptr<model::Store> store;
  CHECK_THROWS_WITH(importXes(dir, file, store),
                    Catch::StartsWith(file.string() + ":") &&
                        Catch::Contains("the gzip stream is truncated or corrupt") &&
                        Catch::EndsWith("; nothing was imported"));
  requireNothingImported(*store);
  // The line is where the readable text ends: past the first trace, before the last.
  try {
    importXes(dir, file, store);
  } catch (const ImportError& e) {
    const std::string message = e.what();
    const auto line = std::stoul(message.substr(file.string().size() + 1));
    CHECK(line > 3);
    CHECK(line < 2 + 3 * 2000);
  }
}

TEST_CASE("Empty, non-XES and non-XML .xes files are refused with a clear message",
          "[importers][xes][badinput]") {
  const auto dir = test::tempDir("xes-notxes");
  std::unique_ptr<model::Store> store;
  SECTION("an empty file") {
    const auto file = test::writeFile(dir / "empty.xes", "");
    CHECK_THROWS_WITH(importXes(dir, file, store),
                      file.string() + ": the file is empty; nothing was imported");
  }
  SECTION("an XML file that is not XES") {
    const auto file =
        test::writeFile(dir / "other.xml", "<?xml version=\"1.0\"?>\n<html><body/></html>\n");
    CHECK_THROWS_WITH(importXes(dir, file, store),
                      file.string() +
                          ":2: not an XES log: the root element is <html>, expected <log>; "
                          "nothing was imported");
  }
  SECTION("a text file") {
    const auto file = test::writeFile(dir / "notes.xes", "case,activity\n");
    CHECK_THROWS_WITH(importXes(dir, file, store), Catch::Contains(":1: XML error: syntax error"));
  }
  requireNothingImported(*store);
}

TEST_CASE("Bad events and traces of an .xes log are skipped with warnings naming their lines",
          "[importers][xes][badinput]") {
  const auto dir = test::tempDir("xes-badrows");
  const auto file = test::writeFile(
      dir / "rows.xes",
      std::string(kHeader) + "<trace><string key=\"concept:name\" value=\"c1\"/>\n" +  // line 3
          event("A", "2025-01-01T10:00:00Z") +                             // line 4: fine
          event("B", "2025-02-30T10:00:00Z") +                             // line 5: no such date
          "<event><string key=\"concept:name\" value=\"C\"/></event>\n" +  // line 6: no time
          event("D", "yesterday") +                                        // line 7: not a time
          "<event>\n<date key=\"time:timestamp\" value=\"2025-01-01T10:00:00Z\"/></event>\n"  // 8-9
          "<event><string key=\"concept:name\" value=\"E\"/>\n"  // line 10
          "<int key=\"n\" value=\"many\"/>\n"                    // line 11: kept as text
          "<date key=\"time:timestamp\" value=\"2025-01-01T11:00:00Z\"/></event>\n"  // line 12
          "</trace>\n"                                                               // line 13
          "<trace>\n" +  // line 14: no name
          event("F", "2025-01-01T10:00:00Z") +
          "</trace>\n" +                                                 // lines 15, 16
          "<event><string key=\"concept:name\" value=\"G\"/></event>\n"  // line 17: outside traces
          "</log>\n");
  std::unique_ptr<model::Store> store;
  const auto outcome = importXes(dir, file, store);
  CHECK(outcome.counts.events == 2);       // A and E
  CHECK(outcome.counts.skippedRows == 5);  // B, C, D, the nameless event, the nameless trace
  CHECK(outcome.counts.warnings == 7);
  REQUIRE(outcome.diagnostics.size() == 7);
  std::vector<std::uint64_t> lines;
  for (const auto& d : outcome.diagnostics) {
    lines.push_back(d.line);
    CHECK(d.file == file.string());
    CHECK(d.severity == model::Severity::Warning);
  }
  CHECK(lines == std::vector<std::uint64_t>{5, 6, 7, 8, 11, 14, 17});
  const auto& d = outcome.diagnostics;
  CHECK_THAT(d[0].message, Catch::Contains("cannot read the time '2025-02-30T10:00:00Z'") &&
                               Catch::Contains("event skipped"));
  CHECK_THAT(d[1].message, Catch::Contains("without time:timestamp"));
  CHECK_THAT(d[2].message, Catch::Contains("'yesterday'"));
  CHECK_THAT(d[3].message, Catch::Contains("without concept:name"));
  CHECK_THAT(d[4].message, Catch::Contains("int attribute 'n'") && Catch::Contains("kept as text"));
  CHECK_THAT(d[5].message,
             Catch::Contains("trace without concept:name is skipped with its 1 events"));
  CHECK_THAT(d[6].message, Catch::Contains("outside any <trace>"));
  CHECK(store->diagnostics(outcome.source).size() == 7);
  const auto loaded = store->loadModel();
  REQUIRE(loaded.eventAttributes().size() == 1);
  CHECK(loaded.eventAttributes()[0].value == model::Value(std::string("many")));
}

TEST_CASE("Strict mode stops an .xes import at the first bad event and writes nothing",
          "[importers][xes][badinput]") {
  const auto dir = test::tempDir("xes-strict");
  const auto file = test::writeFile(
      dir / "strict.xes",
      std::string(kHeader) + "<trace><string key=\"concept:name\" value=\"c1\"/>\n" +
          event("A", "2025-01-01T10:00:00Z") + event("B", "not a time") + "</trace></log>\n");
  std::unique_ptr<model::Store> store;
  CHECK_THROWS_WITH(importXes(dir, file, store, true),
                    Catch::Contains(file.string() + ":5") && Catch::Contains("--strict"));
  requireNothingImported(*store);
}

TEST_CASE("Warning lines in .xes files are right with CRLF and with old Mac CR line ends",
          "[importers][xes][badinput]") {
  const auto dir = test::tempDir("xes-crlf");
  std::string text = std::string(kHeader) + "<trace><string key=\"concept:name\" value=\"c1\"/>\n" +
                     event("A", "2025-01-01T10:00:00Z") + event("B", "not a time") +  // line 5
                     "</trace></log>\n";
  for (const char* ending : {"\r\n", "\r"}) {
    std::string converted;
    for (char c : text) converted += c == '\n' ? std::string(ending) : std::string(1, c);
    const auto file = test::writeFile(dir / "crlf.xes", converted);
    std::unique_ptr<model::Store> store;
    const auto outcome = importXes(dir, file, store);
    REQUIRE(outcome.diagnostics.size() == 1);
    CHECK(outcome.diagnostics[0].line == 5);
  }
}
