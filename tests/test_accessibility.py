"""Accessibility of the built book: axe-core (WCAG 2.0/2.1 A and AA) on every page, charts a screen
reader can read, every control reachable and operable with the keyboard, and a colour palette with
enough contrast that stays distinct for the common colour-vision deficiencies.

The browser tests use the strictly built book (``built_book``), served on loopback (``site``), in
Debian's headless Chromium (``browser``): see ``conftest.py`` and ``browser.py``.
"""
from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser import (COUNT_DATA_MARKS, book_pages, describe_violations, open_page, run_axe,
                     set_colour_mode, tab_until)
from redrev import charts, renderer

MODES = ["light", "dark"]
# The search page with results on it, besides the empty one.
AXE_PAGES = book_pages() + ["search.html?q=revkom"]


@pytest.fixture
def mode_page(browser, request):
    """A page in a fresh browser context opened in the theme's light or dark mode."""
    context = browser.new_context()
    set_colour_mode(context, request.param)
    page = context.new_page()
    yield page
    context.close()


# --- axe-core ---------------------------------------------------------------------------------

@pytest.mark.parametrize("mode_page", MODES, indirect=True)
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_wcag_aa(site, mode_page, path):
    """No violation of axe-core's WCAG 2.0/2.1 A and AA rules, with every <details> opened."""
    open_page(mode_page, f"{site}/{path}")
    if "?q=" in path:   # results are written by script once the index is searched
        mode_page.wait_for_selector("#search-results ul.search li", timeout=15_000)
    violations = run_axe(mode_page)
    assert violations == [], f"axe-core on {path}:\n{describe_violations(violations)}"


def test_axe_catches_a_violation(site, page):
    """The harness itself works: a control with no name is reported."""
    open_page(page, f"{site}/{book_pages()[0]}")
    page.evaluate("() => document.querySelector('article').insertAdjacentHTML('beforeend', '<button></button>')")
    assert "button-name" in {v["id"] for v in run_axe(page)}


# --- charts: description and data table -------------------------------------------------------

def chart_pages(built_book) -> list[str]:
    return [p for p in book_pages() if 'data-redrev-chart="1"' in (built_book / p).read_text(errors="ignore")]


def test_some_page_has_a_chart(built_book):
    assert chart_pages(built_book), "no page of the book draws a chart: the chart tests below check nothing"


def test_every_chart_is_described_and_has_a_table(site, page, built_book):
    """Every drawn SVG is named (role + aria-label) and described by the visible caption, and its
    figure holds the data as a table with column headers."""
    for path in chart_pages(built_book):
        open_page(page, f"{site}/{path}")
        figures = page.evaluate("""() => Array.from(document.querySelectorAll('figure.redrev-figure')).map(f => {
            const svg = f.querySelector('[data-redrev-chart] svg');
            const described = svg && document.getElementById(svg.getAttribute('aria-describedby') || '');
            return {
              role: svg && svg.getAttribute('role'), label: svg && svg.getAttribute('aria-label'),
              described: described ? described.textContent.trim() : '',
              inFigure: !!(described && f.contains(described)),
              caption: (f.querySelector('figcaption') || {}).textContent || '',
              headers: Array.from(f.querySelectorAll('table thead th[scope=col]')).map(th => th.textContent.trim()),
              rows: f.querySelectorAll('table tbody tr').length,
              region: !!f.querySelector('[role=region][tabindex="0"][aria-label] table'),
            };
        })""")
        assert figures, f"{path}: charts but no figure"
        for n, fig in enumerate(figures, 1):
            where = f"{path}, chart {n}"
            assert fig["role"] == "graphics-document" and fig["label"], f"{where}: SVG not named: {fig}"
            assert len(fig["described"]) > 20 and fig["inFigure"], f"{where}: no description: {fig}"
            assert fig["described"] == fig["caption"].strip()
            assert fig["headers"] and all(fig["headers"]), f"{where}: empty table headers {fig['headers']}"
            assert fig["rows"] > 0 and fig["region"], f"{where}: no data table: {fig}"


