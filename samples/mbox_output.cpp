// mail.mbox: mboxrd (RFC 4155 plus ">From " quoting of body lines that start with [>]*From ),
// RFC 5322 headers with RFC 2047 encoded-words for non-ASCII display names, LF line ends.
#include <date/date.h>

#include <array>
#include <cstdio>

#include "samples/collaboration.h"
#include "samples/file_sink.h"
#include "samples/message_texts.h"

namespace orglens::samples {
namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// Desktop mail clients by computer (Windows, macOS, Linux): header name and value.
constexpr std::array<std::array<const char*, 2>, 3> kDesktopMailers = {{
    {"X-Mailer", "Microsoft Outlook 16.0"},
    {"X-Mailer", "Apple Mail (2.3774.300.61)"},
    {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0"},
}};

struct CivilTime {
  date::year_month_day ymd;
  int weekday = 0, hour = 0, minute = 0, second = 0;
};

CivilTime civil(std::int64_t seconds) {
  const std::int64_t day = floorDiv(seconds, kSecondsPerDay);
  const std::int64_t time = seconds - day * kSecondsPerDay;
  return {date::year_month_day{date::sys_days{date::days{day}}}, weekdayOfDay(day),
          static_cast<int>(time / 3600), static_cast<int>(time / 60 % 60),
          static_cast<int>(time % 60)};
}

/// "Mon, 06 Jan 2025 09:15:00 +0100" in the sender's zone.
std::string rfc5322Date(const ZoneClock& clock, std::int64_t utc) {
  const std::int64_t offset = clock.offsetAtUtc(utc);
  const CivilTime t = civil(utc + offset);
  const std::int64_t minutes = (offset < 0 ? -offset : offset) / 60;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d %c%02d%02d",
                kWeekdays[t.weekday], static_cast<unsigned>(t.ymd.day()),
                kMonths[static_cast<unsigned>(t.ymd.month()) - 1], static_cast<int>(t.ymd.year()),
                t.hour, t.minute, t.second, offset < 0 ? '-' : '+', static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return buffer;
}

/// The envelope line's date: asctime layout in UTC ("Mon Jan  6 08:15:00 2025").
std::string envelopeDate(std::int64_t utc) {
  const CivilTime t = civil(utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s %s %2u %02d:%02d:%02d %04d", kWeekdays[t.weekday],
                kMonths[static_cast<unsigned>(t.ymd.month()) - 1],
                static_cast<unsigned>(t.ymd.day()), t.hour, t.minute, t.second,
                static_cast<int>(t.ymd.year()));
  return buffer;
}

/// Display name as an atom phrase, a quoted string (specials) or a Q encoded-word (UTF-8).
std::string displayName(std::string_view name) {
  bool ascii = true, special = false;
  for (const char c : name) {
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    special = special || c == ',' || c == '.' || c == '"';
  }
  if (ascii && !special) return std::string(name);
  if (ascii) return "\"" + std::string(name) + "\"";  // no quotes or backslashes in names
  std::string word = "=?utf-8?Q?";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (c == ' ') {
      word += '_';
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "=%02X", byte);
      word += hex;
    }
  }
  return word + "?=";
}

std::string mailbox(const Person& person) {
  return displayName(person.name) + " <" + person.email + ">";
}

std::string messageId(std::int32_t index) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "<m%06d@sample.example.org>", index + 1);
  return buffer;
}

void appendReplyHeaders(std::string& out, const MailLog& mail, std::int32_t parent) {
  std::vector<std::int32_t> chain;
  for (std::int32_t at = parent; at >= 0; at = mail.messages[at].parent) chain.push_back(at);
  out += "In-Reply-To: " + messageId(parent) + "\nReferences:";
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) out += " " + messageId(*it);
  out += '\n';
}

void appendMailer(std::string& out, const ActivityPlan& plan, const MailMessage& message) {
  const PersonPlan& sender = plan.person(message.from);
  if (message.platform == 0) {
    const auto& mailer = kDesktopMailers[sender.computer];
    out += std::string(mailer[0]) + ": " + mailer[1] + "\n";
  } else if (message.platform == kMobilePlatform && sender.phone < 2) {
    out += "X-Mailer: iPhone Mail (21A329)\n";
  }
}

void appendBody(std::string& out, const ActivityPlan& plan, const MailMessage& message) {
  for (std::uint8_t i = 0; i < message.lineCount; ++i) {
    const std::size_t line = message.lines[i];
    const std::string_view text = line < texts::kMailLines.size()
                                      ? texts::kMailLines[line]
                                      : texts::kFromLines[line - texts::kMailLines.size()];
    // mboxrd: a body line matching ^>*From gets one more '>'.
    const std::size_t quotes = text.find_first_not_of('>');
    if (text.substr(quotes == std::string_view::npos ? text.size() : quotes).starts_with("From ")) {
      out += '>';
    }
    out += text;
    out += '\n';
  }
  if (message.platform == kMobilePlatform) {
    out += plan.person(message.from).phone < 2 ? "\nSent from my iPhone\n"
                                               : "\nGet Outlook for Android\n";
  }
  out += '\n';  // the blank line that ends every message
}

void appendMessage(std::string& out, const ActivityPlan& plan, const MailLog& mail,
                   std::int32_t index) {
  const MailMessage& message = mail.messages[index];
  const auto& people = plan.org().people;
  const Person& from = people[message.from];
  out += "From " + from.email + " " + envelopeDate(message.time) + "\n";
  out += "From: " + mailbox(from) + "\nTo: " + mailbox(people[message.to]) + "\n";
  if (message.cc >= 0) out += "Cc: " + mailbox(people[message.cc]) + "\n";
  out += "Subject: ";
  if (message.parent >= 0) out += "Re: ";
  out += texts::kSubjects[message.subject];
  out += "\nDate: " + rfc5322Date(plan.clockOf(message.from), message.time) + "\n";
  out += "Message-ID: " + messageId(index) + "\n";
  if (message.parent >= 0) appendReplyHeaders(out, mail, message.parent);
  out += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n";
  out += "Content-Transfer-Encoding: 7bit\n";
  appendMailer(out, plan, message);
  out += '\n';
  appendBody(out, plan, message);
}

}  // namespace

void writeMbox(const std::filesystem::path& path, const ActivityPlan& plan, const MailLog& mail) {
  FileSink sink(path);
  for (std::size_t i = 0; i < mail.messages.size(); ++i) {
    appendMessage(sink.buffer(), plan, mail, static_cast<std::int32_t>(i));
    sink.flushIfFull();
  }
  sink.finish();
}

}  // namespace orglens::samples
