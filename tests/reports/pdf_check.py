#!/usr/bin/python3
"""Check that a PDF report is a PDF and that its first page is not blank.

Usage:
    pdf_check.py FILE.pdf [--min-ink FRACTION] [--page N]

Renders one page with poppler's pdftoppm at 50 dpi (PPM output), then counts the pixels that
are not white: the check fails when fewer than FRACTION of them (default 0.005 = 0.5%) have ink.

Exit code: 0 ok, 1 failed (the message says why), 2 bad usage, 4 skipped: pdftoppm is not
installed (Debian package poppler-utils).

Standard library only (Debian's /usr/bin/python3 is enough).
"""

import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIP = 4


def read_ppm(data):
    """(width, height, maxval, pixel bytes) of a binary PPM (P6) or PGM (P5) image."""
    tokens, pos = [], 0
    while len(tokens) < 4:  # magic, width, height, maxval; '#' starts a comment
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while end < len(data) and not data[end:end + 1].isspace():
            end += 1
        tokens.append(data[pos:end])
        pos = end
    magic, width, height, maxval = tokens[0], int(tokens[1]), int(tokens[2]), int(tokens[3])
    if magic not in (b"P6", b"P5") or maxval > 255:
        raise ValueError("not an 8-bit binary PPM/PGM image (%r, maxval %d)" % (magic, maxval))
    channels = 3 if magic == b"P6" else 1
    pixels = data[pos + 1:pos + 1 + width * height * channels]  # one whitespace after maxval
    if len(pixels) != width * height * channels:
        raise ValueError("truncated image")
    return width, height, channels, maxval, pixels


def ink_fraction(width, height, channels, maxval, pixels):
    """Share of pixels with any channel clearly below white (anti-aliasing fringes count)."""
    threshold = maxval * 0.94
    inked = 0
    for i in range(0, len(pixels), channels):
        if min(pixels[i:i + channels]) < threshold:
            inked += 1
    return inked / float(width * height)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="the PDF to check")
    parser.add_argument("--min-ink", type=float, default=0.005,
                        help="least share of non-white pixels (default 0.005)")
    parser.add_argument("--page", type=int, default=1, help="the page to check (default 1)")
    args = parser.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        print("SKIPPED: pdftoppm not found; install Debian's poppler-utils package")
        return SKIP
    pdf = pathlib.Path(args.file)
    if not pdf.is_file():
        print("FAILED: no such file: %s" % pdf, file=sys.stderr)
        return 1
    with pdf.open("rb") as f:
        if f.read(5) != b"%PDF-":
            print("FAILED: %s does not start with %%PDF-: not a PDF" % pdf, file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="orglens-pdf-check-") as tmp:
        page = str(args.page)
        try:
            run = subprocess.run([pdftoppm, "-f", page, "-l", page, "-r", "50", str(pdf),
                                  str(pathlib.Path(tmp) / "page")],
                                 capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            print("FAILED: pdftoppm took more than 60 s on %s" % pdf, file=sys.stderr)
            return 1
        images = sorted(pathlib.Path(tmp).glob("page*.ppm"))
        if run.returncode != 0 or not images:
            print("FAILED: pdftoppm could not render page %s of %s: %s" % (
                page, pdf, run.stderr.decode(errors="replace").strip()), file=sys.stderr)
            return 1
        try:
            image = read_ppm(images[0].read_bytes())
        except (ValueError, IndexError) as error:
            print("FAILED: cannot read pdftoppm's image: %s" % error, file=sys.stderr)
            return 1
    ink = ink_fraction(*image)
    print("%s: page %s is %dx%d px at 50 dpi, %.2f%% of its pixels have ink" % (
        pdf.name, page, image[0], image[1], 100 * ink))
    if ink < args.min_ink:
        print("FAILED: page %s looks blank (%.3f%% ink, at least %.3f%% expected)" % (
            page, 100 * ink, 100 * args.min_ink), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