def test_renderer_html_has_description_and_table():
    """Unit level: the snippet the renderer emits for a real chart."""
    import redrev

    data = redrev.dataset()
    spec = charts.documents_timeline(data.documents).to_dict()
    snippet = renderer.chart_html(spec)
    assert re.search(r'<figure class="redrev-figure" aria-label="Documents cited', snippet)
    caption = re.search(r'<figcaption id="([^"]+)"[^>]*>(.*?)</figcaption>', snippet, re.S)
    assert caption and caption.group(2) == spec["description"]
    assert f'"aria-describedby", "{caption.group(1)}"' in snippet
    assert '"role", "graphics-document"' in snippet
    rows = next(iter(spec["datasets"].values()))
    assert snippet.count("<tr>") == 1 + min(len(rows), renderer.TABLE_ROWS)
    assert '<th scope="col">date</th>' in snippet


# --- keyboard ---------------------------------------------------------------------------------

def filter_pages(built_book) -> list[str]:
    """Pages with a chart filter bound to a <select> (a Vega-Lite ``binding_select``)."""
    pattern = re.compile(r'"bind":\s*\{[^{}]*"input":\s*"select"')
    return [p for p in book_pages() if pattern.search((built_book / p).read_text(errors="ignore"))]


def test_some_page_has_a_chart_filter(built_book):
    assert filter_pages(built_book), "no chart filter (bound <select>) in the book: the keyboard test checks nothing"


def test_chart_filter_operable_with_keyboard(site, page, built_book):
    """From the top of the page, Tab reaches a chart's drop-down filter; arrow keys change it and
    the chart redraws with fewer marks; Home restores them all."""
    for path in filter_pages(built_book):
        open_page(page, f"{site}/{path}")
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        reached = tab_until(page, "(el) => el.matches('.vega-bind select') && !!el.closest('[data-redrev-chart]')", 400)
        assert reached, f"{path}: Tab never reached a chart filter"
        select = page.evaluate_handle("() => document.activeElement")
        everything = page.evaluate(COUNT_DATA_MARKS, select)
        options = page.evaluate("(s) => s.options.length", select)
        fewer = f"([s, n]) => ({COUNT_DATA_MARKS})(s) < n"
        values, counts = [], []
        for _ in range(options - 1):
            page.keyboard.press("ArrowDown")
            values.append(page.evaluate("(s) => s.value", select))
            try:   # the chart redraws asynchronously
                page.wait_for_function(fewer, arg=[select, everything], timeout=3_000)
            except PlaywrightTimeout:
                pass
            counts.append(page.evaluate(COUNT_DATA_MARKS, select))
            if counts[-1] < everything:
                break
        assert values and values[0] != "null", f"{path}: the arrow key did not change the filter"
        assert counts[-1] < everything, f"{path}: filtering kept all {everything} marks ({values} -> {counts})"
        page.keyboard.press("Home")
        page.wait_for_function(f"([s, n]) => ({COUNT_DATA_MARKS})(s) === n", arg=[select, everything], timeout=5_000)


# Focusable controls of the article, each tagged with a data-kb number; returns how many.
TAG_CONTROLS = """() => {
  const selector = 'a[href], button, select, input:not([type=hidden]), textarea, summary, [tabindex]:not([tabindex="-1"])';
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const visible = el => el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0;
  const controls = Array.from(document.querySelectorAll('article.bd-article ' + selector.split(', ').join(', article.bd-article ')))
    .filter(el => visible(el) && !el.disabled && el.tabIndex >= 0);
  controls.forEach((el, n) => el.setAttribute('data-kb', String(n)));
  window.__kbSeen = new Set();
  document.addEventListener('focusin', e => { const k = e.target.getAttribute && e.target.getAttribute('data-kb'); if (k !== null) window.__kbSeen.add(k); });
  return [controls.length, document.querySelectorAll(selector).length];
}"""


@pytest.mark.parametrize("path", book_pages())
def test_every_control_reachable_with_tab(site, page, path):
    """Tab alone visits every link, button, input, drop-down, summary, scrolling table and widget
    tab of the article (with every <details> opened)."""
    open_page(page, f"{site}/{path}")
    wanted, everything = page.evaluate(TAG_CONTROLS)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(everything + 10):
        page.keyboard.press("Tab")
    missed = page.evaluate("""() => Array.from(document.querySelectorAll('[data-kb]'))
        .filter(el => !window.__kbSeen.has(el.getAttribute('data-kb'))).map(el => el.outerHTML.slice(0, 120))""")
    assert missed == [], f"{path}: {len(missed)} of {wanted} controls never took focus: {missed[:5]}"


