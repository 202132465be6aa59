// `orglens info`: what a store holds, as text or JSON.
#pragma once

#include <string>

#include "model/store.h"
#include "reports/table.h"

namespace orglens::reports {

/// Renders the store summary. Text for people; JSON (an object) for machines; CSV gives the
/// sources table.
std::string renderInfo(const model::StoreSummary& summary, const std::string& storePath,
                       Format format);

/// The table of sources (one row per import).
Table sourcesTable(const model::StoreSummary& summary);

}  // namespace orglens::reports
