// GitHub records onto the model, shared by the REST-export and the GH Archive importers (see
// README "GitHub" for the mapping):
//  - an issue or pull request is a task, key "owner/repo#12" (name = title only with
//    --keep-subjects), attribute kind (issue / pull request), `part-of` its repository;
//  - each record is an event by its actor (tool `tracker`; a push: tool `git`, no item),
//    activity as activityName(); an assignment links the assignee (`assignee`), a review
//    request the requested reviewer (`reviewer`);
//  - people resolve by GitHub login (alias kind github); bots (`[bot]` logins, type Bot) are
//    no people: their records are skipped and counted; deleted users (null, `ghost`) leave
//    the event without an actor.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "importers/github_records.h"
#include "importers/importer.h"
#include "importers/timestamp.h"
#include "model/identity.h"

namespace orglens::importers {

/// --repo / --org: which repositories an import keeps.
class GithubFilter {
 public:
  explicit GithubFilter(const ImportOptions& options);
  bool all() const { return m_repos.empty() && m_owners.empty(); }
  /// True for a repository ("owner/name") the options keep. Case-insensitive.
  bool accepts(std::string_view repo) const;

 private:
  std::vector<std::string> m_repos, m_owners;  // lower case
};

class GithubMapper {
 public:
  /// `dedup`: drop a record whose event (item, activity, time, actor) this import already
  /// added — REST exports repeat them (a pull request is in the issues and the pulls list, a
  /// review in the reviews and the timeline). Off for GH Archive, where every line is an event
  /// of its own and memory must not grow with the file.
  GithubMapper(ImportContext& ctx, bool dedup);

  /// Maps one record. `line` and `where` (a file name prefix in folder imports, or "") place
  /// its diagnostics.
  void add(const GithubRecord& r, std::uint64_t line, std::string_view where);
  /// Adds the derived closings no event covered and writes the summary diagnostics.
  void finish();
  std::uint64_t events() const { return m_events; }

 private:
  struct Key {
    std::uint32_t item, activity, actor;
    model::MicrosUtc time;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  struct Counted {
    std::uint64_t count = 0;
    std::uint64_t firstLine = 0;
    std::string firstWhere;
  };

  /// "owner/name" as stored: the owner pseudonymised when the import pseudonymises.
  std::string repoName(std::string_view repo) const;
  model::ObjectId task(const GithubRecord& r);
  model::PersonId person(const GithubUser& user);
  /// The actor of a record, or invalid (deleted user, missing field: counted or warned).
  model::PersonId actorOf(const GithubRecord& r, std::uint64_t line, std::string_view where);
  bool duplicate(const model::EventRecord& e);
  void addEvent(const model::EventRecord& e, const GithubRecord& r);
  void count(std::map<std::string, Counted>& counts, std::string key, std::uint64_t line,
             std::string_view where);
  void skip(std::uint64_t line, std::string_view where, const std::string& why);
  std::string summary(const std::map<std::string, Counted>& counts) const;
  model::StringId s(std::string_view text) { return m_sink.intern(text); }

  ImportContext& m_ctx;
  model::ModelSink& m_sink;
  model::IdentityResolver m_people;
  TimestampParser m_time;
  GithubFilter m_filter;
  bool m_dedup;
  struct Task {
    model::ObjectId object;
    bool kindKnown = false;  // the kind attribute is set (a comment's URL does not tell it)
  };
  std::unordered_map<std::string, Task> m_tasks;  // bounded: see task()
  std::unordered_set<Key, KeyHash> m_seen;        // dedup: (item, activity, time, actor)
  std::unordered_set<Key, KeyHash> m_at;          // dedup: (item, activity, time), actor 0
  std::vector<std::pair<model::EventRecord, GithubRecordCopy>> m_derived;
  std::map<std::string, Counted> m_bots, m_unmapped;
  Counted m_ghosts, m_filtered, m_duplicates;
  std::uint64_t m_events = 0;
  std::string m_key;
};

}  // namespace orglens::importers
