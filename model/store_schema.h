// The store's schema as an ordered list of migrations: a new store runs them all, an older
// store runs those past its version. docs/store.md documents the resulting tables.
#pragma once

#include <string_view>
#include <vector>

namespace orglens::model {

struct Migration {
  int toVersion;
  std::string_view description;
  std::string_view sql;
};

/// Migrations in order; the last one's toVersion is the current schema version.
const std::vector<Migration>& migrations();
int currentSchemaVersion();
/// The oldest version every reader can read as it is: version 3 only added a table that only
/// imports use, so a version-2 store opens read-only without a migration.
inline constexpr int kOldestReadableVersion = 2;

/// SQLite application_id of orglens stores ("ORGL"), so `file` and we can tell them apart.
inline constexpr int kApplicationId = 0x4F52474C;

}  // namespace orglens::model
