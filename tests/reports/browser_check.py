#!/usr/bin/python3
"""Open an orglens HTML report in headless Chromium and check that it works in a real browser.

Usage:
    browser_check.py FILE.html [--sections KEY,KEY,...] [--screenshot OUT.png]
                     [--chromium PATH] [--timeout SECONDS] [--width PX]

Checks, through the DevTools protocol over --remote-debugging-pipe (no port, no network):
  * the page loads without a script exception, a console error or a logged error
    (a blocked or failed resource load counts);
  * every chart (figure.chart svg) is rendered: a non-zero box, not hidden;
  * every section given with --sections exists (id = section key);
  * every table has a non-empty <caption> and <th scope> headers;
  * clicking a sortable column header (a real mouse click) reorders the rows, updates
    aria-sort, keeps withheld cells last, and Enter on the focused header sorts too;
  * with --screenshot, a full-page PNG is saved (to look at the page).

Exit code: 0 all checks passed, 1 a check failed (the messages say which), 2 bad usage,
4 skipped: no Chromium installed (looked for --chromium, $ORGLENS_CHROMIUM, then chromium,
chromium-browser, google-chrome on PATH).

Standard library only (Debian's /usr/bin/python3 is enough).
"""

import argparse
import base64
import fcntl
import json
import os
import pathlib
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SKIP = 4


class CheckError(Exception):
    """A check failed or the browser misbehaved; the message says what."""


def find_chromium(explicit):
    """The browser to run; None when none is installed. A browser named explicitly (option or
    $ORGLENS_CHROMIUM) that does not exist is an error, not a skip."""
    for candidate in (explicit, os.environ.get("ORGLENS_CHROMIUM")):
        if candidate:
            found = shutil.which(candidate)
            if not found:
                raise CheckError("the browser %r (--chromium or $ORGLENS_CHROMIUM) is not an "
                                 "executable file" % candidate)
            return found
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """Headless Chromium driven over the DevTools pipe: the browser reads NUL-terminated JSON
    commands on its fd 3 and writes replies and events on its fd 4."""

    def __init__(self, chromium, profile, width, deadline):
        self.deadline = deadline
        self.log_path = os.path.join(profile, "browser.log")
        self.next_id = 0
        self.buffer = b""
        self.events = []
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire_fds():  # runs in the child, before exec
            # Both ends first move above 4, so that one dup2 cannot overwrite the other.
            a = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe",
                "--user-data-dir=" + profile, "--window-size=%d,900" % width, "about:blank"]
        # The log goes to a file: a full stderr pipe would block the browser.
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                pass_fds=(3, 4), preexec_fn=wire_fds, start_new_session=True)
        os.close(to_browser_r)
        os.close(from_browser_w)

    def close(self):
        try:
            self.send("Browser.close", wait=False)
        except (OSError, CheckError):
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        try:  # the browser's helpers live in its session: end all of them
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass

    def _read_message(self):
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise CheckError("timed out waiting for Chromium")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                log = pathlib.Path(self.log_path).read_bytes().decode(errors="replace")
                raise CheckError("Chromium closed the DevTools pipe: " + log[-800:].strip())
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None, wait=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        if not wait:
            return None
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CheckError("%s failed: %s" % (method, reply["error"].get("message")))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, session):
        """The first event `method` of `session`, received earlier or from now on."""
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            event = self._read_message()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)


