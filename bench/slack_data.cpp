#include "bench/slack_data.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "model/splitmix.h"

namespace fs = std::filesystem;

namespace orglens::bench {

namespace {

constexpr int kUsers = 200, kChannels = 10;

/// Pretty-printed JSON as Slack's exports write it: four spaces a level, ": " after keys,
/// "/" escaped as "\/".
class Pretty {
 public:
  explicit Pretty(std::string& out) : m_out(out) {}
  void open(char bracket) {
    m_out += bracket;
    m_first.push_back(true);
  }
  void close(char bracket) {
    const bool empty = m_first.back();
    m_first.pop_back();
    if (!empty) newline();
    m_out += bracket;
  }
  void item() { separate(); }  // an array element follows: open() or value()
  void object(std::string_view key) {
    this->key(key);
    open('{');
  }
  void array(std::string_view key) {
    this->key(key);
    open('[');
  }
  void text(std::string_view key, std::string_view value) {
    this->key(key);
    quoted(value);
  }
  void number(std::string_view key, std::uint64_t value) {
    this->key(key);
    m_out += std::to_string(value);
  }
  void boolean(std::string_view key, bool value) {
    this->key(key);
    m_out += value ? "true" : "false";
  }
  void value(std::string_view value) { quoted(value); }

 private:
  void newline() {
    m_out += '\n';
    m_out.append(4 * m_first.size(), ' ');
  }
  void separate() {
    if (!m_first.back()) m_out += ',';
    m_first.back() = false;
    newline();
  }
  void key(std::string_view key) {
    separate();
    m_out += '"';
    m_out += key;
    m_out += "\": ";
  }
  void quoted(std::string_view value) {
    m_out += '"';
    for (char c : value) {
      if (c == '/' || c == '"' || c == '\\') m_out += '\\';
      m_out += c;
    }
    m_out += '"';
  }
  std::string& m_out;
  std::vector<bool> m_first;
};

constexpr std::array<std::string_view, 12> kSentences = {
    "Status update on the rollout, nothing blocking today.",
    "Can someone review the pull request for the billing export before the release train "
    "leaves on Thursday?",
    "Thanks!",
    "I moved the meeting to 3pm, the room on the second floor is booked.",
    "The dashboard numbers look off for last week; I think the late orders from the warehouse "
    "feed were counted twice, can you check the join on order_id?",
    "+1",
    "Here are the notes from the customer call: they want the weekly report earlier, a CSV "
    "export of the raw events, and single sign-on by the end of the quarter. I will open "
    "tickets for each.",
    "Deployed to staging.",
    "Who owns the on-call rotation this weekend?",
    "Looks good to me, merging now.",
    "Reminder: the quarterly planning doc is due on Friday, please add your team's top three "
    "priorities and the risks you see.",
    "lunch?",
};

std::string hex(std::uint64_t value, int digits) {
  std::string s(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4)
    s[static_cast<std::size_t>(i)] = "0123456789abcdef"[value & 15];
  return s;
}

std::string userId(std::uint64_t u) {
  return "U0BENCH" + std::to_string(u);
}

std::string tsOf(std::uint64_t seconds, std::uint64_t micro) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%llu.%06llu", (unsigned long long)seconds,
                (unsigned long long)(micro % 1'000'000));
  return buffer;
}

/// One message's varying parts, drawn from a generator seeded by channel, day and position.
struct Draw {
  std::uint64_t state;
  std::uint64_t next() { return model::splitMix64(state); }
  bool chance(unsigned percent) { return next() % 100 < percent; }
  std::string text() {
    std::string t(kSentences[next() % kSentences.size()]);
    if (chance(30)) (t += ' ') += kSentences[next() % kSentences.size()];
    return t;
  }
};

void reactions(Pretty& j, Draw& d) {
  j.array("reactions");
  const int kinds = 1 + static_cast<int>(d.next() % 2);
  for (int k = 0; k < kinds; ++k) {
    j.item();
    j.open('{');
    j.text("name", k ? "eyes" : "+1");
    j.array("users");
    const int n = 1 + static_cast<int>(d.next() % 3);
    for (int u = 0; u < n; ++u) {
      j.item();
      j.value(userId(d.next() % kUsers));
    }
    j.close(']');
    j.number("count", static_cast<std::uint64_t>(n));
    j.close('}');
  }
  j.close(']');
}

