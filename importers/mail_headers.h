// Header parsing for the e-mail importers: header fields of one message (unfolded), RFC 5322
// dates (with the obsolete forms old archives are full of), address lists and RFC 2047
// encoded words. Only headers are parsed here: message bodies never reach these functions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orglens::importers {

/// Calls `onField(name, value)` for every header field of `block` (the header lines of one
/// message, each ending in '\n'). Folded lines are unfolded (the line break before the
/// continuation's white space is removed, RFC 5322 §2.2.3); the value is trimmed. Lines that
/// are not `name: value` (nor continuations) are ignored. O(block size).
void forEachHeaderField(std::string_view block,
                        const std::function<void(std::string_view, std::string_view)>& onField);

/// Reads an RFC 5322 date to UTC microseconds: `[Day,] D Mon YYYY HH:MM[:SS] zone`, plus the
/// obsolete forms: two- and three-digit years (RFC 5322 §4.3: < 50 → 20xx, else 19xx; three
/// digits + 1900), missing seconds, missing day name, named zones (UT, GMT, EST/EDT, CST/CDT,
/// MST/MDT, PST/PDT), military letters (`Z` = UTC; the others read as UTC, as §4.3 says,
/// because their sign was defined backwards), a missing zone (read as UTC) and ctime
/// `Day Mon D HH:MM:SS YYYY`. Trailing comments ("(CET)") are ignored. nullopt otherwise.
std::optional<std::int64_t> parseMailDate(std::string_view text);

struct MailAddress {
  std::string address;  // as written ("ann@x.org", "ann at x.org"); normalised by the caller
  std::string name;     // display name, RFC 2047 decoded, quotes removed; may be empty
};

/// Problems met while decoding a header (reported by the importer as warnings).
struct HeaderProblems {
  std::vector<std::string> unsupportedCharsets;  // encoded words kept raw
  bool badEncoding = false;                      // malformed base64/Q or bytes that are not UTF-8
};

/// Splits an address list (`To`, `Cc`, `From`): `Name <addr>`, `"Last, First" <addr>`,
/// `addr (Name)`, pipermail's `user at domain (Name)` and bare addresses, separated by
/// commas outside quotes, angle brackets and comments. Group names (`list: a, b;`) are
/// dropped. Entries without an address are skipped. O(length).
std::vector<MailAddress> parseAddressList(std::string_view text, HeaderProblems& problems);

/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) to UTF-8; white space between
/// two encoded words is dropped (§6.2). Charsets: utf-8, iso-8859-1/latin1, windows-1252,
/// us-ascii; a word in another charset (or malformed) is kept as written and noted in
/// `problems`. Raw bytes that are not UTF-8 are read as windows-1252 (the usual culprit).
std::string decodeHeaderText(std::string_view text, HeaderProblems& problems);

/// Message ids of a Message-ID / In-Reply-To / References value, without angle brackets,
/// in order. A value without any `<...>` yields its first word (old mailers).
std::vector<std::string> parseMessageIds(std::string_view text);

/// The subject as used to match threads: `Re:`, `Fwd:`, `Fw:`, `AW:`, `WG:`, `SV:`,
/// `Re[2]:` and `[list]` tags removed from the front, white space collapsed, lowercased.
std::string threadSubject(std::string_view subject);

/// True when a body line (leading white space removed) is a short mobile signature a mail
/// app appends: "Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPhone",
/// "Sent from Outlook for Android", "Get Outlook for iOS", ... (case-insensitive prefix).
bool isMobileSignature(std::string_view line);

/// True when a body line starts the quoted earlier message of a top-posted reply
/// ("-----Original Message-----", "From: ...", "On ... wrote:"): a signature after it is
/// someone else's.
bool startsQuotedMessage(std::string_view line);

/// True when `text` is valid UTF-8.
bool isUtf8(std::string_view text);

}  // namespace orglens::importers
