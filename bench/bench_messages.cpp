// orglens-bench-messages: e-mail and Slack import speed (issue #4) on generated archives.
//   mbox header scan (message splitting + header blocks) in MB/s, target >= 200 MB/s, on a
//   generated archive (1 GB by default; --quick: 64 MB), with peak RSS for a quarter and the
//   whole archive (memory must not grow with the archive);
//   Slack export parse in MB/s, target >= 100 MB/s; and the import into a store, also against
//   100 MB/s, at two archive sizes (400 and 100 MB; --quick 80 and 20 MB) with the peak RSS
//   of each (memory must not grow with the archive).
#include <malloc.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "bench/bench_util.h"
#include "importers/import_file.h"
#include "importers/mbox_reader.h"
#include "importers/slack_parser.h"
#include "model/store.h"

namespace fs = std::filesystem;
using namespace orglens;
using namespace orglens::bench;

namespace {

/// Deterministic mbox of about `megabytes` MB: messages with realistic headers and bodies,
/// some body lines starting with "From " (mboxrd-escaped) to keep the splitter honest.
void writeMbox(const fs::path& path, std::uint64_t megabytes) {
  std::ofstream out(path, std::ios::binary);
  std::uint64_t written = 0, n = 0;
  std::string message;
  while (written < megabytes * 1'000'000) {
    const auto a = n % 997, b = (n * 7 + 3) % 997;
    char head[1024];
    std::snprintf(
        head, sizeof head,
        "From user%llu@example.org Mon Jan  6 09:%02llu:00 2025\n"
        "From: User %llu <user%llu@example.org>\nTo: User %llu <user%llu@example.org>\n"
        "Cc: list@example.org\nDate: Mon, 06 Jan 2025 09:%02llu:00 +0100\n"
        "Message-ID: <m%llu@bench.example.org>\n%sSubject: Re: item %llu\n"
        "User-Agent: Mozilla Thunderbird\nMIME-Version: 1.0\n\n",
        (unsigned long long)a, (unsigned long long)(n % 60), (unsigned long long)a,
        (unsigned long long)a, (unsigned long long)b, (unsigned long long)b,
        (unsigned long long)(n % 60), (unsigned long long)n,
        n ? ("In-Reply-To: <m" + std::to_string(n - 1) + "@bench.example.org>\n").c_str() : "",
        (unsigned long long)(n / 10));
    message = head;
    for (int line = 0; line < 12; ++line)
      message += line == 5 ? ">From the meeting notes: nothing to add here.\n"
                           : "Thanks, I looked at the numbers and they add up; see the tracker.\n";
    message += "\n";
    out << message;
    written += message.size();
    ++n;
  }
}

/// A Slack export of about `megabytes` MB: 10 channels, one file per day.
void writeSlack(const fs::path& dir, std::uint64_t megabytes) {
  fs::create_directories(dir);
  std::ofstream users(dir / "users.json");
  users << "[";
  for (int u = 0; u < 200; ++u)
    users << (u ? "," : "") << "{\"id\":\"U" << u << "\",\"name\":\"user" << u
          << "\",\"real_name\":\"User " << u
          << "\",\"tz\":\"Europe/Berlin\",\"profile\":{\"email\":\"user" << u << "@example.org\"}}";
  users << "]";
  std::ofstream channels(dir / "channels.json");
  channels << "[";
  for (int c = 0; c < 10; ++c)
    channels << (c ? "," : "") << "{\"id\":\"C" << c << "\",\"name\":\"ch" << c
             << "\",\"members\":[]}";
  channels << "]";
  std::uint64_t written = 0, day = 0;
  while (written < megabytes * 1'000'000) {
    for (int c = 0; c < 10; ++c) {
      fs::create_directories(dir / ("ch" + std::to_string(c)));
      char name[64];
      std::snprintf(name, sizeof name, "%04llu.json", (unsigned long long)day);  // file names only
      std::string json = "[";
      for (int m = 0; m < 200; ++m) {
        const auto ts = 1'736'150'400 + day * 86'400 + static_cast<unsigned long long>(m) * 60;
        json +=
            std::string(m ? "," : "") + "{\"type\":\"message\",\"user\":\"U" +
            std::to_string((m * 13 + c) % 200) +
            "\",\"text\":\"Status update on the rollout, nothing blocking today.\",\"ts\":\"" +
            std::to_string(ts) + ".000" + std::to_string(100 + m) + "\"" +
            (m % 5 ? ""
                   : ",\"reactions\":[{\"name\":\"+1\",\"users\":[\"U1\",\"U2\"],\"count\":2}]") +
            "}";
      }
      json += "]";
      std::ofstream(dir / ("ch" + std::to_string(c)) / name) << json;
      written += json.size();
    }
    ++day;
  }
}

struct Counting final : importers::MailHandler {
  std::uint64_t messages = 0, headerBytes = 0;
  void onHeaders(const importers::MailMessageStart& m) override {
    ++messages;
    headerBytes += m.headers.size();
  }
  void onBodyLine(std::string_view) override {}
  void onMessageEnd() override {}
  bool onProgress(std::uint64_t) override { return true; }
};

std::uint64_t folderBytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  fs::path data = fs::temp_directory_path() / "orglens-bench-messages";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick"))
      quick = true;
    else if (!std::strcmp(argv[i], "--data") && i + 1 < argc)
      data = argv[++i];
    else {
      std::printf(
          "usage: orglens-bench-messages [--quick] [--data DIR]\n  mbox header scan (1 GB, --quick "
          "64 MB) "
          "and Slack export import (100 and 400 MB, --quick 20 and 80 MB) on generated data kept "
          "in DIR\n");
      return std::strcmp(argv[i], "--help") ? 1 : 0;
    }
  }
  const std::uint64_t mboxMb = quick ? 64 : 1000, slackMb = quick ? 80 : 400;
  fs::create_directories(data);
  std::vector<Row> rows;
  for (std::uint64_t mb : {mboxMb / 4, mboxMb}) {
    const auto path = data / ("bench-" + std::to_string(mb) + ".mbox");
    if (!fs::exists(path)) writeMbox(path, mb);
    const double bytes = static_cast<double>(fs::file_size(path));
    resetPeakRss();
    Counting counting;
    const auto start = Clock::now();
    importers::readMailFile(path, importers::MailSplit::Mbox, counting);
    const double s = secondsSince(start);
    rows.push_back({"mbox header scan",
                    formatBytes(bytes) + ", " + withCommas(counting.messages) + " messages",
                    fixed(s, 3), fixed(bytes / s / 1e6, 1) + " MB/s", formatKiB(peakRssKiB()),
                    ">= 200 MB/s", bytes / s / 1e6 >= 200 ? "meets" : "misses"});
  }
  // Two archive sizes: the import's peak RSS must not grow with the archive (issue #4).
  const std::uint64_t slackSizes[2] = {slackMb / 4, slackMb};
  std::uint64_t slackRss[2] = {0, 0};
  double parseRate = 0;
  for (int size = 0; size < 2; ++size) {
    const auto slack = data / ("slack-" + std::to_string(slackSizes[size]));
    if (!fs::exists(slack / "users.json")) writeSlack(slack, slackSizes[size]);
    const double slackBytes = static_cast<double>(folderBytes(slack));
    if (size == 1) {  // Parsing: every day file read and parsed, as the importer does, no store.
      resetPeakRss();
      std::uint64_t messages = 0;
      const auto start = Clock::now();
      for (const auto& e : fs::recursive_directory_iterator(slack)) {
        if (!e.is_regular_file() || e.path().parent_path() == slack) continue;
        std::ifstream in(e.path(), std::ios::binary);
        const std::string json((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        importers::parseSlackDay(json, [&messages](const importers::SlackMessage&) { ++messages; });
      }
      const double s = secondsSince(start);
      parseRate = slackBytes / s / 1e6;
      rows.push_back({"Slack export parse (day files)",
                      formatBytes(slackBytes) + ", " + withCommas(messages) + " messages",
                      fixed(s, 3), fixed(parseRate, 1) + " MB/s", formatKiB(peakRssKiB()),
                      ">= 100 MB/s", parseRate >= 100 ? "meets" : "misses"});
    }
    // Into a fresh store, as `orglens import` does (one transaction, hashing included).
    const auto storePath = data / "slack-bench.orglens";
    std::filesystem::remove(storePath);
    auto store = model::Store::open(storePath, model::Store::Mode::Create);
    model::NoProgress progress;
    importers::ImportOptions options;
    options.format = "slack";
    ::malloc_trim(0);  // the previous run's freed heap must not count as this one's peak
    resetPeakRss();
    const auto start = Clock::now();
    const auto outcome = importers::importFile(*store, slack, options, progress);
    const double s = secondsSince(start);
    slackRss[size] = peakRssKiB();
    const double rate = slackBytes / s / 1e6;
    rows.push_back({"Slack export import into a store",
                    formatBytes(slackBytes) + ", " + withCommas(outcome.counts.events) + " events",
                    fixed(s, 3),
                    fixed(rate, 1) + " MB/s, " +
                        withCommas(static_cast<std::uint64_t>(
                            static_cast<double>(outcome.counts.events) / s)) +
                        " events/s" +
                        (size == 1 ? ", " + fixed(parseRate / rate, 1) + "x the parse time" : ""),
                    formatKiB(slackRss[size]), ">= 100 MB/s", rate >= 100 ? "meets" : "misses"});
    store.reset();
    std::filesystem::remove(storePath);
  }
  printTable(rows);
  std::printf(
      "peak RSS of the two mbox scans should be alike (memory independent of archive size); data "
      "in %s\n",
      data.string().c_str());
  std::printf(
      "Slack import peak RSS: %s at %llu MB, %s at %llu MB (ratio %.2f; the archive is 4x)\n",
      formatKiB(slackRss[0]).c_str(), (unsigned long long)slackSizes[0],
      formatKiB(slackRss[1]).c_str(), (unsigned long long)slackSizes[1],
      slackRss[0] ? double(slackRss[1]) / double(slackRss[0]) : 0.0);
  return 0;
}
