// Transparent huge pages for a pass's big buffers (analysis/huge_pages.h): the rules that decide
// from the kernel's settings and free blocks, and the advice itself, seen in /proc/self/smaps.
#include <sys/mman.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "analysis/huge_pages.h"

namespace hp = orglens::analysis::detail;

namespace {

constexpr std::size_t kMB = std::size_t{1} << 20;

/// A /proc/buddyinfo with `order9` free blocks of 2 MB and `order10` of 4 MB in zone Normal.
std::string buddyinfo(unsigned order9, unsigned order10) {
  std::ostringstream s;
  s << "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1"
       "      3\n"
    << "Node 0, zone   Normal  44940  26347  14797   7648   7547   3478   1655    968    394 "
    << order9 << " " << order10 << "\n";
  return s.str();
}

}  // namespace

TEST_CASE("Huge pages only where the kernel gives them on advice and cannot stall for them",
          "[analysis][hugepages]") {
  const std::string plenty = buddyinfo(0, 500);  // 2,000 MB free in 4 MB blocks (and DMA's 14)
  const std::string scarce = buddyinfo(10, 2);   // 28 MB (and DMA's 14)
  const char* madvise = "always [madvise] never";
  const auto decide = [](std::string_view enabled, std::string_view defrag, std::string_view free,
                         std::size_t bytes, hp::HugePageChoice choice = hp::HugePageChoice::Auto) {
    return hp::hugePageDecision({enabled, defrag, free, false}, bytes, choice);
  };
  SECTION("enabled: only [madvise] asks for advice") {
    CHECK(decide(madvise, "always defer defer+madvise madvise [never]", "", kMB));
    CHECK_FALSE(decide("[always] madvise never", "always defer [never]", plenty, kMB));
    CHECK_FALSE(decide("always madvise [never]", "[defer]", plenty, kMB));
    CHECK_FALSE(decide("", "[defer]", plenty, kMB));         // no such file
    CHECK_FALSE(decide("madvise", "[defer]", plenty, kMB));  // no choice in it
    CHECK_FALSE(decide("[always] madvise never", "[defer]", plenty, kMB, hp::HugePageChoice::On));
  }
  SECTION("defrag defer or never: a fault never compacts, so always") {
    CHECK(decide(madvise, "always [defer] defer+madvise madvise never", "", 100'000 * kMB));
    CHECK(decide(madvise, "always defer defer+madvise madvise [never]", scarce, 100'000 * kMB));
  }
  SECTION("defrag that compacts on advice: only with twice the bytes free in 2 MB blocks") {
    for (const char* defrag : {"[always] defer defer+madvise madvise never",
                               "always defer defer+madvise [madvise] never",
                               "always defer [defer+madvise] madvise never"}) {
      INFO(defrag);
      CHECK(decide(madvise, defrag, plenty, 1'000 * kMB));
      CHECK(decide(madvise, defrag, plenty, 1'007 * kMB));  // (2,000 + 14) / 2
      CHECK_FALSE(decide(madvise, defrag, plenty, 1'008 * kMB));
      CHECK_FALSE(decide(madvise, defrag, plenty, 1'008 * kMB, hp::HugePageChoice::On));
      CHECK(decide(madvise, defrag, scarce, 21 * kMB));  // (28 + 14) / 2
      CHECK_FALSE(decide(madvise, defrag, scarce, 22 * kMB));
      CHECK_FALSE(decide(madvise, defrag, "", kMB));  // unreadable: none free
      CHECK_FALSE(decide(madvise, defrag, "garbage\nzone\n", kMB));
    }
  }
  SECTION("a hypervisor that takes free memory back: only when asked for (on)") {
    const hp::HugePageFacts facts{madvise, "always [defer] defer+madvise madvise never", plenty,
                                  true};
    CHECK_FALSE(hp::hugePageDecision(facts, kMB));
    CHECK(hp::hugePageDecision(facts, kMB, hp::HugePageChoice::On));
    CHECK_FALSE(hp::hugePageDecision(facts, kMB, hp::HugePageChoice::Off));
  }
  SECTION("off turns everything off") {
    CHECK_FALSE(decide(madvise, "always [defer] defer+madvise madvise never", plenty, kMB,
                       hp::HugePageChoice::Off));
  }
}

TEST_CASE("ORGLENS_HUGE_PAGES chooses on, off or the rules", "[analysis][hugepages]") {
  using hp::HugePageChoice;
  for (const char* off : {"off", "0", "no"}) CHECK(hp::hugePageChoice(off) == HugePageChoice::Off);
  for (const char* on : {"on", "1", "yes"}) CHECK(hp::hugePageChoice(on) == HugePageChoice::On);
  for (const char* other : {"", "auto", "OFF", "2"})
    CHECK(hp::hugePageChoice(other) == HugePageChoice::Auto);
  CHECK(hp::hugePageChoice(nullptr) == HugePageChoice::Auto);
  const char* was = std::getenv("ORGLENS_HUGE_PAGES");
  const std::string saved = was ? was : "";
  ::setenv("ORGLENS_HUGE_PAGES", "off", 1);
  CHECK_FALSE(hp::hugePagesFor(kMB));
  if (was)
    ::setenv("ORGLENS_HUGE_PAGES", saved.c_str(), 1);
  else
    ::unsetenv("ORGLENS_HUGE_PAGES");
}

#if defined(__linux__) && defined(MADV_HUGEPAGE)
namespace {

/// The VmFlags of the mapping in /proc/self/smaps that holds `p`, or "" where there is none.
std::string vmFlagsOf(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= at && at < to;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

bool advisedHuge(const void* p) {
  const std::string flags = vmFlagsOf(p);
  return flags.find(" hg") != std::string::npos;
}

}  // namespace

TEST_CASE("adviseHuge() marks the whole 2 MB pages inside a range, only in an allowed scope",
          "[analysis][hugepages]") {
  static const int somewhere = 0;
  if (vmFlagsOf(&somewhere).empty()) {
    WARN("no /proc/self/smaps with VmFlags here: the advice cannot be seen");
    return;
  }
  constexpr std::size_t kHuge = 2 * kMB, kSize = 16 * kMB;
  void* map = ::mmap(nullptr, kSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(map != MAP_FAILED);
  auto* bytes = static_cast<char*>(map);
  // A 2 MB page boundary inside the mapping, with whole 2 MB pages around it.
  char* base = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(bytes) + 3 * kHuge - 1) &
                                       ~std::uintptr_t{kHuge - 1});
  {
    const hp::HugePageScope refused(false);
    hp::adviseHuge(base, 4 * kHuge);
    CHECK_FALSE(advisedHuge(base));
  }
  {
    const hp::HugePageScope allowed(true);
    hp::adviseHuge(base + 1, kHuge);  // no whole 2 MB page inside: nothing
    CHECK_FALSE(advisedHuge(base));
    hp::adviseHuge(base - 100, 100 + 2 * kHuge + 100);  // the two whole pages from base
    CHECK(advisedHuge(base));
    CHECK(advisedHuge(base + 2 * kHuge - 1));
    CHECK_FALSE(advisedHuge(base + 2 * kHuge));
    CHECK_FALSE(advisedHuge(base - 1));
  }
  {
    const hp::HugePageScope refused(false);
    hp::adviseHuge(base + 2 * kHuge, kHuge);  // after the allowed scope ended: nothing
    CHECK_FALSE(advisedHuge(base + 2 * kHuge));
  }
  ::munmap(map, kSize);
}
#endif
