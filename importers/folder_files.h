// Reading the many small files of a folder import (a Slack export's day files) with few
// system calls: a file is opened by its name through a descriptor of its folder, kept open
// while the files asked for come from the same folder (the kernel walks one name, not the
// whole path), and read whole with one fstat and as few reads as its size needs.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace orglens::importers {

/// Owns a file descriptor: closed when it goes.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor();
  int get() const { return m_fd; }
  explicit operator bool() const { return m_fd >= 0; }

 private:
  int m_fd;
};

class FolderFiles {
 public:
  FolderFiles() = default;
  FolderFiles(const FolderFiles&) = delete;
  FolderFiles& operator=(const FolderFiles&) = delete;
  ~FolderFiles();

  /// A read-only descriptor of the file at path `file` (the caller closes it), or -1 with
  /// errno set.
  int open(const std::string& file);
  /// The whole of the file at path `file` into `out` (its old bytes replaced). False when it
  /// cannot be opened or read.
  bool readWhole(const std::string& file, std::string& out);

 private:
  int m_folder = -1;         // descriptor of m_folderPath, or -1
  std::string m_folderPath;  // the folder m_folder stands for
};

/// All of descriptor `fd` (a regular file) into `out`. False on a read error.
bool readDescriptor(int fd, std::string& out);

/// The names of the regular files (symbolic links to regular files too) directly in `folder`
/// that end in `suffix` (and are longer than it), sorted. Empty when the folder cannot be read.
std::vector<std::string> filesIn(const std::filesystem::path& folder, std::string_view suffix);

/// Calls `onFile` with each regular file below `folder` (symbolic links to regular files too;
/// linked folders are not entered), as a path relative to it with '/' between names, in path
/// order: name by name, so that "a/x" comes before "a-1/y" (the order std::filesystem::path
/// compares in). Memory: one folder's entries per level of the tree. Throws
/// std::filesystem::filesystem_error when a folder cannot be read.
void forEachFileBelow(const std::filesystem::path& folder,
                      const std::function<void(const std::string&)>& onFile);

}  // namespace orglens::importers
