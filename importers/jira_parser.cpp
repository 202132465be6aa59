#include "importers/jira_parser.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>

namespace orglens::importers {
namespace {

namespace od = simdjson::ondemand;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// Walks one document. Structural JSON errors throw simdjson_error (the parser cannot go on
/// after them); wrong types of known fields become problems and the field is ignored.
class Walker {
 public:
  Walker(const simdjson::padded_string& json, JiraPage& page) : m_json(json), m_page(page) {}

  void document(od::document& doc) {
    od::json_type type = doc.type();
    if (type == od::json_type::array) {
      for (auto element : doc.get_array()) issue(element.value());
      return;
    }
    if (type != od::json_type::object) {
      fail(
          "the top level is neither search results (an object with 'issues') nor an array of "
          "issues");
      return;
    }
    bool found = false;
    for (auto field : doc.get_object()) {
      if (field.unescaped_key().value() != "issues") continue;
      od::value issues = field.value();
      const auto line = lineOf(issues);
      if (issues.type().value() != od::json_type::array) {
        fail("'issues' is not an array", line);
        return;
      }
      found = true;
      for (auto element : issues.get_array()) issue(element.value());
    }
    if (!found) fail("no 'issues' array (expected Jira search results with expand=changelog)");
  }

  std::uint64_t lastLine() const { return m_lastLine; }

 private:
  void fail(std::string message, std::uint64_t line = 1) {
    if (!m_page.error.empty()) return;
    m_page.error = std::move(message);
    m_page.errorLine = line;
  }
  void problem(std::uint64_t line, std::string message) {
    m_page.problems.push_back({line, std::move(message)});
  }

  /// Line of a position; positions only increase during the walk, so counting is incremental.
  std::uint64_t lineOf(od::value& v) {
    const char* p = nullptr;
    if (v.current_location().get(p)) return m_lastLine;
    if (!m_lastPos) m_lastPos = m_json.data();
    if (p >= m_lastPos) {
      m_lastLine += static_cast<std::uint64_t>(std::count(m_lastPos, p, '\n'));
      m_lastPos = p;
    }
    return m_lastLine;
  }

  /// Text of a string or number (ids come in both forms); empty for null and other types.
  static std::string textOf(od::value v) {
    switch (v.type().value()) {
      case od::json_type::string:
        return std::string(v.get_string().value());
      case od::json_type::number:
        return std::string(trimmed(v.raw_json_token()));
      default:
        return {};
    }
  }

  bool isObject(od::value& v, std::uint64_t line, std::string_view what) {
    const auto type = v.type().value();
    if (type == od::json_type::object) return true;
    if (type != od::json_type::null)
      problem(line, std::string(what) + " is not an object; ignored");
    return false;
  }

  void user(od::value v, JiraUser& out, std::uint64_t line, std::string_view what) {
    if (!isObject(v, line, what)) return;
    out.present = true;
    std::string key, name;
    for (auto field : v.get_object()) {
      const std::string_view k = field.unescaped_key().value();
      if (k == "accountId")
        out.id = textOf(field.value());
      else if (k == "key")
        key = textOf(field.value());
      else if (k == "name")
        name = textOf(field.value());
      else if (k == "displayName")
        out.displayName = textOf(field.value());
      else if (k == "emailAddress")
        out.email = textOf(field.value());
    }
    if (out.id.empty()) out.id = !key.empty() ? key : name;
  }

  /// `{"name": ...}` (status, issuetype) or `{"key": ...}` (project) of a field.
  std::string nameOf(od::value v, std::string_view member, std::uint64_t line,
                     std::string_view what) {
    if (!isObject(v, line, what)) return {};
    std::string out;
    for (auto field : v.get_object())
      if (field.unescaped_key().value() == member) out = textOf(field.value());
    return out;
  }

  void fields(od::value v, JiraIssue& issue) {
    if (!isObject(v, issue.line, "'fields'")) return;
    issue.hasFields = true;
    const auto line = issue.line;
    for (auto field : v.get_object()) {
      const std::string_view k = field.unescaped_key().value();
      od::value value = field.value();
      if (k == "summary")
        issue.summary = textOf(value);
      else if (k == "created")
        issue.created = textOf(value);
      else if (k == "resolutiondate")
        issue.resolutionDate = textOf(value);
      else if (k == "status")
        issue.status = nameOf(value, "name", line, "'status'");
      else if (k == "issuetype")
        issue.issueType = nameOf(value, "name", line, "'issuetype'");
      else if (k == "project")
        issue.project = nameOf(value, "key", line, "'project'");
      else if (k == "reporter")
        user(value, issue.reporter, line, "'reporter'");
      else if (k == "creator")
        user(value, issue.creator, line, "'creator'");
      else if (k == "assignee")
        user(value, issue.assignee, line, "'assignee'");
    }
  }

