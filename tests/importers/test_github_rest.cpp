// The GitHub REST-export importer on the hand-written export of github_fixtures.h: tasks,
// events and their actors, links and attributes, bots and deleted users, duplicates across
// lists, per-issue timelines, titles only on request, and the store round trip.
#include <catch2/catch.hpp>
#include <set>

#include "importers/import_file.h"
#include "importers/registry.h"
#include "model/store.h"
#include "tests/importers/github_fixtures.h"

using namespace orglens;

namespace {

importers::ImportOutcome importInto(model::Model& model, const std::filesystem::path& path,
                                    const importers::ImportOptions& options = {}) {
  model::NoProgress progress;
  return importers::importFile(model, path, options, progress);
}

std::size_t count(const model::Model& m, std::string_view activity) {
  std::size_t n = 0;
  for (const auto& e : m.events()) n += m.text(e.activity) == activity ? 1 : 0;
  return n;
}

std::string keyOf(const model::Model& m, model::ObjectId id) {
  return id ? std::string(m.text(m.objects()[id.value()].key)) : std::string("-");
}

/// "activity by actor on item" for every event, in import order.
std::multiset<std::string> eventTexts(const model::Model& m) {
  std::multiset<std::string> out;
  for (const auto& e : m.events())
    out.insert(std::string(m.text(e.activity)) + " by " + keyOf(m, e.actor.object()) + " on " +
               keyOf(m, e.item));
  return out;
}

bool hasDiagnostic(const importers::ImportOutcome& o, model::Severity severity,
                   std::string_view text, std::uint64_t line = 0) {
  for (const auto& d : o.diagnostics)
    if (d.severity == severity && d.message.find(text) != std::string::npos &&
        (line == 0 || d.line == line))
      return true;
  return false;
}

std::set<std::string> linked(const model::Model& m, std::string_view qualifier) {
  std::set<std::string> out;
  for (const auto& [event, link] : m.eventLinks())
    if (m.text(link.qualifier) == qualifier)
      out.insert(std::string(m.text(m.events()[event.value()].activity)) + " -> " +
                 keyOf(m, link.object));
  return out;
}

}  // namespace