def page_errors(events):
    """Script exceptions, console errors and logged errors among the events so far."""
    errors = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            errors.append("script exception: %s (line %s)" % (text, details.get("lineNumber")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            texts = [str(a.get("value", a.get("description", ""))) for a in params.get("args", [])]
            errors.append("console.%s: %s" % (params.get("type"), " ".join(texts)))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            errors.append("logged error (%s): %s %s" % (entry.get("source"), entry.get("text"),
                                                       entry.get("url", "")))
    return errors


# Runs in the page: structure and visibility checks. Returns a list of problems.
PAGE_CHECKS = r"""
(function (sections) {
  var problems = [];
  var charts = document.querySelectorAll('figure.chart');
  charts.forEach(function (figure) {
    var svg = figure.querySelector('svg');
    if (!svg) { problems.push('chart ' + figure.id + ' has no <svg>'); return; }
    var box = svg.getBoundingClientRect();
    var style = getComputedStyle(svg);
    if (box.width <= 0 || box.height <= 0)
      problems.push('chart ' + figure.id + ' has an empty box (' + box.width + 'x' + box.height + ')');
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0)
      problems.push('chart ' + figure.id + ' is hidden');
    if (!svg.querySelector('title') || !svg.querySelector('desc'))
      problems.push('chart ' + figure.id + ' lacks <title> or <desc>');
    if (svg.getAttribute('role') !== 'img') problems.push('chart ' + figure.id + ' lacks role=img');
  });
  sections.forEach(function (key) {
    var el = document.getElementById(key);
    if (!el || el.tagName !== 'SECTION') problems.push('section "' + key + '" is missing');
  });
  document.querySelectorAll('table').forEach(function (table, i) {
    var name = table.caption ? table.caption.textContent.trim() : '';
    if (!name) problems.push('table #' + (i + 1) + ' has no caption');
    var heads = table.querySelectorAll('thead th');
    if (!heads.length) problems.push('table "' + name + '" has no header cells');
    heads.forEach(function (th) {
      if (!th.hasAttribute('scope')) problems.push('table "' + name + '": a <th> lacks scope');
    });
  });
  return { problems: problems, charts: charts.length,
           tables: document.querySelectorAll('table').length,
           height: document.documentElement.scrollHeight };
})(%s)
"""

# Runs in the page: the body rows of the first sortable table with 2+ rows, as text.
ROW_ORDER = r"""
(function () {
  var tables = Array.prototype.filter.call(document.querySelectorAll('table.sortable'),
      function (t) { return t.tBodies[0] && t.tBodies[0].rows.length > 1; });
  if (!tables.length) return null;
  var t = tables[0];
  return { rows: Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.textContent; }),
           missingLast: (function () {
             var seen = false, ok = true;
             Array.prototype.forEach.call(t.tBodies[0].rows, function (r) {
               var col = window.__sortedColumn;
               var cell = col === undefined ? null : r.cells[col];
               var missing = cell && cell.classList.contains('missing');
               if (missing) seen = true; else if (seen) ok = false;
             });
             return ok; })(),
           headers: Array.prototype.map.call(t.tHead.rows[0].cells, function (th) {
             return th.getAttribute('aria-sort'); }) };
})()
"""

BUTTON_BOX = r"""
(function (column) {
  var t = Array.prototype.filter.call(document.querySelectorAll('table.sortable'),
      function (t) { return t.tBodies[0] && t.tBodies[0].rows.length > 1; })[0];
  var button = t.tHead.rows[0].cells[column].querySelector('button');
  if (!button) return null;
  button.scrollIntoView({ block: 'center' });
  window.__sortedColumn = column;
  var b = button.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2,
           columns: t.tHead.rows[0].cells.length };
})(%d)
"""


def evaluate(browser, session, expression):
    result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True}, session)
    if "exceptionDetails" in result:
        raise CheckError("check script failed: %s" % result["exceptionDetails"].get("text"))
    return result.get("result", {}).get("value")


def click(browser, session, x, y):
    for kind in ("mousePressed", "mouseReleased"):
        browser.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                  "clickCount": 1}, session)


def check_sorting(browser, session):
    """A real click on a header reorders rows (some header must: the rows differ); Enter on
    the focused header button sorts again, the other way."""
    before = evaluate(browser, session, ROW_ORDER)
    if before is None:
        return ["no sortable table with two or more rows: sorting not checked"], []
    columns = evaluate(browser, session, BUTTON_BOX % 0)["columns"]
    for column in range(columns):
        for _ in range(2):  # the first click may find the rows already in that order
            box = evaluate(browser, session, BUTTON_BOX % column)
            if box is None:
                break
            click(browser, session, box["x"], box["y"])
            after = evaluate(browser, session, ROW_ORDER)
            if after["headers"][column] not in ("ascending", "descending"):
                return [], ["clicking the header of column %d did not set aria-sort" % (column + 1)]
            if not after["missingLast"]:
                return [], ["sorting by column %d did not keep withheld cells last" % (column + 1)]
            if after["rows"] != before["rows"]:
                direction = after["headers"][column]
                for key in ("\r",):  # Enter on the focused button (a button maps it to click)
                    browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Enter",
                                 "code": "Enter", "windowsVirtualKeyCode": 13, "text": key},
                                 session)
                    browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Enter",
                                 "code": "Enter", "windowsVirtualKeyCode": 13}, session)
                again = evaluate(browser, session, ROW_ORDER)
                if again["headers"][column] == direction:
                    return [], ["Enter on the focused sort button did not sort the table"]
                return ["sorting: column %d reordered the rows (mouse and Enter)" % (column + 1)], []
    return [], ["clicking the sortable headers never changed the row order"]


