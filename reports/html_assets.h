// The style sheet and the sort script that every HTML report carries inline (a report is one
// self-contained file: it must open offline, from a mail attachment, years later).
#pragma once

namespace orglens::reports {

/// CSS for screen and print (black on white, no button chrome, figures kept whole).
const char* reportStyleSheet();

/// Vanilla JS: sortable tables (click, Enter or Space on a header button), aria-sort kept up
/// to date, missing and withheld cells always last.
const char* reportScript();

}  // namespace orglens::reports
