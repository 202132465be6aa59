// Header parsing of the e-mail importers: dates, address lists, RFC 2047, ids, subjects.
#include <catch2/catch.hpp>

#include "importers/mail_headers.h"
#include "importers/mbox_reader.h"
#include "model/time_format.h"

using namespace orglens;
using namespace orglens::importers;

namespace {

std::string date(std::string_view text) {
  const auto t = parseMailDate(text);
  return t ? model::formatIsoUtc(*t) : "-";
}

std::string decoded(std::string_view text) {
  HeaderProblems problems;
  return decodeHeaderText(text, problems);
}

}  // namespace

TEST_CASE("Mail dates in RFC 5322 and obsolete forms read as UTC", "[importers][email]") {
  CHECK(date("Tue, 1 Mar 2016 19:21:33 +0800") == "2016-03-01T11:21:33Z");
  CHECK(date("Tue, 01 Mar 2016 19:21:33 -0130 (NST)") == "2016-03-01T20:51:33Z");
  CHECK(date("1 Mar 2016 19:21 +0100") == "2016-03-01T18:21:00Z");      // no day name, no seconds
  CHECK(date("Mon, 7 Jul 97 10:00:00 EDT") == "1997-07-07T14:00:00Z");  // two-digit year
  CHECK(date("Mon, 7 Jul 03 10:00:00 PST") == "2003-07-07T18:00:00Z");
  CHECK(date("Mon, 7 Jul 103 10:00:00 GMT") == "2003-07-07T10:00:00Z");  // three digits + 1900
  CHECK(date("7 Jul 2003 10:00:00 UT") == "2003-07-07T10:00:00Z");
  CHECK(date("7 Jul 2003 10:00:00 Z") == "2003-07-07T10:00:00Z");
  CHECK(date("7 Jul 2003 10:00:00 CST") == "2003-07-07T16:00:00Z");
  CHECK(date("7 Jul 2003 10:00:00 MDT") == "2003-07-07T16:00:00Z");
  CHECK(date("7 Jul 2003 10:00:00") == "2003-07-07T10:00:00Z");       // no zone: UTC
  CHECK(date("Thu Jun  1 04:46:16 2017") == "2017-06-01T04:46:16Z");  // ctime
  CHECK(date("Wed, 31 Dec 2014 23:59:60 +0000") == "2014-12-31T23:59:59Z");
  CHECK(date("") == "-");
  CHECK(date("yesterday") == "-");
  CHECK(date("Tue, 1 Foo 2016 19:21:33 +0800") == "-");
  CHECK(date("Tue, 1 Mar 2016 25:21:33 +0800") == "-");
  CHECK(date("Tue, 1 Mar 2016 19:21:33 +08") == "-");
}

TEST_CASE("Address lists split names, quotes, comments and pipermail addresses",
          "[importers][email]") {
  HeaderProblems problems;
  const auto list = parseAddressList(
      "\"Doe, Jane\" <jane@x.org>, bob at y.org (Bob Builder), plain@z.org, "
      "team: a@t.org, b@t.org;, =?utf-8?Q?J=C3=BCrgen?= <j@x.de>, <>",
      problems);
  REQUIRE(list.size() == 6);
  CHECK(list[0].address == "jane@x.org");
  CHECK(list[0].name == "Doe, Jane");
  CHECK(list[1].address == "bob at y.org");
  CHECK(list[1].name == "Bob Builder");
  CHECK(list[2].address == "plain@z.org");
  CHECK(list[2].name.empty());
  CHECK(list[3].address == "a@t.org");  // the group name is dropped
  CHECK(list[4].address == "b@t.org");
  CHECK(list[5].name == "Jürgen");
  CHECK_FALSE(problems.badEncoding);
}

TEST_CASE("Encoded words decode in base64 and Q for the supported charsets", "[importers][email]") {
  CHECK(decoded("=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?=") == "Jürgen Müller");
  CHECK(decoded("=?iso-8859-1?Q?Fran=E7ois_Dupr=E9?=") == "François Dupré");
  CHECK(decoded("=?windows-1252?Q?=93quoted=94?=") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  CHECK(decoded("=?us-ascii?Q?plain?= text") == "plain text");
  // White space between two encoded words goes; around plain text it stays.
  CHECK(decoded("=?utf-8?Q?a?= \t =?utf-8?Q?b?= c") == "ab c");
  HeaderProblems problems;
  CHECK(decodeHeaderText("=?gb2312?b?tPC4tA==?= x", problems) == "=?gb2312?b?tPC4tA==?= x");
  REQUIRE(problems.unsupportedCharsets.size() == 1);
  CHECK(problems.unsupportedCharsets[0] == "gb2312");
  HeaderProblems broken;
  CHECK(decodeHeaderText("=?utf-8?B?***?=", broken) == "=?utf-8?B?***?=");
  CHECK(broken.badEncoding);
  HeaderProblems raw;
  CHECK(decodeHeaderText("Andr\xE9", raw) == "André");  // 8-bit latin1 in a header
  CHECK(raw.badEncoding);
}

TEST_CASE("Header fields are unfolded and message ids extracted", "[importers][email]") {
  std::vector<std::pair<std::string, std::string>> fields;
  forEachHeaderField("Subject: a\n long\n\tsubject\nX-Odd\nTo:  b@x.org \n",
                     [&](std::string_view n, std::string_view v) { fields.emplace_back(n, v); });
  REQUIRE(fields.size() == 2);
  CHECK(fields[0].first == "Subject");
  CHECK(fields[0].second == "a long\tsubject");
  CHECK(fields[1].second == "b@x.org");
  CHECK(parseMessageIds("<a@x>\t<b@y>\n <c @z>") == std::vector<std::string>{"a@x", "b@y", "c@z"});
  CHECK(parseMessageIds("old@mailer.org (comment)") == std::vector<std::string>{"old@mailer.org"});
  CHECK(parseMessageIds("your message of Tuesday").empty());
  CHECK(threadSubject("Re: [Project Clearwater] AW: WG:  Fwd: Stress  Testing") ==
        "stress testing");
  CHECK(threadSubject("RE[2]: Re(3): Deploy") == "deploy");
  CHECK(threadSubject("Regarding: x") == "regarding: x");
}

TEST_CASE("From_ lines need a ctime date after the sender", "[importers][email]") {
  std::string_view sender;
  CHECK(isFromLine("From jiaxuan at chinamobile.com  Tue Mar  1 06:21:33 2016", &sender));
  CHECK(sender == "jiaxuan at chinamobile.com");
  CHECK(isFromLine("From ann@x.org Sat Jan 03 22:08:35 +0000 2015", &sender));
  CHECK(isFromLine("From - Thu Jun  1 04:46 2017"));
  CHECK_FALSE(isFromLine("From the log you provided, it looks like the REGISTER"));
  CHECK_FALSE(isFromLine("From Tue Mar  1 06:21:33 2016"));       // no sender
  CHECK_FALSE(isFromLine("From ann@x.org Tue Mar  1 06:21:33"));  // no year
  CHECK_FALSE(isFromLine(">From ann@x.org Tue Mar  1 06:21:33 2016"));
}
