#!/usr/bin/env python3
"""Independent reference figures for tests/importers/test_email_clearwater.cpp.

Reads the pipermail archives of ../shared/data/email/clearwater-2015-2017 with Python's own
e-mail parsing (email.parser, email.utils) instead of orglens's, importing the months in
chronological order (one import per file, as the test does) and applying the mapping rules of
importers/email_importer.cpp:
  - a message starts at a line `From <sender> <Day> <Mon> <D> <HH:MM:SS> <YYYY>`;
  - messages without a readable Date are skipped; a Message-ID seen before is kept once;
  - parent = last References id, else first In-Reply-To id; a reply is resolved when its
    parent was imported in an earlier file, or anywhere in the same file;
  - thread = the parent's thread when the parent came earlier in the same file, else the
    first References id, else the parent id, else the message's own id.
Prints: messages, distinct senders, resolved replies, threads.
"""
import email.parser
import email.policy
import email.utils
import pathlib
import re
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FROM_LINE = re.compile(rb"^From \S.* (Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
                       rb"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} "
                       rb"\d\d:\d\d(:\d\d)? (\S+ )?\d{4}")
ID = re.compile(r"<([^>]*)>")


def messages(path):
    header, in_headers, current = [], False, None
    for raw in path.read_bytes().split(b"\n"):
        if FROM_LINE.match(raw):
            if current is not None:
                yield current
            current, in_headers = [], True
            continue
        if current is None or not in_headers:
            continue
        if raw.strip(b"\r") == b"":
            in_headers = False
        else:
            current.append(raw)
    if current is not None:
        yield current


def ids(value):
    found = ["".join(m.split()) for m in ID.findall(value or "")]
    return [i for i in found if i]


def main(folder):
    files = sorted(pathlib.Path(folder).glob("*.txt"),
                   key=lambda p: (int(p.stem.split("-")[0]), MONTHS.index(p.stem.split("-")[1])))
    parser = email.parser.BytesHeaderParser(policy=email.policy.compat32)
    seen, senders, threads = set(), set(), set()
    count = resolved = 0
    for f in files:
        imported = []  # (key, parent, refs) of this file, in order
        for lines in messages(f):
            msg = parser.parsebytes(b"\n".join(lines) + b"\n\n")
            try:
                if email.utils.parsedate_to_datetime(str(msg["Date"])) is None:
                    continue
            except (TypeError, ValueError):
                continue
            key = (ids(str(msg["Message-ID"] or "")) or [None])[0]
            if key is None or key in seen:
                continue
            seen.add(key)
            refs = ids(str(msg["References"] or ""))
            irt = ids(str(msg["In-Reply-To"] or ""))
            parent = refs[-1] if refs else (irt[0] if irt else None)
            imported.append((key, None if parent == key else parent, refs))
            sender = str(msg["From"]).replace(" at ", "@")
            senders.add(email.utils.parseaddr(sender)[1].lower())
        this_file = {k for k, _, _ in imported}
        earlier = seen - this_file
        thread_of = {}
        for key, parent, refs in imported:
            count += 1
            if parent and (parent in earlier or parent in this_file):
                resolved += 1
            if parent and parent in thread_of:
                thread_of[key] = thread_of[parent]
            else:
                thread_of[key] = refs[0] if refs else (parent or key)
            threads.add(thread_of[key])
    print(f"messages {count}\nsenders {len(senders)}\nresolved {resolved}\nthreads {len(threads)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/email/clearwater-2015-2017")
