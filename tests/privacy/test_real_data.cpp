// Privacy of the store on the real shared data: the Clearwater pipermail archives (real
// addresses and names) and the houstondatavis Slack export. Skips cleanly without
// ../shared/data.
#include <simdjson.h>

#include <fstream>
#include <regex>

#include "tests/privacy/privacy_fixture.h"

using namespace orglens;
using namespace orglens::privacytest;
using importers::ImportOptions;

namespace {

std::vector<std::filesystem::path> archiveFiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& e :
       std::filesystem::directory_iterator(test::sharedData("email/clearwater-2015-2017")))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::filesystem::path slackExport() {
  return test::sharedData("chat/houstondatavis-slack");
}

/// Distinct body lines and subjects read straight from the raw archives, independently of
/// the importer: a message starts at a pipermail From_ line ("From user at domain  Tue Mar
/// 1 06:21:33 2016"), its headers end at the first empty line, the rest is body.
struct ArchiveTexts {
  std::set<std::string> bodyLines, subjects;
  std::string subjectHeaders;  // every Subject header with its continuation lines
};

bool isProse(const std::string& line) {
  static const std::regex header("^[A-Za-z-]+: .*");
  if (line.size() < 30 || line[0] == '>' || line[0] == '|' || std::regex_match(line, header))
    return false;
  return std::count(line.begin(), line.end(), ' ') >= 4;  // a sentence, not a URL or a rule
}

ArchiveTexts readArchiveTexts() {
  static const std::regex fromLine(
      "^From .+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d "
      "\\d{4}$");
  ArchiveTexts out;
  for (const auto& file : archiveFiles()) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    bool inHeaders = false, inSubject = false;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.rfind("From ", 0) == 0 && std::regex_match(line, fromLine)) {
        inHeaders = true;
        continue;
      }
      if (inHeaders) {
        if (line.empty()) inHeaders = false;
        inSubject =
            line.rfind("Subject: ", 0) == 0 || (inSubject && (line[0] == ' ' || line[0] == '\t'));
        if (inSubject) out.subjectHeaders += line + "\n";
        if (line.rfind("Subject: ", 0) == 0 && line.find("=?") == std::string::npos) {
          // The words after the list tag and "Re:": a substring of the stored subject.
          std::string s = line.substr(9);
          if (auto tag = s.rfind("] "); tag != std::string::npos) s = s.substr(tag + 2);
          while (s.rfind("Re: ", 0) == 0 || s.rfind("RE: ", 0) == 0) s = s.substr(4);
          while (!s.empty() && s.back() == ' ') s.pop_back();
          if (s.size() >= 20) out.subjects.insert(s);
        }
        continue;
      }
      const auto start = line.find_first_not_of(" \t");
      if (start != std::string::npos && isProse(line.substr(start)))
        out.bodyLines.insert(line.substr(start));
    }
  }
  return out;
}

/// About `n` elements spread evenly over a set (a few hundred finds in a few MB are quick).
std::vector<std::string> spread(const std::set<std::string>& all, std::size_t n) {
  std::vector<std::string> out;
  const std::size_t step = std::max<std::size_t>(1, all.size() / n);
  std::size_t i = 0;
  for (const auto& s : all)
    if (i++ % step == 0) out.push_back(s);
  return out;
}

/// The `text` of every message in the export's day files.
std::set<std::string> slackTexts() {
  std::set<std::string> out;
  simdjson::dom::parser parser;
  for (const auto& e : std::filesystem::recursive_directory_iterator(slackExport())) {
    if (e.path().extension() != ".json" || e.path().parent_path() == slackExport()) continue;
    simdjson::dom::array messages;
    if (parser.load(e.path().string()).get_array().get(messages)) continue;
    for (auto m : messages) {
      std::string_view text;
      if (!m["text"].get_string().get(text) && text.size() >= 30) out.emplace(text);
    }
  }
  return out;
}

std::size_t countFound(const std::string& bytes, const std::vector<std::string>& texts) {
  std::size_t found = 0;
  for (const auto& t : texts)
    if (bytes.find(t) != std::string::npos) {
      UNSCOPED_INFO("found: " << t);  // shown with the CHECK of the count
      ++found;
    }
  return found;
}

}  // namespace

