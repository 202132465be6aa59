// Transparent huge pages for the big buffers of a pass, where the kernel can give them at once.
// Internal to analysis/; not part of its public API.
//
// Why: the handoff pass over 10 M events writes ≈ 250 MB of fresh buffers. In 4 KB pages that is
// ≈ 60 K page faults (≈ 0.1 s on a VM) and scatters whose write streams miss the TLB; in 2 MB
// pages it is ≈ 130 faults. The pass measured 0.52 → 0.46 s (docs/performance.md).
//
// The risks:
// - A stall: where the kernel's defrag setting lets a fault on a region advised with
//   MADV_HUGEPAGE compact memory synchronously, a fault can wait for compaction when no free 2 MB
//   block is left (0.3–0.5 s measured on a fragmented VM). So a pass asks for huge pages only
//   where that cannot happen or is not needed (hugePageDecision()).
// - Cold memory: in a VM whose hypervisor takes back free memory (virtio-balloon free page
//   reporting, as on the development VM and in WSL2), free 2 MB blocks are the ones handed back,
//   and the first touch of each costs the host a fault per 4 KB: 512 MB took 0.95 s against
//   0.17 s in 4 KB pages, then 0.045 s once the blocks were the guest's again. A process's first
//   pass there was twice as slow (10 M events: 1.0 s against 0.53 s), only the later ones
//   within seconds faster (0.46 s). So where a hypervisor takes free memory back, huge pages are
//   not asked for unless ORGLENS_HUGE_PAGES=on (a long-running process with passes in quick
//   succession).
// ORGLENS_HUGE_PAGES=off turns them off everywhere.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orglens::analysis::detail {

/// What the decision looks at.
struct HugePageFacts {
  /// The contents of /sys/kernel/mm/transparent_hugepage/enabled and .../defrag (the chosen
  /// word in brackets), and of /proc/buddyinfo.
  std::string_view enabled, defrag, buddyinfo;
  /// Whether a hypervisor takes free memory back (free page reporting: a virtio balloon that
  /// offers it, or Hyper-V's balloon, as in WSL2).
  bool freePageReporting = false;
};

/// The fresh buffers of a pass, about, in bytes an event: what its HugePageScope asks for.
/// - the handoff pass (findHandoffs(), analyseHandoffsAndFlow()): the list 12 a handoff, the
///   grouped waits 8, the person blocks' codes 4, the person groups, the variant keys;
/// - the flow pass (analyseFlow()): the waits and their grouping 16, the variant keys, the items'
///   times.
inline constexpr std::size_t kHandoffPassBytesPerEvent = 48;
inline constexpr std::size_t kFlowPassBytesPerEvent = 24;

/// ORGLENS_HUGE_PAGES: unset (or anything else) Auto, "on"/"1"/"yes" On, "off"/"0"/"no" Off.
enum class HugePageChoice { Auto, On, Off };
HugePageChoice hugePageChoice(const char* env);

/// The rules: whether `bytes` of buffers should be advised as huge pages now.
/// - Off: never.
/// - enabled "madvise" only (with "always" the kernel gives huge pages unasked, without the
///   stalls that advice would add; with "never", or no such file, none);
/// - Auto: not under free page reporting (cold blocks: see above); On: regardless;
/// - defrag "defer" or "never": yes (an advised fault never compacts);
/// - otherwise ("always", "madvise", "defer+madvise": an advised fault may compact) only when
///   the free 2 MB blocks (order 9 and above, all zones) come to twice `bytes`.
bool hugePageDecision(const HugePageFacts& facts, std::size_t bytes,
                      HugePageChoice choice = HugePageChoice::Auto);

/// hugePageDecision() on this machine now, with ORGLENS_HUGE_PAGES's choice.
bool hugePagesFor(std::size_t bytes);

/// hugePagesFor(bytes) in words, with the reason when not: "asked for", "not asked for: ...".
std::string describeHugePages(std::size_t bytes);

/// While a scope that was allowed lives, adviseHuge() advises (one per pass, at its start).
class HugePageScope {
 public:
  /// Allowed when hugePagesFor(bytes).
  explicit HugePageScope(std::size_t bytes);
  /// Allowed as told (tests).
  explicit HugePageScope(bool allowed);
  ~HugePageScope();
  HugePageScope(const HugePageScope&) = delete;
  HugePageScope& operator=(const HugePageScope&) = delete;
  bool allowed() const { return m_allowed; }

 private:
  bool m_allowed;
};

/// madvise(p', n', advice) over the whole pages of `page` bytes (a power of two) inside
/// [p, p + bytes); nothing where there is none. Linux; nothing elsewhere.
void adviseWholePages(void* p, std::size_t bytes, std::size_t page, int advice);

/// Advises the whole 2 MB pages inside [p, p + bytes) as huge pages (MADV_HUGEPAGE) while an
/// allowed scope lives; nothing otherwise, nor for less than a whole 2 MB page. Before the memory
/// is first written: pages already there stay as they are.
void adviseHuge(void* p, std::size_t bytes);

}  // namespace orglens::analysis::detail
