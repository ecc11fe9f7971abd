"""The two editions in the browser: the language switcher round-trips on every page, the hreflang
alternates and lang attributes are right, Russian search finds Cyrillic words, Russian pages stay
within the page-weight budget."""
from __future__ import annotations

import importlib.util
from urllib.parse import unquote, urlparse

import pytest

from browser import ROOT, book_pages, open_page
from redrev.editions import EDITIONS

PAGE_BUDGET = 400 * 1024
SWITCHER = "nav.redrev-editions a.redrev-edition-link"


def site_path(url: str) -> str:
    return unquote(urlparse(url).path).lstrip("/")


@pytest.mark.parametrize("path", book_pages())
def test_switcher_round_trip(site, page, path):
    """English page -> its Russian page -> the same English page again, by the header's switcher;
    each page is in its language (``<html lang>``), links its alternates, and marks the switcher's
    language."""
    open_page(page, f"{site}/{path}")
    for language, other in (("en", "ru"), ("ru", "en")):
        assert page.evaluate("() => document.documentElement.lang") == language, f"{site_path(page.url)}"
        alternates = page.evaluate("""() => Object.fromEntries(Array.from(
            document.querySelectorAll('link[rel=alternate][hreflang]')).map(l => [l.hreflang, l.href]))""")
        expected = {lang: f"{site}/{folder}{path}" for lang, (_name, folder) in EDITIONS.items()}
        assert alternates == {**expected, "x-default": expected["en"]}, f"{site_path(page.url)}: {alternates}"
        link = page.locator(SWITCHER)
        assert link.count() == 1 and link.is_visible(), f"{site_path(page.url)}: no visible language switcher"
        assert link.get_attribute("lang") == other and link.inner_text().strip() == EDITIONS[other][0]
        link.click()
        page.wait_for_load_state("load")
        assert site_path(page.url) == f"{EDITIONS[other][1]}{path}", f"the switcher led to {site_path(page.url)}"
    assert page.evaluate("() => document.documentElement.lang") == "en"


@pytest.mark.parametrize("query, word", [("ревком", "ревком"), ("ревкома", "ревком")])
def test_russian_search_finds_cyrillic_words(site, page, query, word):
    """Sphinx's Russian search (its stemmer): a Cyrillic query, in any case form, lists Russian pages."""
    page.goto(f"{site}/ru/search.html?q={query}", wait_until="load")
    page.wait_for_selector("#search-results ul.search li", timeout=20_000)
    results = page.evaluate("""() => Array.from(document.querySelectorAll('#search-results ul.search li a'))
        .map(a => a.href)""")
    assert results and all(site_path(r).startswith("ru/") for r in results), results
    assert page.evaluate("() => document.documentElement.lang") == "ru"
    assert word in page.locator("#search-results").inner_text().lower()


def test_russian_page_weight(built_book):
    """Each Russian page (its HTML with the specs and widget state it inlines, and its own images) is
    within the 400 KB budget, measured as ``tools/bench.py`` does."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "tools" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    weights, _shared = bench.page_weights(built_book / "ru", book_pages())
    assert set(weights) == set(book_pages())
    over = {p: w for p, w in weights.items() if w > PAGE_BUDGET}
    assert over == {}, f"Russian pages over {PAGE_BUDGET // 1024} KB: {over}"