  void change(od::value v, JiraHistory& history) {
    if (!isObject(v, history.line, "a history item")) return;
    JiraChange c;
    for (auto field : v.get_object()) {
      const std::string_view k = field.unescaped_key().value();
      if (k == "field")
        c.field = textOf(field.value());
      else if (k == "fieldId")
        c.fieldId = textOf(field.value());
      else if (k == "from")
        c.from = textOf(field.value());
      else if (k == "fromString")
        c.fromString = textOf(field.value());
      else if (k == "to")
        c.to = textOf(field.value());
      else if (k == "toString")
        c.toString = textOf(field.value());
    }
    history.items.push_back(std::move(c));
  }

  void history(od::value v, JiraIssue& issue) {
    JiraHistory h;
    h.line = lineOf(v);
    if (v.type().value() != od::json_type::object) {
      problem(h.line, "issue " + issue.key + ": a history is not an object; ignored");
      return;
    }
    for (auto field : v.get_object()) {
      const std::string_view k = field.unescaped_key().value();
      od::value value = field.value();
      if (k == "created") {
        h.created = textOf(value);
      } else if (k == "author") {
        user(value, h.author, h.line, "'author'");
      } else if (k == "items") {
        if (value.type().value() != od::json_type::array) {
          problem(h.line, "issue " + issue.key + ": 'items' is not an array; ignored");
          continue;
        }
        for (auto item : value.get_array()) change(item.value(), h);
      }
    }
    issue.histories.push_back(std::move(h));
  }

  void changelog(od::value v, JiraIssue& issue) {
    if (!isObject(v, issue.line, "'changelog'")) return;
    issue.hasChangelog = true;
    std::uint64_t total = 0;
    for (auto field : v.get_object()) {
      const std::string_view k = field.unescaped_key().value();
      od::value value = field.value();
      if (k == "total") {
        const std::string text = textOf(value);
        std::from_chars(text.data(), text.data() + text.size(), total);
      } else if (k == "histories") {
        const auto line = lineOf(value);
        if (value.type().value() != od::json_type::array) {
          problem(line, "issue " + issue.key + ": 'histories' is not an array; ignored");
          continue;
        }
        for (auto h : value.get_array()) history(h.value(), issue);
      }
    }
    if (total > issue.histories.size()) issue.changelogMissing = total - issue.histories.size();
  }

  void issue(od::value v) {
    JiraIssue issue;
    issue.line = lineOf(v);
    if (v.type().value() != od::json_type::object) {
      problem(issue.line, "an issue is not a JSON object; skipped");
      return;
    }
    for (auto field : v.get_object()) {
      const std::string_view k = field.unescaped_key().value();
      od::value value = field.value();
      if (k == "key")
        issue.key = textOf(value);
      else if (k == "id")
        issue.id = textOf(value);
      else if (k == "fields")
        fields(value, issue);
      else if (k == "changelog")
        changelog(value, issue);
    }
    m_page.issues.push_back(std::move(issue));
  }

  const simdjson::padded_string& m_json;
  JiraPage& m_page;
  const char* m_lastPos = nullptr;
  std::uint64_t m_lastLine = 1;
};

}  // namespace

struct JiraParser::Impl {
  od::parser parser;
};

JiraParser::JiraParser() : m_impl(std::make_unique<Impl>()) {}
JiraParser::~JiraParser() = default;

JiraPage JiraParser::parse(std::string_view json) {
  JiraPage page;
  const simdjson::padded_string padded(json);
  Walker walker(padded, page);
  try {
    od::document doc = m_impl->parser.iterate(padded);
    walker.document(doc);
    // On Demand reads lazily: trailing garbage after the value is only found when asked.
    const char* rest = nullptr;
    if (page.error.empty() && !doc.current_location().get(rest))
      throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
  } catch (const simdjson::simdjson_error& e) {
    page.error = std::string("not valid JSON (") + simdjson::error_message(e.error()) + ")";
    page.errorLine = walker.lastLine();
  }
  if (!page.error.empty()) page.issues.clear();
  return page;
}

bool looksLikeJiraJson(std::string_view head) {
  const auto has = [&](std::string_view s) { return head.find(s) != std::string_view::npos; };
  // Both shapes hold issues with a "key" and "fields"; search results also an "issues" array.
  const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos) return false;
  if (!has("\"key\"") || !has("\"fields\"")) return false;
  return head[first] == '[' || (head[first] == '{' && has("\"issues\""));
}

}  // namespace orglens::importers
