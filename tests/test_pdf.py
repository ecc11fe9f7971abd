"""The PDF edition (issue 13, ``make pdf``): the whole book and one PDF per page, printed once per
session by the ``pdf_edition`` fixture; read back with poppler (pdftotext, pdffonts) and pypdf."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from browser import ROOT, toc_files
from redrev import printing

A4_HEIGHT_PT, TOP_PT, BOTTOM_PT = 842, 51, 45   # the page and its header and footer margins (18 and 16 mm)


def text_of(pdf, first: int | None = None, last: int | None = None, body_only: bool = False) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    if body_only:   # crop away the running header and footer
        cmd += ["-x", "0", "-y", str(TOP_PT), "-W", "600", "-H", str(A4_HEIGHT_PT - TOP_PT - BOTTOM_PT)]
    result = subprocess.run([*cmd, str(pdf), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def page_heading(built_book, docname: str) -> str:
    text = (built_book / f"{docname}.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S).group(1)
    return flat(html.unescape(re.sub(r"<[^>]+>|#", "", heading)))


def axis_titles(built_book) -> set[str]:
    """The titles of every chart axis in the built pages (from the specs the pages embed)."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            encoding = node.get("encoding") or {}
            for channel in ("x", "y"):
                title = (encoding.get(channel) or {}).get("title") if isinstance(encoding.get(channel), dict) else None
                if isinstance(title, str) and title:
                    found.add(title)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for docname in toc_files():
        for spec in re.findall(r"var spec = (.*?);\n  var options", (built_book / f"{docname}.html").read_text()):
            walk(json.loads(spec))
    return found


@pytest.fixture(scope="module")
def book(pdf_edition):
    return pdf_edition / printing.BOOK


@pytest.fixture(scope="module")
def book_text(book):
    return flat(text_of(book))


def test_book_holds_every_page_title_and_axis_title(book_text, built_book):
    missing = [d for d in toc_files() if page_heading(built_book, d) not in book_text]
    assert not missing, f"pages missing from book.pdf: {missing}"
    titles = axis_titles(built_book)
    assert titles, "no chart axis titles found in the built pages"
    assert not [t for t in titles if t not in book_text], "axis titles missing from book.pdf"


def test_every_font_is_embedded(book):
    rows = subprocess.run(["pdffonts", str(book)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows, "pdffonts lists no font"
    # columns: name type encoding emb sub uni object ID; "emb" is the fourth from the end
    not_embedded = [r for r in rows if r.split()[-5] != "yes"]
    assert not not_embedded, "fonts not embedded:\n" + "\n".join(not_embedded)


def test_book_holds_russian_text(book_text):
    assert len(re.findall(r"[А-Яа-яЁё]{4,}", book_text)) > 200, "the Russian originals are missing from book.pdf"


def test_no_page_is_blank(book):
    pages = len(PdfReader(book).pages)
    blank = [n for n in range(1, pages + 1) if not text_of(book, n, body_only=True).strip()]
    assert not blank, f"pages with nothing but header and footer: {blank}"


def test_title_page_outline_and_page_numbers(book, pdf_edition, built_book):
    reader = PdfReader(book)
    assert page_heading(built_book, toc_files()[0]) in flat(reader.pages[0].extract_text())
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert all(page_heading(built_book, d) in top for d in toc_files()), f"bookmarks: {top}"
    assert any(isinstance(item, list) and item for item in reader.outline), "no section bookmarks under the chapters"
    chapter = pdf_edition / printing.pdf_name("book/04-azerbaijan")
    pages = len(PdfReader(chapter).pages)
    assert pages > 1 and f"2 / {pages}" in text_of(chapter, 2)


def test_every_page_has_its_pdf_linked_from_the_download_menu(pdf_edition, page, site, built_book):
    for docname in toc_files():
        assert (pdf_edition / printing.pdf_name(docname)).is_file(), f"no PDF of {docname}"
    for docname in ["book/04-azerbaijan", toc_files()[0], "book/handout-04-azerbaijan"]:
        page.goto(f"{site}/{docname}.html")
        link = page.locator(".dropdown-download-buttons a.btn-download-pdf-button")
        assert link.count() == 1, f"{docname}: no PDF link in the download menu"
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.body().startswith(b"%PDF"), f"{docname}: the PDF link is broken"
        assert page_heading(built_book, docname) in flat(text_of(pdf_edition / printing.pdf_name(docname))), docname


def test_an_unbuilt_edition_gets_a_clear_message(tmp_path):
    result = subprocess.run([sys.executable, "tools/make_pdf.py", "--html", str(tmp_path), "--out", str(tmp_path / "pdf")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not a built edition" in result.stderr and "build it first" in result.stderr
