"""Notebooks run top to bottom in JupyterLab with the network cut to loopback: charts, filters, widgets.

The environment's JupyterLab is started on 127.0.0.1 with temporary settings (``lab`` fixture in
conftest.py) on a copy of the repository, and opened in headless Chromium, which may reach nothing
but the loopback. Each notebook is run with JupyterLab's own "Run All Cells" command; then every
chart must have drawn marks, every drop-down bound to a chart must change its marks, every Tab
widget must switch, the explorer must answer its drop-down (through the kernel), and no output may
show an error. A second test opens an executed, saved notebook (as nbclient writes it) and measures
its size and the time to its first chart.

Which notebooks: this folder's own ``notebooks/offline-charts.ipynb`` always; of the chapters
(``book/NN-*.ipynb``) and exercises (``exercises/*.ipynb``), by default the one of each with the most
charts and widgets, to keep the run near a minute. ``REDREV_LAB_NOTEBOOKS=all`` runs every one of
them (or give a comma-separated list of paths). The others are reported as skipped, with the reason.
"""
from __future__ import annotations

import json
import os
import re
import time
import uuid
from pathlib import Path

import pytest

from browser import LAB_HELPERS, PageWatch, lab_notebook_url

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "notebooks" / "offline-charts.ipynb"
CHAPTERS = sorted(ROOT.glob("book/[0-9][0-9]-*.ipynb"))
EXERCISES = sorted(ROOT.glob("exercises/*.ipynb"))
SECONDS = 1000  # playwright timeouts are in milliseconds
ERROR_TEXT = re.compile(r"could not be drawn|not loaded|could not be loaded|Traceback|Error:", re.I)


def richness(path: Path) -> int:
    """How many charts and widgets a notebook's code makes (a rough count of the calls)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return len(re.findall(r"charts\.\w+\(|alt\.Chart\(|explorer\(|source_tabs\(|widgets?\.\w+\(", code))


def selected() -> set[Path]:
    wanted = os.environ.get("REDREV_LAB_NOTEBOOKS", "").strip()
    if wanted == "all":
        return {OWN, *CHAPTERS, *EXERCISES}
    if wanted:
        return {OWN, *((ROOT / p.strip()).resolve() for p in wanted.split(",") if p.strip())}
    chosen = {OWN}
    for group in (CHAPTERS, EXERCISES):
        if group:
            chosen.add(max(group, key=lambda p: (richness(p), -group.index(p))))
    return chosen


def notebook_params():
    chosen = selected()
    params = []
    for path in [OWN, *CHAPTERS, *EXERCISES]:
        rel = str(path.relative_to(ROOT))
        marks = [] if path in chosen else [pytest.mark.skip(
            reason="not in the default JupyterLab sample (the richest chapter and exercise); "
                   "REDREV_LAB_NOTEBOOKS=all runs every notebook")]
        params.append(pytest.param(rel, id=rel, marks=marks))
    return params


def test_a_chapter_is_covered_once_chapters_exist():
    chosen = selected()
    if CHAPTERS:
        assert chosen & set(CHAPTERS), "at least one chapter must be run in JupyterLab"
    if EXERCISES:
        assert chosen & set(EXERCISES), "at least one exercise notebook must be run in JupyterLab"
    assert OWN in chosen and OWN.exists()


# --- running a notebook in JupyterLab ----------------------------------------------------------

def open_notebook(page, lab, path: str) -> float:
    """Open a notebook in a fresh JupyterLab page and wait for its kernel; return the seconds taken."""
    start = time.monotonic()
    page.goto(lab_notebook_url(lab, path, f"t{uuid.uuid4().hex[:8]}"), wait_until="domcontentloaded",
              timeout=60 * SECONDS)
    page.wait_for_function("() => !!(window.jupyterapp && window.jupyterapp.started)", timeout=60 * SECONDS)
    page.evaluate("async () => { await window.jupyterapp.started; await window.jupyterapp.restored; }")
    page.evaluate(LAB_HELPERS)
    page.wait_for_function("(path) => !!window.__redrev.panel(path)", arg=path, timeout=60 * SECONDS)
    page.evaluate("""async (path) => {
        const r = window.__redrev, p = r.panel(path);
        await r.withTimeout(p.context.ready, 60000, 'opening the notebook');
        await r.withTimeout(p.sessionContext.ready, 60000, 'starting the kernel');
        if (!p.sessionContext.session || !p.sessionContext.session.kernel) { throw new Error('no kernel'); }
        r.app.shell.activateById(p.id);
    }""", path)
    return time.monotonic() - start


def run_all(page, path: str) -> float:
    """JupyterLab's own Run All Cells command; wait until every cell ran and the kernel is idle."""
    start = time.monotonic()
    page.evaluate("""async (path) => {
        const r = window.__redrev, p = r.panel(path);
        r.app.shell.activateById(p.id);
        if (!r.app.commands.hasCommand('notebook:run-all-cells')) { throw new Error('no Run All Cells command'); }
        await r.withTimeout(r.app.commands.execute('notebook:run-all-cells'), 150000, 'Run All Cells');
    }""", path)
    errors = output_errors(page, path)
    assert errors == [], f"{path}: cells failed in JupyterLab:\n" + "\n\n".join(errors)
    page.wait_for_function("""(path) => {
        const r = window.__redrev, p = r.panel(path), kernel = p.sessionContext.session.kernel;
        return kernel.status === 'idle' && r.cells(path).every(c => c.type !== 'code' || !c.source.trim() || c.count !== null);
    }""", arg=path, timeout=60 * SECONDS, polling=200)
    return time.monotonic() - start


