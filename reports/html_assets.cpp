#include "reports/html_assets.h"

namespace orglens::reports {

const char* reportStyleSheet() {
  return R"css(
:root { color-scheme: light; --ink: #1c2530; --muted: #5b6573; --line: #dde2e8;
  --soft: #f5f7f9; --accent: #0a5d9c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); line-height: 1.5; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans",
    Arial, sans-serif; }
.page { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #e69f00;
  outline-offset: 2px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .9rem; letter-spacing: -.01em; }
h2 { font-size: 1.35rem; margin: 0 0 .8rem; }
.report-header { border-bottom: 3px solid var(--ink); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; font-weight: 600;
  color: var(--muted); margin: 0 0 .3rem; }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
  gap: .5rem 1.5rem; margin: 0; }
.meta div { min-width: 0; }
.meta dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.meta dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
.privacy { margin: .9rem 0 0; padding: .45rem .75rem; background: var(--soft);
  border-left: 4px solid #009e73; font-size: .9rem; }
.toc { margin: 0 0 2rem; font-size: .95rem; }
.toc h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted);
  margin: 0 0 .3rem; }
.toc ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }
section { margin: 0 0 2.5rem; scroll-margin-top: 1rem; }
section > h2 { padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
.findings { margin: 0; padding-left: 1.6rem; }
.findings li { margin: 0 0 .55rem; padding-left: .3rem; font-size: 1.05rem; }
.findings li::marker { font-weight: 700; color: var(--accent); }
.findings .more { font-size: .85rem; white-space: nowrap; }
.table-block { margin: 1.2rem 0 1.6rem; break-inside: avoid; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem;
  font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4rem; caption-side: top; }
th, td { padding: .38rem .65rem; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid #9aa4b1; font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody th { font-weight: 500; }
.num { text-align: right; }
button.sort { font: inherit; font-weight: 600; color: inherit; background: none; border: 0;
  padding: .1rem .2rem; margin: -.1rem -.2rem; cursor: pointer; border-radius: 3px;
  text-align: inherit; }
button.sort:hover { background: #e9eef4; }
.sort-icon::after { content: "\2195"; color: #9aa4b1; margin-left: .3rem; font-size: .85em; }
th[aria-sort="ascending"] .sort-icon::after { content: "\25B2"; color: var(--ink); }
th[aria-sort="descending"] .sort-icon::after { content: "\25BC"; color: var(--ink); }
.suppressed { font-style: italic; color: #7a828c; }
.missing { color: #7a828c; }
.note { font-size: .85rem; color: var(--muted); margin: .4rem 0 0; }
.empty { color: var(--muted); font-style: italic; }
.change { white-space: nowrap; }
.dir { font-size: .8em; margin-right: .2rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
figure.chart { margin: 1.4rem 0 1.8rem; padding: 1rem 1rem .8rem; border: 1px solid var(--line);
  border-radius: 6px; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; max-width: 100%; height: auto; margin: 0 auto .6rem; }
figure.chart-heatmap svg { width: auto; }
figcaption { font-size: .92rem; color: var(--muted); }
.fig-title { display: block; font-weight: 600; color: var(--ink); font-size: 1rem; }
details.chart-data { margin-top: .5rem; font-size: .9rem; }
details.chart-data summary { cursor: pointer; color: var(--accent); width: max-content; }
details.chart-data .table-block { margin: .6rem 0; }
.chart-svg text { font-family: inherit; font-size: 12px; fill: #26303b; }
.chart-svg .tick, .chart-svg .value, .chart-svg .legend-label, .chart-svg .cell-value,
.chart-svg .node-label { font-size: 11px; }
.chart-svg .tick { fill: #5b6573; }
.chart-svg .axis-title { font-weight: 600; fill: #3a4450; }
.chart-svg .na { fill: #7a828c; font-style: italic; font-size: 11px; }
.chart-svg .grid { stroke: #e6e9ed; stroke-width: 1; }
.chart-svg .zero { stroke: #8d96a1; stroke-width: 1; }
.chart-svg .bar:hover, .chart-svg .cell:hover { opacity: .8; }
.chart-svg .cell-value.on-dark { fill: #fff; }
.chart-svg .edge { stroke: #8d96a1; stroke-opacity: .6; stroke-linecap: round; }
.chart-svg .node { stroke: #fff; stroke-width: 1.5; }
.chart-svg .node-label { fill: #111; paint-order: stroke; stroke: #fff; stroke-width: 3px;
  stroke-linejoin: round; font-weight: 500; }
.report-footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--line);
  font-size: .8rem; color: var(--muted); }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  .page { padding: 1rem .8rem 2rem; }
  h1 { font-size: 1.5rem; }
  figure.chart { padding: .6rem .5rem; }
  th, td { padding: .3rem .4rem; }
}
@media print {
  @page { size: A4; margin: 15mm 14mm; }
  body { font-size: 10.5pt; color: #000; background: #fff; }
  .page { max-width: none; padding: 0; }
  a { color: #000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
  .privacy { background: none; border-left-color: #000; }
  section { break-before: auto; }
  h2, caption, .fig-title { break-after: avoid; }
  button.sort { padding: 0; margin: 0; }
  .sort-icon { display: none; }
  figure.chart, .table-block, tr { break-inside: avoid; }
  figure.chart { border-color: #bbb; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tbody tr:nth-child(even) { background: none; }
  details.chart-data { display: none; }
  /* Wide tables fit the page: smaller type, no horizontal scroll box on paper. */
  .table-scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding-left: .25rem; padding-right: .25rem; }
  .suppressed, .missing, figcaption, .note, .meta dt { color: #333; }
}
)css";
}

const char* reportScript() {
  return R"js(
(function () {
  'use strict';
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  // The sort key of a cell; null for a withheld or empty cell, which always sorts last.
  function keyOf(cell, numeric) {
    if (!cell || cell.classList.contains('missing')) return null;
    if (!numeric) return cell.textContent.trim();
    var raw = cell.getAttribute('data-sort');
    if (raw === null || raw === '') return null;
    var value = Number(raw);
    return isNaN(value) ? null : value;
  }
  function sortBy(table, column, header) {
    var numeric = header.getAttribute('data-type') === 'num';
    var now = header.getAttribute('aria-sort');
    // Numbers: largest first on the first click; text: A to Z.
    var dir = now === 'ascending' ? 'descending' : now === 'descending' ? 'ascending'
      : numeric ? 'descending' : 'ascending';
    var sign = dir === 'ascending' ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row) {
      return { row: row, key: keyOf(row.cells[column], numeric),
               at: Number(row.getAttribute('data-row')) };
    });
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        return (a.key === null) - (b.key === null) || a.at - b.at;
      }
      var c = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      return c * sign || a.at - b.at;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(header.parentNode.cells, function (th) {
      if (th !== header) th.removeAttribute('aria-sort');
    });
    header.setAttribute('aria-sort', dir);
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    if (!table.tHead || !table.tBodies.length) return;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) {
      row.setAttribute('data-row', String(i));
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = th.querySelector('button.sort');
      // A <button> turns Enter and Space into a click by itself.
      if (button) button.addEventListener('click', function () { sortBy(table, column, th); });
    });
  });
})();
)js";
}

}  // namespace orglens::reports
