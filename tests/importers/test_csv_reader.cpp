#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importers/csv_reader.h"
#include "tests/support/test_support.h"

using orglens::importers::CsvDialect;
using orglens::importers::CsvReader;
using orglens::importers::CsvRow;
using orglens::importers::sniffDelimiter;

namespace {

struct Record {
  std::uint64_t line;
  std::vector<std::string> fields;
  bool operator==(const Record& other) const {
    return line == other.line && fields == other.fields;
  }
};

std::ostream& operator<<(std::ostream& os, const Record& r) {
  os << "line " << r.line << ":";
  for (const auto& f : r.fields) os << " [" << f << "]";
  return os;
}

// Reads everything, copying the views (they die at the next call).
std::vector<Record> readAll(CsvReader& reader) {
  std::vector<Record> records;
  CsvRow row;
  while (reader.next(row)) {
    records.push_back({row.line, std::vector<std::string>(row.fields.begin(), row.fields.end())});
  }
  return records;
}

// Every input is also read through a 16-byte buffer, which splits records, CRLF pairs and
// doubled quotes at buffer boundaries and forces the buffer to grow.
std::vector<Record> readText(const std::string& text, char delimiter = ',') {
  auto reader = CsvReader::fromString(text);
  reader->setDialect(CsvDialect{delimiter, '"'});
  std::vector<Record> records = readAll(*reader);
  CHECK(reader->error().empty());
  auto tiny = CsvReader::fromString(text, 16);
  tiny->setDialect(CsvDialect{delimiter, '"'});
  CHECK(readAll(*tiny) == records);
  CHECK(tiny->error().empty());
  return records;
}

}  // namespace

TEST_CASE("A simple file reads as records of fields with their line numbers", "[importers][csv]") {
  const auto records = readText("case,activity,time\n1,a,2025\n2,b,2026\n");
  REQUIRE(records == std::vector<Record>{{1, {"case", "activity", "time"}},
                                         {2, {"1", "a", "2025"}},
                                         {3, {"2", "b", "2026"}}});
}

TEST_CASE("A UTF-8 byte order mark is skipped", "[importers][csv]") {
  const auto records = readText(
      "\xEF\xBB\xBF"
      "a,b\n1,2\n");
  REQUIRE(records == std::vector<Record>{{1, {"a", "b"}}, {2, {"1", "2"}}});
  auto reader = CsvReader::fromString("\xEF\xBB\xBF<?xml");
  CHECK(reader->head(5) == "<?xml");
}

TEST_CASE("CRLF, lone CR and a missing final newline all end records", "[importers][csv]") {
  CHECK(readText("a,b\r\nc,d\r\n") == std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}});
  CHECK(readText("a,b\rc,d\re") ==
        std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}, {3, {"e"}}});
  CHECK(readText("a,b\nc,d") == std::vector<Record>{{1, {"a", "b"}}, {2, {"c", "d"}}});
  CHECK(readText("a\r\nb\rc\nd\r") ==
        std::vector<Record>{{1, {"a"}}, {2, {"b"}}, {3, {"c"}}, {4, {"d"}}});
}

TEST_CASE("Empty fields are kept and blank lines are skipped", "[importers][csv]") {
  CHECK(readText(",a,,\n\n\r\n\rb\n") == std::vector<Record>{{1, {"", "a", "", ""}}, {5, {"b"}}});
  CHECK(readText("\n\nx\n\n") == std::vector<Record>{{3, {"x"}}});
  CHECK(readText("\"\"\n") == std::vector<Record>{{1, {""}}});
}

TEST_CASE("Quoted fields keep delimiters, undouble quotes and span lines", "[importers][csv]") {
  const std::string text =
      "id,text\n"
      "1,\"a,b\"\n"
      "2,\"say \"\"hi\"\"\"\n"
      "3,\"two\nlines\",x\n"
      "4,\"crlf\r\ninside\r\n\"\r\n"
      "5,5\" disk,\"\"\"\"\n"
      "6,\"closed\"tail\n";
  CHECK(readText(text) == std::vector<Record>{{1, {"id", "text"}},
                                              {2, {"1", "a,b"}},
                                              {3, {"2", "say \"hi\""}},
                                              {4, {"3", "two\nlines", "x"}},
                                              {6, {"4", "crlf\r\ninside\r\n"}},
                                              {9, {"5", "5\" disk", "\""}},
                                              {10, {"6", "closedtail"}}});
}

TEST_CASE("The views of a quoted field show the unescaped text", "[importers][csv]") {
  auto reader = CsvReader::fromString("\"a\"\"b\",c\n");
  CsvRow row;
  REQUIRE(reader->next(row));
  REQUIRE(row.fields.size() == 2);
  CHECK(row.fields[0] == "a\"b");
  CHECK(row.fields[1] == "c");
  CHECK_FALSE(reader->next(row));
  CHECK(reader->error().empty());
}