TEST_CASE("The real archives and Slack export keep no identity when pseudonymised",
          "[privacy][real]") {
  std::vector<std::filesystem::path> inputs = archiveFiles();
  inputs.push_back(slackExport());
  const auto dir = test::tempDir("privacy-real");
  const auto plainDb = dir / "plain" / "org.orglens";
  const auto keyedDb = dir / "keyed" / "org.orglens";
  importAll(plainDb, inputs, {});
  ImportOptions options;
  options.pseudonymKey = keyOf("a key for the real data, 32 bytes");
  importAll(keyedDb, inputs, options);

  const Identities plain = identitiesOf(plainDb);
  const Identities keyed = identitiesOf(keyedDb);
  // 187 senders and the other recipients of the list, and the Slack workspace's 71 users.
  CHECK(plain.people == 258);
  CHECK(keyed.people == plain.people);
  CHECK(keyed.aliases.size() == plain.aliases.size());

  REQUIRE_FALSE(leftoverFiles(keyedDb));
  const std::string bytes = storeBytes(keyedDb);
  const std::string lowerBytes = lower(bytes);
  std::size_t checked = 0;
  std::string leaked;
  for (const auto& id : plain.all()) {
    if (id.size() < 4) continue;  // "Ed" occurs anywhere
    ++checked;
    const bool found = bytes.find(id) != std::string::npos ||
                       (id.size() >= 6 && lowerBytes.find(lower(id)) != std::string::npos);
    if (found) leaked += id + "\n";
  }
  CHECK(checked >= 500);
  CHECK(leaked.empty());
  // The plain store does hold them (so the search above can find them).
  const std::string plainBytes = storeBytes(plainDb);
  std::size_t inPlain = 0;
  for (const auto& id : plain.aliases) inPlain += plainBytes.find(id) != std::string::npos;
  CHECK(inPlain == plain.aliases.size());
}

TEST_CASE("No body line of the real archives reaches the store, nor a subject unless asked",
          "[privacy][real]") {
  const ArchiveTexts texts = readArchiveTexts();
  REQUIRE(texts.bodyLines.size() >= 1000);
  REQUIRE(texts.subjects.size() >= 200);
  const auto body = spread(texts.bodyLines, 400);
  const auto subjects = spread(texts.subjects, 300);
  CHECK(body.size() >= 300);

  const auto dir = test::tempDir("privacy-bodies");
  importAll(dir / "plain" / "mail.orglens", archiveFiles(), {});
  const std::string plain = storeBytes(dir / "plain" / "mail.orglens");
  CHECK(countFound(plain, body) == 0);
  CHECK(countFound(plain, subjects) == 0);

  ImportOptions keep;
  keep.keepSubjects = true;
  importAll(dir / "kept" / "mail.orglens", archiveFiles(), keep);
  const std::string kept = storeBytes(dir / "kept" / "mail.orglens");
  // A few body lines repeat a subject ("Can homer interface can be set to SSL or TLS?"):
  // with --keep-subjects those are in the store as subjects.
  std::vector<std::string> notSubjects;
  for (const auto& line : body)
    if (texts.subjectHeaders.find(line) == std::string::npos) notSubjects.push_back(line);
  CHECK(notSubjects.size() + 5 >= body.size());
  CHECK(countFound(kept, notSubjects) == 0);
  // Every subject is there when asked for: the search does find text in the store.
  CHECK(countFound(kept, subjects) == subjects.size());
}

TEST_CASE("No Slack message text reaches the store", "[privacy][real]") {
  const auto all = slackTexts();
  REQUIRE(all.size() >= 300);
  const auto texts = spread(all, 400);
  const auto dir = test::tempDir("privacy-slack");
  importAll(dir / "slack.orglens", {slackExport()}, {});
  const std::string bytes = storeBytes(dir / "slack.orglens");
  CHECK(countFound(bytes, texts) == 0);
  CHECK(bytes.find("#general") != std::string::npos);  // channel names are kept
}
