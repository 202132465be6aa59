#include "analysis/huge_pages.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace orglens::analysis::detail {
namespace {

constexpr std::size_t kHugePage = std::size_t{1} << 21;
constexpr int kHugeOrder = 9;  // 2 MB in 4 KB pages

/// The word in brackets ("always [madvise] never" → "madvise"), or an empty view.
std::string_view chosen(std::string_view setting) {
  const auto open = setting.find('[');
  const auto close = setting.find(']', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) return {};
  return setting.substr(open + 1, close - open - 1);
}

/// Free bytes in blocks of 2 MB and more, from /proc/buddyinfo's lines "Node 0, zone Normal c0 c1
/// ... c10" (free blocks of each order); 0 for lines it does not understand.
std::uint64_t freeHugeBytes(std::string_view buddyinfo) {
  std::uint64_t bytes = 0;
  std::istringstream lines{std::string(buddyinfo)};
  for (std::string line; std::getline(lines, line);) {
    const auto zone = line.find("zone");
    if (zone == std::string::npos) continue;
    std::istringstream words(line.substr(zone + 4));
    std::string name;
    if (!(words >> name)) continue;
    std::uint64_t count = 0;
    for (int order = 0; order < 40 && words >> count; ++order)
      if (order >= kHugeOrder) bytes += count * (std::uint64_t{kHugePage} << (order - kHugeOrder));
  }
  return bytes;
}

std::string readFile(const char* path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Allowed scopes alive.
std::atomic<int> gAllowed{0};

}  // namespace

bool hugePageDecision(std::string_view enabled, std::string_view defrag, std::string_view buddyinfo,
                      std::size_t bytes) {
  if (chosen(enabled) != "madvise") return false;
  const auto compaction = chosen(defrag);
  if (compaction == "defer" || compaction == "never") return true;
  if (compaction.empty()) return false;
  return freeHugeBytes(buddyinfo) / 2 >= bytes;
}

bool hugePagesFor(std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (const char* env = std::getenv("ORGLENS_HUGE_PAGES")) {
    const std::string_view v(env);
    if (v == "off" || v == "0" || v == "no") return false;
  }
  static const std::string enabled = readFile("/sys/kernel/mm/transparent_hugepage/enabled");
  static const std::string defrag = readFile("/sys/kernel/mm/transparent_hugepage/defrag");
  if (chosen(enabled) != "madvise") return false;  // no need to read the free blocks
  const auto compaction = chosen(defrag);
  const std::string buddyinfo =
      compaction == "defer" || compaction == "never" ? "" : readFile("/proc/buddyinfo");
  return hugePageDecision(enabled, defrag, buddyinfo, bytes);
#else
  (void)bytes;
  return false;
#endif
}

HugePageScope::HugePageScope(std::size_t bytes) : HugePageScope(bytes, hugePagesFor(bytes)) {}

HugePageScope::HugePageScope(std::size_t, bool allowed) : m_allowed(allowed) {
  if (m_allowed) gAllowed.fetch_add(1, std::memory_order_relaxed);
}

HugePageScope::~HugePageScope() {
  if (m_allowed) gAllowed.fetch_sub(1, std::memory_order_relaxed);
}

void adviseHuge(void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (gAllowed.load(std::memory_order_relaxed) <= 0) return;
  const auto from = (reinterpret_cast<std::uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1);
  const auto to = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kHugePage - 1);
  if (to > from) (void)::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

}  // namespace orglens::analysis::detail
