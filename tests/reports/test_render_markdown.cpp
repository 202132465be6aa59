// The Markdown report: hand-checked lines of the fixture, escapes, anchors, an empty report.
#include <catch2/catch.hpp>
#include <string>

#include "reports/render_markdown.h"
#include "tests/reports/report_fixture.h"

using namespace orglens::reports;
using orglens::test::fixtureReport;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Report reportWithTable(Table table) {
  Report r;
  r.sections.push_back({"s", "S", {std::move(table)}});
  return r;
}

Report reportWithParagraph(const std::string& text) {
  Report r;
  r.sections.push_back({"s", "S", {Paragraph{text}}});
  return r;
}

}  // namespace

TEST_CASE("The Markdown report starts with the title, the meta and the privacy rules",
          "[reports][markdown]") {
  const std::string md = renderMarkdown(fixtureReport());
  CHECK(md.rfind("# orglens report\n\n- **Store:** fixture.orglens\n"
                 "- **Window:** 2026-01-01 .. 2026-06-30\n"
                 "- **Privacy:** people are shown as pseudonyms; groups of fewer than 5 people "
                 "are suppressed.\n- **orglens version:** 0.1.0\n\n## Findings\n",
                 0) == 0);
  CHECK_FALSE(contains(md, "Generated"));
  CHECK_FALSE(contains(md, "Compared with"));

  Report r = fixtureReport();
  r.meta.generated = "2026-07-01T08:00:00Z";
  r.meta.compareWindow = "2025-07-01 .. 2025-12-31";
  r.meta.showPeople = true;
  r.meta.minGroup = 3;
  const std::string stamped = renderMarkdown(r);
  CHECK(contains(stamped, "\n- **Compared with:** 2025-07-01 .. 2025-12-31\n"));
  CHECK(contains(stamped, "\n- **Generated:** 2026-07-01T08:00:00Z\n"));
  CHECK(contains(stamped, "people are shown by name; groups of fewer than 3 people"));
}

TEST_CASE("Findings are numbered and link to their section", "[reports][markdown]") {
  const std::string md = renderMarkdown(fixtureReport());
  CHECK(contains(md,
                 "\n1. Work waits 3.1 days on average when Legal hands over to Operations "
                 "— 41% of all waiting time. ([Handoffs](#handoffs))\n"));
  CHECK(contains(md,
                 "\n2. Research \\<R&D\\> has the fewest ties outside its team (E-I "
                 "−0.82). ([Silos and brokers](#silos-and-brokers))\n"));
  CHECK(contains(md,
                 "\n## Contents\n\n- [Handoffs](#handoffs)\n- [Adoption](#adoption)\n"
                 "- [Silos and brokers](#silos-and-brokers)\n- [Method](#method)\n"));
}

TEST_CASE("Measures show value, previous and change in their unit", "[reports][markdown]") {
  const std::string md = renderMarkdown(fixtureReport());
  CHECK(contains(md,
                 "| Measure | Key | Value | Previous | Change | Note |\n"
                 "| --- | --- | ---: | ---: | ---: | --- |\n"
                 "| Median wait of the slowest team handoff | `handoff.team.median` | 3.1 d | "
                 "2.0 d | +1.1 d | Legal → Operations |\n"
                 "| Daily active people, % of registered | `adoption.dau_pct` | 37.5% | – | – "
                 "|  |\n| Lowest E-I index of a team | `silos.min_ei` | -0.82 | – | – | "
                 "Research |\n| Handoffs | `handoff.count` | – | – | – | no data |\n"));

  Report r;
  r.measures = {{"a.pct", "Share", Unit::Percent, 41.0, 43.5, ""},
                {"a.n", "Count", Unit::Count, 1234567.0, std::nullopt, ""}};
  const std::string compared = renderMarkdown(r);
  CHECK(contains(compared, "| Share | `a.pct` | 41.0% | 43.5% | -2.5 pp |  |"));
  CHECK(contains(compared, "| Count | `a.n` | 1,234,567 | – | – |  |"));
  r.measures.erase(r.measures.begin());
  CHECK(contains(renderMarkdown(r),
                 "| Measure | Key | Value | Note |\n| --- | --- | ---: | --- |\n"
                 "| Count | `a.n` | 1,234,567 |  |\n"));
}

TEST_CASE("Tables format cells by unit and show suppressed cells", "[reports][markdown]") {
  const std::string md = renderMarkdown(fixtureReport());
  CHECK(contains(md,
                 "### Slowest team handoffs\n\n| from | to | count | median | share |\n"
                 "| --- | --- | ---: | ---: | ---: |\n"
                 "| Legal | Operations | 120 | 3.1 d | 41.0% |\n"
                 "| Sales \\<EMEA\\> | Support & Care | 80 | 1.0 h | 12.5% |\n"
                 "| Tiny team | Operations | *suppressed* | *suppressed* | *suppressed* |\n\n"
                 "*Note:* 1 row suppressed: fewer than 5 people.\n"));

  Table t;
  t.key = "t";
  t.columns = {{"name"}, {"n", Align::Right, true, Unit::Count}, {"score", Align::Right, true}};
  t.rows = {{"a|b", "1234567", "0.123456"}, {"line\nbreak", "", "x"}, {"short"}};
  const std::string cells = renderMarkdown(reportWithTable(t));
  CHECK(contains(cells, "| a\\|b | 1,234,567 | 0.123456 |\n"));  // Unit::None keeps its text
  CHECK(contains(cells, "| line<br>break | – | x |\n"));
  CHECK(contains(cells, "| short | – | – |\n"));  // missing cells of a short row
}

