"""Print the built book to PDF: `make pdf` (README.md, "The PDF edition").

    python tools/make_pdf.py                                   # _build/html -> _build/pdf
    python tools/make_pdf.py --html _build/html/ru --out _build/pdf/ru

Writes <out>/book.pdf (title page and every page of _toc.yml, with bookmarks) and <out>/<page>.pdf,
and copies them into <html>/pdf/, where each page's download menu links its PDF.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from browser import toc_files  # noqa: E402
from redrev.printing import PrintError, print_edition  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html", help="a built edition of the book")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf", help="where the PDFs go")
    args = parser.parse_args(argv)
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    start = time.perf_counter()
    try:
        printed = print_edition(args.html.resolve(), args.out.resolve(), toc_files(),
                                author=config["author"], licence=config["copyright"])
    except PrintError as err:
        print(f"make pdf: {err}", file=sys.stderr)
        return 1
    print(f"{len(printed.pages)} pages and {printed.book} printed in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
