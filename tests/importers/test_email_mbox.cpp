// The mbox importer on hand-written archives: mboxo, mboxrd, pipermail and .mbox.gz.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "importers/import_file.h"
#include "model/time_format.h"
#include "tests/support/test_support.h"

using namespace orglens;
using importers::ImportOptions;

namespace {

const char* const kArchive =
    "From ann@example.org Mon Mar  2 09:00:00 2020\n"
    "From: =?utf-8?B?w4VzYQ==?= Berg <Ann@Example.org>\n"
    "To: Bob <bob@example.org>,\n"
    " \"Carol C.\" <carol@example.org>\n"
    "Cc: dave at example.org (Dave)\n"
    "Subject: Plan for the week\n"
    "Date: Mon, 2 Mar 2020 10:00:00 +0100\n"
    "Message-ID: <m1@example.org>\n"
    "X-Mailer: Microsoft Outlook 16.0\n"
    "\n"
    "Hello all,\n"
    "From the notes of last week, we agreed on the plan.\n"
    "The secret body sentence is here.\n"
    "\n"
    "From bob@example.org Mon Mar  2 11:00:00 2020\n"
    "From: Bob <bob@example.org>\n"
    "To: ann@example.org\n"
    "Subject: Re: Plan for the week\n"
    "Date: Mon, 2 Mar 20 11:00 EST\n"
    "Message-ID: <m2@example.org>\n"
    "In-Reply-To: <m1@example.org>\n"
    "References: <m1@example.org>\n"
    "\n"
    "Fine by me.\n"
    "\n"
    "Sent from my iPhone\n"
    "\n"
    "From carol@example.org Mon Mar  2 12:00:00 2020\n"
    "From: carol@example.org\n"
    "Subject: no date here\n"
    "Message-ID: <m3@example.org>\n"
    "\n"
    "body\n"
    "\n"
    "From dave@example.org Tue Mar  3 08:00:00 2020\n"
    "From: \"Dave\" <dave@example.org>\n"
    "Date: 3 Mar 2020 08:00:00 Z\n"
    "Message-ID: <m4@example.org>\n"
    "In-Reply-To: <unknown@example.org>\n"
    "References: <root@example.org>\n"
    "\t<unknown@example.org>\n"
    "\n"
    "> Sent from my iPhone\n"
    "From bob@example.org Tue Mar  3 09:00:00 2020\n"
    "From: Bob <bob@example.org>\n"
    "Date: Tue, 3 Mar 2020 09:00:00 +0000\n"
    "Message-ID: <m5@example.org>\n"
    "In-Reply-To: <m4@example.org>\n"
    "Subj";  // the archive ends inside the last message's headers

model::Model importText(const std::string& name, std::string_view text,
                        const ImportOptions& options = {},
                        importers::ImportOutcome* outcome = nullptr) {
  const auto file = test::writeFile(test::tempDir("mbox") / name, text);
  model::Model m;
  model::NoProgress progress;
  const auto out = importers::importFile(m, file, options, progress);
  if (outcome) *outcome = out;
  return m;
}

std::string keyOf(const model::Model& m, model::ObjectId id) {
  return std::string(m.text(m.objects()[id.value()].key));
}

std::string nameOf(const model::Model& m, model::PersonId id) {
  return std::string(m.text(m.objects()[id.value()].name));
}

/// "qualifier:key" of every link of event `e`.
std::vector<std::string> links(const model::Model& m, std::size_t e) {
  std::vector<std::string> out;
  for (const auto& [event, link] : m.eventLinks())
    if (event.value() == e)
      out.push_back(std::string(m.text(link.qualifier)) + ":" + keyOf(m, link.object));
  return out;
}

/// "from>to" of every relation with `qualifier`.
std::vector<std::string> relations(const model::Model& m, std::string_view qualifier) {
  std::vector<std::string> out;
  for (const auto& r : m.relations())
    if (m.text(r.qualifier) == qualifier) out.push_back(keyOf(m, r.from) + ">" + keyOf(m, r.to));
  return out;
}

}  // namespace