void userProfile(Pretty& j, std::uint64_t user) {
  std::uint64_t state = user;
  const auto h = model::splitMix64(state);
  j.object("user_profile");
  j.text("avatar_hash", "g" + hex(h, 11));
  j.text("image_72", "https://secure.gravatar.com/avatar/" + hex(h, 16) + hex(~h, 16) +
                         ".jpg?s=72&d=https%3A%2F%2Fa.slack-edge.com%2Fdf10d%2Fimg%2Favatars%"
                         "2Fava_0010-72.png");
  j.text("first_name", "User");
  j.text("real_name", "User " + std::to_string(user));
  j.text("display_name", "user" + std::to_string(user));
  j.text("team", "T0BENCH01");
  j.text("name", "user" + std::to_string(user));
  j.boolean("is_restricted", false);
  j.boolean("is_ultra_restricted", false);
  j.close('}');
}

void blocks(Pretty& j, std::string_view text, std::uint64_t h) {
  j.array("blocks");
  j.item();
  j.open('{');
  j.text("type", "rich_text");
  j.text("block_id", hex(h, 4));
  j.array("elements");
  j.item();
  j.open('{');
  j.text("type", "rich_text_section");
  j.array("elements");
  j.item();
  j.open('{');
  j.text("type", "text");
  j.text("text", text);
  j.close('}');
  j.close(']');
  j.close('}');
  j.close(']');
  j.close('}');
  j.close(']');
}

struct FileKind {
  std::string id, name;
  std::string_view mimetype, filetype, prettyType;
};

/// The fields every file object of an export starts with.
void fileHead(Pretty& j, const FileKind& f, std::uint64_t user, std::uint64_t seconds,
              std::uint64_t h) {
  j.text("id", f.id);
  j.number("created", seconds);
  j.number("timestamp", seconds);
  j.text("name", f.name);
  j.text("title", f.name);
  j.text("mimetype", f.mimetype);
  j.text("filetype", f.filetype);
  j.text("pretty_type", f.prettyType);
  j.text("user", userId(user));
  j.boolean("editable", false);
  j.number("size", 10'000 + h % 900'000);
  j.text("mode", "hosted");
  j.boolean("is_external", false);
  j.text("external_type", "");
  j.boolean("is_public", true);
}

void sharedFile(Pretty& j, std::uint64_t user, std::uint64_t seconds, std::uint64_t h) {
  const std::string id = "F0" + hex(h, 9), name = "report-" + hex(h >> 40, 4) + ".pdf";
  j.array("files");
  j.item();
  j.open('{');
  fileHead(j, {id, name, "application/pdf", "pdf", "PDF"}, user, seconds, h);
  j.text("user_team", "T0BENCH01");
  j.text("url_private", "https://files.slack.com/files-pri/T0BENCH01-" + id + "/" + name);
  j.text("url_private_download",
         "https://files.slack.com/files-pri/T0BENCH01-" + id + "/download/" + name);
  j.text("permalink", "https://bench.slack.com/files/" + userId(user) + "/" + id + "/" + name);
  j.boolean("has_rich_preview", false);
  j.text("file_access", "visible");
  j.close('}');
  j.close(']');
  j.boolean("upload", false);
  j.boolean("display_as_bot", false);
}

void linkAttachment(Pretty& j, std::uint64_t h) {
  j.array("attachments");
  j.item();
  j.open('{');
  j.text("service_name", "Meetup");
  j.text("title", "Houston Data Visualization Meetup");
  const std::string url = "http://www.meetup.com/Data-Visualization-Meetup/events/" +
                          std::to_string(200'000'000 + h % 99'999'999) + "/";
  j.text("title_link", url);
  j.text("text", std::string(kSentences[6]) + " " + std::string(kSentences[4]));
  j.text("fallback", "Meetup: Houston Data Visualization Meetup");
  j.text("thumb_url", "http://photos3.meetupstatic.com/photos/event/2/b/a/e/highres_" +
                          std::to_string(h % 999'999'999) + ".jpeg");
  j.text("from_url", url);
  j.number("thumb_width", 871);
  j.number("thumb_height", 832);
  j.text("service_icon",
         "http://img2.meetupstatic.com/img/44824024200340517185/m/ios/Icon-60pt@2x.png");
  j.number("id", 1);
  j.close('}');
  j.close(']');
}

void channelJoin(Pretty& j, std::uint64_t user, const std::string& ts) {
  j.text("type", "message");
  j.text("subtype", "channel_join");
  j.text("ts", ts);
  j.text("user", userId(user));
  j.text("text", "<@" + userId(user) + "> has joined the channel");
}

