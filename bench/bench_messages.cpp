// orglens-bench-messages: e-mail and Slack import speed (issue #4) on generated and real archives.
//   mbox header scan (message splitting + header blocks) in MB/s, target >= 200 MB/s, on a
//   generated archive (1 GB by default; --quick: 64 MB), with peak RSS for a quarter and the
//   whole archive (memory must not grow with the archive);
//   Slack export parse and import into a store in MB/s and messages/s, target >= 100 MB/s, on
//   the real houstondatavis export (../shared/data) repeated into 100 and 400 MB and on
//   generated exports of three shapes (bench/slack_data.h): as Slack exports today (100 MB), as
//   older exports like the real one (100 MB), and dense minified messages (100 and 400 MB: a
//   stress test in messages/s with no MB/s target). The peak RSS of both sizes of the real and
//   the dense export: memory must not grow with the archive. --quick: 20 MB instead of 100, 80
//   instead of 400.
#include <malloc.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "bench/bench_util.h"
#include "bench/slack_data.h"
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
  fs::path shared = ORGLENS_SHARED_DATA;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick"))
      quick = true;
    else if (!std::strcmp(argv[i], "--data") && i + 1 < argc)
      data = argv[++i];
    else if (!std::strcmp(argv[i], "--shared") && i + 1 < argc)
      shared = argv[++i];
    else {
      std::printf(
          "usage: orglens-bench-messages [--quick] [--data DIR] [--shared DIR]\n"
          "  mbox header scan (1 GB, --quick 64 MB) and Slack export parse and import: the real\n"
          "  houstondatavis export of the shared data folder (--shared, default %s) repeated\n"
          "  into 100 and 400 MB, a generated current and a 2016-style export of 100 MB, a dense\n"
          "  one of 100 and 400 MB (--quick: 20 instead of 100, 80 instead of 400); data kept in\n"
          "  DIR (default %s)\n",
          shared.string().c_str(), data.string().c_str());
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
  // Four exports: the houstondatavis export of ../shared/data repeated into 100 and 400 MB
  // (real messages; skipped when the folder is absent), generated ones (bench/slack_data.h) as
  // Slack exports today and as in 2016, each against the target, and a dense minified one that
  // is all messages and few bytes (messages/s, no MB/s target), also at two sizes. The
  // import's peak RSS must not grow with the archive: the real export has the most day files,
  // the dense one the most messages to remember.
  struct SlackRun {
    std::optional<SlackStyle> style;  // none: the real export repeated
    std::uint64_t megabytes;
    std::string folder;
  };
  std::vector<SlackRun> runs;
  const bool real = fs::is_regular_file(shared / "chat/houstondatavis-slack/users.json");
  if (real) {
    runs.push_back({std::nullopt, slackMb / 4, "real"});
    runs.push_back({std::nullopt, slackMb, "real"});
  } else
    std::fprintf(stderr, "%s/chat/houstondatavis-slack not found: no run on real messages\n",
                 shared.string().c_str());
  runs.push_back({SlackStyle::Current, slackMb / 4, "current"});
  runs.push_back({SlackStyle::Legacy, slackMb / 4, "legacy"});
  runs.push_back({SlackStyle::Dense, slackMb / 4, "dense"});
  runs.push_back({SlackStyle::Dense, slackMb, "dense"});
  std::uint64_t denseRss[2] = {0, 0}, realRss[2] = {0, 0};
  for (std::size_t run = 0; run < runs.size(); ++run) {
    const auto& [style, megabytes, folder] = runs[run];
    const bool target = style != SlackStyle::Dense;
    const auto slack = data / ("slack-" + folder + "-" + std::to_string(megabytes));
    const std::string shape =
        style ? std::string(slackStyleName(*style)) : "houstondatavis export repeated";
    if (!fs::exists(slack / "channels.json")) {
      std::fprintf(stderr, "writing a %llu MB Slack export (%s) into %s\n",
                   (unsigned long long)megabytes, shape.c_str(), slack.string().c_str());
      if (style)
        writeSlackExport(slack, megabytes, *style);
      else if (!writeReplicatedExport(shared / "chat/houstondatavis-slack", slack, megabytes))
        continue;
    }
    const double slackBytes = static_cast<double>(folderBytes(slack));
    // Parsing: every day file read and parsed, as the importer does, no store.
    resetPeakRss();
    std::uint64_t messages = 0;
    auto start = Clock::now();
    for (const auto& e : fs::recursive_directory_iterator(slack)) {
      if (!e.is_regular_file() || e.path().parent_path() == slack) continue;
      std::ifstream in(e.path(), std::ios::binary);
      const std::string json((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      importers::parseSlackDay(json, [&messages](const importers::SlackMessage&) { ++messages; });
    }
    double s = secondsSince(start);
    const double parseRate = slackBytes / s / 1e6;
    const std::string what =
        formatBytes(slackBytes) + " " + shape + ", " + withCommas(messages) + " messages (" +
        withCommas(static_cast<std::uint64_t>(slackBytes) / messages) + " B each)";
    rows.push_back({"Slack export parse (day files)", what, fixed(s, 3),
                    fixed(parseRate, 1) + " MB/s, " +
                        withCommas(static_cast<std::uint64_t>(double(messages) / s)) +
                        " messages/s",
                    formatKiB(peakRssKiB()), target ? ">= 100 MB/s" : "-",
                    !target            ? "-"
                    : parseRate >= 100 ? "meets"
                                       : "misses"});
    // Into a fresh store, as `orglens import` does (one transaction, hashing included).
    const auto storePath = data / "slack-bench.orglens";
    std::filesystem::remove(storePath);
    auto store = model::Store::open(storePath, model::Store::Mode::Create);
    model::NoProgress progress;
    importers::ImportOptions options;
    options.format = "slack";
    ::malloc_trim(0);  // the previous run's freed heap must not count as this one's peak
    resetPeakRss();
    start = Clock::now();
    const auto outcome = importers::importFile(*store, slack, options, progress);
    s = secondsSince(start);
    const auto rss = peakRssKiB();
    if (style == SlackStyle::Dense) denseRss[megabytes == slackMb] = rss;
    if (!style) realRss[megabytes == slackMb] = rss;
    const double rate = slackBytes / s / 1e6;
    rows.push_back({"Slack export import into a store",
                    what + ", " + withCommas(outcome.counts.events) + " events", fixed(s, 3),
                    fixed(rate, 1) + " MB/s, " +
                        withCommas(static_cast<std::uint64_t>(double(messages) / s)) +
                        " messages/s, " + fixed(parseRate / rate, 1) + "x the parse time",
                    formatKiB(rss), target ? ">= 100 MB/s" : "-",
                    !target       ? "-"
                    : rate >= 100 ? "meets"
                                  : "misses"});
    store.reset();
    std::filesystem::remove(storePath);
  }
  printTable(rows);
  std::printf(
      "peak RSS of the two mbox scans should be alike (memory independent of archive size); data "
      "in %s\n",
      data.string().c_str());
  auto rssLine = [slackMb](const char* what, const std::uint64_t(&rss)[2]) {
    if (!rss[0]) return;
    std::printf(
        "Slack import peak RSS (%s): %s at %llu MB, %s at %llu MB (ratio %.2f; the archive "
        "is 4x)\n",
        what, formatKiB(rss[0]).c_str(), (unsigned long long)(slackMb / 4),
        formatKiB(rss[1]).c_str(), (unsigned long long)slackMb, double(rss[1]) / double(rss[0]));
  };
  rssLine("real export repeated, most day files", realRss);
  rssLine("dense, most messages", denseRss);
  return 0;
}