TEST_CASE("An mbox archive maps messages to sent events, threads and replies",
          "[importers][email]") {
  importers::ImportOutcome outcome;
  const auto m = importText("box.mbox", kArchive, {}, &outcome);
  CHECK(outcome.format == "mbox");
  REQUIRE(m.events().size() == 4);  // m3 has no Date
  const auto& e = m.events();
  CHECK(model::formatIsoUtc(e[0].time) == "2020-03-02T09:00:00Z");
  CHECK(model::formatIsoUtc(e[1].time) == "2020-03-02T16:00:00Z");  // 20 → 2020, EST, no seconds
  CHECK(model::formatIsoUtc(e[2].time) == "2020-03-03T08:00:00Z");
  CHECK(m.text(e[0].activity) == "sent");
  CHECK(m.text(e[0].tool) == "email");
  CHECK(keyOf(m, e[0].actor.object()) == "ann@example.org");
  CHECK(nameOf(m, e[0].actor) == "Åsa Berg");
  CHECK(links(m, 0) == std::vector<std::string>{"sent:m1@example.org", "to:bob@example.org",
                                                "to:carol@example.org", "cc:dave@example.org"});
  CHECK(keyOf(m, e[2].actor.object()) == "dave@example.org");  // same person as the Cc
  CHECK(e[0].platform == model::Platform::Desktop);            // X-Mailer: Outlook
  CHECK(e[1].platform == model::Platform::Mobile);             // "Sent from my iPhone"
  CHECK(e[2].platform == model::Platform::Unknown);  // a quoted signature is someone else's
  CHECK(e[0].item == e[1].item);
  CHECK(keyOf(m, e[0].item) == "m1@example.org");
  CHECK(keyOf(m, e[2].item) == "root@example.org");  // the root of References
  CHECK(e[3].item == e[2].item);
  CHECK(relations(m, "reply-to") ==
        std::vector<std::string>{"m2@example.org>m1@example.org", "m5@example.org>m4@example.org"});
  CHECK(relations(m, "in").size() == 4);
}

TEST_CASE("Messages without Date and a truncated last message are diagnosed with their line",
          "[importers][email]") {
  importers::ImportOutcome outcome;
  importText("box.mbox", kArchive, {}, &outcome);
  CHECK(outcome.counts.skippedRows == 1);
  REQUIRE(outcome.diagnostics.size() == 2);
  CHECK(outcome.diagnostics[0].line == 29);  // "From: carol@example.org"
  CHECK(outcome.diagnostics[0].message == "a message without Date; message skipped");
  CHECK(outcome.diagnostics[1].line == 45);  // "From: Bob", the last header start
  CHECK(outcome.diagnostics[1].message == "the file ends inside the headers of this message");
}

TEST_CASE("Body text never reaches the model and subjects only on request", "[importers][email]") {
  const auto plain = importText("box.mbox", kArchive).dump();
  CHECK(plain.find("secret body sentence") == std::string::npos);
  CHECK(plain.find("Fine by me") == std::string::npos);
  CHECK(plain.find("Plan for the week") == std::string::npos);
  ImportOptions keep;
  keep.keepSubjects = true;
  const auto kept = importText("box.mbox", kArchive, keep).dump();
  CHECK(kept.find("secret body sentence") == std::string::npos);
  CHECK(kept.find("Plan for the week") != std::string::npos);
}

TEST_CASE("mboxrd escapes and unescaped pipermail From lines are no message boundaries",
          "[importers][email]") {
  const auto rd = importText("rd.mbox",
                             "From a@x.org Mon Mar  2 09:00:00 2020\n"
                             "From: a@x.org\nDate: 2 Mar 2020 09:00 +0000\nMessage-ID: <1@x>\n\n"
                             ">From a@x.org Mon Mar  2 09:00:00 2020\n"
                             ">>From here on it is quoted\n"
                             "From here on, we agree.\n");
  CHECK(rd.events().size() == 1);
  const auto piper = importText("2020-March.txt",
                                "From ann at example.org  Mon Mar  2 09:00:00 2020\n"
                                "From: ann at example.org (Ann Example)\n"
                                "Date: Mon, 2 Mar 2020 09:00:00 +0000\n"
                                "Message-ID: <p1@example.org>\n\n"
                                "From the log you provided, it looks like a bug.\n"
                                "From: someone quoted\n\n"
                                "From bob at example.org  Mon Mar  2 10:00:00 2020\n"
                                "From: bob at example.org (Bob)\n"
                                "Date: Mon, 2 Mar 2020 10:00:00 +0000\n"
                                "Message-ID: <p2@example.org>\n"
                                "In-Reply-To: <p1@example.org>\n\nok\n");
  REQUIRE(piper.events().size() == 2);
  CHECK(keyOf(piper, piper.events()[0].actor.object()) == "ann@example.org");
  CHECK(nameOf(piper, piper.events()[0].actor) == "Ann Example");
  CHECK(relations(piper, "reply-to") == std::vector<std::string>{"p2@example.org>p1@example.org"});
}

