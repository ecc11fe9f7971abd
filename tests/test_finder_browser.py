"""The reader's tools in the built book, in headless Chromium: the document finder, the side-by-side
view, and self-check answers kept in localStorage (and nothing broken where storage is blocked)."""
from __future__ import annotations

import re

import pytest

import redrev
from browser import PageWatch, describe_violations, open_page, run_axe, set_colour_mode

FINDER = "book/documents.html"
CHAPTER = "book/09-reading-telegrams.html"
HOME = "book/index.html"
DOCS = redrev.dataset().documents
# Makes localStorage throw, as a browser does in private mode or when a policy blocks storage.
BLOCK_STORAGE = """Object.defineProperty(window, 'localStorage', {configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});"""


def visible_ids(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('.redrev-finder-table tbody tr'))
      .filter(r => !r.hidden && r.offsetParent !== null).map(r => r.getAttribute('data-id'))""")


def count_text(page) -> str:
    return page.locator("#rf-count").inner_text()


@pytest.fixture
def finder(site, page):
    watch = PageWatch(page)
    open_page(page, f"{site}/{FINDER}")
    page.wait_for_selector(".redrev-finder.is-scripted")
    yield page
    assert watch.blocked == [] and watch.errors == [], (watch.blocked, watch.errors)


def test_finder_shows_every_document(finder):
    assert visible_ids(finder) == sorted(DOCS["id"])
    assert count_text(finder) == f"{len(DOCS)} of {len(DOCS)} documents shown."
    assert finder.locator(".redrev-finder-table caption").inner_text().startswith(f"All {len(DOCS)} documents")


def test_finder_without_javascript_shows_the_full_table(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/{FINDER}")
    assert page.locator(".redrev-finder-table tbody tr").count() == len(DOCS)
    assert page.locator(".redrev-finder-controls").is_hidden()   # no search box that would do nothing
    assert page.locator("#D017").is_visible()
    context.close()


@pytest.mark.parametrize("query", ["Tiflis", "«ревком»", "Орджоникидзе", "d017"])
def test_search_narrows_and_clear_resets(finder, query):
    finder.fill("#rf-q", query)
    finder.keyboard.press("Enter")
    shown = visible_ids(finder)
    assert 0 < len(shown) < len(DOCS), query
    assert count_text(finder).startswith(f"{len(shown)} of {len(DOCS)}")
    word = query.strip("«»").lower()
    if word.startswith("d0"):
        assert shown == [word.upper()]
    for rid in shown:   # every row shown has the word in its row, its card or its people's names
        assert finder.evaluate("(id) => document.querySelector(`tr[data-id=\"${id}\"]`)._search", rid).find(word) >= 0
    finder.get_by_role("button", name="Clear search and filters").click()
    finder.wait_for_function(f"() => document.getElementById('rf-count').textContent.startsWith('{len(DOCS)} of')")
    assert visible_ids(finder) == sorted(DOCS["id"])


def test_filters_combine(finder):
    finder.select_option("#rf-episode", "ge-1921-02")
    finder.select_option("#rf-type", "telegram")
    finder.click(".redrev-finder-buttons button[type=submit]")
    expected = DOCS[(DOCS["case"] == "ge-1921-02") & (DOCS["type"] == "telegram")]["id"].tolist()
    assert 0 < len(expected) < (DOCS["case"] == "ge-1921-02").sum()
    assert visible_ids(finder) == sorted(expected)
    # a third filter narrows further: dated by receipt
    finder.select_option("#rf-basis", "received")
    finder.click(".redrev-finder-buttons button[type=submit]")
    narrower = DOCS[(DOCS["case"] == "ge-1921-02") & (DOCS["type"] == "telegram") & (DOCS["date_basis"] == "received")]
    assert visible_ids(finder) == sorted(narrower["id"]) and len(narrower) < len(expected)
    # a date range and a flag, with the search
    finder.get_by_role("button", name="Clear search and filters").click()
    finder.fill("#rf-from", "1920-05-01")
    finder.fill("#rf-to", "1920-05-31")
    finder.select_option("#rf-flag", "contradicts")
    finder.click(".redrev-finder-buttons button[type=submit]")
    may = DOCS[(DOCS["date"] >= "1920-05-01") & (DOCS["date"] <= "1920-05-31")
               & DOCS["flags"].map(lambda f: any(x.startswith("contradicts") for x in f))]
    assert visible_ids(finder) == sorted(may["id"]) and len(may) > 1


def test_sorting_by_date(finder):
    start = {r.id: (r.date.strftime("%Y-%m-%d") if r.date == r.date else "9999") for r in DOCS.itertuples()}
    finder.get_by_role("button", name="Date", exact=True).click()
    assert finder.locator('th[data-col="date"]').get_attribute("aria-sort") == "ascending"
    assert visible_ids(finder) == sorted(start, key=lambda i: (start[i], i))   # undated last
    assert "Sorted by Date, ascending." in count_text(finder)
    finder.get_by_role("button", name="Date", exact=True).click()
    assert finder.locator('th[data-col="date"]').get_attribute("aria-sort") == "descending"
    latest_first = sorted(sorted(start), key=lambda i: start[i], reverse=True)   # ties stay in id order
    assert visible_ids(finder) == latest_first
    finder.get_by_role("button", name="Id", exact=True).click()
    assert visible_ids(finder) == sorted(start)


def test_address_shows_its_card(site, page):
    watch = PageWatch(page)
    open_page(page, f"{site}/{FINDER}#D017")
    page.wait_for_selector("#D017.is-shown")
    assert page.locator("#D017").is_visible() and page.locator("#D018").is_hidden()
    card = page.locator("#D017 .redrev-card")
    assert "D017" in card.locator("h3").inner_text()
    assert DOCS.set_index("id").at["D017", "summary_en"] in card.inner_text()
    # the route and the flags come back from the table row into the brief card
    row = page.locator('tr[data-id="D017"] td')
    assert f"From: {row.nth(2).inner_text()} To: {row.nth(3).inner_text()}" in card.inner_text()
    assert f"Source problems: {row.nth(6).inner_text()}" in card.inner_text()
    assert watch.errors == []


def test_chapter_cards_link_to_the_finder(site, page):
    open_page(page, f"{site}/{CHAPTER}")
    link = page.locator('.redrev-card h3 a[href="documents.html#D017"]').first
    link.click()
    page.wait_for_selector("#D017.is-shown")
    assert page.url.endswith("/book/documents.html#D017")


def test_side_by_side_opens_from_a_card(site, page):
    watch = PageWatch(page)
    open_page(page, f"{site}/{FINDER}#D075")
    page.wait_for_selector("#D075.is-shown")
    page.locator("#D075").get_by_role("link", name="Side by side with D068").click()
    compare = page.locator("#rf-compare")
    compare.wait_for(state="visible")
    assert page.url.endswith("#compare-D075-D068")
    assert compare.locator("h2").inner_text() == "D075 and D068 side by side"
    headings = compare.locator(".redrev-card h3").all_inner_texts()
    assert [h.split(" ")[0] for h in headings] == ["D075", "D068"]
    assert "D075 contradicts D068" in compare.locator(".redrev-finder-relation").inner_text()
    quote = DOCS.set_index("id").at["D068", "quote_ru"]
    assert quote[:40] in compare.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "rf-compare-title"
    ids = page.evaluate("() => Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    assert len(ids) == len(set(ids)), "the copies in the view must not duplicate ids"
    compare.get_by_role("button", name="Close the side-by-side view").click()
    page.wait_for_selector("#D075.is-shown")
    assert compare.is_hidden()
    assert watch.errors == []


def test_side_by_side_with_an_event(site, page):
    open_page(page, f"{site}/{FINDER}#compare-D039-E026")
    page.wait_for_selector("#rf-compare:not([hidden])")
    assert "event" in page.locator("#rf-compare .redrev-card h3").nth(1).inner_text()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("address", ["#D075", "#compare-D103-D105"])
def test_axe_on_the_card_and_the_side_by_side_view(site, browser, mode, address):
    """axe-core on the finder's other states (tests/test_accessibility.py checks the page as it opens)."""
    context = browser.new_context()
    set_colour_mode(context, mode)
    page = context.new_page()
    open_page(page, f"{site}/{FINDER}{address}")
    page.wait_for_selector(".redrev-finder-entry.is-shown, #rf-compare:not([hidden])")
    violations = run_axe(page)
    context.close()
    assert violations == [], f"axe-core on {FINDER}{address} ({mode}):\n{describe_violations(violations)}"