def output_errors(page, path: str) -> list[str]:
    """Error outputs and tracebacks on stderr, from the notebook model and from the page."""
    found = []
    for cell in page.evaluate("(path) => window.__redrev.cells(path)", path):
        for out in cell["outputs"]:
            if out.get("output_type") == "error":
                found.append(f"cell {cell['index']}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", ""))
                if re.search(r"Traceback|\b\w*Error\b|Exception", text):
                    found.append(f"cell {cell['index']} (stderr): {text[-1500:]}")
    shown = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
                         '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
    for n in range(shown.count()):
        text = shown.nth(n).inner_text()
        if re.search(r"Traceback|\b\w*Error\b", text):
            found.append(f"shown on stderr: {text[-1500:]}")
    return found


def wait_for_charts(page, path: str, at_least: int = 0, timeout: float = 60) -> list[dict]:
    """Wait until every chart of the notebook drew marks or shows a message; return them."""
    page.wait_for_function("""([path, atLeast]) => {
        const r = window.__redrev, charts = r.charts(r.panel(path).node);
        return charts.length >= atLeast && charts.every(c => c.marks > 0 || c.status);
    }""", arg=[path, at_least], timeout=timeout * SECONDS, polling=100)
    return page.evaluate("(path) => window.__redrev.charts(window.__redrev.panel(path).node)", path)


def assert_no_error_messages(page, path: str) -> None:
    texts = page.evaluate("""(path) => Array.from(window.__redrev.panel(path).node
        .querySelectorAll('.jp-OutputArea-output')).map(o => o.innerText)""", path)
    bad = [t[:300] for t in texts if re.search(r"could not be drawn|not loaded|could not be loaded", t)]
    assert bad == [], f"{path}: outputs show errors: {bad}"


def check_bound_filters(page, path: str) -> int:
    """Each drop-down bound to a chart changes the chart's marks, and back. Returns how many."""
    selects = page.locator("[data-redrev-chart] .vega-bindings select")
    for n in range(selects.count()):
        select = selects.nth(n)
        chart = select.locator("xpath=ancestor::*[@data-redrev-chart][1]")
        chart.scroll_into_view_if_needed()
        before = chart.evaluate("el => window.__redrev.signature(el)")
        options = select.locator("option").count()
        assert options >= 2, f"{path}: drop-down {n} has no choice"
        changed = False
        for index in range(1, options):
            select.select_option(index=index)
            try:
                page.wait_for_function("([el, before]) => window.__redrev.signature(el) !== before",
                                       arg=[chart.element_handle(), before], timeout=3 * SECONDS, polling=100)
                changed = True
                break
            except Exception:  # this choice happens to draw the same marks: try the next one
                continue
        assert changed, f"{path}: choosing in bound drop-down {n} ({select.get_attribute('name')}) never changed the marks"
        select.select_option(index=0)
        page.wait_for_function("([el, before]) => window.__redrev.signature(el) === before",
                               arg=[chart.element_handle(), before], timeout=10 * SECONDS, polling=100)
    return selects.count()


