#include "importers/folder_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <functional>
#include <memory>
#include <system_error>

namespace orglens::importers {

Descriptor::~Descriptor() {
  if (m_fd >= 0) ::close(m_fd);
}

FolderFiles::~FolderFiles() {
  if (m_folder >= 0) ::close(m_folder);
}

int FolderFiles::open(const std::string& whole) {
  const auto slash = whole.rfind('/');
  if (slash == std::string::npos || slash + 1 == whole.size())
    return ::open(whole.c_str(), O_RDONLY | O_CLOEXEC);
  const std::string_view folder(whole.data(), slash ? slash : 1);  // "/x": the root
  if (m_folder < 0 || folder != m_folderPath) {
    if (m_folder >= 0) ::close(m_folder);
    m_folderPath.assign(folder);
    m_folder = ::open(m_folderPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_folder < 0) {
      m_folderPath.clear();
      return ::open(whole.c_str(), O_RDONLY | O_CLOEXEC);
    }
  }
  return ::openat(m_folder, whole.c_str() + slash + 1, O_RDONLY | O_CLOEXEC);
}

bool readDescriptor(int fd, std::string& out) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return false;
  // The size is a hint: a file that grows or shrinks while being read is read to its end.
  out.resize(static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)) + 1);
  std::size_t done = 0;
  for (;;) {
    if (done == out.size()) out.resize(out.size() * 2);
    const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return true;
}

bool FolderFiles::readWhole(const std::string& file, std::string& out) {
  const Descriptor fd(open(file));
  return fd && readDescriptor(fd.get(), out);
}

namespace {

struct DirCloser {
  void operator()(DIR* d) const { ::closedir(d); }
};

/// The type of entry `e` of `dir`, following a symbolic link (DT_UNKNOWN when it dangles or
/// names something that is neither a file nor a folder). `linkedFolders` false: a link to a
/// folder is DT_UNKNOWN, so that walks do not enter it.
unsigned char typeOf(DIR* dir, const dirent* e, bool linkedFolders) {
  unsigned char type = e->d_type;
  struct stat st;
  if (type == DT_UNKNOWN) {  // file systems without types in their entries
    if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) return DT_UNKNOWN;
    type = S_ISDIR(st.st_mode)   ? DT_DIR
           : S_ISLNK(st.st_mode) ? DT_LNK
           : S_ISREG(st.st_mode) ? DT_REG
                                 : DT_UNKNOWN;
  }
  if (type != DT_LNK) return type;
  if (::fstatat(::dirfd(dir), e->d_name, &st, 0) != 0) return DT_UNKNOWN;
  return S_ISREG(st.st_mode) ? DT_REG : S_ISDIR(st.st_mode) && linkedFolders ? DT_DIR : DT_UNKNOWN;
}

[[noreturn]] void cannotRead(const std::filesystem::path& folder, int error) {
  throw std::filesystem::filesystem_error("cannot read the folder", folder,
                                          std::error_code(error, std::generic_category()));
}

/// Visits the regular files below `relative` (a folder below `top`, open as `root`) in path
/// order: the folder's entries sorted by name, a subfolder's files where its name sorts. Holds
/// one folder's entries per level, never the whole tree.
void visit(const std::filesystem::path& top, int root, const std::string& relative,
           const std::function<void(const std::string&)>& onFile) {
  const int fd =
      ::openat(root, relative.empty() ? "." : relative.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) cannotRead(top / relative, errno);
  std::unique_ptr<DIR, DirCloser> dir(::fdopendir(fd));
  if (!dir) {
    const int error = errno;
    ::close(fd);
    cannotRead(top / relative, error);
  }
  std::vector<std::pair<std::string, bool>> entries;  // name, is a folder
  while (const dirent* e = ::readdir(dir.get())) {
    const std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    const unsigned char type = typeOf(dir.get(), e, false);
    if (type == DT_REG || type == DT_DIR) entries.emplace_back(name, type == DT_DIR);
  }
  dir.reset();
  std::sort(entries.begin(), entries.end());  // names are unique within a folder
  for (const auto& [name, folder] : entries) {
    const std::string path = relative.empty() ? name : relative + '/' + name;
    if (folder)
      visit(top, root, path, onFile);
    else
      onFile(path);
  }
}

}  // namespace

std::vector<std::string> filesIn(const std::filesystem::path& folder, std::string_view suffix) {
  std::vector<std::string> out;
  std::unique_ptr<DIR, DirCloser> dir(::opendir(folder.c_str()));
  if (!dir) return out;
  while (const dirent* e = ::readdir(dir.get())) {
    const std::string_view name = e->d_name;
    if (name.size() > suffix.size() && name.ends_with(suffix) &&
        typeOf(dir.get(), e, true) == DT_REG)
      out.emplace_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void forEachFileBelow(const std::filesystem::path& folder,
                      const std::function<void(const std::string&)>& onFile) {
  const Descriptor root(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!root) cannotRead(folder, errno);
  visit(folder, root.get(), "", onFile);
}

}  // namespace orglens::importers