# --- progress kept in localStorage ---------------------------------------------------------------

def first_question(page):
    return page.locator("section.redrev-selfcheck form.redrev-sc-q").first


def answer_right(page) -> None:
    q = first_question(page)   # chapter 9, question 1: a document dated by receipt is dated by the day it arrived
    q.locator('input[type=radio][value="b"]').check()
    q.locator("button[type=submit]").click()
    assert q.locator(".redrev-sc-feedback").get_attribute("data-result") == "correct"


def progress(page) -> str:
    return page.locator("section.redrev-selfcheck .redrev-progress").inner_text()


def test_answer_survives_a_reload_and_reset_forgets_it(site, page):
    watch = PageWatch(page)
    open_page(page, f"{site}/{CHAPTER}")
    m = page.locator("section.redrev-selfcheck form.redrev-sc-q").count()
    assert progress(page) == f"0 of {m} answered correctly."
    answer_right(page)
    page.wait_for_function("() => /^1 of/.test(document.querySelector('.redrev-progress').textContent)")
    # a wrong answer to another question is kept with its verdict too
    typed = page.locator("section.redrev-selfcheck form.redrev-sc-q").nth(1)
    typed.locator("input[type=text]").fill("date approximate")
    typed.locator("button[type=submit]").click()
    page.reload()
    open_page(page, f"{site}/{CHAPTER}")
    q = first_question(page)
    page.wait_for_function("() => document.querySelector('.redrev-sc-feedback').getAttribute('data-result') === 'correct'")
    assert q.locator('input[type=radio][value="b"]').is_checked()
    assert "Correct" in q.locator(".redrev-sc-feedback").inner_text()
    assert typed.locator("input[type=text]").input_value() == "date approximate"
    assert typed.locator(".redrev-sc-feedback").get_attribute("data-result") == "wrong"
    assert progress(page) == f"1 of {m} answered correctly."
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('redrev.selfcheck.v1'))")
    assert list(stored) == ["09-reading-telegrams"] and len(stored["09-reading-telegrams"]) == 2

    # the home page sums it up, and forgets on request
    open_page(page, f"{site}/{HOME}")
    row = page.locator('tr[data-chapter="09-reading-telegrams"]')
    assert row.locator(".redrev-progress-correct").inner_text() == f"1 of {m} answered correctly."
    assert row.locator(".redrev-progress-answered").inner_text() == f"2 / {m}"
    other = page.locator('tr[data-chapter="04-azerbaijan"] .redrev-progress-correct').inner_text()
    assert re.fullmatch(r"0 of \d+ answered correctly\.", other)
    page.get_by_role("button", name="Forget my answers").click()
    assert row.locator(".redrev-progress-correct").inner_text() == f"0 of {m} answered correctly."
    assert page.locator(".redrev-progress-message").inner_text() == "Your answers are forgotten."
    open_page(page, f"{site}/{CHAPTER}")
    assert not first_question(page).locator('input[type=radio][value="b"]').is_checked()
    assert first_question(page).locator(".redrev-sc-feedback").inner_text() == ""
    assert progress(page) == f"0 of {m} answered correctly."
    assert watch.errors == []


