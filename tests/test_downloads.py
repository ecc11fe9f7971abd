"""Downloads a reader gets from the built book: the data package (zip) and each chapter's notebook.

Every download link on every page is followed in the browser and must give a non-empty file; the
data zip must hold every table, ``datapackage.json`` and the codebook; notebooks must be notebooks.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from browser import DOWNLOAD_LINKS, ROOT, book_pages, edition_pages, open_page, source_suffix, toc_files
from redrev.editions import EDITIONS

DATA_ZIP = "downloads/red-revolutions-data.zip"


def check_file(href: str, body: bytes) -> None:
    assert body, f"{href}: empty download"
    if href.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            names = {Path(n).name for n in archive.namelist()}
            assert archive.testzip() is None
            package = json.loads(archive.read(next(n for n in archive.namelist() if n.endswith("datapackage.json"))))
        wanted = {p.name for p in (ROOT / "data").iterdir() if p.suffix in (".csv", ".json", ".md")}
        assert wanted <= names, f"{href}: missing {wanted - names}"
        assert {r["path"] for r in package["resources"]} <= names, "datapackage.json names files the zip lacks"
    elif href.endswith(".ipynb"):
        notebook = json.loads(body)
        assert notebook["nbformat"] == 4 and notebook["cells"], f"{href}: not a notebook"


@pytest.mark.parametrize("path", edition_pages())
def test_every_download_link_gives_a_file(site, page, path):
    """Follow every download link of the page (the footer's data zip, the page's source notebook...)."""
    open_page(page, f"{site}/{path}")
    links = page.evaluate(DOWNLOAD_LINKS)
    hrefs = sorted({link["href"].split("#")[0] for link in links})
    assert any(h.endswith(DATA_ZIP) for h in hrefs), f"{path}: no link to the data zip (footer)"
    for href in hrefs:
        response = page.request.get(href)
        assert response.ok, f"{path}: {href} -> HTTP {response.status}"
        check_file(href, response.body())


@pytest.mark.parametrize("edition", [folder for _name, folder in EDITIONS.values()])
@pytest.mark.parametrize("docname", [d for d in toc_files() if source_suffix(d) == ".ipynb"])
def test_chapter_notebook_downloadable(site, page, docname, edition):
    """A notebook chapter offers its .ipynb through the theme's download button: a real link (the
    same notebook in each edition: one source per chapter)."""
    open_page(page, f"{site}/{edition}{docname}.html")
    link = page.locator("a.btn-download-source-button")
    assert link.count() == 1, f"{docname}: no download button for the source"
    href = link.get_attribute("href")
    assert href.endswith(f"_sources/{docname}.ipynb"), href
    page.locator(".dropdown-download-buttons button.dropdown-toggle").click()
    with page.expect_download() as download:
        link.click()
    body = Path(download.value.path()).read_bytes()
    check_file(href, body)
    assert json.loads(body)["cells"] == json.loads((ROOT / f"{docname}.ipynb").read_text())["cells"]


def test_landing_page_and_footer_link_the_data(site, page):
    """The landing page links the data zip in its text; clicking the footer link downloads it."""
    landing = book_pages()[0]
    open_page(page, f"{site}/{landing}")
    assert page.locator(f"article a[href$='{DATA_ZIP}']").count() >= 1, (
        f"{landing}: its text has no link to the data; add e.g. {{download-data}}`download the data (zip)`")
    footer_link = page.locator(f"footer a[download][href$='{DATA_ZIP}']")
    assert footer_link.count() == 1
    with page.expect_download() as download:
        footer_link.click()
    saved = Path(download.value.path())
    assert download.value.suggested_filename == Path(DATA_ZIP).name
    check_file(DATA_ZIP, saved.read_bytes())


def test_data_zip_is_reproducible(built_book):
    """The zip is built from data/ with fixed timestamps: the same files give the same bytes."""
    from redrev.sphinxext import data_zip_bytes

    assert (built_book / DATA_ZIP).read_bytes() == data_zip_bytes(ROOT)