def check_tabs(page, path: str) -> int:
    """Every Tab widget switches: clicking each tab shows its own page."""
    tabs = page.locator(".jp-Notebook .widget-tab")
    for n in range(tabs.count()):
        widget = tabs.nth(n)
        widget.scroll_into_view_if_needed()
        titles = widget.locator(".lm-TabBar-tab")
        pages = widget.locator(":scope > .widget-tab-contents > *")
        assert titles.count() >= 2 and pages.count() == titles.count(), f"{path}: Tab widget {n} is incomplete"
        for index in reversed(range(titles.count())):
            titles.nth(index).click()
            page.wait_for_function(
                """([w, index]) => { const pages = Array.from(w.querySelectorAll(':scope > .widget-tab-contents > *'));
                   return pages.every((p, i) => (i === index) === !p.classList.contains('lm-mod-hidden')); }""",
                arg=[widget.element_handle(), index], timeout=10 * SECONDS)
            assert pages.nth(index).inner_text().strip(), f"{path}: tab {index} of Tab widget {n} is empty"
    return tabs.count()


STATUS_OF = "(w) => { const s = w.querySelector('.widget-html [role=status]'); return s ? s.innerText : ''; }"


def check_explorers(page, path: str) -> int:
    """The explorer answers its Episode drop-down through the kernel: the count and the chart change."""
    explorers = page.locator(".jp-Notebook .widget-vbox:has(> .widget-html [role=status])")
    for n in range(explorers.count()):
        explorer = explorers.nth(n)
        explorer.scroll_into_view_if_needed()
        handle = explorer.element_handle()
        before = explorer.evaluate(STATUS_OF)
        chart_before = explorer.evaluate(
            "w => { const c = w.querySelector('[data-redrev-chart]'); return c ? window.__redrev.signature(c) : ''; }")
        dropdown = explorer.locator(".widget-dropdown:has(label:text-is('Episode')) select")
        assert dropdown.count() == 1, f"{path}: explorer {n} has no Episode drop-down"
        dropdown.select_option(index=1)
        page.wait_for_function(f"([w, before]) => ({STATUS_OF})(w) !== before", arg=[handle, before],
                               timeout=30 * SECONDS, polling=100)
        now = explorer.evaluate(STATUS_OF)
        assert re.match(r"\d+ of \d+ documents match", now), now
        if int(now.split()[0]):  # the chart is drawn anew, with other marks
            page.wait_for_function("""([w, before]) => { const c = w.querySelector('[data-redrev-chart]');
                const s = c ? window.__redrev.signature(c) : ''; return s !== '' && s !== before; }""",
                                   arg=[handle, chart_before], timeout=30 * SECONDS, polling=100)
        dropdown.select_option(index=0)
        page.wait_for_function(f"([w, before]) => ({STATUS_OF})(w) === before", arg=[handle, before],
                               timeout=30 * SECONDS, polling=100)
    return explorers.count()


@pytest.mark.parametrize("path", notebook_params())
def test_notebook_runs_in_jupyterlab_offline(lab, lab_page, path):
    page = lab_page
    watch = PageWatch(page)
    try:
        opened = open_notebook(page, lab, path)
        ran = run_all(page, path)
        charts = wait_for_charts(page, path, at_least=2 if path == str(OWN.relative_to(ROOT)) else 0)
        undrawn = [c for c in charts if not c["marks"]]
        assert undrawn == [], f"{path}: charts not drawn: {undrawn}"
        assert_no_error_messages(page, path)
        filters = check_bound_filters(page, path)
        tabs = check_tabs(page, path)
        explorers = check_explorers(page, path)
        assert output_errors(page, path) == []
        if path == str(OWN.relative_to(ROOT)):
            assert len(charts) >= 3 and filters >= 4 and tabs >= 1 and explorers == 1, (charts, filters, tabs, explorers)
        page.wait_for_timeout(200)
        assert watch.blocked == [], f"requests outside the loopback: {watch.blocked}"
        assert watch.errors == [], f"JavaScript errors: {watch.errors}"
        print(f"\n{path}: opened in {opened:.1f} s, ran in {ran:.1f} s; {len(charts)} charts, "
              f"{filters} bound drop-downs, {tabs} Tab widgets, {explorers} explorers")
    except Exception:
        page.screenshot(path=str(lab.home.parent / f"failed-{Path(path).stem}.png"))
        print(lab.log()[-3000:])
        raise
