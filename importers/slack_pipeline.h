// Reading a Slack export's day files beside the import: readSlackDaysPipelined reads and parses
// the files on a worker thread while the caller's thread runs the handler (in an import: the
// writes to the store). The handler sees exactly the calls, in exactly the order, that
// readSlackDays makes on one thread; only the reading and parsing of the next files overlaps
// with the handling of the previous ones.
#pragma once

#include <string>
#include <vector>

#include "importers/slack_parser.h"

namespace orglens::importers {

/// What the importer does with the day files, in file order.
class SlackDayHandler {
 public:
  virtual ~SlackDayHandler() = default;
  /// Before anything of file `day` (an index into the list); false stops the reading
  /// (cancellation): no further call follows.
  virtual bool onDayStart(std::size_t day) = 0;
  /// The file could not be read; nothing else of it follows but onDayEnd.
  virtual void onUnreadable(std::size_t day) = 0;
  /// One element of the file's array; the views are valid during the call only.
  virtual void onMessage(std::size_t day, const SlackMessage& message) = 0;
  /// After the file's messages, when it is not a day file (SlackDayParser::parse's text).
  virtual void onParseError(std::size_t day, const std::string& error) = 0;
  virtual void onDayEnd(std::size_t day) = 0;
};

/// Reads and parses `files` (paths) in order on the calling thread. O(total size); memory
/// O(largest file).
void readSlackDays(const std::vector<std::string>& files, SlackDayHandler& handler);

/// As readSlackDays, with the reading and parsing on a worker thread at most a few files ahead
/// (memory O(largest file x that bound)). When the handler throws or onDayStart returns false,
/// the worker is stopped and joined before this returns or rethrows.
void readSlackDaysPipelined(const std::vector<std::string>& files, SlackDayHandler& handler);

}  // namespace orglens::importers
