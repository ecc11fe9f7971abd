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

from browser import (COUNT_DATA_MARKS, book_pages, describe_violations, edition_pages, open_page, run_axe,
                     set_colour_mode, tab_until)
from redrev import charts, renderer

MODES = ["light", "dark"]
# Both editions; the search page with results on it, besides the empty one.
AXE_PAGES = edition_pages() + ["search.html?q=revkom", "ru/search.html?q=ревком"]


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


def test_decorative_marks_hidden():
    """A layer that encodes no data (a base map) is hidden from screen readers; data layers are not."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    background = alt.Chart(alt.Data(values=[{}])).mark_rect(color="#eee")
    points = alt.Chart(frame).mark_point().encode(x="a", y="b")
    layers = renderer.hide_decorative_marks(alt.layer(background, points).to_dict())["layer"]
    assert layers[0]["mark"]["aria"] is False and "aria" not in layers[1]["mark"]
    shared = alt.layer(alt.Chart(frame).mark_line(), alt.Chart(frame).mark_point()).encode(x="a", y="b").to_dict()
    assert all("aria" not in layer["mark"] for layer in renderer.hide_decorative_marks(shared)["layer"])


# --- charts: description and data table -------------------------------------------------------

def chart_pages(built_book) -> list[str]:
    return [p for p in edition_pages() if 'data-redrev-chart="1"' in (built_book / p).read_text(errors="ignore")]


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
    """Pages with a chart control bound to an input (a Vega-Lite parameter with ``bind``)."""
    pattern = re.compile(r'"bind":\s*\{[^{}]*"input":\s*"(select|checkbox|radio|range)"')
    return [p for p in edition_pages() if pattern.search((built_book / p).read_text(errors="ignore"))]


def test_some_page_has_a_chart_filter(built_book):
    assert filter_pages(built_book), "no chart filter (bound <select>) in the book: the keyboard test checks nothing"


# What a chart shows: its number of data marks and a hash of their SVG (colours, positions,
# opacity), in any order (a redraw may put the same marks in another order).
CHART_STATE = """(el) => {
  const marks = Array.from(el.closest('[data-redrev-chart]').querySelectorAll('svg g.role-mark > *'));
  const text = marks.map(m => m.outerHTML).sort().join('|');
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return [marks.length, hash];
}"""
# Chart controls in the Tab order: each drop-down, check box and slider, and each group of radio buttons.
COUNT_CHART_CONTROLS = """() => {
  const els = Array.from(document.querySelectorAll('[data-redrev-chart] .vega-bind select, [data-redrev-chart] .vega-bind input'));
  return els.filter(e => e.type !== 'radio').length + new Set(els.filter(e => e.type === 'radio').map(e => e.name)).size;
}"""
IS_CHART_CONTROL = "(el) => el.matches('.vega-bind select, .vega-bind input') && !!el.closest('[data-redrev-chart]')"
# The key that changes each kind of bound input, and the one that puts it back.
KEYS = {"select": ("ArrowDown", "Home"), "checkbox": (" ", " "), "radio": ("ArrowRight", "ArrowLeft"),
        "range": ("ArrowRight", "ArrowLeft")}


def test_chart_filters_operable_with_keyboard(site, page, built_book):
    """Tab reaches every chart control (drop-downs, check boxes, radio buttons, sliders bound by
    Vega-Lite) on every page; its key changes the chart; putting it back restores the chart. At
    least one drop-down filter leaves fewer marks."""
    filtered = []
    for path in filter_pages(built_book):
        open_page(page, f"{site}/{path}")
        total = page.evaluate(COUNT_CHART_CONTROLS)
        limit = page.evaluate("() => document.querySelectorAll('a[href], button, input, select, summary, [tabindex]').length") + 10
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        done = 0
        while done < total:
            assert tab_until(page, IS_CHART_CONTROL, limit), f"{path}: Tab reached {done} of {total} chart controls"
            control = page.evaluate_handle("() => document.activeElement")
            kind = page.evaluate("(c) => c.tagName === 'SELECT' ? 'select' : c.type", control)
            name = page.evaluate("(c) => c.name || c.closest('label')?.textContent", control)
            change, back = KEYS[kind]
            before = page.evaluate(CHART_STATE, control)
            changed = f"([c, before]) => JSON.stringify(({CHART_STATE})(c)) !== JSON.stringify(before)"
            presses = page.evaluate("(c) => c.options ? c.options.length - 1 : 1", control)
            after = before
            for _ in range(presses):
                page.keyboard.press(change)
                try:   # the chart redraws asynchronously
                    page.wait_for_function(changed, arg=[control, before], timeout=3_000)
                except PlaywrightTimeout:
                    continue
                after = page.evaluate(CHART_STATE, control)
                break
            assert after != before, f"{path}: the keyboard on control {name!r} ({kind}) did not change its chart"
            if kind == "select" and after[0] < before[0]:
                filtered.append((path, name, before[0], after[0]))
            page.keyboard.press(back)
            restored = f"([c, before]) => JSON.stringify(({CHART_STATE})(c)) === JSON.stringify(before)"
            if kind in ("select", "checkbox"):
                page.wait_for_function(restored, arg=[control, before], timeout=5_000)
            done += 1
    assert filtered, "no drop-down filter reduced the marks of its chart from the keyboard"


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


@pytest.mark.parametrize("path", edition_pages())
def test_every_control_reachable_with_tab(site, page, path):
    """Tab alone visits every link, button, input, drop-down, summary, scrolling table and widget
    tab of the article (with every <details> opened)."""
    open_page(page, f"{site}/{path}")
    wanted, everything = page.evaluate(TAG_CONTROLS)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for _ in range(everything + 10):
        page.keyboard.press("Tab")
    # A radio group is one Tab stop (arrow keys move inside it), so one focused radio covers its group.
    missed = page.evaluate("""() => {
      const seen = el => window.__kbSeen.has(el.getAttribute('data-kb'));
      const groupSeen = el => el.type === 'radio' && Array.from(document.getElementsByName(el.name)).some(r => r.hasAttribute('data-kb') && seen(r));
      return Array.from(document.querySelectorAll('[data-kb]')).filter(el => !seen(el) && !groupSeen(el))
        .map(el => el.outerHTML.slice(0, 120)); }""")
    assert missed == [], f"{path}: {len(missed)} of {wanted} controls never took focus: {missed[:5]}"


def test_widget_tabs_operable_with_keyboard(site, page, built_book):
    """ipywidgets Tab (source cards): the arrow key moves between tabs and Enter shows the other card."""
    paths = [p for p in edition_pages() if "jupyter-widget-TabModel" in (built_book / p).read_text(errors="ignore")
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
