// GitHub JSON, the parsing layer: one JSON value — a GH Archive event (`type` …`Event`,
// `actor`, `repo`, `payload`) or an object of a REST API export (issue, pull request, issue
// event or timeline item, review, comment) — into GithubRecords, with simdjson DOM. Knows
// nothing of the model, so that the fuzzer can drive it alone.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "importers/github_records.h"

namespace orglens::importers {

using GithubRecordCallback = std::function<void(const GithubRecord&)>;

/// What a JSON object looks like to the importers.
enum class GithubShape : std::uint8_t { None, Archive, Rest };

class GithubParser {
 public:
  /// Bytes that must be readable after a value passed with `padded` (simdjson's padding).
  static const std::size_t kPadding;

  GithubParser();
  ~GithubParser();
  GithubParser(const GithubParser&) = delete;
  GithubParser& operator=(const GithubParser&) = delete;

  /// Parses one JSON value and calls `onRecord` for each record it yields (an issue object
  /// yields its opening and, derived from `closed_at`/`merged_at`, its closing; an event one
  /// record; an unmapped kind one record with action Other). Returns an empty string, or why
  /// the value yields nothing: "not valid JSON (…)", "not a JSON object". With `padded` the
  /// caller guarantees kPadding readable bytes after `json` (no copy is made). O(size).
  std::string parse(std::string_view json, bool padded, const GithubRecordCallback& onRecord);

  /// The shape of one JSON value (Archive, Rest or None), for sniffing a file's first value.
  GithubShape shape(std::string_view json);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace orglens::importers