/// One day file of the current style: messages a minute apart, every tenth one starting a
/// thread whose three replies follow it (day files list messages in time order).
std::string currentDay(int channel, std::uint64_t day, int messages) {
  std::string out;
  Pretty j(out);
  j.open('[');
  for (int m = 0; m < messages; ++m) {
    Draw d{(day * kChannels + static_cast<std::uint64_t>(channel)) * 1'000 +
           static_cast<std::uint64_t>(m)};
    const std::uint64_t seconds = 1'736'150'400 + day * 86'400 + std::uint64_t(m) * 60;
    const std::uint64_t user = d.next() % kUsers;
    const std::string ts = tsOf(seconds, d.next());
    j.item();
    j.open('{');
    if (d.chance(3)) {
      channelJoin(j, user, ts);
      j.close('}');
      continue;
    }
    const bool thread = m % 10 == 3;
    std::vector<std::uint64_t> repliers;
    std::vector<std::string> replyTs;
    if (thread)
      for (int r = 1; r <= 3; ++r) {
        repliers.push_back(d.next() % kUsers);
        replyTs.push_back(tsOf(seconds + 10 * std::uint64_t(r), d.next()));
      }
    auto body = [&](std::uint64_t who, const std::string& when, const std::string* parentTs,
                    std::uint64_t parentUser) {
      const auto h = d.next();
      const std::string text = d.text();
      j.text("client_msg_id", hex(h, 8) + "-" + hex(h >> 32, 4) + "-4" + hex(h >> 16, 3) + "-a" +
                                  hex(h >> 8, 3) + "-" + hex(~h, 12));
      j.text("type", "message");
      j.text("text", text);
      j.text("user", userId(who));
      j.text("ts", when);
      if (d.chance(5)) {
        j.object("edited");
        j.text("user", userId(who));
        j.text("ts", tsOf(seconds + 5, h));
        j.close('}');
      }
      blocks(j, text, h >> 20);
      j.text("team", "T0BENCH01");
      j.text("user_team", "T0BENCH01");
      j.text("source_team", "T0BENCH01");
      userProfile(j, who);
      if (d.chance(3)) sharedFile(j, who, seconds, h);
      if (parentTs) {
        j.text("thread_ts", *parentTs);
        j.text("parent_user_id", userId(parentUser));
      }
      if (d.chance(15)) reactions(j, d);
    };
    body(user, ts, nullptr, 0);
    if (thread) {
      j.text("thread_ts", ts);
      j.number("reply_count", repliers.size());
      j.number("reply_users_count", repliers.size());
      j.text("latest_reply", replyTs.back());
      j.array("reply_users");
      for (auto r : repliers) {
        j.item();
        j.value(userId(r));
      }
      j.close(']');
      j.boolean("is_locked", false);
      j.boolean("subscribed", false);
    }
    j.close('}');
    for (std::size_t r = 0; r < repliers.size(); ++r) {
      j.item();
      j.open('{');
      body(repliers[r], replyTs[r], &ts, user);
      j.close('}');
    }
  }
  j.close(']');
  return out;
}

