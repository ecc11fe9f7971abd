"""Static chart images (issue 13): every chart of the built book also exists as an SVG drawn at
build time, seen with JavaScript off and in print, and covered by the interactive chart, at the
same size, once vega has drawn."""
from __future__ import annotations

import re

import pytest

import redrev
from browser import book_pages, open_page
from redrev import charts, renderer, static_charts

# Per chart figure on the page: is a static image shown, its size, and how much text it holds.
STATIC_IMAGES = """() => Array.from(document.querySelectorAll('figure.redrev-figure')).map(f => {
  const img = f.querySelector('.redrev-chart-static svg, .redrev-chart-static img');
  const box = img ? img.getBoundingClientRect() : {width: 0, height: 0};
  const style = img ? getComputedStyle(img) : null;
  return {shown: !!img && style.visibility === 'visible' && style.display !== 'none',
          width: box.width, height: box.height, texts: img ? img.querySelectorAll('text').length : 0,
          caption_last: f.lastElementChild.tagName === 'FIGCAPTION'};
})"""
BOX_HEIGHTS = "() => Array.from(document.querySelectorAll('.redrev-chart-box')).map(b => b.getBoundingClientRect().height)"


@pytest.fixture(scope="module")
def spec():
    return charts.documents_timeline(redrev.dataset().documents).to_dict()


def chart_counts(built_book) -> dict[str, int]:
    counts = {p: (built_book / p).read_text(errors="ignore").count('data-redrev-chart="1"') for p in book_pages()}
    return {p: n for p, n in counts.items() if n}


def test_svg_keeps_text_one_name_and_ids_of_its_own(spec):
    drawing = static_charts.svg(spec, "Documents & dates")
    opening = re.match(r"<svg\b[^>]*>", drawing).group(0)
    assert 'role="img"' in opening and 'aria-label="Documents &amp; dates"' in opening
    assert ">Date</text>" in drawing, "the x axis title should be text in the SVG"
    assert "graphics-symbol" not in drawing, "marks keep no per-point ARIA labels (the data table has them)"
    assert static_charts.size(drawing)[0] == static_charts.WIDTH
    clipped = static_charts.svg(charts.episode_timeline(redrev.dataset(), "az-1920-04").to_dict(), "Episode")
    ids = set(re.findall(r'\bid="([^"]+)"', clipped))
    assert ids and len({i.split("-")[0] for i in ids}) == 1, "every id carries the chart's own prefix"
    assert set(re.findall(r"url\(#([^)]+)\)", clipped)) <= ids


def test_only_the_book_build_draws_static_images(spec, monkeypatch):
    monkeypatch.delenv(static_charts.ENV, raising=False)
    notebook = renderer.render(spec)["text/html"]
    assert "redrev-chart-static" not in notebook and "redrev-chart-pending" in notebook
    monkeypatch.setenv(static_charts.ENV, "1")
    book = renderer.render(spec)["text/html"]
    figure = re.search(r"<figure.*?</figure>", book, re.S).group(0)
    assert '<div class="redrev-chart-static"><svg' in figure and "redrev-chart-pending" not in figure
    assert figure.removesuffix("</figure>").rstrip().endswith("</figcaption>"), "figcaption must be the figure's last child"


def test_every_chart_shows_an_image_without_javascript(browser, site, built_book):
    counts = chart_counts(built_book)
    assert counts, "no page of the book draws a chart"
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    problems = []
    for path, expected in counts.items():
        page.goto(f"{site}/{path}")
        images = page.evaluate(STATIC_IMAGES)
        if len(images) != expected:
            problems.append(f"{path}: {len(images)} chart figures, {expected} charts")
        for n, image in enumerate(images, 1):
            if not (image["shown"] and image["width"] > 300 and image["height"] > 100 and image["texts"] > 3):
                problems.append(f"{path}, chart {n}: no readable static image ({image})")
            if not image["caption_last"]:
                problems.append(f"{path}, chart {n}: the figcaption is not the figure's last child")
    context.close()
    assert not problems, "\n".join(problems)


def test_interactive_chart_takes_the_images_place_without_layout_shift(browser, site, built_book):
    """The box keeps its height when vega draws: measured with vega-embed blocked (the static image
    and the room reserved for the filters), then drawn."""
    problems = []
    for path in chart_counts(built_book):
        context = browser.new_context()
        page = context.new_page()
        page.route("**/vega-embed.min.js", lambda route: route.abort())
        page.goto(f"{site}/{path}", wait_until="load")
        before = page.evaluate(BOX_HEIGHTS)
        context.close()
        context = browser.new_context()
        page = context.new_page()
        open_page(page, f"{site}/{path}")
        after = page.evaluate(BOX_HEIGHTS)
        hidden = page.evaluate("() => Array.from(document.querySelectorAll('.redrev-chart-static'))"
                               ".every(s => getComputedStyle(s).visibility === 'hidden')")
        context.close()
        shifts = [round(a - b) for a, b in zip(after, before) if abs(a - b) > 2]
        if len(before) != len(after) or shifts:
            problems.append(f"{path}: box heights {before} before vega, {after} after")
        if not hidden:
            problems.append(f"{path}: a static image is still visible under the drawn chart")
    assert not problems, "\n".join(problems)


def test_print_shows_the_static_image_and_no_site_chrome(page, site, built_book):
    path = next(iter(chart_counts(built_book)))
    open_page(page, f"{site}/{path}")
    page.emulate_media(media="print")
    state = page.evaluate("""() => ({
      static: Array.from(document.querySelectorAll('.redrev-chart-static')).map(s => getComputedStyle(s).visibility),
      interactive: Array.from(document.querySelectorAll('.redrev-chart')).map(s => getComputedStyle(s).display),
      chrome: ['.bd-header', '.bd-sidebar-primary', '.bd-footer', '.prev-next-area']
        .filter(s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none')})""")
    assert state["static"] and set(state["static"]) == {"visible"}
    assert set(state["interactive"]) == {"none"}
    assert not state["chrome"], f"site chrome printed: {state['chrome']}"