def test_widget_tabs_operable_with_keyboard(site, page, built_book):
    """ipywidgets Tab (source cards): the arrow key moves between tabs and Enter shows the other card."""
    paths = [p for p in book_pages() if "jupyter-widget-TabModel" in (built_book / p).read_text(errors="ignore")
             or '"_model_name": "TabModel"' in (built_book / p).read_text(errors="ignore")]
    if not paths:
        pytest.skip("no page uses a Tab widget")
    for path in paths:
        open_page(page, f"{site}/{path}")
        page.wait_for_selector("[role=tab]", timeout=15_000)
        assert tab_until(page, "(el) => el.getAttribute('role') === 'tab'", 400), f"{path}: Tab never reached a tab"
        before = page.evaluate("() => document.activeElement.closest('[role=tablist]').querySelector('[aria-selected=true]').textContent")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        selected = "() => document.activeElement.closest('[role=tablist]').querySelector('[aria-selected=true]').textContent"
        page.wait_for_function(f"(before) => ({selected})() !== before", arg=before, timeout=5_000)


# --- colours ----------------------------------------------------------------------------------

def _srgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])


def _linear(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def contrast(a: str, b: str = "#FFFFFF") -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours."""
    la, lb = (float(np.dot([0.2126, 0.7152, 0.0722], _linear(_srgb(c)))) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
# CIE76 colour difference: about 2.3 is just noticeable; 10 is clearly different at a glance.
MIN_DELTA_E = 10.0


def _lab(linear_rgb: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear_rgb
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def simulate(hex_colour: str, deficiency: str | None) -> np.ndarray:
    rgb = _linear(_srgb(hex_colour))
    return _lab(np.clip(CVD[deficiency] @ rgb, 0, 1) if deficiency else rgb)


def test_contrast_formula():
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#777777") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("country", list(charts.COUNTRY_COLOURS))
def test_palette_contrast_against_white(country):
    """WCAG 1.4.11: graphical objects need 3:1 against the (white) chart background."""
    ratio = contrast(charts.COUNTRY_COLOURS[country])
    assert ratio >= 3.0, f"{country} {charts.COUNTRY_COLOURS[country]}: {ratio:.2f}:1"


@pytest.mark.parametrize("deficiency", [None, *CVD])
def test_palette_distinct_with_colour_vision_deficiency(deficiency):
    """Every pair of republic colours stays clearly different for deuteranopia, protanopia and tritanopia."""
    lab = {k: simulate(c, deficiency) for k, c in charts.COUNTRY_COLOURS.items()}
    distances = {(a, b): float(np.linalg.norm(lab[a] - lab[b])) for a, b in itertools.combinations(lab, 2)}
    closest = min(distances, key=distances.get)
    assert distances[closest] >= MIN_DELTA_E, f"{deficiency}: {closest} only {distances[closest]:.1f} apart"


def test_simulation_confuses_red_and_olive():
    """The simulation is not a no-op: a red and an olive, far apart for most readers, are nearly
    the same colour for a deuteranope."""
    assert np.linalg.norm(simulate("#D00000", None) - simulate("#8A7000", None)) > 50
    assert np.linalg.norm(simulate("#D00000", "deuteranopia") - simulate("#8A7000", "deuteranopia")) < MIN_DELTA_E


def test_palette_not_colour_alone():
    """Shape repeats the colour (WCAG 1.4.1), one distinct shape per republic."""
    assert set(charts.COUNTRY_SHAPES) == set(charts.COUNTRY_COLOURS)
    assert len(set(charts.COUNTRY_SHAPES.values())) == len(charts.COUNTRY_SHAPES)


def test_stage_overview_text_contrast():
    """The dates written in the cells of the stage grid are readable (4.5:1) on every cell colour."""
    import redrev

    spec = charts.stage_overview(redrev.dataset().stages).to_dict()
    rect, text = spec["layer"]
    colour = rect["encoding"]["color"]["scale"]
    fills = dict(zip(colour["domain"], colour["range"]))
    condition = text["encoding"]["color"]
    for status, fill in fills.items():
        ink = condition["condition"]["value"] if status in condition["condition"]["test"] else condition["value"]
        assert contrast(ink, fill) >= 4.5, f"{status}: {ink} on {fill} is {contrast(ink, fill):.2f}:1"
