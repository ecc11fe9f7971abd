"""The PDF edition (``make pdf``): each page of a built edition printed by Debian's Chromium.

Chromium (driven by Playwright) prints every page of the table of contents with the book's print
styles (``redrev.css``: no site chrome, static chart images, cards kept whole), as tagged PDF with
bookmarks from the page's headings and a running header (the page's title) and footer (page
numbers). The whole book is a title page followed by every page, joined with pypdf, which keeps
each page's bookmarks (one per chapter, its sections beneath).

The PDFs go to an output folder and, so that the download menu's links resolve, to ``pdf/`` inside
the edition they were printed from (the links are made by :mod:`redrev.sphinxext`).
"""
from __future__ import annotations

import contextlib
import datetime
import functools
import html
import http.server
import posixpath
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

PDF_DIR = "pdf"
BOOK = "book.pdf"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
FONTS = '"DejaVu Sans", "Noto Sans", sans-serif'
MARGIN = {"top": "18mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}
HEADER = (f'<div style="font-family: {html.escape(FONTS)}; font-size: 8px; color: #444; width: 100%; '
          'padding: 0 16mm; text-align: right;"><span class="title"></span></div>')
FOOTER = (f'<div style="font-family: {html.escape(FONTS)}; font-size: 8px; color: #444; width: 100%; '
          'text-align: center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>')
# Widget views (source cards in tabs) are drawn by the deferred widget manager after "load".
WIDGETS_READY = """() => document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length === 0
  || document.querySelectorAll('.jupyter-widgets').length > 0"""


class PrintError(RuntimeError):
    """Something the reader can act on (no built book, no Chromium), said in one line."""


def pdf_name(docname: str) -> str:
    """``book/04-azerbaijan`` -> ``04-azerbaijan.pdf``."""
    return posixpath.basename(docname) + ".pdf"


def site_path(docname: str) -> str:
    """Where a page's PDF sits in its edition, e.g. ``pdf/04-azerbaijan.pdf``."""
    return f"{PDF_DIR}/{pdf_name(docname)}"


@dataclass
class Printed:
    book: Path
    pages: dict[str, Path]


@contextlib.contextmanager
def serve(folder: Path):
    """The folder over HTTP on 127.0.0.1 (a free port), for the block."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def book_title(landing: Path) -> tuple[str, str]:
    """The book's title (the landing page's heading) and the edition's language (``<html lang>``)."""
    text = landing.read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    lang = re.search(r'<html[^>]*\blang="([^"]+)"', text)
    title = re.sub(r"<[^>]+>|¶|#", "", heading.group(1)).strip() if heading else ""
    return html.unescape(title), lang.group(1) if lang else "en"


def title_page(title: str, author: str, licence: str, lang: str) -> str:
    """The title page: the book's title, its authors, the licence line and the printing date."""
    esc = html.escape
    return f"""<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>@page {{ size: A4; margin: 0; }}
body {{ margin: 0; font-family: {FONTS}; color: #1a1a1a; }}
main {{ height: 297mm; box-sizing: border-box; padding: 70mm 25mm 25mm; display: flex; flex-direction: column; }}
h1 {{ font-size: 30pt; line-height: 1.2; margin: 0 0 12mm; border-bottom: 3px solid #0072B2; padding-bottom: 6mm; }}
p {{ font-size: 13pt; margin: 0 0 4mm; }} .foot {{ margin-top: auto; font-size: 10pt; color: #444; }}</style></head>
<body><main><h1>{esc(title)}</h1><p>{esc(author)}</p>
<p class="foot">© {esc(licence)}<br>{datetime.date.today().isoformat()}</p></main></body></html>"""


def headings(page_html: str) -> dict[str, str]:
    """A page's headings by their text with the spaces taken out (the key Chromium's bookmarks match)."""
    found = {}
    for inner in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page_html, re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>|¶", "", inner)).replace("#", " ").split())
        found["".join(text.split())] = text
    return found


def _heading_for(squashed: str, known: dict[str, str]) -> str | None:
    """The heading a bookmark stands for: its own text, or the longest heading it ends with (Chromium
    sometimes repeats the start of a heading in its bookmark)."""
    if squashed in known:
        return known[squashed]
    ends = [k for k in known if squashed.endswith(k) and 2 * len(k) >= len(squashed)]
    return known[max(ends, key=len)] if ends else None


def fix_bookmarks(path: Path, known: dict[str, str]) -> None:
    """Give Chromium's bookmarks their headings' text back: it drops the space at each line break,
    and sometimes repeats the heading's start."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(path))
    outlines = writer._root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines else []
    while stack:
        item = stack.pop()
        if item is None:
            continue
        item = item.get_object()
        title = str(item.get("/Title", ""))
        fixed = _heading_for("".join(title.split()), known)
        if fixed and fixed != title:
            item[NameObject("/Title")] = TextStringObject(fixed)
        stack += [item.get("/Next"), item.get("/First")]
    with open(path, "wb") as stream:
        writer.write(stream)


def _print(page, url: str, target: Path) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(WIDGETS_READY, timeout=30_000)
    page.evaluate("document.fonts.ready")
    page.pdf(path=str(target), format="A4", margin=MARGIN, print_background=True, outline=True, tagged=True,
             display_header_footer=True, header_template=HEADER, footer_template=FOOTER)


def print_edition(edition: Path, out: Path, docnames: list[str], *, author: str, licence: str) -> Printed:
    """Print every page of an edition to ``out/<page>.pdf`` and the whole book to ``out/book.pdf``;
    copy them to ``edition/pdf/`` as well."""
    from playwright.sync_api import Error, sync_playwright
    from pypdf import PdfWriter

    missing = [d for d in docnames if not (edition / f"{d}.html").is_file()]
    if missing:
        raise PrintError(f"{edition} is not a built edition of this book (no {missing[0]}.html): build it first")
    if not Path(CHROMIUM).exists():
        raise PrintError(f"{CHROMIUM} is missing: install Debian's chromium (see README.md)")
    out.mkdir(parents=True, exist_ok=True)
    title, lang = book_title(edition / f"{docnames[0]}.html")
    pages = {d: out / pdf_name(d) for d in docnames}
    front = out / "title-page.pdf"
    with serve(edition) as url, sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Error as err:
            raise PrintError(f"Chromium did not start: {str(err).splitlines()[0]}") from None
        context = browser.new_context()
        context.add_init_script("localStorage.setItem('mode', 'light'); localStorage.setItem('theme', 'light');")
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                      or route.request.url.startswith(("data:", "blob:")) else route.abort())
        page = context.new_page()
        page.set_content(title_page(title, author, licence, lang), wait_until="load")
        page.pdf(path=str(front), format="A4", print_background=True, tagged=True, outline=True)
        for docname, target in pages.items():
            _print(page, f"{url}/{docname}.html", target)
        browser.close()
    for docname, target in pages.items():
        fix_bookmarks(target, headings((edition / f"{docname}.html").read_text(encoding="utf-8")))
    writer = PdfWriter()
    writer.append(str(front), import_outline=False)
    for target in pages.values():
        writer.append(str(target))
    writer.add_metadata({"/Title": title, "/Author": author})
    writer.page_mode = "/UseOutlines"
    book = out / BOOK
    with open(book, "wb") as stream:
        writer.write(stream)
    front.unlink()
    site = edition / PDF_DIR
    site.mkdir(exist_ok=True)
    for path in [book, *pages.values()]:
        shutil.copyfile(path, site / path.name)
    return Printed(book=book, pages=pages)