def uncaught_errors(browser, site, paths, *, without_ours: bool = False) -> list[str]:
    """Uncaught errors while opening pages with storage blocked (optionally without our scripts)."""
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    if without_ours:
        page.route("**/reader/*.js", lambda route: route.abort())
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for path in paths:
        open_page(page, f"{site}/{path}")
    context.close()
    return errors


def test_blocked_storage_breaks_nothing(site, browser):
    context = browser.new_context()
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    watch = PageWatch(page)
    open_page(page, f"{site}/{CHAPTER}")
    assert page.evaluate("() => window.RedrevProgress.stored()") is False
    assert "forgotten" in page.locator(".redrev-progress-note").first.inner_text()
    answer_right(page)
    page.wait_for_function("() => /^1 of/.test(document.querySelector('.redrev-progress').textContent)")
    open_page(page, f"{site}/{HOME}")
    assert page.locator(".redrev-progress-table tbody tr").count() > 0
    page.get_by_role("button", name="Forget my answers").click()
    assert page.locator(".redrev-progress-message").inner_text() == "Your answers are forgotten."
    open_page(page, f"{site}/{FINDER}#D017")
    page.wait_for_selector("#D017.is-shown")
    page.fill("#rf-q", "Tiflis")
    page.keyboard.press("Enter")
    assert 0 < len(visible_ids(page)) < len(DOCS)
    context.close()
    assert watch.blocked == [] and not [e for e in watch.errors if e.startswith("HTTP")], watch.errors
    # The theme's own scripts throw when storage is blocked; ours add no error to theirs.
    paths = [CHAPTER, HOME, FINDER]
    assert uncaught_errors(browser, site, paths) == uncaught_errors(browser, site, paths, without_ours=True)
