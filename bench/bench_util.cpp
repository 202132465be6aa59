#include "bench/bench_util.h"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <string_view>

namespace orglens::bench {

bool resetPeakRss() {
  std::ofstream out("/proc/self/clear_refs");
  if (!out) return false;
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

std::uint64_t peakRssKiB() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      std::uint64_t kib = 0;
      for (char c : line)
        if (c >= '0' && c <= '9') kib = kib * 10 + static_cast<std::uint64_t>(c - '0');
      return kib;
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss);  // KiB on Linux
}

std::string fixed(double value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string formatBytes(double bytes) {
  if (bytes >= 1e9) return fixed(bytes / 1e9, 2) + " GB";
  if (bytes >= 1e6) return fixed(bytes / 1e6, 1) + " MB";
  if (bytes >= 1e3) return fixed(bytes / 1e3, 1) + " kB";
  return fixed(bytes, 0) + " B";
}

std::string formatKiB(std::uint64_t kib) {
  if (kib >= 1024 * 1024) return fixed(static_cast<double>(kib) / (1024.0 * 1024.0), 2) + " GiB";
  return fixed(static_cast<double>(kib) / 1024.0, 1) + " MiB";
}

std::string withCommas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out = digits.substr(0, first);
  for (std::size_t i = first; i < digits.size(); i += 3) out += "," + digits.substr(i, 3);
  return out;
}

void printTable(const std::vector<Row>& rows) {
  const std::array<std::string_view, 7> header = {"benchmark", "size",   "seconds", "throughput",
                                                  "peak RSS",  "target", "verdict"};
  std::array<std::size_t, 7> width{};
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  auto cells = [](const Row& r) {
    return std::array<std::string_view, 7>{r.benchmark, r.size,   r.seconds, r.throughput,
                                           r.peakRss,   r.target, r.verdict};
  };
  for (const auto& r : rows) {
    const auto c = cells(r);
    for (std::size_t i = 0; i < c.size(); ++i) width[i] = std::max(width[i], c[i].size());
  }
  auto printLine = [&](const std::array<std::string_view, 7>& c) {
    std::string line;
    for (std::size_t i = 0; i < c.size(); ++i) {
      std::string cell(c[i]);
      // Numbers (seconds) right-aligned, text left-aligned.
      if (i == 2)
        cell.insert(0, width[i] - c[i].size(), ' ');
      else
        cell.append(width[i] - c[i].size(), ' ');
      line += cell;
      if (i + 1 < c.size()) line += " | ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::printf("%s\n", line.c_str());
  };
  printLine(header);
  std::string rule;
  for (std::size_t i = 0; i < width.size(); ++i)
    rule += std::string(width[i], '-') + (i + 1 < width.size() ? "-+-" : "");
  std::printf("%s\n", rule.c_str());
  for (const auto& r : rows) printLine(cells(r));
  std::fflush(stdout);
}

}  // namespace orglens::bench
