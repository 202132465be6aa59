// Reading and writing side by side: parseXesFilePipelined runs the XES reader on a worker
// thread while the caller's thread runs the handler (in an import: the writes to the store).
// The handler sees exactly the calls, in exactly the order, that parseXesFile would make —
// traces, warnings, progress — so results do not depend on it; only the reading of the next
// traces overlaps with the handling of the previous ones.
#pragma once

#include <filesystem>

#include "importers/xes_parser.h"

namespace orglens::importers {

/// As parseXesFile (same return value, same XesParseError), with the parse on a worker
/// thread at most a bounded number of traces ahead (memory stays O(largest trace × bound)).
/// When the handler throws or onChunk returns false, the worker is stopped and joined before
/// this returns or rethrows.
bool parseXesFilePipelined(const std::filesystem::path& path, XesHandler& handler,
                           const XesParseOptions& options = {});

}  // namespace orglens::importers
