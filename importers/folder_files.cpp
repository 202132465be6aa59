#include "importers/folder_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
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

/// Appends the regular files below `relative` (a folder below `top`, open as `root`).
void collect(const std::filesystem::path& top, int root, const std::string& relative,
             std::vector<std::string>& out) {
  const int fd =
      ::openat(root, relative.empty() ? "." : relative.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) cannotRead(top / relative, errno);
  std::unique_ptr<DIR, DirCloser> dir(::fdopendir(fd));
  if (!dir) {
    const int error = errno;
    ::close(fd);
    cannotRead(top / relative, error);
  }
  std::vector<std::string> folders;
  while (const dirent* e = ::readdir(dir.get())) {
    const std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string path = relative.empty() ? std::string(name) : relative + '/' + e->d_name;
    const unsigned char type = typeOf(dir.get(), e, false);
    if (type == DT_REG)
      out.push_back(std::move(path));
    else if (type == DT_DIR)
      folders.push_back(std::move(path));
  }
  dir.reset();
  for (const auto& f : folders) collect(top, root, f, out);
}

/// Name by name: '/' ranks below every other byte.
bool pathLess(const std::string& a, const std::string& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] == b[i]) continue;
    if (a[i] == '/') return true;
    if (b[i] == '/') return false;
    return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  }
  return a.size() < b.size();
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

std::vector<std::string> regularFilesBelow(const std::filesystem::path& folder) {
  const int root = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root < 0) cannotRead(folder, errno);
  std::vector<std::string> out;
  try {
    collect(folder, root, "", out);
  } catch (...) {
    ::close(root);
    throw;
  }
  ::close(root);
  std::sort(out.begin(), out.end(), pathLess);
  return out;
}

}  // namespace orglens::importers