TEST_CASE("Unsupported charsets and broken encodings are kept raw with a warning",
          "[importers][email]") {
  importers::ImportOutcome outcome;
  const auto m = importText("enc.mbox",
                            "From a@x.org Mon Mar  2 09:00:00 2020\n"
                            "From: =?koi8-r?B?8NLJ18XU?= <a@x.org>\n"
                            "Date: 2 Mar 2020 09:00 +0000\nMessage-ID: <e1@x>\n\n"
                            "From b@x.org Mon Mar  2 09:00:00 2020\n"
                            "From: =?utf-8?B?***?= Andr\xE9 <b@x.org>\n"
                            "Date: 2 Mar 2020 09:00 +0000\n\n",
                            {}, &outcome);
  REQUIRE(m.events().size() == 2);
  CHECK(nameOf(m, m.events()[0].actor) == "=?koi8-r?B?8NLJ18XU?=");
  CHECK(nameOf(m, m.events()[1].actor) == "=?utf-8?B?***?= André");
  REQUIRE(outcome.diagnostics.size() == 3);
  CHECK(outcome.diagnostics[0].line == 2);
  CHECK(outcome.diagnostics[0].message.find("'koi8-r' is kept encoded") != std::string::npos);
  CHECK(outcome.diagnostics[1].line == 7);  // no Message-ID: a generated key
  CHECK(outcome.diagnostics[1].message.find("'enc.mbox#125'") != std::string::npos);
  CHECK(outcome.diagnostics[2].message.find("malformed encoded word") != std::string::npos);
}

TEST_CASE("A gzip archive, a duplicate Message-ID and subject threading", "[importers][email]") {
  const auto dir = test::tempDir("mbox-gz");
  const auto gzPath = dir / "box.mbox.gz";
  gzFile gz = gzopen(gzPath.c_str(), "wb");
  gzwrite(gz, kArchive, static_cast<unsigned>(std::strlen(kArchive)));
  gzclose(gz);
  model::Model m;
  model::NoProgress progress;
  CHECK(importers::importFile(m, gzPath, {}, progress).format == "mbox");
  CHECK(m.events().size() == 4);
  const auto again = importers::importFile(m, test::writeFile(dir / "copy.mbox", kArchive),
                                           ImportOptions{}, progress);
  CHECK(m.events().size() == 4);  // the same messages in another archive
  CHECK(again.diagnostics.back().message.find("4 messages were imported before") == 0);

  const std::string bySubject =
      "From a@x.org Mon Mar  2 09:00:00 2020\nFrom: a@x.org\nSubject: Budget\n"
      "Date: 2 Mar 2020 09:00 +0000\nMessage-ID: <s1@x>\n\n"
      "From b@x.org Mon Mar  9 09:00:00 2020\nFrom: b@x.org\nSubject: AW: [team] Budget\n"
      "Date: 9 Mar 2020 09:00 +0000\nMessage-ID: <s2@x>\n\n"
      "From c@x.org Mon Apr 20 09:00:00 2020\nFrom: c@x.org\nSubject: Re: budget\n"
      "Date: 20 Apr 2020 09:00 +0000\nMessage-ID: <s3@x>\n\n";
  ImportOptions subjects;
  subjects.threadBySubject = true;
  const auto threaded = importText("subjects.mbox", bySubject, subjects);
  REQUIRE(threaded.events().size() == 3);
  CHECK(threaded.events()[1].item == threaded.events()[0].item);
  CHECK(threaded.events()[2].item != threaded.events()[1].item);  // 42 days later
  const auto plain = importText("subjects.mbox", bySubject);
  CHECK(plain.events()[1].item != plain.events()[0].item);
}
