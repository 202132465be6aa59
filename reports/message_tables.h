// Tables of the message analyses (responsiveness/1), shared by `orglens responsiveness` and
// the report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/responsiveness.h"
#include "model/message_log.h"
#include "reports/analysis_tables.h"
#include "reports/table.h"

namespace orglens::reports {

/// A person (through `names`) or a team/thread by its name, else its key.
std::string messageLogLabel(const model::MessageLog& log, std::uint32_t object,
                            const PersonNames& names);

/// Reply latency per responder, team or team pair (`pairs`: with the asking team) for groups
/// with at least `minCount` replies. Needs `style.names`.
Table latencyTable(const std::vector<analysis::LatencyGroup>& groups, const model::MessageLog& log,
                   bool pairs, const TableStyle& style, const char* who, std::uint64_t minCount);

}  // namespace orglens::reports
