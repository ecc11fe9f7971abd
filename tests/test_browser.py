"""Every page of the built book, opened in headless Chromium with the network cut to loopback."""
from __future__ import annotations

import re

import pytest

from browser import COUNT_CHART_MARKS, PageWatch, edition_pages  # every _toc.yml page, in each edition


@pytest.mark.parametrize("path", edition_pages())
def test_page_renders_offline(site, page, built_book, path):
    assert (built_book / path).is_file(), f"{path} was not built"
    watch = PageWatch(page)
    page.goto(f"{site}/{path}", wait_until="load")
    expected = page.locator("[data-redrev-chart]").count()
    if expected:
        page.wait_for_function(
            f"() => ({COUNT_CHART_MARKS})().every(n => n > 0)", timeout=15_000)
    marks = page.evaluate(COUNT_CHART_MARKS)
    assert len(marks) == expected and all(n > 0 for n in marks), f"charts without marks: {marks}"
    if page.locator('script[type="application/vnd.jupyter.widget-state+json"]').count():
        page.wait_for_selector(".jupyter-widgets", timeout=15_000)
    page.wait_for_timeout(300)
    assert watch.blocked == [], f"requests outside the book: {watch.blocked}"
    assert watch.errors == [], f"JavaScript errors: {watch.errors}"


def test_no_cdn_in_built_html(built_book):
    cdn = re.compile(r"""(?:src|href)\s*=\s*["'][^"']*(jsdelivr|unpkg|cdnjs|googleapis|cloudflare)""", re.I)
    offenders = [str(p.relative_to(built_book)) for p in built_book.rglob("*.html") if cdn.search(p.read_text(errors="ignore"))]
    assert offenders == []