TEST_CASE("An unterminated quote is an error naming both lines", "[importers][csv]") {
  auto reader = CsvReader::fromString("a,b\n1,\"open\nstill open\nend\n");
  CsvRow row;
  REQUIRE(reader->next(row));
  CHECK_FALSE(reader->next(row));
  CHECK(reader->error() == "line 4: unterminated quoted field (starts at line 2)");
  CHECK_FALSE(reader->next(row));  // stays failed
}

TEST_CASE("A record longer than the buffer grows the buffer", "[importers][csv]") {
  const std::string longField(5000, 'x');
  const std::string quotedLong = std::string(3000, 'y') + "\"" + std::string(3000, 'z');
  const std::string text = "a," + longField + ",b\n\"" + std::string(3000, 'y') + "\"\"" +
                           std::string(3000, 'z') + "\",c\nend\n";
  const auto records = readText(text);
  REQUIRE(records ==
          std::vector<Record>{{1, {"a", longField, "b"}}, {2, {quotedLong, "c"}}, {3, {"end"}}});
  const std::string huge(1536 * 1024, 'h');  // 1.5 MiB: more than the default 1 MiB buffer
  CHECK(readText("x,\"" + huge + "\"\n" + huge + ",y\n") ==
        std::vector<Record>{{1, {"x", huge}}, {2, {huge, "y"}}});
}

TEST_CASE("Other delimiters are used when set", "[importers][csv]") {
  CHECK(readText("a;b,c;d\n", ';') == std::vector<Record>{{1, {"a", "b,c", "d"}}});
  CHECK(readText("a\tb c\t\"d\te\"\n", '\t') == std::vector<Record>{{1, {"a", "b c", "d\te"}}});
}

TEST_CASE("The delimiter is sniffed from the first lines", "[importers][csv]") {
  CHECK(sniffDelimiter("case;activity;time\n1;a;2025-01-01\n2;b;2025-01-02\n") == ';');
  CHECK(sniffDelimiter("case\tactivity\ttime\n1\ta, b\t2025\n2\tb\t2025\n") == '\t');
  CHECK(sniffDelimiter("case,activity,note\n1,a,\"x;y;z\"\n2,b,\"p;q\"\n") == ',');
  CHECK(sniffDelimiter("a,b;c\n1,2;3\n4,5;6\n7,8") == ',');      // a full tie goes to the comma
  CHECK(sniffDelimiter("one;two\n1;2\n3;4\n5;6,7,8,9") == ';');  // cut-off last line ignored
  CHECK(sniffDelimiter("nothing to split\n") == ',');
  CHECK(sniffDelimiter("") == ',');
}

TEST_CASE("An empty input has no records and no error", "[importers][csv]") {
  CHECK(readText("").empty());
  CHECK(readText("\xEF\xBB\xBF").empty());
  CHECK(readText("\n\r\n").empty());
  const auto path = orglens::test::writeFile(orglens::test::tempDir("csv") / "empty.csv", "");
  std::string error;
  auto reader = CsvReader::open(path, error);
  REQUIRE(reader);
  CsvRow row;
  CHECK_FALSE(reader->next(row));
  CHECK(reader->error().empty());
  CHECK(reader->totalBytes() == 0);
}

TEST_CASE("A real file is read through open() with progress", "[importers][csv]") {
  std::string text = "case,activity,time\n";
  for (int i = 0; i < 2000; ++i) {
    text += std::to_string(i) + ",\"act, " + std::to_string(i % 7) + "\",2025-01-01\n";
  }
  const auto path = orglens::test::writeFile(orglens::test::tempDir("csv") / "log.csv", text);
  std::string error;
  auto reader = CsvReader::open(path, error, 4096);
  REQUIRE(reader);
  CHECK(reader->totalBytes() == text.size());
  CHECK(reader->head(4) == "case");
  CsvRow row;
  std::uint64_t records = 0;
  while (reader->next(row)) {
    ++records;
    REQUIRE(row.fields.size() == 3);
    REQUIRE(row.line == records);
    if (records == 101) CHECK(row.fields[1] == "act, 1");  // i = 99
  }
  CHECK(reader->error().empty());
  CHECK(records == 2001);
  CHECK(reader->bytesRead() == text.size());
}

TEST_CASE("Opening a missing file is an error naming the path", "[importers][csv]") {
  const auto path = orglens::test::tempDir("csv") / "missing.csv";
  std::string error;
  CHECK(CsvReader::open(path, error) == nullptr);
  CHECK(error == "cannot open '" + path.string() + "': No such file or directory");
}
