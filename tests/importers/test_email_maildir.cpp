// The maildir importer: a folder with cur/, new/ and tmp/, one message per file.
#include <catch2/catch.hpp>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "model/store.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportOptions;

namespace {

std::filesystem::path makeMaildir() {
  const auto dir = test::tempDir("maildir") / "Inbox";
  for (const char* sub : {"cur", "new", "tmp"}) std::filesystem::create_directories(dir / sub);
  test::writeFile(dir / "cur" / "1583139600.1.host:2,S",
                  "Return-Path: <ann@example.org>\r\n"
                  "From: Ann <ann@example.org>\r\n"
                  "To: bob@example.org\r\n"
                  "Date: Mon, 02 Mar 2020 09:00:00 +0000\r\n"
                  "Message-ID: <d1@example.org>\r\n"
                  "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Thunderbird/68.5.0\r\n"
                  "\r\n"
                  "From the minutes: a body line.\r\n");
  test::writeFile(dir / "new" / "1583143200.2.host",
                  "From bob@example.org Mon Mar  2 10:00:00 2020\n"
                  "From: bob@example.org\n"
                  "Date: Mon, 02 Mar 2020 10:00:00 +0000\n"
                  "Message-ID: <d2@example.org>\n"
                  "In-Reply-To: <d1@example.org>\n"
                  "\n"
                  "Von meinem iPhone gesendet\n");
  test::writeFile(dir / "new" / "1583146800.3.host", "From: carol@example.org\nSubject: x\n\n");
  test::writeFile(dir / "tmp" / "1583150400.4.host",  // still being delivered: ignored
                  "From: dave@example.org\nDate: Mon, 02 Mar 2020 11:00:00 +0000\n\n");
  return dir;
}

}  // namespace

TEST_CASE("A maildir folder is detected and imports cur and new, not tmp", "[importers][email]") {
  const auto dir = makeMaildir();
  const auto* detected = importers::Registry::builtin().detect(dir);
  REQUIRE(detected);
  CHECK(detected->name() == "maildir");
  model::Model m;
  model::NoProgress progress;
  const auto outcome = importers::importFile(m, dir, ImportOptions{}, progress);
  CHECK(outcome.format == "maildir");
  REQUIRE(m.events().size() == 2);
  CHECK(m.events()[0].platform == model::Platform::Desktop);  // Thunderbird on Linux
  CHECK(m.events()[1].platform == model::Platform::Mobile);   // German iPhone signature
  CHECK(m.events()[1].item == m.events()[0].item);
  REQUIRE(outcome.diagnostics.size() == 1);
  CHECK(outcome.diagnostics[0].line == 1);
  CHECK(outcome.diagnostics[0].message ==
        "new/1583146800.3.host: a message without Date; message skipped");
  std::size_t replies = 0;
  for (const auto& r : m.relations()) replies += m.text(r.qualifier) == "reply-to";
  CHECK(replies == 1);
  CHECK(m.dump().find("the minutes") == std::string::npos);
}

TEST_CASE("Importing the same maildir twice into a store adds nothing", "[importers][email]") {
  const auto dir = makeMaildir();
  auto store = model::Store::open(dir.parent_path() / "m.orglens", model::Store::Mode::Create);
  model::NoProgress progress;
  const auto first = importers::importFile(*store, dir, ImportOptions{}, progress);
  CHECK(first.counts.events == 2);
  CHECK(importers::importFile(*store, dir, ImportOptions{}, progress).alreadyImported);
  // A message file alone, named with --format maildir.
  ImportOptions one;
  one.format = "maildir";
  model::Model m;
  importers::importFile(m, dir / "cur" / "1583139600.1.host:2,S", one, progress);
  CHECK(m.events().size() == 1);
}
