#include "analysis/huge_pages.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>

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

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Whether a hypervisor takes free memory back: a virtio balloon (device 0x0005) that offers free
/// page reporting (feature bit 5, VIRTIO_BALLOON_F_REPORTING; sysfs shows the features as a string
/// of 0 and 1, bit 0 first), or Hyper-V's balloon driver bound to a device (WSL2).
bool hypervisorTakesFreeMemory() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::directory_iterator d("/sys/bus/virtio/devices", ec), end; !ec && d != end;
       d.increment(ec)) {
    if (readFile(d->path() / "device").rfind("0x0005", 0) != 0) continue;
    const std::string features = readFile(d->path() / "features");
    if (features.size() > 5 && features[5] == '1') return true;
  }
  ec.clear();
  for (fs::directory_iterator d("/sys/bus/vmbus/drivers/hv_balloon", ec), end; !ec && d != end;
       d.increment(ec))
    if (d->is_symlink(ec) && d->path().filename() != "module") return true;  // a bound device
  return false;
}

/// Allowed scopes alive.
std::atomic<int> gAllowed{0};

}  // namespace

HugePageChoice hugePageChoice(const char* env) {
  const std::string_view v = env ? env : "";
  if (v == "off" || v == "0" || v == "no") return HugePageChoice::Off;
  if (v == "on" || v == "1" || v == "yes") return HugePageChoice::On;
  return HugePageChoice::Auto;
}

namespace {

/// The rules of hugePageDecision() that look at the settings only: why not, or "" where the free
/// blocks decide (needsFreeBlocks()) or nothing stands in the way.
std::string settingsRefusal(const HugePageFacts& facts, HugePageChoice choice) {
  if (choice == HugePageChoice::Off) return "ORGLENS_HUGE_PAGES=off";
  const auto enabled = chosen(facts.enabled);
  if (enabled.empty()) return "this kernel has no transparent huge pages";
  if (enabled != "madvise")
    return "transparent huge pages are \"" + std::string(enabled) +
           "\", not \"madvise\" (/sys/kernel/mm/transparent_hugepage/enabled)";
  if (choice == HugePageChoice::Auto && facts.freePageReporting)
    return "the hypervisor takes free memory back (free page reporting), so huge pages come "
           "cold; ORGLENS_HUGE_PAGES=on asks for them anyway";
  if (chosen(facts.defrag).empty())
    return "the kernel's defrag setting (/sys/kernel/mm/transparent_hugepage/defrag)";
  return "";
}

/// Whether an advised fault may compact memory, so that the free 2 MB blocks decide.
bool needsFreeBlocks(const HugePageFacts& facts) {
  const auto compaction = chosen(facts.defrag);
  return compaction != "defer" && compaction != "never";
}

bool enoughFreeBlocks(const HugePageFacts& facts, std::size_t bytes) {
  return freeHugeBytes(facts.buddyinfo) / 2 >= bytes;
}

/// The decision on this machine now, and why not when not.
std::pair<bool, std::string> decideHere(std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const HugePageChoice choice = hugePageChoice(std::getenv("ORGLENS_HUGE_PAGES"));
  if (choice == HugePageChoice::Off) return {false, settingsRefusal({}, choice)};  // nothing read
  // The settings and the hypervisor as the process found them; the free blocks now.
  static const std::string enabled = readFile("/sys/kernel/mm/transparent_hugepage/enabled");
  static const std::string defrag = readFile("/sys/kernel/mm/transparent_hugepage/defrag");
  static const bool reporting = hypervisorTakesFreeMemory();
  HugePageFacts facts{enabled, defrag, "", reporting};
  if (std::string why = settingsRefusal(facts, choice); !why.empty()) return {false, why};
  if (!needsFreeBlocks(facts)) return {true, ""};
  const std::string buddyinfo = readFile("/proc/buddyinfo");
  facts.buddyinfo = buddyinfo;
  if (enoughFreeBlocks(facts, bytes)) return {true, ""};
  return {false, "too few free 2 MB blocks for the pass without compacting memory"};
#else
  (void)bytes;
  return {false, "not Linux"};
#endif
}

}  // namespace

bool hugePageDecision(const HugePageFacts& facts, std::size_t bytes, HugePageChoice choice) {
  return settingsRefusal(facts, choice).empty() &&
         (!needsFreeBlocks(facts) || enoughFreeBlocks(facts, bytes));
}

bool hugePagesFor(std::size_t bytes) {
  return decideHere(bytes).first;
}

std::string describeHugePages(std::size_t bytes) {
  const auto [yes, why] = decideHere(bytes);
  return yes ? "asked for" : "not asked for: " + why;
}

HugePageScope::HugePageScope(std::size_t bytes) : HugePageScope(hugePagesFor(bytes)) {}

HugePageScope::HugePageScope(bool allowed) : m_allowed(allowed) {
  if (m_allowed) gAllowed.fetch_add(1, std::memory_order_relaxed);
}

HugePageScope::~HugePageScope() {
  if (m_allowed) gAllowed.fetch_sub(1, std::memory_order_relaxed);
}

void adviseWholePages(void* p, std::size_t bytes, std::size_t page, int advice) {
#if defined(__linux__)
  const auto from = (reinterpret_cast<std::uintptr_t>(p) + page - 1) & ~(page - 1);
  const auto to = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(page - 1);
  if (to > from) (void)::madvise(reinterpret_cast<void*>(from), to - from, advice);
#else
  (void)p, (void)bytes, (void)page, (void)advice;
#endif
}

void adviseHuge(void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (gAllowed.load(std::memory_order_relaxed) > 0)
    adviseWholePages(p, bytes, kHugePage, MADV_HUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

}  // namespace orglens::analysis::detail
