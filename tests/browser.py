"""Helpers for the browser tests: a loopback web server and headless Debian Chromium."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1 (a free port) for the duration of the block; yield its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def is_loopback(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname in LOOPBACK


class PageWatch:
    """Blocks every non-loopback request of a page and records it, with JS errors."""

    def __init__(self, page):
        self.blocked: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))

    def _route(self, route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


# Counts, per chart container, the drawn marks (SVG paths/shapes inside mark groups) or canvases.
COUNT_CHART_MARKS = """() => Array.from(document.querySelectorAll('[data-redrev-chart]')).map(el =>
  el.querySelectorAll('svg g[class*="mark-"] path, svg g[class*="mark-"] rect, svg g[class*="mark-"] text, canvas').length)"""


# --- accessibility, keyboard and download helpers (a11y-bench) ---
ROOT = Path(__file__).resolve().parents[1]
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
# The WCAG 2.0/2.1 level A and AA rules of axe-core.
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def toc_files(toc: dict | None = None) -> list[str]:
    """Every document the Jupyter Book ``_toc.yml`` lists (root, parts, chapters, sections), in order."""
    import yaml

    if toc is None:
        toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files: list[str] = []

    def walk(entry):
        if isinstance(entry, dict):
            for key in ("root", "file"):
                if key in entry:
                    files.append(entry[key])
            for key in ("parts", "chapters", "sections"):
                for child in entry.get(key) or []:
                    walk(child)
        elif isinstance(entry, list):
            for child in entry:
                walk(child)

    walk(toc)
    return [f.removesuffix(".md").removesuffix(".ipynb") for f in files]


def book_pages() -> list[str]:
    """Every page of the built site: the table of contents' documents, the search page and the index."""
    return [f"{f}.html" for f in toc_files()] + ["search.html", "genindex.html"]


def source_suffix(docname: str) -> str:
    """The suffix of a table-of-contents document's source file (``.md`` or ``.ipynb``)."""
    for suffix in (".ipynb", ".md"):
        if (ROOT / f"{docname}{suffix}").is_file():
            return suffix
    return ""


# True once every chart drew its marks and every widget view is on the page.
PAGE_READY = """() => {
  const charts = Array.from(document.querySelectorAll('[data-redrev-chart]'));
  const drawn = charts.every(el => el.querySelector('svg g.role-mark > *, canvas'));
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]').length;
  return drawn && (views === 0 || document.querySelectorAll('.jupyter-widgets').length > 0);
}"""


def open_page(page, url: str, *, timeout: int = 15_000) -> None:
    """Go to a page and wait until its charts and widgets are drawn."""
    page.goto(url, wait_until="load")
    page.wait_for_function(PAGE_READY, timeout=timeout)
    page.wait_for_timeout(200)


def set_colour_mode(context, mode: str) -> None:
    """Make every page of a browser context open in the theme's ``light`` or ``dark`` mode."""
    context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")


def run_axe(page, tags=WCAG_AA_TAGS, open_details: bool = True) -> list[dict]:
    """axe-core's violations of the given rule tags on the current page (hidden ``<details>`` opened first)."""
    if open_details:
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
             const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
             return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                          summary: n.failureSummary}))}));
           }""", tags)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"][:5]:
            lines.append(f"    {n['target']}: {n['summary'].splitlines()[-1].strip() if n['summary'] else ''}")
    return "\n".join(lines)


# Data marks (not axes, legends or titles) drawn inside the chart that contains an element.
COUNT_DATA_MARKS = """(el) => el.closest('[data-redrev-chart]').querySelectorAll('svg g.role-mark > *').length"""

# Links of the book's own site a reader downloads: the data zip, the page's source notebook, data files.
DOWNLOAD_LINKS = """() => Array.from(document.querySelectorAll(
    'a[download], a.btn-download-source-button, a.redrev-download, a[href$=".zip"], a[href$=".ipynb"], a[href$=".csv"]'))
  .filter(a => a.origin === location.origin)   // launch buttons (Binder, Colab...) are not downloads
  .map(a => ({href: a.href, text: (a.textContent || '').trim(), cls: a.className}))"""


def tab_until(page, predicate: str, limit: int) -> bool:
    """Press Tab until the JS ``predicate(document.activeElement)`` holds (at most ``limit`` times)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate})(document.activeElement)"):
            return True
    return False