def screenshot(browser, session, path, width):
    metrics = browser.send("Page.getLayoutMetrics", {}, session)
    size = metrics.get("cssContentSize") or metrics.get("contentSize")
    height = max(1, int(size["height"]))
    data = browser.send("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}, session)["data"]
    pathlib.Path(path).write_bytes(base64.b64decode(data))


def run(args, chromium):
    html = pathlib.Path(args.file).resolve()
    if not html.is_file():
        raise CheckError("no such file: %s" % html)
    with tempfile.TemporaryDirectory(prefix="orglens-browser-check-") as profile:
        browser = Browser(chromium, profile, args.width, time.monotonic() + args.timeout)
        try:
            return inspect(browser, html, args)
        finally:
            browser.close()


def attach(browser):
    targets = browser.send("Target.getTargets")["targetInfos"]
    pages = [t for t in targets if t.get("type") == "page"]
    target = pages[0]["targetId"] if pages else browser.send(
        "Target.createTarget", {"url": "about:blank"})["targetId"]
    return browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]


def inspect(browser, html, args):
    session = attach(browser)
    for domain in ("Runtime", "Log", "Page"):
        browser.send(domain + ".enable", {}, session)
    # The window size alone is not exact (headless windows have a minimum width).
    browser.send("Emulation.setDeviceMetricsOverride", {
        "width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
    browser.events.clear()  # only what the report page does counts
    nav = browser.send("Page.navigate", {"url": html.as_uri()}, session)
    if nav.get("errorText"):
        raise CheckError("cannot open %s: %s" % (html, nav["errorText"]))
    browser.wait_event("Page.loadEventFired", session)
    evaluate(browser, session, "new Promise(function (r) { setTimeout(r, 200); })")
    sections = [s for s in (args.sections or "").split(",") if s]
    report = evaluate(browser, session, PAGE_CHECKS % json.dumps(sections))
    notes = []
    if args.screenshot:  # before the sort check: the page as a reader first sees it
        screenshot(browser, session, args.screenshot, args.width)
        notes.append("screenshot: %s" % args.screenshot)
    sort_notes, problems = check_sorting(browser, session)
    notes += sort_notes
    problems = page_errors(browser.events) + report["problems"] + problems
    print("%s: %d charts, %d tables, %d sections checked" % (
        html.name, report["charts"], report["tables"], len(sections)))
    for note in notes:
        print("  " + note)
    for problem in problems:
        print("FAILED: " + problem, file=sys.stderr)
    return 1 if problems else 0


def on_alarm(_signum, _frame):
    raise CheckError("timed out")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="the HTML report to open")
    parser.add_argument("--sections", help="comma-separated section keys that must exist")
    parser.add_argument("--screenshot", help="save a full-page PNG here")
    parser.add_argument("--chromium", help="the browser (default: $ORGLENS_CHROMIUM, then PATH)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before giving up")
    parser.add_argument("--width", type=int, default=1100, help="viewport width in CSS px")
    args = parser.parse_args()
    try:
        chromium = find_chromium(args.chromium)
    except CheckError as error:
        print("FAILED: %s" % error, file=sys.stderr)
        return 1
    if not chromium:
        print("SKIPPED: no Chromium found; install Debian's chromium package or set "
              "ORGLENS_CHROMIUM")
        return SKIP
    # A backstop: whatever happens inside, the check never hangs.
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(int(args.timeout) + 15)
    try:
        return run(args, chromium)
    except CheckError as error:
        print("FAILED: %s" % error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