TEST_CASE("A GitHub REST export folder maps issues, pull requests, events, reviews, comments",
          "[importers][github]") {
  const auto dir = githubtest::writeRestExport("gh-rest");
  REQUIRE(importers::Registry::builtin().detect(dir));
  CHECK(importers::Registry::builtin().detect(dir)->name() == "github");
  CHECK(importers::Registry::builtin().detect(dir / "issues.json")->name() == "github");
  CHECK(importers::Registry::builtin().detect(dir / "pulls.json.gz")->name() == "github");
  model::Model m;
  const auto outcome = importInto(m, dir);
  const std::multiset<std::string> expected = {
      "opened by alice on octo-org/widgets#1",
      "assigned by carol on octo-org/widgets#1",
      "labeled by carol on octo-org/widgets#1",
      "commented by bob on octo-org/widgets#1",
      "closed by bob on octo-org/widgets#1",
      "opened by bob on octo-org/widgets#2",
      "review requested by bob on octo-org/widgets#2",
      "review requested by bob on octo-org/widgets#2",
      "reviewed by dave on octo-org/widgets#2",
      "reviewed by dave on octo-org/widgets#2",
      "merged by carol on octo-org/widgets#2",
      "opened by - on octo-org/widgets#3",
      "commented by - on octo-org/widgets#3",
  };
  CHECK(eventTexts(m) == expected);
  CHECK(outcome.counts.skippedRows == 0);
  CHECK(outcome.counts.warnings == 0);
  // Links: the assignee and the requested reviewer; attributes: label, review state.
  CHECK(linked(m, "assignee") == std::set<std::string>{"assigned -> bob"});
  CHECK(linked(m, "reviewer") == std::set<std::string>{"review requested -> dave"});
  std::multiset<std::string> attributes;
  for (const auto& a : m.eventAttributes())
    attributes.insert(std::string(m.text(a.key)) + "=" + std::get<std::string>(a.value));
  CHECK(attributes == std::multiset<std::string>{"label=bug", "review_state=approved",
                                                 "review_state=changes_requested"});
  // Exact times: the first review 4 h after the request.
  model::MicrosUtc requested = 0, reviewed = 0;
  for (const auto& e : m.events()) {
    if (m.text(e.activity) == "review requested" && !requested) requested = e.time;
    if (m.text(e.activity) == "reviewed" && !reviewed) reviewed = e.time;
  }
  CHECK(requested == 1'709'543'100'000'000);  // 2024-03-04T09:05:00Z
  CHECK(reviewed - requested == 4LL * 3600 * 1'000'000);
  CHECK(hasDiagnostic(outcome, model::Severity::Info, "13 GitHub events imported"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info,
                      "2 records by bots are not people's activity and were skipped "
                      "(github-actions[bot] 2"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info,
                      "mentioned 1 (first at issue-events.json: line"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info,
                      "4 records repeat an event imported from another list or file"));
}

TEST_CASE("GitHub people resolve by login, case-insensitively; bots and deleted users are none",
          "[importers][github]") {
  model::Model m;
  const auto outcome = importInto(m, githubtest::writeRestExport("gh-people"));
  std::set<std::string> people;
  for (const auto& o : m.objects())
    if (o.type == model::typeId(model::BuiltinType::Person))
      people.insert(std::string(m.text(o.key)));
  CHECK(people == std::set<std::string>{"alice", "bob", "carol", "dave"});  // "Bob" is bob
  CHECK(m.findAlias(model::AliasKind::GithubLogin, "bob"));
  CHECK_FALSE(m.findAlias(model::AliasKind::GithubLogin, "ghost"));
  CHECK(hasDiagnostic(outcome, model::Severity::Info,
                      "2 events by deleted users (null user or 'ghost') were imported without "
                      "an actor (first at comments.ndjson: line 2)"));
}

TEST_CASE("GitHub tasks have keys owner/repo#n, a kind, a repository, and titles on request",
          "[importers][github]") {
  const auto dir = githubtest::writeRestExport("gh-tasks");
  model::Model plain, kept;
  importInto(plain, dir);
  importers::ImportOptions options;
  options.keepSubjects = true;
  importInto(kept, dir, options);
  std::set<std::string> names, keptNames;
  for (const auto& o : plain.objects())
    if (o.type == model::typeId(model::BuiltinType::Task))
      names.insert(std::string(plain.text(o.key)) + "|" +
                   (o.name ? std::string(plain.text(o.name)) : ""));
  for (const auto& o : kept.objects())
    if (o.type == model::typeId(model::BuiltinType::Task))
      keptNames.insert(std::string(kept.text(o.key)) + "|" + std::string(kept.text(o.name)));
  CHECK(names ==
        std::set<std::string>{"octo-org/widgets#1|", "octo-org/widgets#2|", "octo-org/widgets#3|"});
  CHECK(keptNames == std::set<std::string>{"octo-org/widgets#1|Crash on save",
                                           "octo-org/widgets#2|Fix save",
                                           "octo-org/widgets#3|Odd colours"});
  std::set<std::string> kinds;
  for (const auto& a : plain.objectAttributes())
    if (plain.text(a.key) == "kind")
      kinds.insert(keyOf(plain, a.object) + "=" + std::get<std::string>(a.value));
  CHECK(kinds == std::set<std::string>{"octo-org/widgets#1=issue",
                                       "octo-org/widgets#2=pull request",
                                       "octo-org/widgets#3=issue"});
  std::size_t partOf = 0;
  for (const auto& r : plain.relations())
    partOf += plain.text(r.qualifier) == "part-of" && keyOf(plain, r.to) == "octo-org/widgets";
  CHECK(partOf == 3);
}

TEST_CASE("A per-issue timeline takes its item from its records; without one it is diagnosed",
          "[importers][github][badinput]") {
  const auto dir = githubtest::writeRestExport("gh-timeline");
  model::Model alone;
  const auto outcome = importInto(alone, dir / "timeline-2.json");
  CHECK(outcome.format == "github");
  CHECK(count(alone, "review requested") == 2);
  CHECK(count(alone, "merged") == 1);
  CHECK(count(alone, "closed") == 0);  // the merge's own closing
  // The same items without any record that names the pull request: nothing to take it from.
  const auto orphan = test::writeFile(
      dir / "orphan.json",
      "[\n" +
          githubtest::event("assigned", githubtest::user("ann"), "2024-03-01T10:00:00Z", "", 0) +
          ",\n" +
          githubtest::event("closed", githubtest::user("ann"), "2024-03-01T11:00:00Z", "", 0) +
          "\n]\n");
  model::Model none;
  const auto bad = importInto(none, orphan);
  CHECK(none.events().empty());
  CHECK(bad.counts.skippedRows == 2);
  CHECK(hasDiagnostic(bad, model::Severity::Warning, "assigned names no issue or pull request", 2));
  CHECK(hasDiagnostic(bad, model::Severity::Warning, "closed names no issue or pull request", 3));
}

TEST_CASE("A GitHub REST import into the store loads back equal to an in-memory import",
          "[importers][github]") {
  const auto dir = githubtest::writeRestExport("gh-roundtrip");
  const auto db = test::tempDir("gh-roundtrip-db") / "gh.orglens";
  auto store = model::Store::open(db, model::Store::Mode::Create);
  model::NoProgress progress;
  const auto first = importers::importFile(*store, dir, {}, progress);
  CHECK(first.counts.events == 13);
  CHECK(first.counts.people == 4);
  model::Model memory;
  importInto(memory, dir);
  CHECK(store->loadModel().dump() == memory.dump());
  // The same folder again adds nothing.
  CHECK(importers::importFile(*store, dir, {}, progress).alreadyImported);
}

TEST_CASE("A timeline that opens with commits is recognised by its later records",
          "[importers][github]") {
  const auto dir = test::tempDir("gh-sniff");
  const std::string committed =
      R"({"event":"committed","sha":"abc","author":{"name":"B","email":"b@example.org"}})";
  const std::string review = R"({"event":"reviewed","user":{"login":"dave"},"state":"approved",)"
                             R"("submitted_at":"2024-03-05T11:00:00Z","pull_request_url":")" +
                             std::string(githubtest::kApi) + R"(/pulls/2"})";
  const auto file = test::writeFile(dir / "timeline.json", "[" + committed + ",\n" + review + "]");
  REQUIRE(importers::Registry::builtin().detect(file));
  CHECK(importers::Registry::builtin().detect(file)->name() == "github");
  // Other tools' JSON with an `event` field is not taken for GitHub's.
  const auto other = test::writeFile(dir / "clicks.json", R"([{"event":"click","user":"u1"}])");
  const auto* found = importers::Registry::builtin().detect(other);
  CHECK((found == nullptr || found->name() != "github"));
  model::Model m;
  importInto(m, file);
  CHECK(count(m, "reviewed") == 1);
}
