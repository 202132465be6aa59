// Text for GitHub-flavoured Markdown: escapes that keep report text literal, and the heading
// anchors GitHub gives, so that a table of contents can link to its sections.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace orglens::reports::markdown {

/// Backslash-escapes what GFM acts on inside a line (emphasis, code, links, HTML, table pipes,
/// strikethrough, math, entities); line breaks become `newline` ("<br>" in a table cell).
/// Control characters other than tab are dropped.
std::string escapeInline(std::string_view text, std::string_view newline = " ");

/// Escapes what would open a block at the start of a line (heading, list item, setext
/// underline) and drops leading spaces, so that indentation never makes a code block.
std::string escapeLineStart(std::string line);

/// escapeInline and escapeLineStart on every line; line breaks are kept.
std::string escapeParagraph(std::string_view text);

/// `text` as a code span, pipes escaped for use in a table cell.
std::string codeSpan(const std::string& text);

/// Heading anchors as GitHub computes them: lower-case, punctuation and symbols dropped,
/// spaces to '-', repeats numbered "-1", "-2". Feed every heading in page order. Non-ASCII
/// letters are kept and the Unicode punctuation and symbol blocks (arrows, dashes, ×)
/// dropped: an approximation of GitHub's rule without Unicode tables.
class HeadingAnchors {
 public:
  std::string slug(std::string_view heading);

 private:
  std::map<std::string, int> m_used;
};

}  // namespace orglens::reports::markdown