/// An image upload of an older export: the file object with its thumbnail URLs.
void legacyFileShare(Pretty& j, std::uint64_t user, std::uint64_t seconds, std::uint64_t h) {
  const std::string id = "F0" + hex(h, 7), name = "photo-" + hex(h >> 36, 4);
  const std::string token = "?t=xoxe-6044096530-64812438883-64868151655-" + hex(h, 10);
  const std::string tmb = "https://files.slack.com/files-tmb/T061A2UFL-" + id + "-" +
                          hex(h >> 12, 10) + "/" + name + "_";
  j.text("type", "message");
  j.text("subtype", "file_share");
  j.text("text", "<@" + userId(user) + "|user" + std::to_string(user) +
                     "> uploaded a file: <https://bench.slack.com/files/user" +
                     std::to_string(user) + "/" + id + "/" + name + ".jpg|" + name + ".jpg>");
  j.object("file");
  fileHead(j, {id, name + ".jpg", "image/jpeg", "jpg", "JPEG"}, user, seconds, h);
  j.boolean("public_url_shared", false);
  j.boolean("display_as_bot", false);
  j.text("username", "");
  j.text("url_private",
         "https://files.slack.com/files-pri/T061A2UFL-" + id + "/" + name + ".jpg" + token);
  j.text("url_private_download", "https://files.slack.com/files-pri/T061A2UFL-" + id +
                                     "/download/" + name + ".jpg" + token);
  for (int size : {64, 80, 360, 480, 160, 720, 960, 1024}) {
    const std::string key = "thumb_" + std::to_string(size);
    j.text(key, tmb + std::to_string(size) + ".png" + token);
    if (size >= 360) {
      j.number(key + "_w", std::uint64_t(size) * 3 / 4);
      j.number(key + "_h", std::uint64_t(size));
    }
  }
  j.number("image_exif_rotation", 1);
  j.number("original_w", 1200);
  j.number("original_h", 1600);
  j.text("permalink", "https://bench.slack.com/files/user" + std::to_string(user) + "/" + id + "/" +
                          name + ".jpg");
  j.text("permalink_public", "https://slack-files.com/T061A2UFL-" + id + "-" + hex(h >> 20, 10));
  j.array("channels");
  j.item();
  j.value("C061A0WJG");
  j.close(']');
  j.array("groups");
  j.close(']');
  j.array("ims");
  j.close(']');
  j.number("comments_count", 0);
  j.close('}');
  j.text("user", userId(user));
  j.boolean("upload", true);
  j.boolean("display_as_bot", false);
  j.text("username", "<@" + userId(user) + "|user" + std::to_string(user) + ">");
}

/// One day file of the legacy style, in the houstondatavis export's proportions: of its
/// 1,382 messages 70 % plain (310 bytes on average, one in ten with a link attachment),
/// 23 % channel_join notices, 4 % image uploads with their file object (3.4 KB each).
std::string legacyDay(int channel, std::uint64_t day, int messages) {
  std::string out;
  Pretty j(out);
  j.open('[');
  for (int m = 0; m < messages; ++m) {
    Draw d{(day * kChannels + static_cast<std::uint64_t>(channel)) * 1'000 +
           static_cast<std::uint64_t>(m) + 0x5eed};
    const std::uint64_t seconds = 1'468'277'648 + day * 86'400 + std::uint64_t(m) * 60;
    const std::uint64_t user = d.next() % kUsers;
    const std::string ts = tsOf(seconds, std::uint64_t(m) + 1);
    const auto kind = d.next() % 100, h = d.next();
    j.item();
    j.open('{');
    if (kind < 23) {
      channelJoin(j, user, ts);
    } else if (kind < 27) {
      legacyFileShare(j, user, seconds, h);
      j.text("ts", ts);
    } else {
      j.text("type", "message");
      j.text("user", userId(user));
      std::string text = d.text();
      const bool link = d.chance(10);
      if (link)
        text = "<http://www.meetup.com/Data-Visualization-Meetup/events/" +
               std::to_string(200'000'000 + h % 99'999'999) + "/>";
      j.text("text", text);
      if (link) linkAttachment(j, h);
      if (d.chance(3)) {
        j.object("edited");
        j.text("user", userId(user));
        j.text("ts", tsOf(seconds + 5, h));
        j.close('}');
      }
      j.text("ts", ts);
      if (d.chance(6)) reactions(j, d);
    }
    j.close('}');
  }
  j.close(']');
  return out;
}

/// The dense style: minified, one short text, a reaction on every fifth message.
std::string denseDay(int channel, std::uint64_t day, int messages) {
  std::string json = "[";
  for (int m = 0; m < messages; ++m) {
    const auto ts = 1'736'150'400 + day * 86'400 + static_cast<unsigned long long>(m) * 60;
    json +=
        std::string(m ? "," : "") + "{\"type\":\"message\",\"user\":\"U" +
        std::to_string((m * 13 + channel) % kUsers) +
        "\",\"text\":\"Status update on the rollout, nothing blocking today.\",\"ts\":\"" +
        std::to_string(ts) + ".000" + std::to_string(100 + m) + "\"" +
        (m % 5 ? "" : ",\"reactions\":[{\"name\":\"+1\",\"users\":[\"U1\",\"U2\"],\"count\":2}]") +
        "}";
  }
  return json + "]";
}

