// The XES tokenizer against expat on well-formed input: the real logs, the benchmark's log
// shape, and a file with every construct the tokenizer reads, split at every position.
#include <fstream>

#include "tests/importers/xes_differential.h"

using namespace orglens;

namespace {

// Every construct the tokenizer reads itself: BOM, declaration, comments, both quote kinds,
// entities and character references, white space to normalise in values (tab, LF, CR LF,
// lone CR), multi-byte UTF-8, text content, nested and list attributes, globals in both
// scopes, and the structural warnings.
const char* const kEverything =
    "\xEF\xBB\xBF<?xml version='1.0' encoding=\"utf-8\" standalone=\"yes\"?>\r\n"
    "<!-- a comment with <tags> & \xC3\xA9 -->\n"
    "<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n"
    "<extension name=\"Concept\" prefix=\"concept\" uri=\"http://x/concept.xesext\"/>\n"
    "<global scope=\"trace\"><string key=\"concept:name\" value=\"NO NAME\"/></global>\n"
    "<global scope='event'>\n <string key='org:resource' value='nobody'/>\n</global>\n"
    "<event><string key=\"concept:name\" value=\"orphan\"/></event>\n"
    "<trace>\n"
    " <string key=\"concept:name\" value=\"case &amp; &lt;1&gt; &quot;q&quot; &apos;a&apos;\"/>\n"
    " <event>\n"
    "  <string key=\"concept:name\" value='multi\tline\nvalue\r\nwith CRLF\rand CR'/>\n"
    "  <date key=\"time:timestamp\" value=\"2011-10-01T12:00:00.000+02:00\" />\n"
    "  <string key=\"note\" value=\"&#65;&#x42;&#x10348;&#9;&#10;&#13; \xE2\x82\xAC \xF0\x9F\x98\x80\"/>\n"
    "  <container key=\"c\"><int key=\"inner\" value=\"+7\"/><container key=\"d\">"
    "<boolean key=\"deep\" value=\"true\"/></container></container>\n"
    "  <list key=\"l\"><values><int key=\"v\" value=\"1\"/><int key=\"v\" value=\"2\"/></values>"
    "</list>\n"
    "  <string value=\"no key\"/><string key=\"nokey-value\"/>\n"
    "  <trace/>\n"
    "  text &amp; more text &#x20AC; ] ]> \xC3\xA9\n"
    " </event>\n"
    " <event><float key=\"cost\"\n   value=\"1.5e3\"/><id key=\"id\" value=\"x\"/></event>\n"
    "</trace>\n"
    "<trace><event><string key=\"concept:name\" value=\"second\"/></event></trace>\r"
    "<x:trace xmlns:x=\"urn:x\"><string key=\"concept:name\" value=\"prefixed\"/></x:trace>\n"
    "</log>\n"
    "<!-- after -->\n";

/// The benchmark's event shape (bench/bench_xes.cpp), a few traces.
std::string benchShaped(int traces) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
      "<log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n"
      "\t<global scope=\"event\"><string key=\"concept:name\" value=\"UNKNOWN\"/></global>\n";
  for (int t = 0; t < traces; ++t) {
    out += "\t<trace>\n\t\t<string key=\"concept:name\" value=\"case-" + std::to_string(t) +
           "\"/>\n";
    for (int e = 0; e < 10; ++e) {
      const std::string n = std::to_string((t * 7 + e * 3) % 20);
      out += "\t\t<event>\n\t\t\t<string key=\"concept:name\" value=\"Activity " + n +
             "\"/>\n\t\t\t<string key=\"org:resource\" value=\"Resource" + n +
             "\"/>\n\t\t\t<string key=\"org:group\" value=\"Group " + n.substr(0, 1) +
             "\"/>\n\t\t\t<date key=\"time:timestamp\" value=\"2011-03-0" +
             std::to_string(e % 9 + 1) +
             "T10:11:12.345+01:00\"/>\n\t\t\t<string key=\"lifecycle:transition\" "
             "value=\"complete\"/>\n\t\t\t<int key=\"cost\" value=\"" + n +
             "\"/>\n\t\t</event>\n";
    }
    out += "\t</trace>\n";
  }
  return out + "</log>\n";
}

}  // namespace

