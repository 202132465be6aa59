#include "bench/bench_data.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace orglens::bench {
namespace {

// Bump when the generated content changes, so that old files are regenerated.
constexpr const char* kGeneratorVersion = "orglens-bench-events v1";

constexpr std::array<const char*, DataShape::kActivities> kActivityNames = {
    "Register request", "Check completeness", "Request documents", "Receive documents",
    "Assess risk", "Check credit", "Calculate offer", "Review offer", "Approve offer", "Send offer",
    "Call customer", "Receive answer", "Update contract", "Sign contract", "Archive file",
    "Notify team", "Schedule meeting", "Prepare report", "Close case",
    // The one name that needs quoting, so the reader's quote-aware path is exercised too
    // (about 2% of the rows).
    "Check, escalate"};
constexpr std::array<const char*, kTools> kToolNames = {"process", "email", "chat", "erp", "crm"};
constexpr std::array<const char*, kPlatforms> kPlatformNames = {"desktop", "mobile", "web"};
// UTC offsets of the resources' local times, by resource index % 4.
constexpr std::array<const char*, 4> kOffsetText = {"+01:00", "+02:00", "+00:00", "-05:00"};
constexpr std::array<int, 4> kOffsetSeconds = {3600, 7200, 0, -5 * 3600};

constexpr std::int64_t k2025Utc = 1735689600;  // 2025-01-01T00:00:00Z

// Days since 1970-01-01 to civil date (H. Hinnant's algorithm).
void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
}

void appendDigits(std::string& out, unsigned value, int width) {
  char tmp[8];
  for (int i = width - 1; i >= 0; --i) {
    tmp[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(tmp, static_cast<std::size_t>(width));
}

// "2025-03-03T09:15:00+01:00": the local time of UTC second `utc` at offset index `zone`.
void appendTimestamp(std::string& out, std::int64_t utc, std::uint32_t zone) {
  const std::int64_t local = utc + kOffsetSeconds[zone];
  const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const auto secs = static_cast<unsigned>(local - days * 86400);
  int y = 0;
  unsigned m = 0, d = 0;
  civilFromDays(days, y, m, d);
  appendDigits(out, static_cast<unsigned>(y), 4);
  out += '-';
  appendDigits(out, m, 2);
  out += '-';
  appendDigits(out, d, 2);
  out += 'T';
  appendDigits(out, secs / 3600, 2);
  out += ':';
  appendDigits(out, secs / 60 % 60, 2);
  out += ':';
  appendDigits(out, secs % 60, 2);
  out += kOffsetText[zone];
}

struct ActiveCase {
  std::uint32_t id = 0;
  std::uint32_t remaining = 0;
  std::uint32_t step = 0;
  std::int64_t time = 0;  // UTC seconds of the last event
};

ActiveCase startCase(Rng& rng, std::uint32_t id) {
  ActiveCase c;
  c.id = id;
  c.remaining = 20 + rng.below(61);  // 20..80, mean 50
  c.time = k2025Utc + std::int64_t{rng.below(330)} * 86400 + 8 * 3600 + rng.below(9 * 3600);
  return c;
}

std::string markerText(std::uint64_t events, std::uint64_t bytes) {
  return std::string(kGeneratorVersion) + " events=" + std::to_string(events) +
         " bytes=" + std::to_string(bytes) + "\n";
}

std::string readSmallFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void generate(const std::filesystem::path& path, std::uint64_t events, std::uint64_t& bytes) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) throw std::runtime_error("cannot write '" + path.string() + "'");
  Rng rng(DataShape::kSeed ^ events);
  std::string buf;
  buf.reserve((1u << 20) + 256);
  buf = "case_id,activity,timestamp,resource,team,tool,platform\n";
  bytes = 0;
  auto flush = [&] {
    if (std::fwrite(buf.data(), 1, buf.size(), file.get()) != buf.size())
      throw std::runtime_error("error writing '" + path.string() + "'");
    bytes += buf.size();
    buf.clear();
  };
  // Cases run concurrently, as in a real log: events are drawn from a pool of open cases.
  const std::uint32_t pool = std::min<std::uint32_t>(256, DataShape::casesFor(events));
  std::vector<ActiveCase> open;
  std::uint32_t nextCase = 0;
  for (std::uint32_t i = 0; i < pool; ++i) open.push_back(startCase(rng, nextCase++));
  for (std::uint64_t e = 0; e < events; ++e) {
    ActiveCase& c = open[rng.below(pool)];
    c.time += 60 + rng.below(2 * 86400);
    const std::uint32_t activity = rng.below(50) == 0
                                       ? DataShape::kActivities - 1
                                       : (c.step + rng.below(3)) % (DataShape::kActivities - 1);
    const std::uint32_t resource = rng.below(DataShape::kResources);
    buf += caseKey(c.id);
    buf += ',';
    if (activity == DataShape::kActivities - 1) {
      buf += '"';
      buf += kActivityNames[activity];
      buf += '"';
    } else {
      buf += kActivityNames[activity];
    }
    buf += ',';
    appendTimestamp(buf, c.time, resource % 4);
    buf += ',';
    buf += resourceKey(resource);
    buf += ",team-";
    appendDigits(buf, resource % DataShape::kTeams, 2);
    buf += ',';
    buf += kToolNames[rng.below(kTools)];
    buf += ',';
    buf += kPlatformNames[rng.below(kPlatforms)];
    buf += '\n';
    ++c.step;
    if (--c.remaining == 0) c = startCase(rng, nextCase++);
    if (buf.size() >= (1u << 20)) flush();
  }
  flush();
  if (std::fflush(file.get()) != 0)
    throw std::runtime_error("error writing '" + path.string() + "'");
}

}  // namespace

const char* activityName(std::uint32_t index) {
  return kActivityNames.at(index);
}
const char* toolName(std::uint32_t index) {
  return kToolNames.at(index);
}
const char* platformName(std::uint32_t index) {
  return kPlatformNames.at(index);
}

std::string caseKey(std::uint32_t index) {
  std::string s = "case-";
  appendDigits(s, index, 6);
  return s;
}

std::string resourceKey(std::uint32_t index) {
  std::string s = "user";
  appendDigits(s, index, 3);
  return s;
}

EventFile ensureEventFile(const std::filesystem::path& dir, std::uint64_t events) {
  std::filesystem::create_directories(dir);
  EventFile out;
  out.events = events;
  out.path = dir / ("events-" + std::to_string(events) + ".csv");
  const auto marker = std::filesystem::path(out.path.string() + ".marker");
  std::error_code ec;
  const auto size = std::filesystem::file_size(out.path, ec);
  if (!ec && std::filesystem::exists(marker) && readSmallFile(marker) == markerText(events, size)) {
    out.bytes = size;
    return out;
  }
  const auto start = std::chrono::steady_clock::now();
  std::filesystem::remove(marker, ec);
  const auto tmp = std::filesystem::path(out.path.string() + ".tmp");
  generate(tmp, events, out.bytes);
  std::filesystem::rename(tmp, out.path);
  std::ofstream(marker, std::ios::binary) << markerText(events, out.bytes);
  out.generated = true;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace orglens::bench
