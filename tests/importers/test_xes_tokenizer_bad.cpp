// The XES tokenizer on malformed input and on XML it leaves to expat: it must notice, hand
// the file to expat, and the handler must then see exactly what expat alone gives (the same
// traces once, the same warnings, the same error and line).
#include "tests/importers/xes_differential.h"

using namespace orglens;

namespace {

const char* const kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
    "<log xes.version=\"1849-2016\">\n"
    "<trace><string key=\"concept:name\" value=\"t1\"/>\n"
    "<event><string key=\"concept:name\" value=\"a\"/>"
    "<date key=\"time:timestamp\" value=\"2011-10-01T12:00:00Z\"/></event>\n"
    "</trace>\n"
    "<event/>\n";  // a warning before the problem

struct Case {
  const char* what;
  std::string body;  // after kHead
  bool fatal;        // expat rejects it
};

std::vector<Case> malformed() {
  return {
      {"truncated inside a tag", "<trace><string key=\"concept:name\" val", true},
      {"truncated after a tag", "<trace><string key=\"concept:name\" value=\"x\"/>", true},
      {"unclosed tags at the end", "<trace>\n<event>\n", true},
      {"mismatched end tag", "<trace>\n<event></trace></event>\n</log>\n", true},
      {"end tag without a start", "</trace>\n</log>\n", true},
      {"undefined entity", "<trace><string key=\"concept:name\" value=\"a&nbsp;b\"/></trace></log>",
       true},
      {"entity without ';'", "<trace><string key=\"k\" value=\"a&amp b\"/></trace></log>", true},
      {"char reference to a non-character",
       "<trace><string key=\"k\" value=\"&#1;\"/></trace></log>", true},
      {"char reference too large", "<trace><string key=\"k\" value=\"&#x110000;\"/></trace></log>",
       true},
      {"bad UTF-8 in a value", "<trace><string key=\"k\" value=\"\xC3(\"/></trace></log>", true},
      {"overlong UTF-8", "<trace><string key=\"k\" value=\"\xC0\xAF\"/></trace></log>", true},
      {"UTF-8 surrogate", "<trace><string key=\"k\" value=\"\xED\xA0\x80\"/></trace></log>", true},
      {"bad UTF-8 in text", "<trace>\xFF</trace></log>", true},
      {"bad UTF-8 in a comment", "<!-- \xE2\x82 --></log>", true},
      {"attribute without quotes", "<trace><string key=concept:name value=\"x\"/></trace></log>",
       true},
      {"attribute without value", "<trace><string key value=\"x\"/></trace></log>", true},
      {"attributes not separated", "<trace><string key=\"k\"value=\"x\"/></trace></log>", true},
      {"duplicate attribute", "<trace><string key=\"k\" key=\"x\"/></trace></log>", true},
      {"'<' in a value", "<trace><string key=\"k\" value=\"a<b\"/></trace></log>", true},
      {"control character", "<trace><string key=\"k\" value=\"a\x01\"/></trace></log>", true},
      {"'--' in a comment", "<!-- a -- b --></log>", true},
      {"']]>' in text", "<trace>a]]>b</trace></log>", true},
      {"two roots", "</log><log></log>", true},
      {"text after the root", "</log>junk", true},
      {"bad name", "<trace><1x/></trace></log>", true},
      {"'<' alone", "<trace>< x</trace></log>", true},
      // Well-formed, but problems for the XES mapping: both readers pass them on alike.
      {"trace without concept:name",
       "<trace><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>\n", false},
      {"bad timestamp",
       "<trace><string key=\"concept:name\" value=\"t\"/><event><date key=\"time:timestamp\" "
       "value=\"yesterday\"/></event></trace></log>\n",
       false},
  };
}

std::vector<Case> leftToExpat() {
  return {
      {"CDATA section", "<trace><![CDATA[ <x> ]]><string key=\"concept:name\" value=\"c\"/>"
                        "</trace></log>\n",
       false},
      {"processing instruction", "<?pi data?><trace/></log>\n", false},
      {"non-ASCII element name", "<trace><\xC3\xA9l\xC3\xA9ment/></trace></log>\n", false},
      {"non-ASCII attribute name",
       "<trace><string key=\"concept:name\" value=\"n\" \xC3\xA9=\"1\"/></trace></log>\n", false},
  };
}

void requireSame(const std::filesystem::path& file, bool fatal, bool tokenizerMustStop) {
  for (std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{64}, std::size_t{65536}}) {
    INFO("chunk bytes " << chunk);
    const auto runs = test::runBothXesReaders(file, chunk);
    CHECK(runs.tokenizer == runs.expat);
    if (tokenizerMustStop) CHECK(runs.report.expatTookOver);
    CHECK((runs.expat.find("error line") != std::string::npos) == fatal);
    // The trace before the problem is handed over exactly once.
    CHECK(runs.tokenizer.find("[2] t1") != std::string::npos);
    CHECK(runs.tokenizer.find("[2] t1") == runs.tokenizer.rfind("[2] t1"));
  }
}

}  // namespace