TEST_CASE("The XES tokenizer hands over what expat does on every construct it reads",
          "[importers][xes][tokenizer]") {
  const auto dir = test::tempDir("xes-tokenizer-all");
  const auto file = test::writeFile(dir / "all.xes", kEverything);
  const auto runs = test::runBothXesReaders(file);
  CHECK_FALSE(runs.report.expatTookOver);
  INFO(runs.report.takeOverReason);
  CHECK(runs.tokenizer == runs.expat);
  // The file has what it should exercise (not an empty or erroring parse).
  CHECK(runs.expat.find("error") == std::string::npos);
  CHECK(runs.expat.find("note type 0 line 18 [18] AB\xF0\x90\x8D\x88\t\n\r ") !=
        std::string::npos);
  CHECK(runs.expat.find("line 13 [33] multi line value with CRLF and CR") != std::string::npos);
  CHECK(runs.expat.find("line 29 [8] prefixed") != std::string::npos);
  CHECK(runs.expat.find("c/d/deep type 4 line 19 [4] true") != std::string::npos);
  CHECK(runs.expat.find("warning line 22: a <trace> inside an <event> is ignored") !=
        std::string::npos);
}

TEST_CASE("The XES tokenizer agrees with expat with the input split at every position",
          "[importers][xes][tokenizer]") {
  const auto dir = test::tempDir("xes-tokenizer-split");
  const auto file = test::writeFile(dir / "all.xes", kEverything);
  importers::XesParseOptions expat;
  expat.reader = importers::XesXmlReader::Expat;
  const std::string expected = test::recordXes(file, expat);
  // Chunks of 1 byte put a boundary at every position; the others move it around tokens.
  for (std::size_t chunk = 1; chunk <= 97; ++chunk) {
    INFO("chunk bytes " << chunk);
    importers::XesParseOptions options;
    options.chunkBytes = chunk;
    importers::XesParseReport report;
    test::XesRecorder recorder;
    CHECK(test::recordXes(file, options, &report, &recorder) == expected);
    CHECK_FALSE(report.expatTookOver);
    CHECK(recorder.chunks > 0);
    // Expat's lines too (a lone CR at the end of a chunk once went uncounted).
    expat.chunkBytes = chunk;
    CHECK(test::recordXes(file, expat) == expected);
    expat.chunkBytes = importers::XesParseOptions().chunkBytes;
  }
}

TEST_CASE("The XES tokenizer agrees with expat on the benchmark's log shape, gzipped too",
          "[importers][xes][tokenizer]") {
  const auto dir = test::tempDir("xes-tokenizer-bench");
  const auto file = test::writeFile(dir / "bench.xes", benchShaped(40));
  for (std::size_t chunk : {std::size_t{7}, std::size_t{333}, std::size_t{256 * 1024}}) {
    INFO("chunk bytes " << chunk);
    const auto runs = test::runBothXesReaders(file, chunk);
    CHECK_FALSE(runs.report.expatTookOver);
    CHECK(runs.tokenizer == runs.expat);
    CHECK(std::count(runs.expat.begin(), runs.expat.end(), '\n') > 400 * 7);
  }
}

TEST_CASE("The XES tokenizer agrees with expat on the real logs", "[importers][xes][tokenizer]") {
  for (const char* name : {"event-logs/receipt.xes.gz", "event-logs/helpdesk.xes.gz"}) {
    const auto file = test::sharedData(name);  // skips the test when the data is absent
    for (std::size_t chunk : {std::size_t{4093}, std::size_t{256 * 1024}}) {
      INFO(name << ", chunk bytes " << chunk);
      const auto runs = test::runBothXesReaders(file, chunk);
      CHECK_FALSE(runs.report.expatTookOver);
      CHECK(runs.tokenizer.size() > 100000);
      CHECK(runs.tokenizer == runs.expat);
    }
  }
}

TEST_CASE("The XES tokenizer reads tokens much longer than a chunk like expat",
          "[importers][xes][tokenizer]") {
  const auto dir = test::tempDir("xes-tokenizer-long");
  std::string big(700 * 1024, 'x');
  for (std::size_t i = 0; i < big.size(); i += 1000) big[i] = '\n';  // lines inside a value
  const std::string text =
      "<log><!--" + big + "--><trace><string key=\"concept:name\" value=\"" + big +
      "\"/><event><string key=\"k\" value=\"&amp;" + big + "\"/></event></trace>\n<event/></log>";
  const auto file = test::writeFile(dir / "long.xes", text);
  for (std::size_t chunk : {std::size_t{4096}, std::size_t{256 * 1024}}) {
    INFO("chunk bytes " << chunk);
    const auto runs = test::runBothXesReaders(file, chunk);
    CHECK_FALSE(runs.report.expatTookOver);
    CHECK(runs.tokenizer == runs.expat);
    CHECK(runs.expat.find("warning line 2153: an <event> outside any <trace>") != std::string::npos);
  }
}
