// Reading a Slack export's day files beside the import: readSlackDaysPipelined reads and parses
// the files on a worker thread while the caller's thread runs the handler (in an import: the
// writes to the store). The handler sees exactly the calls, in exactly the order, that
// readSlackDays makes on one thread; only the reading and parsing of the next files overlaps
// with the handling of the previous ones.
#pragma once

#include <cstdint>
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

/// The day files of an export, in reading order: names by folder, so that a hundred thousand
/// day files cost little more than their names (most fit a std::string's own buffer).
struct SlackDayFiles {
  std::vector<std::string> folders;     // paths
  std::vector<std::uint32_t> folderOf;  // by day: an index into folders
  std::vector<std::string> names;       // by day
  void add(std::uint32_t folder, std::string name) {
    folderOf.push_back(folder);
    names.push_back(std::move(name));
  }
  std::size_t size() const { return names.size(); }
  std::string path(std::size_t day) const { return folders[folderOf[day]] + '/' + names[day]; }
};

/// Reads and parses `files` in order on the calling thread. O(total size); memory O(largest
/// file).
void readSlackDays(const SlackDayFiles& files, SlackDayHandler& handler);

/// As readSlackDays, with the reading and parsing on a worker thread at most a few files ahead
/// (memory O(largest file x that bound)). When the handler throws or onDayStart returns false,
/// the worker is stopped and joined before this returns or rethrows.
void readSlackDaysPipelined(const SlackDayFiles& files, SlackDayHandler& handler);

}  // namespace orglens::importers