TEST_CASE("Malformed XES: the tokenizer stops and the handler sees expat's callbacks and error",
          "[importers][xes][tokenizer][badinput]") {
  const auto dir = test::tempDir("xes-tokenizer-bad");
  for (const Case& c : malformed()) {
    INFO(c.what);
    const auto file = test::writeFile(dir / "bad.xes", kHead + c.body);
    requireSame(file, c.fatal, c.fatal);
  }
}

TEST_CASE("XML the tokenizer does not read is imported by expat, each trace once",
          "[importers][xes][tokenizer]") {
  const auto dir = test::tempDir("xes-tokenizer-expat");
  for (const Case& c : leftToExpat()) {
    INFO(c.what);
    const auto file = test::writeFile(dir / "other.xes", kHead + c.body);
    requireSame(file, c.fatal, true);
  }
  // In the prolog: a DOCTYPE, another encoding, another XML version.
  const std::string body =
      "<log><trace><string key=\"concept:name\" value=\"t1\"/></trace></log>\n";
  for (const std::string& text :
       {"<?xml version=\"1.0\"?>\n<!DOCTYPE log [ <!ENTITY e \"x\"> ]>\n" + body,
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body,
        "<?xml version=\"2.0\"?>\n" + body}) {  // expat accepts other versions
    const auto file = test::writeFile(dir / "prolog.xes", text);
    requireSame(file, false, true);
  }
}

TEST_CASE("An empty XES file, a bad XML declaration and a root other than <log> fail alike",
          "[importers][xes][tokenizer][badinput]") {
  const auto dir = test::tempDir("xes-tokenizer-root");
  for (const char* text :
       {"", "<?xml version=\"1.0\"?>\n<notlog/>\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8 ?>\n<log/>\n",  // an unclosed quote
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"maybe\"?>\n<log/>\n",
        "<?xml version=\"1.0\"encoding=\"UTF-8\"?>\n<log/>\n",
        "\n<?xml version=\"1.0\"?><log/>"}) {
    INFO(text);
    const auto file = test::writeFile(dir / "x.xes", text);
    const auto runs = test::runBothXesReaders(file);
    CHECK(runs.tokenizer == runs.expat);
    CHECK(runs.tokenizer.find("error line") != std::string::npos);
  }
}

TEST_CASE("Warnings about what precedes a fatal error are handed over before it, by both readers",
          "[importers][xes][tokenizer]") {
  // Expat used to drop the warnings of the buffer in which it met the error, while the
  // tokenizer could already have delivered them (a libFuzzer find): now both deliver them.
  const auto dir = test::tempDir("xes-warning-before-error");
  const auto file = test::writeFile(
      dir / "w.xes", std::string(kHead) + "<trace><string key=\"nokey-value\"/><a\x01" "b/></trace>");
  importers::XesParseOptions options;
  options.reader = importers::XesXmlReader::Expat;
  const auto expat = test::recordXes(file, options);
  const auto warning = expat.find("'nokey-value' has no value");
  const auto error = expat.find("error line");
  REQUIRE(warning != std::string::npos);
  REQUIRE(error != std::string::npos);
  CHECK(warning < error);
  requireSame(file, true, true);
}
