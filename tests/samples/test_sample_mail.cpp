// mail.mbox of the sample: well-formed mboxrd, replies that point back, the same byte for a
// seed, and the planted silo team and broker visible in who mails whom.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/samples/sample_files.h"

namespace sample = orglens::test::sample;
namespace test = orglens::test;

namespace {

struct Mail {
  std::map<std::string, std::string> headers;  // first occurrence of each header
  std::vector<std::string> body;
};

/// Splits an mbox at "From " lines that follow a blank line (or open the file).
std::vector<Mail> readMbox(const std::string& text, std::size_t& envelopes) {
  std::vector<Mail> mails;
  std::istringstream in(text);
  std::string line, previous = "";
  bool inHeaders = false;
  envelopes = 0;
  while (std::getline(in, line)) {
    if (line.starts_with("From ") && previous.empty()) {
      ++envelopes;
      mails.emplace_back();
      inHeaders = true;
    } else if (inHeaders && line.empty()) {
      inHeaders = false;
    } else if (inHeaders) {
      const auto colon = line.find(": ");
      REQUIRE(colon != std::string::npos);
      mails.back().headers.emplace(line.substr(0, colon), line.substr(colon + 2));
    } else {
      REQUIRE_FALSE(mails.empty());
      mails.back().body.push_back(line);
    }
    previous = line;
  }
  return mails;
}

/// "Name <addr>" → addr.
std::string address(const std::string& mailbox) {
  const auto open = mailbox.rfind('<');
  return open == std::string::npos ? mailbox : mailbox.substr(open + 1, mailbox.size() - open - 2);
}

}  // namespace

TEST_CASE("The sample mbox is well-formed mboxrd with threads that point back", "[samples]") {
  const auto& dir = sample::defaultSample();
  const std::string text = test::readFile(dir / "mail.mbox");
  const std::string truth = test::readFile(dir / "ground-truth.json");
  REQUIRE(text.starts_with("From "));
  std::size_t envelopes = 0;
  const std::vector<Mail> mails = readMbox(text, envelopes);
  CHECK(mails.size() == envelopes);
  CHECK(mails.size() == sample::truthCount(truth, "mail_messages"));
  std::set<std::string> seen;
  std::size_t replies = 0, escaped = 0, mobile = 0, encoded = 0, mailers = 0;
  for (const Mail& mail : mails) {
    INFO((mail.headers.count("Message-ID") ? mail.headers.at("Message-ID") : "no id"));
    REQUIRE(mail.headers.count("From") == 1);
    REQUIRE(mail.headers.count("Date") == 1);
    REQUIRE(mail.headers.count("Message-ID") == 1);
    CHECK(mail.headers.at("Date").size() == 31);  // "Mon, 06 Jan 2025 09:15:00 +0100"
    if (mail.headers.count("In-Reply-To")) {
      ++replies;
      CHECK(seen.count(mail.headers.at("In-Reply-To")) == 1);
      CHECK(mail.headers.at("References").ends_with(mail.headers.at("In-Reply-To")));
      CHECK(mail.headers.at("Subject").starts_with("Re: "));
    }
    CHECK(seen.insert(mail.headers.at("Message-ID")).second);
    encoded += mail.headers.at("From").starts_with("=?utf-8?Q?");
    mailers += mail.headers.count("X-Mailer") + mail.headers.count("User-Agent");
    for (const std::string& line : mail.body) {
      CHECK_FALSE(line.starts_with("From "));  // would have split the message
      escaped += line.starts_with(">From ");
      mobile += line == "Sent from my iPhone";
    }
  }
  const std::size_t threads = sample::truthCount(truth, "mail_threads");
  CHECK(replies + threads == mails.size());
  CHECK(sample::truthCount(truth, "mail_threads_unanswered") > 0);
  CHECK(escaped > 0);
  CHECK(mobile > 0);
  CHECK(encoded > 0);
  CHECK(mailers > 0);
  CHECK(text.find("=?utf-8?Q?Jos=C3=A9_Mu=C3=B1oz?= <jose.munoz@example.org>") !=
        std::string::npos);
}