void writeUsers(const fs::path& dir, SlackStyle style) {
  std::string out;
  Pretty j(out);
  j.open('[');
  for (std::uint64_t u = 0; u < kUsers; ++u) {
    const std::string id = style == SlackStyle::Dense ? "U" + std::to_string(u) : userId(u);
    j.item();
    j.open('{');
    j.text("id", id);
    j.text("team_id", "T0BENCH01");
    j.text("name", "user" + std::to_string(u));
    j.boolean("deleted", false);
    j.text("real_name", "User " + std::to_string(u));
    j.text("tz", "Europe/Berlin");
    j.object("profile");
    j.text("real_name", "User " + std::to_string(u));
    j.text("email", "user" + std::to_string(u) + "@example.org");
    j.close('}');
    j.boolean("is_admin", u == 0);
    j.boolean("is_bot", false);
    j.close('}');
  }
  j.close(']');
  std::ofstream(dir / "users.json", std::ios::binary) << out;
}

void writeChannels(const fs::path& dir, SlackStyle style) {
  std::string out;
  Pretty j(out);
  j.open('[');
  for (int c = 0; c < kChannels; ++c) {
    j.item();
    j.open('{');
    j.text("id", "C" + std::to_string(c));
    j.text("name", "ch" + std::to_string(c));
    j.number("created", 1'468'000'000);
    j.array("members");
    if (style != SlackStyle::Dense)
      for (std::uint64_t u = static_cast<std::uint64_t>(c); u < kUsers; u += 7) {
        j.item();
        j.value(userId(u));
      }
    j.close(']');
    j.close('}');
  }
  j.close(']');
  std::ofstream(dir / "channels.json", std::ios::binary) << out;
}

/// "2025-01-06.json" for day 0, as Slack names its day files.
std::string dayFileName(std::uint64_t day) {
  using namespace std::chrono;
  const year_month_day date{sys_days{2025y / January / 6} + days{static_cast<int>(day)}};
  char name[32];
  std::snprintf(name, sizeof name, "%04d-%02u-%02u.json", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return name;
}

}  // namespace

std::string_view slackStyleName(SlackStyle style) {
  switch (style) {
    case SlackStyle::Current:
      return "current export";
    case SlackStyle::Legacy:
      return "2016-style export";
    case SlackStyle::Dense:
      return "dense minified";
  }
  return "?";
}

void writeSlackExport(const fs::path& dir, std::uint64_t megabytes, SlackStyle style) {
  fs::create_directories(dir);
  writeUsers(dir, style);
  writeChannels(dir, style);
  const int perDay = style == SlackStyle::Dense ? 200 : 100;
  std::uint64_t written = 0;
  for (std::uint64_t day = 0; written < megabytes * 1'000'000; ++day)
    for (int c = 0; c < kChannels; ++c) {
      const auto folder = dir / ("ch" + std::to_string(c));
      fs::create_directories(folder);
      const std::string json = style == SlackStyle::Current  ? currentDay(c, day, perDay)
                               : style == SlackStyle::Legacy ? legacyDay(c, day, perDay)
                                                             : denseDay(c, day, perDay);
      std::ofstream(folder / dayFileName(day), std::ios::binary) << json;
      written += json.size();
    }
}

bool writeReplicatedExport(const fs::path& real, const fs::path& dir, std::uint64_t megabytes) {
  std::error_code ec;
  if (!fs::is_regular_file(real / "users.json", ec)) return false;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(real, ec))
    if (entry.is_directory()) folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  if (folders.empty()) return false;
  fs::create_directories(dir);
  fs::copy_file(real / "users.json", dir / "users.json", fs::copy_options::overwrite_existing);
  std::string channels;
  Pretty j(channels);
  j.open('[');
  std::uint64_t written = 0;
  for (int copy = 1; written < megabytes * 1'000'000; ++copy) {
    const std::uint64_t before = written;
    for (std::size_t f = 0; f < folders.size(); ++f) {
      const std::string name = folders[f].filename().string() + "-" + std::to_string(copy);
      const auto target = dir / name;
      fs::create_directories(target);
      for (const auto& day : fs::directory_iterator(folders[f])) {
        if (!day.is_regular_file() || day.path().extension() != ".json") continue;
        const auto to = target / day.path().filename();
        fs::create_hard_link(day.path(), to, ec);
        if (ec) fs::copy_file(day.path(), to, fs::copy_options::overwrite_existing);
        written += day.file_size();
      }
      j.item();
      j.open('{');
      j.text("id", "C" + std::to_string(copy) + "X" + std::to_string(f));
      j.text("name", name);
      j.array("members");
      j.close(']');
      j.close('}');
    }
    if (written == before) return false;  // no day files at all
  }
  j.close(']');
  std::ofstream(dir / "channels.json", std::ios::binary) << channels;
  return true;
}

}  // namespace orglens::bench
