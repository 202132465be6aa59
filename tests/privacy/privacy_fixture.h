// Helpers of the privacy tests: import into a fresh store, read every byte an import left on
// disk, and list the identities a store holds.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "importers/import_file.h"
#include "model/store.h"
#include "tests/support/test_support.h"

namespace orglens::privacytest {

/// Imports `inputs` in order into the store `db` (created when missing); returns the outcomes.
inline std::vector<importers::ImportOutcome> importAll(
    const std::filesystem::path& db, const std::vector<std::filesystem::path>& inputs,
    const importers::ImportOptions& options) {
  auto store = model::Store::open(db, model::Store::Mode::Create);
  model::NoProgress progress;
  std::vector<importers::ImportOutcome> out;
  for (const auto& input : inputs)
    out.push_back(importers::importFile(*store, input, options, progress));
  return out;
}

/// Every byte in the store's folder after the store is closed: the store and any rollback
/// journal or WAL file left beside it (there should be none; this reads them if there are).
inline std::string storeBytes(const std::filesystem::path& db) {
  std::string out;
  for (const auto& entry : std::filesystem::directory_iterator(db.parent_path()))
    if (entry.path().filename().string().rfind(db.filename().string(), 0) == 0)
      out += test::readFile(entry.path());
  return out;
}

/// True when a file other than the store itself (a -journal, -wal, -shm) is left beside it.
inline bool leftoverFiles(const std::filesystem::path& db) {
  for (const auto& entry : std::filesystem::directory_iterator(db.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name != db.filename().string() && name.rfind(db.filename().string(), 0) == 0) return true;
  }
  return false;
}

/// The identity texts a store holds: people's keys and display names, and alias values.
struct Identities {
  std::set<std::string> keys, names, aliases;
  std::size_t people = 0;
  std::set<std::string> all() const {
    std::set<std::string> out = keys;
    out.insert(names.begin(), names.end());
    out.insert(aliases.begin(), aliases.end());
    return out;
  }
};

inline Identities identitiesOf(const std::filesystem::path& db) {
  auto store = model::Store::open(db, model::Store::Mode::ReadOnly);
  Identities out;
  model::Statement people(store->db(),
                          "SELECT k.value, n.value FROM objects o JOIN strings k ON k.id = o.key "
                          "LEFT JOIN strings n ON n.id = o.name WHERE o.type = 1");
  while (people.step()) {
    ++out.people;
    out.keys.emplace(people.columnText(0));
    if (!people.columnIsNull(1)) out.names.emplace(people.columnText(1));
  }
  model::Statement aliases(store->db(), "SELECT value FROM aliases");
  while (aliases.step()) out.aliases.emplace(aliases.columnText(0));
  return out;
}

/// A count of one query over a store (relations by qualifier, events, ...).
inline std::int64_t countOf(const std::filesystem::path& db, const std::string& sql) {
  auto store = model::Store::open(db, model::Store::Mode::ReadOnly);
  return model::queryInt(store->db(), sql).value_or(-1);
}

inline importers::PseudonymKey keyOf(std::string bytes) {
  return importers::PseudonymKey{std::move(bytes)};
}

/// ASCII lower case, for case-blind searches in a store's bytes.
inline std::string lower(std::string text) {
  for (auto& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

}  // namespace orglens::privacytest
