// Charts of the HTML report as inline SVG: no script, no external file, readable in print.
// Each chart becomes one <figure class="chart"> holding the drawing (role="img" with <title>
// and <desc>, the chart's text alternative), a caption and the chart's numbers as a table
// inside <details>, the fallback for people who cannot see the drawing.
#pragma once

#include <string>

#include "reports/report.h"

namespace orglens::reports {

/// The whole <figure> of `chart`. `id` is its unique id attribute (ids inside the SVG are
/// derived from it); `minGroup` is k of the suppression rule, for tooltips.
std::string renderChartFigure(const Chart& chart, const std::string& id, unsigned minGroup);

/// Only the <svg> element (used by renderChartFigure; exposed for tests and other writers).
std::string renderChartSvg(const Chart& chart, const std::string& id);

}  // namespace orglens::reports