TEST_CASE("The sample's mail keeps the silo team inside and the broker between", "[samples]") {
  const auto& dir = sample::defaultSample();
  const auto roster = sample::readRoster(dir);
  const std::string truth = test::readFile(dir / "ground-truth.json");
  std::string broker;
  for (const auto& [email, person] : roster) {
    if (person.id == sample::truthValue(truth, "person_id").substr(1, 5)) broker = email;
  }
  REQUIRE_FALSE(broker.empty());
  std::size_t envelopes = 0;
  std::size_t silo = 0, siloInternal = 0, between = 0, betweenWithoutBroker = 0, brokerMails = 0;
  std::map<std::string, std::size_t> mobileByTeam, mailsByTeam;
  for (const Mail& mail : readMbox(test::readFile(dir / "mail.mbox"), envelopes)) {
    std::vector<std::string> people = {address(mail.headers.at("From")),
                                       address(mail.headers.at("To"))};
    if (mail.headers.count("Cc")) people.push_back(address(mail.headers.at("Cc")));
    std::set<std::string> teams, departments;
    for (const std::string& email : people) {
      REQUIRE(roster.count(email) == 1);
      teams.insert(roster.at(email).team);
      departments.insert(roster.at(email).department);
    }
    const bool withBroker = std::count(people.begin(), people.end(), broker) > 0;
    brokerMails += withBroker;
    if (teams.count("Research")) {
      ++silo;
      siloInternal += teams.size() == 1;
    }
    if (departments.count("Product") && departments.count("Commercial")) {
      ++between;
      betweenWithoutBroker += !withBroker;
    }
    const std::string& team = roster.at(people[0]).team;
    ++mailsByTeam[team];
    mobileByTeam[team] += !mail.body.empty() && std::find(mail.body.begin(), mail.body.end(),
                                                          "Sent from my iPhone") != mail.body.end();
  }
  const double internal = static_cast<double>(siloInternal) / static_cast<double>(silo);
  CHECK(internal >= 0.9);
  CHECK(internal == Approx(sample::truthNumber(truth, "silo_internal_share")).margin(1e-4));
  CHECK(between > 0);
  CHECK(betweenWithoutBroker == 0);
  CHECK(between == sample::truthCount(truth, "broker_cross_department_messages"));
  CHECK(brokerMails > between);  // the broker mails inside Sales too
  // Field Service writes from phones far more often than anyone else.
  const auto share = [&](const std::string& team) {
    return static_cast<double>(mobileByTeam[team]) / static_cast<double>(mailsByTeam[team]);
  };
  for (const auto& [team, count] : mailsByTeam) {
    if (team != "Field Service" && count >= 100) CHECK(share(team) < share("Field Service"));
  }
}

TEST_CASE("The sample's new files are byte-identical for the same seed", "[samples]") {
  orglens::samples::SampleOptions options;
  options.people = 60;
  options.days = 45;
  options.seed = 11;
  const auto first = test::tempDir("sample-collab-a"), second = test::tempDir("sample-collab-b");
  const auto summary = orglens::samples::writeSampleOrganisation(first, options);
  orglens::samples::writeSampleOrganisation(second, options);
  REQUIRE(summary.files.size() == 7);
  std::size_t compared = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(first)) {
    if (!entry.is_regular_file()) continue;
    const auto relative = std::filesystem::relative(entry.path(), first);
    INFO(relative.string());
    CHECK(test::readFile(entry.path()) == test::readFile(second / relative));
    ++compared;
  }
  std::size_t secondFiles = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(second)) {
    secondFiles += entry.is_regular_file();
  }
  CHECK(compared == secondFiles);
  CHECK(compared > 7);  // the Slack day files are there too
  for (const auto& file : summary.files) CHECK(std::filesystem::is_regular_file(file));
}
