#include "importers/mbox_reader.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace orglens::importers {
namespace {

bool isDigits(std::string_view t, std::size_t min, std::size_t max) {
  if (t.size() < min || t.size() > max) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isOneOf(std::string_view t, std::string_view list) {
  // `list` holds 3-letter names back to back ("MonTueWed...").
  if (t.size() != 3) return false;
  for (std::size_t i = 0; i + 3 <= list.size(); i += 3)
    if (list.substr(i, 3) == t) return true;
  return false;
}

bool isClock(std::string_view t) {
  return (t.size() == 5 || t.size() == 8) && isDigits(t.substr(0, 2), 2, 2) && t[2] == ':' &&
         isDigits(t.substr(3, 2), 2, 2) &&
         (t.size() == 5 || (t[5] == ':' && isDigits(t.substr(6, 2), 2, 2)));
}

/// The state of one message being split out of the stream.
class Splitter {
 public:
  Splitter(MailSplit split, MailHandler& handler) : m_split(split), m_handler(handler) {}
  void line(std::string_view text, std::uint64_t number, std::uint64_t offset);
  void finish();

 private:
  enum class State { BeforeMessage, Headers, Body };
  void startMessage(std::uint64_t headerLine, std::uint64_t offset, std::string_view sender);
  void deliverHeaders(bool endsInHeaders);

  MailSplit m_split;
  MailHandler& m_handler;
  State m_state = State::BeforeMessage;
  std::string m_headers, m_envelope;
  std::uint64_t m_line = 0, m_offset = 0;
  bool m_capped = false;
};

void Splitter::startMessage(std::uint64_t headerLine, std::uint64_t offset,
                            std::string_view sender) {
  if (m_state == State::Headers) deliverHeaders(true);
  if (m_state != State::BeforeMessage) m_handler.onMessageEnd();
  m_state = State::Headers;
  m_headers.clear();
  m_envelope.assign(sender);
  m_line = headerLine;
  m_offset = offset;
  m_capped = false;
}

void Splitter::deliverHeaders(bool endsInHeaders) {
  MailMessageStart start;
  start.line = m_line;
  start.offset = m_offset;
  start.envelope = m_envelope;
  start.headers = m_headers;
  start.endsInHeaders = endsInHeaders;
  start.headersCapped = m_capped;
  m_handler.onHeaders(start);
  m_state = State::Body;
}

void Splitter::line(std::string_view text, std::uint64_t number, std::uint64_t offset) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  std::string_view sender;
  const bool fromLine = text.size() > 5 && text[0] == 'F' && isFromLine(text, &sender);
  if (fromLine && (m_split == MailSplit::Mbox || m_state == State::BeforeMessage)) {
    startMessage(number + 1, offset, sender);
    return;
  }
  switch (m_state) {
    case State::BeforeMessage:
      if (text.empty()) return;  // blank lines before the first message
      startMessage(number, offset, {});
      [[fallthrough]];
    case State::Headers:
      if (text.empty()) {
        deliverHeaders(false);
      } else if (m_headers.size() + text.size() < kMaxHeaderBytes) {
        m_headers.append(text);
        m_headers += '\n';
      } else {
        m_capped = true;
      }
      return;
    case State::Body:
      m_handler.onBodyLine(text);
      return;
  }
}

void Splitter::finish() {
  if (m_state == State::Headers) deliverHeaders(true);
  if (m_state != State::BeforeMessage) m_handler.onMessageEnd();
  m_state = State::BeforeMessage;
}

struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};

}  // namespace

bool isFromLine(std::string_view line, std::string_view* sender) {
  if (line.substr(0, 5) != "From ") return false;
  std::array<std::string_view, 16> tokens;
  std::array<std::size_t, 16> starts{};
  std::size_t n = 0;
  for (std::size_t i = 5; i < line.size() && n < tokens.size();) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    const auto end = std::min(line.find_first_of(" \t", i), line.size());
    starts[n] = i;
    tokens[n++] = line.substr(i, end - i);
    i = end;
  }
  // The sender takes at least one token; the ctime date follows it.
  for (std::size_t k = 1; k + 3 < n; ++k) {
    if (!isOneOf(tokens[k], "MonTueWedThuFriSatSun") ||
        !isOneOf(tokens[k + 1], "JanFebMarAprMayJunJulAugSepOctNovDec") ||
        !isDigits(tokens[k + 2], 1, 2) || !isClock(tokens[k + 3]))
      continue;
    const bool year = k + 4 < n && isDigits(tokens[k + 4], 4, 4);
    const bool zoneYear = k + 5 < n && isDigits(tokens[k + 5], 4, 4);  // "... +0000 2015"
    if (!year && !zoneYear) return false;
    if (sender) {
      auto s = line.substr(5, starts[k] - 5);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
      *sender = s;
    }
    return true;
  }
  return false;
}

bool readMailFile(const std::filesystem::path& path, MailSplit split, MailHandler& handler) {
  std::unique_ptr<gzFile_s, GzCloser> gz(gzopen(path.c_str(), "rb"));
  if (!gz) throw MailReadError("cannot open '" + path.string() + "'");
  gzbuffer(gz.get(), 1 << 20);
  std::vector<char> buffer(kBufferBytes);
  Splitter splitter(split, handler);
  std::size_t begin = 0, end = 0;
  std::uint64_t lineNumber = 1, offset = 0, nextProgress = 1 << 20;
  bool partial = false;  // the current line did not fit into the buffer: drop its rest
  for (;;) {
    const int got =
        gzread(gz.get(), buffer.data() + end, static_cast<unsigned>(buffer.size() - end));
    if (got < 0) {
      int code = 0;
      const char* message = gzerror(gz.get(), &code);
      throw MailReadError("'" + path.string() + "' is damaged after line " +
                          std::to_string(lineNumber) + ": " + message);
    }
    end += static_cast<std::size_t>(got);
    const bool eof = got == 0;
    while (begin < end) {
      const char* nl =
          static_cast<const char*>(std::memchr(buffer.data() + begin, '\n', end - begin));
      if (!nl && !eof && !(begin == 0 && end == buffer.size())) break;  // read more first
      const std::size_t stop = nl ? static_cast<std::size_t>(nl - buffer.data()) : end;
      if (!partial) splitter.line({buffer.data() + begin, stop - begin}, lineNumber, offset);
      offset += stop - begin + (nl ? 1 : 0);
      partial = !nl;
      if (nl) ++lineNumber;
      begin = nl ? stop + 1 : end;
    }
    std::memmove(buffer.data(), buffer.data() + begin, end - begin);
    end -= begin;
    begin = 0;
    if (eof) break;
    if (offset >= nextProgress) {
      nextProgress = offset + (1 << 20);
      if (!handler.onProgress(static_cast<std::uint64_t>(gzoffset(gz.get())))) return false;
    }
  }
  splitter.finish();
  return true;
}

bool isMaildir(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path / "cur", ec) &&
         std::filesystem::is_directory(path / "new", ec);
}

std::vector<std::filesystem::path> maildirMessages(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder / sub, ec)) {
      const auto name = entry.path().filename().string();
      if (entry.is_regular_file() && !name.empty() && name[0] != '.') out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.filename() < b.filename(); });
  return out;
}

}  // namespace orglens::importers
