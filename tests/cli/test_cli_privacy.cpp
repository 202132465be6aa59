// `orglens import --pseudonymize-key` end to end: the built executable pseudonymises, `info`
// says so, mixing is refused and bad keys are explained.
#include <catch2/catch.hpp>

#include "tests/support/test_support.h"

using orglens::test::cliCommand;
using orglens::test::readFile;
using orglens::test::runCommand;
using orglens::test::writeFile;

namespace {

std::string quoted(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

}  // namespace

TEST_CASE("orglens import --pseudonymize-key stores pseudonyms and info says so",
          "[cli][privacy]") {
  const auto dir = orglens::test::tempDir("cli-privacy");
  writeFile(dir / "in" / "roster.csv",
            "person_id,email,name,team,department,manager_id\n"
            "EMPA1,ann.smith@example.org,Ann Smith,Legal,Corporate,\n"
            "EMPB2,bob.jones@example.org,Bob Jones,Legal,Corporate,EMPA1\n");
  writeFile(dir / "in" / "mail.mbox",
            "From ann.smith@example.org Mon Mar  2 09:00:00 2020\n"
            "From: \"Ann Smith\" <ann.smith@example.org>\n"
            "To: Bob Jones <bob.jones@example.org>, Carla Diaz <carla.diaz@outside.example>\n"
            "Date: Mon, 2 Mar 2020 10:00:00 +0100\n"
            "Message-ID: <m1@example.org>\n"
            "\n"
            "Body.\n");
  const auto key = writeFile(dir / "org.key", "0123456789abcdef0123456789abcdef\n");
  const auto db = dir / "store" / "org.orglens";
  std::string out;
  REQUIRE(runCommand(cliCommand("import " + quoted(dir / "in") + " --db " + quoted(db) +
                                " --pseudonymize-key " + quoted(key)),
                     out) == 0);
  CHECK_THAT(out, Catch::Contains("(2 people)") && Catch::Contains("(1 people)"));
  CHECK(out.find("Ann Smith") == std::string::npos);
  const std::string bytes = readFile(db);
  for (const char* id : {"EMPA1", "EMPB2", "Ann Smith", "ann.smith", "Bob Jones", "bob.jones",
                         "Carla Diaz", "carla.diaz", "0123456789abcdef"})
    CHECK(bytes.find(id) == std::string::npos);

  REQUIRE(runCommand(cliCommand("info --db " + quoted(db)), out) == 0);
  CHECK_THAT(out, Catch::Contains("pseudonymised at import (HMAC-SHA256, key id "));
  CHECK_THAT(out, Catch::Contains("people        3"));
  REQUIRE(runCommand(cliCommand("info --db " + quoted(db) + " --format json"), out) == 0);
  CHECK_THAT(out, Catch::Contains("\"pseudonymised\": true"));

  SECTION("an import without the key into the pseudonymised store is refused") {
    const auto before = readFile(db);
    const auto more = writeFile(dir / "more.csv",
                                "case,activity,timestamp,resource\n"
                                "c1,A,2025-01-01 10:00,Dan Brown\n");
    CHECK(runCommand(cliCommand("import " + quoted(more) + " --db " + quoted(db)), out) == 2);
    CHECK_THAT(out, Catch::Contains("was pseudonymised at import") &&
                        Catch::Contains("Nothing from this file was written"));
    CHECK(readFile(db) == before);
  }

  SECTION("a short or missing key is refused before the store is touched") {
    const auto shortKey = writeFile(dir / "short.key", "too short\n");
    const auto fresh = dir / "fresh" / "org.orglens";
    CHECK(runCommand(cliCommand("import " + quoted(dir / "in") + " --db " + quoted(fresh) +
                                " --pseudonymize-key " + quoted(shortKey)),
                     out) == 2);
    CHECK_THAT(out, Catch::Contains("short.key") && Catch::Contains("at least 16") &&
                        Catch::Contains("head -c 32 /dev/urandom"));
    CHECK_FALSE(std::filesystem::exists(fresh));
    CHECK(runCommand(cliCommand("import " + quoted(dir / "in") + " --db " + quoted(fresh) +
                                " --pseudonymize-key " + quoted(dir / "nokey")),
                     out) == 2);
    CHECK_THAT(out, Catch::Contains("nokey") && Catch::Contains("no such file"));
    CHECK_FALSE(std::filesystem::exists(fresh));
  }

  SECTION("a plain store refuses a pseudonymised import") {
    const auto plain = dir / "plain" / "org.orglens";
    REQUIRE(runCommand(cliCommand("import " + quoted(dir / "in") + " --db " + quoted(plain)),
                       out) == 0);
    REQUIRE(runCommand(cliCommand("info --db " + quoted(plain)), out) == 0);
    CHECK(out.find("pseudonymised") == std::string::npos);
    const auto before = readFile(plain);
    const auto more = writeFile(dir / "more2.csv",
                                "case,activity,timestamp,resource\n"
                                "c1,A,2025-01-01 10:00,Dan Brown\n");
    CHECK(runCommand(cliCommand("import " + quoted(more) + " --db " + quoted(plain) +
                                " --pseudonymize-key " + quoted(key)),
                     out) == 2);
    CHECK_THAT(out, Catch::Contains("holds people imported without --pseudonymize-key"));
    CHECK(readFile(plain) == before);
  }
}