TEST_CASE("Markdown-active characters in report text are escaped", "[reports][markdown]") {
  const std::string md = renderMarkdown(
      reportWithParagraph("*bold* _em_ `code` [link](x) <b>html</b> ~~del~~ $x$ a\\b &amp; A&B"));
  CHECK(contains(md,
                 "\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](x) \\<b\\>html\\</b\\> "
                 "\\~\\~del\\~\\~ \\$x\\$ a\\\\b \\&amp; A&B"));
  // Line starts that would open a heading, a list or a code block.
  const std::string blocks =
      renderMarkdown(reportWithParagraph("# no heading\n- no list\n"
                                         "12. no list\n    no code"));
  CHECK(contains(blocks, "\n\\# no heading\n\\- no list\n12\\. no list\nno code\n"));

  Report r;
  r.meta.title = "Q1 | *draft*";
  r.findings = {{"x", "# not a heading\nsecond line"}};
  const std::string title = renderMarkdown(r);
  CHECK(title.rfind("# Q1 \\| \\*draft\\*\n", 0) == 0);
  CHECK(contains(title, "\n1. \\# not a heading second line\n"));
}

TEST_CASE("Charts appear as their description and their data", "[reports][markdown]") {
  const std::string md = renderMarkdown(fixtureReport());
  CHECK(contains(md,
                 "### Median wait by team pair\n\n*Bar chart:* Legal → Operations waits "
                 "longest (3.1 d), Sales → Support 1.0 h.\n\n| team pair | median wait |\n"
                 "| --- | ---: |\n| Legal → Operations | 3.1 d |\n| Sales → Support | 1.0 h |\n"
                 "| Tiny → Operations | – |\n"));
  CHECK(contains(md,
                 "|  | Legal | Operations | Sales |\n| --- | ---: | ---: | ---: |\n"
                 "| Legal | – | 3.1 d | 2.0 h |\n| Operations | 1.0 h | – | 30.0 min |\n"
                 "| Sales | 1.0 d | – | 10.0 min |\n"));
  CHECK(contains(md,
                 "*Line chart:* Weekly active share rose from 20% to 45% over six weeks.\n\n"
                 "| week | chat | e-mail |\n| --- | ---: | ---: |\n"
                 "| 2026-W01 | 20.0% | 80.0% |\n"));
  CHECK(contains(md, "| 2026-W04 | – | 70.0% |\n"));
  CHECK(contains(md,
                 "*Network:* Four people in two teams; P-7KQ2M bridges them.\n\n"
                 "4 nodes, 3 edges. Nodes by size:\n\n| node | group | size |\n"
                 "| --- | --- | ---: |\n| P-7KQ2M | Research | 3 |\n| P-A1B2C | Research | 1 |\n"));
}

TEST_CASE("A large network lists only its largest nodes", "[reports][markdown]") {
  Chart net;
  net.key = "n";
  net.kind = ChartKind::Network;
  net.title = "Net";
  for (int i = 0; i < 12; ++i)
    net.nodes.push_back({"N" + std::to_string(i), "G", static_cast<double>(i % 4) + 0.5});
  Report r;
  r.sections.push_back({"s", "S", {net}});
  const std::string md = renderMarkdown(r);
  CHECK(contains(md, "12 nodes, 0 edges. The 10 largest nodes by size:"));
  CHECK(contains(md, "| N3 | G | 3.5 |\n| N7 | G | 3.5 |\n| N11 | G | 3.5 |\n| N2 | G | 2.5 |\n"));
  CHECK(md.ends_with("| N0 | G | 0.5 |\n"));  // ties keep input order: N4 and N8 are cut
  CHECK_FALSE(contains(md, "| N4 |"));
  CHECK_FALSE(contains(md, "| N8 |"));
}

TEST_CASE("Section anchors follow GitHub's heading ids", "[reports][markdown]") {
  Report r;
  r.findings = {{"findings", "f"}};
  r.sections = {{"findings", "Findings", {}},
                {"a", "Silos & brokers: who?", {}},
                {"b", "Wait, team × team", {}},
                {"c", "Handoffs", {Table{"t", "Handoffs", "", {{"x"}}, {}}}},
                {"d", "Handoffs", {}},
                {"e", "Übergaben 2026", {}}};
  const std::string md = renderMarkdown(r);
  CHECK(contains(md, "1. f ([Findings](#findings-1))"));
  CHECK(contains(md, "- [Silos & brokers: who?](#silos--brokers-who)\n"));
  CHECK(contains(md, "- [Wait, team × team](#wait-team--team)\n"));
  // The table heading "Handoffs" comes between the two sections of that title.
  CHECK(contains(md, "- [Handoffs](#handoffs)\n- [Handoffs](#handoffs-2)"));
  CHECK(contains(md, "- [Übergaben 2026](#übergaben-2026)"));
  CHECK(contains(md, "*No rows.*"));
}

TEST_CASE("The Markdown of an empty report has the title and the privacy rules only",
          "[reports][markdown]") {
  CHECK(renderMarkdown(Report{}) ==
        "# orglens report\n\n- **Privacy:** people are shown as pseudonyms; groups of fewer "
        "than 5 people are suppressed.\n");
}

TEST_CASE("The Markdown report is deterministic", "[reports][markdown]") {
  CHECK(renderMarkdown(fixtureReport()) == renderMarkdown(fixtureReport()));
}
